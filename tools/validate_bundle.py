#!/usr/bin/env python3
"""Validate Traguardo plan bundles (format "traguardo-plan-bundle", version 1).

Checks, for every file given:
  1. JSON syntax (duplicate object keys are reported too: the app would silently keep the last one);
  2. the JSON Schema schema/plan-bundle-v1.schema.json (draft 2020-12);
  3. that every date is a real calendar day (no 2024-06-31, no 2023-02-29);
  4. referential integrity: unique keys per entity list, every `...Key`/`...Keys` link resolves, node levels are
     among plan.levels and a parent's level is strictly above its child's, and so on (see docs/bundle-format.md).

Errors are printed as "file: path: message" (path like nodes[3].parentKey). Plausibility checks that do not make a
bundle unusable (inverted date ranges, plan year outside the cycle, duplicate rows...) are printed as
"file: path: warning: message" and only fail the run with --strict.

Usage: tools/validate_bundle.py [--stats] [--strict] [--schema PATH] BUNDLE.json [...]
Exit status: 0 when every file is valid, 1 when any error was found, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("validate_bundle.py needs the `jsonschema` package (pip install jsonschema)\n")
    sys.exit(2)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from jsoncheck import Report as _Report, Unreadable, fmt_path as _fmt_path, leaf_errors, read_json  # noqa: E402


def fmt_path(parts: Iterable[Any]) -> str:
    return _fmt_path(parts, ROOT)


class Report(_Report):
    def __init__(self, name: str):
        super().__init__(name, ROOT)


ROOT = "$"
DEFAULT_SCHEMA = REPO / "schema" / "plan-bundle-v1.schema.json"
CLASSIFICATION_SWIFT = REPO / "Sources" / "TraguardoCore" / "Catalogues" / "Classification.swift"

# Mirror of CascadeLevel.allCases (top-down); the order defines "above"/"below".
CASCADE_LEVELS = ["linea-mandato", "indirizzo-strategico", "obiettivo-strategico", "obiettivo-operativo", "obiettivo-performance"]

# Mirror of Classification.standard; refreshed from the Swift source when the repo is at hand.
STANDARD_CLASSIFICATIONS_FALLBACK = [
    "semplificazione", "digitalizzazione", "accessibilita", "pari-opportunita", "pnrr", "anticorruzione-trasparenza",
    "efficienza", "qualita", "formazione", "valore-pubblico", "transizione-ecologica", "agenda-2030", "miglioramento",
    "mantenimento", "sviluppo", "tempi-pagamento",
]

ENTITY_LISTS = ["units", "people", "assignments", "politicalReferents", "classifications", "nodes", "phases",
                "indicators", "participations", "campaigns", "values", "validations"]
KEYED_LISTS = ["units", "people", "politicalReferents", "nodes", "phases", "indicators", "campaigns", "classifications"]

DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def standard_classification_keys() -> set[str]:
    """Keys of Classification.standard, read from the Swift source so the two cannot drift apart."""
    try:
        text = CLASSIFICATION_SWIFT.read_text(encoding="utf-8")
        block = text[text.index("static let standard"):]
        block = block[:block.index("]")]
        keys = re.findall(r'key:\s*"([^"]+)"', block)
        if keys:
            return set(keys)
    except (OSError, ValueError):
        pass
    return set(STANDARD_CLASSIFICATIONS_FALLBACK)


# --- dates -------------------------------------------------------------------------------------------------------

def is_leap(year: int) -> bool:
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_day(text: Any) -> tuple[int, int, int] | None:
    """Same rule as Day(iso:) in Calendar/Day.swift, restricted to the canonical yyyy-mm-dd spelling."""
    if not isinstance(text, str) or not DAY_RE.fullmatch(text):
        return None
    y, m, d = (int(p) for p in text.split("-"))
    if not 1 <= m <= 12 or not 1 <= d <= days_in(m, y):
        return None
    return (y, m, d)


FORMAT_CHECKER = jsonschema.FormatChecker(formats=())


@FORMAT_CHECKER.checks("date")
def _check_date(instance: Any) -> bool:
    # Strings not shaped yyyy-mm-dd are reported by the schema's pattern; here only impossible days fail.
    return not isinstance(instance, str) or not DAY_RE.fullmatch(instance) or parse_day(instance) is not None


# --- paths and reporting -----------------------------------------------------------------------------------------






# --- JSON loading ------------------------------------------------------------------------------------------------

def load_json(path: Path, report: Report) -> Any:
    try:
        data, duplicates = read_json(path)
    except Unreadable as e:
        if e.reason == "json":
            report.error("$", f"invalid JSON: {e.detail} (line {e.line}, column {e.column})")
        else:
            report.error("$", f"cannot read file: {e.detail}")
        return None
    for k in duplicates:
        report.error("$", f"duplicate JSON object key {json.dumps(k, ensure_ascii=False)} (only the last value would be kept)")
    return data


# --- schema ------------------------------------------------------------------------------------------------------




def schema_errors(validator: jsonschema.protocols.Validator, data: Any, report: Report) -> None:
    day_pattern = validator.schema["$defs"]["day"]["pattern"]
    leaves = [leaf for err in validator.iter_errors(data) for leaf in leaf_errors(err)]
    for err in sorted(leaves, key=lambda e: [str(p) for p in e.absolute_path]):
        message = err.message
        if err.validator == "pattern" and err.validator_value == day_pattern:
            message = f"{q(err.instance)} is not a day written yyyy-mm-dd (e.g. 2024-06-30)"
        elif err.validator == "format" and err.validator_value == "date":
            message = f"{q(err.instance)} is not a real calendar day"
        elif err.validator == "additionalProperties":
            message = f"{message} (typo? unknown keys are not allowed)"
        elif err.validator == "const":
            message = f"{q(err.instance)} should be {q(err.validator_value)}"
        report.error(fmt_path(err.absolute_path), message)


# --- referential integrity ---------------------------------------------------------------------------------------

def items(data: dict, name: str) -> list[tuple[int, dict]]:
    value = data.get(name)
    if not isinstance(value, list):
        return []
    return [(i, row) for i, row in enumerate(value) if isinstance(row, dict)]


def s(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def q(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def check_references(data: Any, report: Report, standard_classes: set[str]) -> None:
    if not isinstance(data, dict):
        return

    # Unique keys per list.
    index: dict[str, dict[str, dict]] = {}
    for name in KEYED_LISTS:
        index[name] = {}
        first_at: dict[str, int] = {}
        for i, row in items(data, name):
            key = s(row.get("key"))
            if key is None:
                continue
            if key in first_at:
                report.error([name, i, "key"], f"duplicate key {q(key)} (already used by {name}[{first_at[key]}])")
            else:
                first_at[key] = i
                index[name][key] = row

    units, people, referents = index["units"], index["people"], index["politicalReferents"]
    nodes, phases, indicators, campaigns = index["nodes"], index["phases"], index["indicators"], index["campaigns"]
    class_keys = set(index["classifications"]) | standard_classes

    def ref(path: list, value: Any, target: dict, target_name: str) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, str):
            return None  # already a schema error
        row = target.get(value)
        if row is None:
            report.error(path, f"unknown {target_name} key {q(value)}")
        return row

    def refs(path: list, values: Any, target: dict, target_name: str) -> None:
        if not isinstance(values, list):
            return
        seen = set()
        for j, v in enumerate(values):
            ref(path + [j], v, target, target_name)
            if isinstance(v, str):
                if v in seen:
                    report.warn(path + [j], f"{q(v)} listed twice")
                seen.add(v)

    def day_range(path: list, rng: Any) -> None:
        if isinstance(rng, dict):
            a, b = parse_day(rng.get("from")), parse_day(rng.get("to"))
            if a and b and a > b:
                report.warn(path, f"range starts after it ends ({rng.get('from')} > {rng.get('to')})")

    # Plan.
    plan = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    levels = [lv for lv in plan.get("levels", []) if lv in CASCADE_LEVELS] if isinstance(plan.get("levels"), list) else []
    if levels != sorted(levels, key=CASCADE_LEVELS.index):
        report.warn(["plan", "levels"], "levels are not listed top-down (" + " > ".join(CASCADE_LEVELS) + ")")
    fy, ly, yr = plan.get("firstYear"), plan.get("lastYear"), plan.get("year")
    if all(isinstance(v, int) for v in (fy, ly)) and fy > ly:
        report.warn(["plan"], f"firstYear {fy} is after lastYear {ly}")
    if all(isinstance(v, int) for v in (fy, ly, yr)) and not fy <= yr <= ly:
        report.warn(["plan", "year"], f"year {yr} is outside the plan cycle {fy}-{ly}")

    # Units: parent exists, hierarchy acyclic.
    for i, u in items(data, "units"):
        parent = u.get("parentKey")
        if isinstance(parent, str) and parent == u.get("key"):
            report.error(["units", i, "parentKey"], "a unit cannot be its own parent")
        else:
            ref(["units", i, "parentKey"], parent, units, "unit")
    reported_cycles: set[str] = set()
    for i, u in items(data, "units"):
        start = s(u.get("key"))
        if start is None or units.get(start) is not u:
            continue
        seen, cur = [start], units[start]
        while True:
            parent = s(cur.get("parentKey"))
            if parent is None or parent not in units or parent == s(cur.get("key")):
                break
            if parent in seen:
                cycle = seen[seen.index(parent):]
                if not reported_cycles & set(cycle):
                    report.error(["units", i, "parentKey"], "unit hierarchy has a cycle: " + " -> ".join(cycle + [parent]))
                reported_cycles.update(cycle)
                break
            seen.append(parent)
            cur = units[parent]

    for i, p in items(data, "people"):
        ref(["people", i, "homeUnitKey"], p.get("homeUnitKey"), units, "unit")

    for i, a in items(data, "assignments"):
        ref(["assignments", i, "personKey"], a.get("personKey"), people, "person")
        ref(["assignments", i, "unitKey"], a.get("unitKey"), units, "unit")
        day_range(["assignments", i, "validity"], a.get("validity"))

    for i, r in items(data, "politicalReferents"):
        day_range(["politicalReferents", i, "validity"], r.get("validity"))

    # Nodes.
    for i, n in items(data, "nodes"):
        base = ["nodes", i]
        key, level = s(n.get("key")), s(n.get("level"))
        if level in CASCADE_LEVELS and isinstance(plan.get("levels"), list) and level not in plan["levels"]:
            report.error(base + ["level"], f"level {q(level)} is not one of plan.levels {q(plan['levels'])}")
        parent_key = n.get("parentKey")
        if isinstance(parent_key, str) and parent_key == key:
            report.error(base + ["parentKey"], "a node cannot be its own parent")
        else:
            parent = ref(base + ["parentKey"], parent_key, nodes, "node")
            if parent is not None and level in CASCADE_LEVELS and s(parent.get("level")) in CASCADE_LEVELS:
                if CASCADE_LEVELS.index(parent["level"]) >= CASCADE_LEVELS.index(level):
                    report.error(base + ["parentKey"],
                                 f"parent {q(parent_key)} has level {q(parent['level'])}, not strictly above {q(level)}")
        refs(base + ["ownerUnitKeys"], n.get("ownerUnitKeys"), units, "unit")
        ref(base + ["coordinatingUnitKey"], n.get("coordinatingUnitKey"), units, "unit")
        refs(base + ["responsiblePersonKeys"], n.get("responsiblePersonKeys"), people, "person")
        refs(base + ["politicalReferentKeys"], n.get("politicalReferentKeys"), referents, "political referent")
        inherits = n.get("inheritsFromKey")
        if isinstance(inherits, str) and inherits == key:
            report.error(base + ["inheritsFromKey"], "a node cannot inherit from itself")
        else:
            ref(base + ["inheritsFromKey"], inherits, nodes, "node")
        classes = n.get("classifications")
        if isinstance(classes, list):
            for j, c in enumerate(classes):
                if isinstance(c, str) and c not in class_keys:
                    report.error(base + ["classifications", j],
                                 f"unknown classification {q(c)} (not in bundle.classifications nor in the standard catalogue)")
            dup = [c for c, k in Counter(c for c in classes if isinstance(c, str)).items() if k > 1]
            for c in dup:
                report.warn(base + ["classifications"], f"{q(c)} listed twice")

    # Phases.
    for i, ph in items(data, "phases"):
        ref(["phases", i, "nodeKey"], ph.get("nodeKey"), nodes, "node")
        a, b = parse_day(ph.get("start")), parse_day(ph.get("due"))
        if a and b and a > b:
            report.warn(["phases", i], f"start {ph.get('start')} is after due {ph.get('due')}")
        months = ph.get("months")
        if isinstance(months, list) and len([m for m in months if isinstance(m, int)]) != len({m for m in months if isinstance(m, int)}):
            report.warn(["phases", i, "months"], "a month is listed twice")

    # Indicators.
    for i, ind in items(data, "indicators"):
        base = ["indicators", i]
        node_key = ind.get("nodeKey")
        ref(base + ["nodeKey"], node_key, nodes, "node")
        phase = ref(base + ["phaseKey"], ind.get("phaseKey"), phases, "phase")
        if phase is not None and isinstance(node_key, str) and node_key in nodes and phase.get("nodeKey") != node_key:
            report.error(base + ["phaseKey"],
                         f"phase {q(ind.get('phaseKey'))} belongs to node {q(phase.get('nodeKey'))}, not to {q(node_key)}")
        ref(base + ["unitKey"], ind.get("unitKey"), units, "unit")

    seen_part: dict[tuple, int] = {}
    for i, p in items(data, "participations"):
        ref(["participations", i, "personKey"], p.get("personKey"), people, "person")
        ref(["participations", i, "nodeKey"], p.get("nodeKey"), nodes, "node")
        k = (q(p.get("personKey")), q(p.get("nodeKey")), q(p.get("activity")))
        if k in seen_part:
            report.warn(["participations", i], f"same person, node and activity as participations[{seen_part[k]}]")
        seen_part.setdefault(k, i)

    # Monitoring.
    seen_val: dict[tuple, int] = {}
    for i, v in items(data, "values"):
        base = ["values", i]
        ref(base + ["campaignKey"], v.get("campaignKey"), campaigns, "campaign")
        node_key = v.get("nodeKey")
        ref(base + ["nodeKey"], node_key, nodes, "node")
        ind = ref(base + ["indicatorKey"], v.get("indicatorKey"), indicators, "indicator")
        if ind is not None and isinstance(node_key, str) and node_key in nodes and ind.get("nodeKey") != node_key:
            report.error(base + ["indicatorKey"],
                         f"indicator {q(v.get('indicatorKey'))} belongs to node {q(ind.get('nodeKey'))}, not to {q(node_key)}")
        k = (q(v.get("campaignKey")), q(node_key), q(v.get("indicatorKey")))
        if k in seen_val:
            report.warn(base, f"second value for the same campaign/node/indicator as values[{seen_val[k]}]")
        seen_val.setdefault(k, i)

    seen_valid: dict[tuple, int] = {}
    for i, v in items(data, "validations"):
        ref(["validations", i, "campaignKey"], v.get("campaignKey"), campaigns, "campaign")
        ref(["validations", i, "nodeKey"], v.get("nodeKey"), nodes, "node")
        if v.get("excluded") is False and v.get("score") is None:
            report.warn(["validations", i], "neither a score nor an exclusion")
        k = (q(v.get("campaignKey")), q(v.get("nodeKey")))
        if k in seen_valid:
            report.warn(["validations", i], f"second validation for the same campaign/node as validations[{seen_valid[k]}]")
        seen_valid.setdefault(k, i)


# --- stats -------------------------------------------------------------------------------------------------------

def print_stats(name: str, data: Any) -> None:
    if not isinstance(data, dict):
        return
    ente = data.get("ente") if isinstance(data.get("ente"), dict) else {}
    plan = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    print(f"{name}: {ente.get('name', '?')} ({ente.get('slug', '?')}) — {plan.get('title', '?')}, year {plan.get('year', '?')}")
    width = max(len(n) for n in ENTITY_LISTS)
    for n in ENTITY_LISTS:
        v = data.get(n)
        print(f"  {n:<{width}}  {len(v) if isinstance(v, list) else '-':>5}")
    nodes = [r for _, r in items(data, "nodes")]
    by_level = Counter(r.get("level") for r in nodes)
    order = [lv for lv in (plan.get("levels") if isinstance(plan.get("levels"), list) else []) if isinstance(lv, str)]
    order += [lv for lv in CASCADE_LEVELS if lv not in order]
    order += sorted((lv for lv in by_level if lv not in order), key=str)
    print("  nodes per level:")
    for lv in order:
        if by_level.get(lv) or lv in (plan.get("levels") or []):
            print(f"    {str(lv):<{width + 10}}  {by_level.get(lv, 0):>5}")
    by_form = Counter(r.get("form") for _, r in items(data, "indicators"))
    print("  indicators by form:")
    for form, count in sorted(by_form.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"    {str(form):<{width + 10}}  {count:>5}")


# --- main --------------------------------------------------------------------------------------------------------

def sibling_schemas(schema_path: Path):
    """The schemas next to the bundle's, so that `methodology` can refer to methodology-v1.schema.json."""
    from referencing import Registry, Resource

    resources = []
    for other in schema_path.parent.glob("*.schema.json"):
        try:
            contents = json.loads(other.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if "$id" in contents:
            resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Validate Traguardo plan bundle v1 files (schema + referential integrity).")
    ap.add_argument("files", nargs="+", type=Path, help="bundle JSON files")
    ap.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA, help=f"JSON Schema (default: {DEFAULT_SCHEMA})")
    ap.add_argument("--stats", action="store_true", help="print counts per entity list, nodes per level, indicators by form")
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings or the OK line")
    args = ap.parse_args(argv)

    try:
        schema = json.loads(args.schema.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, json.JSONDecodeError, jsonschema.SchemaError) as e:
        sys.stderr.write(f"{args.schema}: cannot use schema: {e}\n")
        return 2
    validator = jsonschema.Draft202012Validator(schema, format_checker=FORMAT_CHECKER, registry=sibling_schemas(args.schema))
    standard_classes = standard_classification_keys()

    failed = False
    for path in args.files:
        report = Report(str(path))
        data = load_json(path, report)
        if data is not None:
            schema_errors(validator, data, report)
            check_references(data, report, standard_classes)
        for p, m in report.errors:
            print(f"{report.name}: {p}: {m}")
        if not args.quiet or args.strict:
            for p, m in report.warnings:
                print(f"{report.name}: {p}: warning: {m}")
        bad = bool(report.errors) or (args.strict and bool(report.warnings))
        failed |= bad
        if args.stats and data is not None:
            print_stats(report.name, data)
        if not bad and not args.quiet:
            extra = f" ({len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''})" if report.warnings else ""
            print(f"{report.name}: OK{extra}")
        elif bad:
            print(f"{report.name}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
