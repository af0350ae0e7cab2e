#!/usr/bin/env python3
"""Validate Traguardo methodology files (the SMVP as data, schema/methodology-v1.schema.json).

Checks, for every file given:
  1. JSON syntax (duplicate object keys are reported too: the app would keep only one of them);
  2. the JSON Schema schema/methodology-v1.schema.json (draft 2020-12): keys, types, allowed values, ranges;
  3. the coherence rules of `traguardo methodology check` that span several fields (Methodology.validate() in
     Sources/TraguardoCore/Methodology/MethodologyValidation.swift): floor above the cap, bands, dimension weights
     summing to 100, scheme components and criteria summing to their points, result-pay shares, and its warnings.

Messages are in Italian, for the person who writes the SMVP (see docs/metodologia.md). Errors are printed as
"file: percorso: messaggio" (percorso like indicators.date.lateStep or statuses[3].value); warnings as
"file: percorso: avviso: messaggio", and they fail the run only with --strict.

Usage: tools/validate_methodology.py [--strict] [-q] [--schema PATH] FILE.json [...]
Exit status: 0 when every file is valid, 1 when any error was found, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("validate_methodology.py richiede il pacchetto `jsonschema` (pip install jsonschema)\n")
    sys.exit(2)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from jsoncheck import Report as _Report, Unreadable, fmt_path as _fmt_path, leaf_errors, read_json  # noqa: E402


def fmt_path(parts: Iterable[Any]) -> str:
    return _fmt_path(parts, ROOT)


class Report(_Report):
    def __init__(self, name: str):
        super().__init__(name, ROOT)


ROOT = "(file)"
DEFAULT_SCHEMA = REPO / "schema" / "methodology-v1.schema.json"

# Labels of ProgressStatus (MonitoringValue.swift), as the app prints them.
STATUS_LABELS = {
    "in-linea": "In linea",
    "non-in-linea-azioni-avviate": "Non in linea, azioni correttive avviate",
    "non-in-linea-azioni-immediate": "Non in linea, azioni immediate",
    "in-corso": "In corso",
    "raggiunto": "Raggiunto",
    "parzialmente-raggiunto": "Parzialmente raggiunto",
    "non-raggiunto": "Non raggiunto",
    "rinviato": "Rinviato",
    "non-valutabile": "Non valutabile",
    "non-consuntivato": "Non consuntivato",
    "escluso": "Escluso",
    "non-in-linea": "Non in linea",
}
COMPARATOR_SYMBOLS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "=": "="}

TYPE_NAMES = {
    "number": "un numero",
    "integer": "un numero intero",
    "string": "un testo tra virgolette",
    "boolean": "true o false",
    "array": "un elenco [ … ]",
    "object": "un oggetto { … }",
    "null": "null",
}


# --- formatting --------------------------------------------------------------------------------------------------






def q(value: Any) -> str:
    """A JSON value in Italian quotes: «mezzo-mese», «12», «null»."""
    if isinstance(value, str):
        return f"«{value}»"
    return f"«{json.dumps(value, ensure_ascii=False)}»"


def n(x: Any) -> str:
    """Italian number, up to two decimals, trailing zeros dropped (ScoreFormat.compact): 87.5 → 87,5."""
    if not isinstance(x, (int, float)) or isinstance(x, bool):
        return str(x)
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "un numero"
    if isinstance(value, str):
        return "un testo"
    if isinstance(value, list):
        return "un elenco"
    return "un oggetto"


def suggestion(word: Any, choices: Iterable[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Forse intendevi {q(close[0])}?" if close else ""


# --- JSON loading ------------------------------------------------------------------------------------------------

def load_json(path: Path, report: Report) -> Any:
    try:
        data, duplicates = read_json(path)
    except Unreadable as e:
        if e.reason == "json":
            report.error("(file)", f"il file non è un JSON valido: {e.detail} (riga {e.line}, colonna {e.column}).")
        else:
            report.error("(file)", f"file non leggibile: {e.detail}")
        return None
    for k in duplicates:
        report.error("(file)", f"la chiave {q(k)} compare due volte nello stesso oggetto: l'app ne userebbe una sola.")
    return data


# --- schema ------------------------------------------------------------------------------------------------------




def node_at(data: Any, path: Iterable[Any]) -> Any:
    for p in path:
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def name_of(obj: Any) -> str:
    if isinstance(obj, dict):
        for k in ("name", "key"):
            if isinstance(obj.get(k), str):
                return obj[k]
    return "?"


def italian(err: jsonschema.ValidationError, data: Any) -> list[tuple[list, str]]:
    """The schema error as (path, message) lines in Italian; an unknown key gives one line per key."""
    path = list(err.absolute_path)
    v, value, inst = err.validator, err.validator_value, err.instance
    parent = node_at(data, path[:-1]) if path else None
    last = path[-1] if path else None

    if v == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        extra = [k for k in inst if k not in allowed] if isinstance(inst, dict) else []
        return [(path + [k], f"chiave sconosciuta: l'app la ignorerebbe (e la regola che volevi prenderebbe il valore "
                             f"predefinito).{suggestion(k, allowed)} Chiavi ammesse qui: {', '.join(allowed)}.")
                for k in extra]
    if v == "required":
        missing = re.match(r"'(.*)' is a required property", err.message)
        key = missing.group(1) if missing else "?"
        # Requirements that depend on another field (if/then in the schema), in the words of the Swift check.
        if key == "value" and isinstance(inst, dict) and inst.get("counting") == "fixed":
            label = STATUS_LABELS.get(inst.get("status"), inst.get("status"))
            return [(path + [key], f"valore fisso mancante per lo stato «{label}» (con «fixed» serve «value», 0–100).")]
        if key == "threshold" and isinstance(inst, dict):
            sym = COMPARATOR_SYMBOLS.get(inst.get("comparator"), inst.get("comparator"))
            return [(path + [key], f"soglia mancante per l'indicatore «{name_of(inst)}» ({sym}).")]
        return [(path + [key], "campo obbligatorio mancante.")]
    if v == "type":
        # A null threshold with a comparator that needs one (if/then of orgIndicator).
        if last == "threshold" and inst is None and isinstance(parent, dict):
            sym = COMPARATOR_SYMBOLS.get(parent.get("comparator"), parent.get("comparator"))
            return [(path, f"soglia mancante per l'indicatore «{name_of(parent)}» ({sym}).")]
        if last == "value" and inst is None and isinstance(parent, dict) and parent.get("counting") == "fixed":
            label = STATUS_LABELS.get(parent.get("status"), parent.get("status"))
            return [(path, f"valore fisso mancante per lo stato «{label}» (con «fixed» serve «value», 0–100).")]
        wanted = value if isinstance(value, list) else [value]
        words = " o ".join(TYPE_NAMES.get(t, t) for t in wanted)
        extra = ""
        if inst is None:
            extra = " (null non è ammesso qui: per il valore predefinito togliere la chiave)"
        elif isinstance(inst, str) and {"number", "integer"} & set(wanted):
            extra = " (i numeri si scrivono senza virgolette e con il punto decimale: 87.5)"
        found = "null" if inst is None else f"{json_type(inst)} {q(inst)}"
        return [(path, f"tipo non valido: atteso {words}, trovato {found}{extra}.")]
    if v == "enum":
        allowed = [str(a) for a in value]
        return [(path, f"valore {q(inst)} non ammesso.{suggestion(inst, allowed)} Valori ammessi: "
                       f"{', '.join(allowed)}.")]
    if v == "const":
        return [(path, f"valore {q(inst)} non ammesso: deve essere {q(value)}.")]
    if v == "minimum":
        return [(path, f"{n(inst)} è troppo piccolo: il minimo è {n(value)}.")]
    if v == "maximum":
        return [(path, f"{n(inst)} è troppo grande: il massimo è {n(value)}.")]
    if v == "exclusiveMinimum":
        return [(path, f"{n(inst)} non è ammesso: deve essere maggiore di {n(value)}.")]
    if v == "exclusiveMaximum":
        return [(path, f"{n(inst)} non è ammesso: deve essere minore di {n(value)}.")]
    if v == "minItems":
        if last == "indicators" and isinstance(parent, dict) and parent.get("source") == "indicatori":
            return [(path, f"la dimensione «{name_of(parent)}» si basa su indicatori ma non ne ha.")]
        if last == "criteria" and isinstance(parent, dict) and parent.get("kind") == "criteri":
            return [(path, f"la componente «{name_of(parent)}» è a criteri ma non ne elenca.")]
        if last == "sources":
            return [(path, "nessuna fonte di punteggio per gli obiettivi (indicators, punteggio-diretto o grado-da-stato).")]
        return [(path, f"elenco vuoto: serve almeno {value} voce.")]
    if v == "minLength":
        return [(path, "testo vuoto: serve almeno un carattere.")]
    if v == "pattern":
        return [(path, "testo vuoto o di soli spazi.")]
    return [(path, err.message)]


def schema_errors(validator: jsonschema.protocols.Validator, data: Any, report: Report) -> None:
    leaves = [leaf for err in validator.iter_errors(data) for leaf in leaf_errors(err)]
    # A value of the wrong type (e.g. null) also fails its enum or range: the type message is enough.
    mistyped = {tuple(e.absolute_path) for e in leaves if e.validator == "type"}
    leaves = [e for e in leaves if e.validator == "type" or tuple(e.absolute_path) not in mistyped]
    # One message per place and kind: a value can fail both its own type and a rule that depends on another field.
    lines = [(line, err.validator) for err in leaves for line in italian(err, data)]
    seen = set()
    for (p, m), kind in sorted(lines, key=lambda x: [str(p) for p in x[0][0]]):
        key = (fmt_path(p), kind if kind == "type" else m)
        if key not in seen:
            seen.add(key)
            report.error(p, m)


# --- coherence (Methodology.validate(), the checks that span several fields) ---------------------------------------

def num(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def rows(value: Any) -> list[tuple[int, dict]]:
    return [(i, r) for i, r in enumerate(value) if isinstance(r, dict)] if isinstance(value, list) else []


def duplicates(report: Report, path: list, values: list[Any], label=lambda v: v) -> None:
    seen = set()
    for v in values:
        if not isinstance(v, str):
            continue
        if v in seen:
            report.warn(path, f"voce duplicata «{label(v)}»: vale l'ultima.")
        seen.add(v)


def check_coherence(data: Any, report: Report) -> None:
    if not isinstance(data, dict):
        return
    valid_from = data.get("validFrom")
    if isinstance(valid_from, int) and not isinstance(valid_from, bool) and not 1990 <= valid_from <= 2100:
        report.warn(["validFrom"], f"anno di validità {valid_from} non plausibile.")

    indicators = data.get("indicators") if isinstance(data.get("indicators"), dict) else {}
    hb = indicators.get("higherBetter") if isinstance(indicators.get("higherBetter"), dict) else {}
    # An absent cap reads as 100; `null` is uncapped.
    cap = num(hb["cap"]) if "cap" in hb else 100.0
    floor = num(hb.get("floor"))
    if cap is not None and floor is not None and floor > cap:
        report.error(["indicators", "higherBetter", "floor"], f"la soglia minima ({n(floor)}%) supera il tetto ({n(cap)}%).")
    bands = [(num(b.get("from")), num(b.get("score"))) for _, b in rows(hb.get("bands"))]
    bands = [(f, s) for f, s in bands if f is not None and s is not None]
    for (a_from, a_score), (b_from, b_score) in zip(bands, bands[1:]):
        if b_from <= a_from:
            report.error(["indicators", "higherBetter", "bands"],
                         f"le fasce devono avere soglie crescenti ({n(a_from)}% e poi {n(b_from)}%).")
        if b_score < a_score:
            report.warn(["indicators", "higherBetter", "bands"],
                        f"il punteggio delle fasce diminuisce da {n(a_score)} a {n(b_score)}: il punteggio non sarebbe crescente.")
    if cap is not None:
        for f, s in bands:
            if s > cap:
                report.error(["indicators", "higherBetter", "bands"], f"punteggio di fascia {n(s)} fuori dall'intervallo 0–{n(cap)}.")

    objectives = data.get("objectives") if isinstance(data.get("objectives"), dict) else {}
    grades = rows(objectives.get("statusGrades"))
    duplicates(report, ["objectives", "statusGrades"], [g.get("status") for _, g in grades], lambda s: STATUS_LABELS.get(s, s))
    for i, r in rows(objectives.get("statusChecks")):
        lo, hi = num(r.get("min")), num(r.get("max"))
        if lo is not None and hi is not None and lo > hi:
            label = STATUS_LABELS.get(r.get("status"), r.get("status"))
            report.error(["objectives", "statusChecks", i],
                         f"intervallo non valido per lo stato «{label}»: minimo {n(lo)} maggiore del massimo {n(hi)}.")
    duplicates(report, ["statuses"], [t.get("status") for _, t in rows(data.get("statuses"))], lambda s: STATUS_LABELS.get(s, s))

    nucleo = data.get("nucleo") if isinstance(data.get("nucleo"), dict) else {}
    if nucleo.get("reasonRequired") is False:
        report.warn(["nucleo", "reasonRequired"],
                    "la motivazione del Nucleo non è obbligatoria: un punteggio validato diverso dal calcolato resterebbe senza spiegazione.")

    org = data.get("organisational")
    if isinstance(org, dict):
        dims = rows(org.get("dimensions"))
        weights = [num(d.get("weight")) for _, d in dims]
        if dims and all(w is not None for w in weights) and abs(sum(weights) - 100) > 0.01:
            report.error(["organisational", "dimensions"], f"i pesi delle dimensioni sommano a {n(sum(weights))}, non a 100.")
        duplicates(report, ["organisational", "dimensions"], [d.get("key") for _, d in dims])
        for i, d in dims:
            duplicates(report, ["organisational", "dimensions", i, "indicators"], [x.get("key") for _, x in rows(d.get("indicators"))])

    for i, s in rows(data.get("individualSchemes")):
        base = ["individualSchemes", i]
        comps = rows(s.get("components"))
        points = [num(c.get("maxPoints")) for _, c in comps]
        total = num(s.get("totalPoints"))
        if total is not None and all(p is not None for p in points) and abs(sum(points) - total) > 0.01:
            report.error(base + ["components"],
                         f"le componenti della scheda «{name_of(s)}» sommano a {n(sum(points))} punti, non a {n(total)}.")
        for j, c in comps:
            crit = rows(c.get("criteria"))
            if c.get("kind") == "criteri":
                cs = [num(k.get("maxPoints")) for _, k in crit]
                mp = num(c.get("maxPoints"))
                if crit and mp is not None and all(x is not None for x in cs) and abs(sum(cs) - mp) > 0.01:
                    report.error(base + ["components", j, "criteria"],
                                 f"i criteri della componente «{name_of(c)}» sommano a {n(sum(cs))} punti ma la componente ne prevede {n(mp)}.")
                duplicates(report, base + ["components", j, "criteria"], [k.get("key") for _, k in crit])
            elif crit:
                report.warn(base + ["components", j, "criteria"],
                            f"la componente «{name_of(c)}» elenca criteri che non vengono usati (tipo «{c.get('kind')}»).")
        shares = rows(s.get("payShares"))
        percents = [num(p.get("percent")) for _, p in shares]
        if sum(p for p in percents if p is not None) > 100.0001:
            report.error(base + ["payShares"],
                         f"le quote della retribuzione di risultato sommano a {n(sum(p for p in percents if p is not None))}%, oltre il 100%.")
        for k, p in shares:
            pct, minimum = num(p.get("percent")), num(p.get("minimumPercent"))
            if pct is not None and minimum is not None and pct < minimum:
                report.error(base + ["payShares", k, "percent"],
                             f"la quota «{name_of(p)}» ({n(pct)}%) è inferiore al minimo previsto ({n(minimum)}%).")
    duplicates(report, ["individualSchemes"], [s.get("key") for _, s in rows(data.get("individualSchemes"))])


# --- main --------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Verifica file di metodologia Traguardo (SMVP, schema v1): schema e coerenza delle regole.")
    ap.add_argument("files", nargs="+", type=Path, help="file JSON della metodologia")
    ap.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA, help=f"JSON Schema (predefinito: {DEFAULT_SCHEMA})")
    ap.add_argument("--strict", action="store_true", help="tratta gli avvisi come errori")
    ap.add_argument("-q", "--quiet", action="store_true", help="non stampa gli avvisi né la riga OK")
    args = ap.parse_args(argv)

    try:
        schema = json.loads(args.schema.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, json.JSONDecodeError, jsonschema.SchemaError) as e:
        sys.stderr.write(f"{args.schema}: schema non utilizzabile: {e}\n")
        return 2
    validator = jsonschema.Draft202012Validator(schema)

    failed = False
    for path in args.files:
        report = Report(str(path))
        data = load_json(path, report)
        if data is not None:
            schema_errors(validator, data, report)
            check_coherence(data, report)
        for p, m in report.errors:
            print(f"{report.name}: {p}: {m}")
        if not args.quiet or args.strict:
            for p, m in report.warnings:
                print(f"{report.name}: {p}: avviso: {m}")
        bad = bool(report.errors) or (args.strict and bool(report.warnings))
        failed |= bad
        if not bad and not args.quiet:
            extra = f" ({plural(len(report.warnings), 'avviso', 'avvisi')})" if report.warnings else ""
            print(f"{report.name}: OK{extra}")
        elif bad:
            print(f"{report.name}: {plural(len(report.errors), 'errore', 'errori')}, "
                  f"{plural(len(report.warnings), 'avviso', 'avvisi')}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
