#!/usr/bin/env python3
"""Checks the documents `traguardo report` writes with readers Traguardo did not write.

The Swift tests look at the generated files through Traguardo's own code (its zip reader, string matches on the
XML), so a mistake the writer and the test share passes them. This checker installs the demo in a throw-away SQLite database, generates every
ente × kind × format (PDFs for every kind of the largest ente and of seed 004; of every ente with --all-pdfs)
and opens each file with a third-party reader: poppler's pdftotext and pdfinfo, openpyxl, odfpy, Python's csv,
json and html.parser, jsonschema and LibreOffice when they are installed.

What is compared with what:
  * the engine (`traguardo score --json`) is the oracle for scores: unit, node and objective scores in the
    JSON documents, CdR totals, the mean of the units;
  * seed 004 (unione-bellusco-mezzago) also has hand-checked CdR totals, from the Unione's paper sheets;
  * the JSON document is the reference for the other formats of the same document: every CSV, XLSX and ODS
    cell is compared with its JSON value, so formats that disagree are caught;
  * spreadsheet totals are recomputed here from the cells their formula names (ROUND half away from zero, as
    Excel and LibreOffice do) and must equal both the cached value and the engine's;
  * the open-data JSON, and the dati-aperti.json of its CSV zip, must satisfy schema/open-data-v1.schema.json, the
    contract its metadata names in dct:conformsTo (with jsonschema, when it can be imported).

Usage: python3 Tests/reports/check_reports.py --binary .build/debug/traguardo [--keep DIR] [--jobs N]
Prints one line per problem and exits 1 when anything does not hold.
"""

import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser

import openpyxl
from odf import teletype
from odf.namespaces import OFFICENS, TABLENS
from odf.opendocument import load as load_odf
from odf.table import Table, TableCell, TableRow
from odf.text import P

try:
    import jsonschema
except ImportError:  # the open-data documents are then not checked against their schema; a note says so
    jsonschema = None

ENTI = ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"]
KINDS = ["piao-performance", "monitoring", "relazione", "cdr-sheets", "org-performance", "verbale", "open-data"]
# JSON first: it is the reference the other formats of the same document are compared with.
FORMATS = ["json", "pdf", "html", "xlsx", "ods", "csv", "csv-virgola"]
SUFFIX = {
    "json": ".json", "pdf": ".pdf", "html": ".html", "xlsx": ".xlsx", "ods": ".ods", "csv": ".csv",
    "csv-virgola": ".virgola.csv",
}

# A PDF costs a Chromium start (~2 s): every kind of the largest ente and of seed 004 covers each kind twice.
PDF_ENTI = ["cassano-d-adda", "unione-bellusco-mezzago"]

# Seed 004's CdR totals as the Unione's own 2020 evaluation sheets print them, in sheet order.
SEED_004 = "unione-bellusco-mezzago"
SEED_004_CDR_TOTALS = [99.08, 99.75, 100.00, 87.71, 100.00, 100.00]

# The published contract of the open data: its metadata's dct:conformsTo names this file.
OPEN_DATA_SCHEMA = "schema/open-data-v1.schema.json"

NUMERIC_KINDS = {"intero", "punteggio", "percentuale", "numero"}
ITALIAN_NUMBER = re.compile(r"^-?\d+(,\d+)?$")
RFC_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
# "=ROUND(AVERAGE(C2:C18),2)" in OOXML, "of:=ROUND(AVERAGE([.C2:.C18]);2)" in OpenDocument.
FORMULA = re.compile(
    r"^(?:of:)?=(?:ROUND\()?(AVERAGE|SUM|COUNT)\(\[?\.?([A-Z]+)(\d+):\.?([A-Z]+)(\d+)\]?\)(?:[,;](\d+)\))?$")
FORMULA_FUNCTION = {"media": "AVERAGE", "somma": "SUM", "conteggio": "COUNT"}
OPENFORMULA_NS = "urn:oasis:names:tc:opendocument:xmlns:of:1.2"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
SPREADSHEET_ERROR = re.compile(r"^(Err:\d+|#[A-Z/0]+[!?]?|#N/A)$")
HTML_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# LibreOffice's CSV filter options, by position: "," separator, '"' quotes, UTF-8, from line 1, default cell
# format, en-US (decimal point), no quoting of text, detect numbers, raw values rather than as shown, values
# rather than formulas, keep spaces, and -1: every sheet to its own file NAME-SHEET.csv (LibreOffice ≥ 7.2).
LIBREOFFICE_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"

# One broken column would otherwise print a line per row: the first few say enough.
PROBLEMS_SHOWN_PER_DOCUMENT = 12


# MARK: results


class Results:
    def __init__(self):
        self.problems = []
        self.per_document = Counter()
        self.checked = Counter()

    def fail(self, where, message):
        document = where.split("]")[0] + "]"
        self.per_document[document] += 1
        if self.per_document[document] <= PROBLEMS_SHOWN_PER_DOCUMENT:
            self.problems.append(f"{where}: {message}")

    def count(self):
        return sum(self.per_document.values())

    def hidden(self):
        shown = PROBLEMS_SHOWN_PER_DOCUMENT
        return {d: n - shown for d, n in self.per_document.items() if n > shown}


@dataclass
class Doc:
    ente: str
    kind: str
    fmt: str
    path: str

    @property
    def label(self):
        return f"[{self.ente} {self.kind} {self.fmt}]"


# MARK: numbers and text


def round_half_up(x, digits):
    """ROUND as Excel, LibreOffice and the methodologies' "per eccesso da 0,5" do: ties away from zero."""
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same(a, b, tolerance=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def same_score(a, b, decimals=2):
    """Equal once rounded as the documents print them: the engine keeps more digits than a column shows."""
    if a is None or b is None:
        return a is None and b is None
    return round_half_up(a, decimals) == round_half_up(b, decimals)


def italian(v, decimals=2):
    """99.08 → "99,08", 1234.5 → "1.234,50"."""
    text = f"{round_half_up(v, decimals):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def normalise(text):
    """One line of plain words: PDF text wraps and may carry ligatures and non-breaking spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def contains_number(text, number):
    """The number as a whole token: "99,08" must not match inside "199,081"."""
    return re.search(r"(?<![\d,.])" + re.escape(number) + r"(?!\d)", text) is not None


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def load_json_strict(data):
    """json.loads, minus Python's extensions: NaN and Infinity are not JSON, and no other reader takes them."""

    def reject(constant):
        raise ValueError(f"non-standard JSON constant {constant}")

    return json.loads(data, parse_constant=reject)


# MARK: running the binary


class Traguardo:
    def __init__(self, binary, workdir):
        self.binary = binary
        self.workdir = workdir
        self.env = dict(os.environ, DATABASE_URL=f"sqlite://{workdir}/demo.sqlite", TRAGUARDO_BCRYPT_COST="8")

    def run(self, *args, timeout=300):
        return subprocess.run(
            [self.binary, *args], cwd=self.workdir, env=self.env, capture_output=True, text=True, timeout=timeout)


def generate(traguardo, doc):
    """None, or why the document could not be generated."""
    try:
        done = traguardo.run("report", doc.kind, "--ente", doc.ente, "--format", doc.fmt, "-o", doc.path)
    except subprocess.TimeoutExpired:
        return "traguardo report timed out"
    if done.returncode != 0:
        return f"traguardo report exited {done.returncode}: {(done.stderr or done.stdout).strip()[-500:]}"
    if not os.path.isfile(doc.path) or os.path.getsize(doc.path) == 0:
        return "traguardo report exited 0 but wrote no file"
    return None


# MARK: the reference document (JSON) and the oracle (the engine)


def check_json(doc, engine, results, open_data_schema=None):
    """The parsed document, the reference for the other formats; None when it is unusable."""
    where = doc.label
    try:
        with open(doc.path, "rb") as f:
            ref = load_json_strict(f.read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        results.fail(where, f"does not parse as JSON: {e}")
        return None
    missing = {"tipo", "titolo", "ente", "sottotitolo", "copertina", "generato", "tabelle", "sezioni"} - set(ref)
    if missing:
        results.fail(where, f"keys missing: {sorted(missing)}")
        return None
    if ref["tipo"] != doc.kind:
        results.fail(where, f"tipo is {ref['tipo']!r}, expected {doc.kind!r}")
    if not ref["titolo"] or not ref["ente"]:
        results.fail(where, "empty titolo or ente")
    try:
        date.fromisoformat(ref["generato"])
    except (TypeError, ValueError):
        results.fail(where, f"generato is not an ISO date: {ref['generato']!r}")
    for table in ref["tabelle"]:
        check_json_table(f"{where} table {table.get('nome')!r}", table, results)
    if doc.kind == "open-data":
        check_metadata(where, ref.get("metadati"), ref["tabelle"], results)
        if open_data_schema:
            check_schema(where, ref, open_data_schema, results)
    elif ref.get("metadati") is not None:
        results.fail(where, "metadati outside open-data")
    check_against_engine(doc, ref, engine, results)
    return ref


def check_json_table(where, table, results):
    keys = [c["key"] for c in table["colonne"]]
    if len(set(keys)) != len(keys):
        # Rows are objects keyed by column: a repeated key silently loses a column.
        results.fail(where, f"repeated column keys {[k for k, n in Counter(keys).items() if n > 1]}")
    for i, row in enumerate(table["righe"]):
        if set(row) != set(keys):
            results.fail(where, f"row {i + 1} keys {sorted(row)} differ from the columns {sorted(keys)}")
            continue
        for column in table["colonne"]:
            v, kind, here = row[column["key"]], column["kind"], f"row {i + 1} {column['key']}"
            if v is None:
                continue
            if kind in NUMERIC_KINDS and not is_number(v):
                results.fail(where, f"{here}: {v!r} is not a number in a {kind} column")
            elif kind == "intero" and float(v) != int(v):
                results.fail(where, f"{here}: {v!r} is not an integer")
            elif kind == "testo" and not isinstance(v, str):
                results.fail(where, f"{here}: {v!r} is not text")
            elif kind == "data":
                try:
                    date.fromisoformat(v)
                except (TypeError, ValueError):
                    results.fail(where, f"{here}: {v!r} is not an ISO date")
    for column, value, formula, round_to in total_cells(table):
        if not 0 <= column < len(keys):
            results.fail(where, f"total cell in column {column}, the table has {len(keys)}")
        elif formula:
            # The builders set a formula only where it gives the engine's value: recompute it from the rows.
            numbers = [r[keys[column]] for r in table["righe"] if is_number(r[keys[column]])]
            expected = apply_function(FORMULA_FUNCTION[formula], numbers, round_to)
            if not same(expected, value):
                results.fail(where, f"total of {keys[column]} ({formula}) is {value}, the rows give {expected}")


def total_cells(table):
    """(column, JSON value, formula name or None, decimals its ROUND keeps or None) per cell of the total row."""
    total = table.get("totale")
    if not total:
        return []
    return [
        (c["column"], c.get("value"), c.get("formula"), total.get("roundTo") if c.get("formula") == "media" else None)
        for c in total["cells"]
    ]


def apply_function(function, numbers, round_to):
    """The spreadsheet function over the numbers of its range; AVERAGE of nothing is an error (None)."""
    if function == "SUM":
        value = float(sum(numbers))
    elif function == "COUNT":
        value = float(len(numbers))
    elif not numbers:
        return None
    else:
        value = sum(numbers) / len(numbers)
    return round_half_up(value, round_to) if round_to is not None else value


def check_metadata(where, metadata, tables, results):
    if not isinstance(metadata, dict):
        results.fail(where, "open-data without metadati")
        return
    types = metadata.get("@type")
    types = types if isinstance(types, list) else [types]
    if "dcatapit:Dataset" not in types:
        results.fail(where, f"metadati @type {types} does not contain dcatapit:Dataset")
    if "dcatapit" not in (metadata.get("@context") or {}):
        results.fail(where, "metadati @context does not declare the dcatapit prefix")
    for key in ("dct:identifier", "dct:title", "dct:publisher", "dct:rightsHolder", "dcat:theme",
                "dct:accrualPeriodicity", "dct:modified"):
        if not metadata.get(key):
            results.fail(where, f"metadati lacks {key}, mandatory in DCAT-AP_IT")
    urls = {d.get("dcat:downloadURL") for d in metadata.get("dcat:distribution") or []}
    for table in tables:
        if csv_file_name(table["nome"]) not in urls:
            results.fail(where, f"no distribution for table {table['nome']!r} ({csv_file_name(table['nome'])})")


def open_data_validator(root, results):
    """The open-data schema's validator; None without jsonschema (a note) or without a usable schema (a problem)."""
    if jsonschema is None:
        print(f"note: jsonschema not importable: the open-data documents were not checked against {OPEN_DATA_SCHEMA}")
        return None
    try:
        with open(os.path.join(root, OPEN_DATA_SCHEMA), "rb") as f:
            schema = load_json_strict(f.read().decode("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        results.fail("[open-data schema]", f"{OPEN_DATA_SCHEMA} unusable: {str(e)[:300]}")
        return None
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def check_schema(where, instance, validator, results):
    """Every place the document breaks the published schema, by JSON path."""
    for error in sorted(validator.iter_errors(instance), key=lambda e: e.json_path):
        # A message may quote a whole table: its start says enough.
        results.fail(where, f"{OPEN_DATA_SCHEMA}: {error.json_path}: {error.message[:200]}")
    results.checked["schema"] += 1


def csv_file_name(table_name):
    """The zip entry of a table: its name in lower case, every other character a hyphen."""
    return "".join(c if c.isalnum() else "-" for c in table_name.lower()) + ".csv"


def cdr_units_of_tables(ref):
    """Table name → CdR name: a CdR sheet is a section whose facts name the CdR, then its table."""
    mapping = {}

    def walk(blocks):
        pending = None
        for block in blocks:
            if block.get("type") == "campi":
                for fact in block.get("facts", []):
                    if fact.get("label") == "Centro di responsabilità":
                        pending = fact.get("value")
            elif block.get("type") == "tabella" and pending is not None:
                mapping[block["table"]["name"]] = pending
                pending = None
            elif block.get("type") == "sezione":
                walk(block["section"].get("blocks", []))

    for section in ref["sezioni"]:
        walk(section.get("blocks", []))
    return mapping


def compare_fields(where, row_name, row, record, pairs, results):
    """Report columns against engine fields, equal once rounded to the two decimals the documents show."""
    for column, field in pairs:
        if not same_score(row[column], record.get(field)):
            results.fail(where, f"{row_name} {column} {row[column]}, engine {field} {record.get(field)}")


UNIT_FIELDS = (
    ("punteggio_validato", "score"), ("punteggio_calcolato", "computed"),
    ("obiettivi_conteggiati", "counted"), ("obiettivi_considerati", "total"),
)
OBJECTIVE_FIELDS = (
    ("punteggio_calcolato", "computed"), ("punteggio_validato", "validated"), ("punteggio_effettivo", "effective"),
)


def check_against_engine(doc, ref, engine, results):
    tables = {t["nome"]: t for t in ref["tabelle"]}
    units = {u["score"]["name"]: u["score"] for u in engine["units"]}
    objectives = {o["score"]["title"]: o["score"] for o in engine["objectives"]}
    where = doc.label

    if doc.kind in ("monitoring", "relazione"):
        for name in ("Unità", "Obiettivi"):
            if name not in tables:
                results.fail(where, f"no table {name!r}")
        if "Unità" in tables:
            check_unit_rows(f"{where} table 'Unità'", tables["Unità"], units, engine["ente"], results)
        if "Obiettivi" in tables:
            table = tables["Obiettivi"]
            titles = Counter(r["obiettivo"] for r in table["righe"])
            if set(titles) != set(objectives) or max(titles.values(), default=1) > 1:
                results.fail(where, f"table 'Obiettivi' lists {len(titles)} objectives, the engine {len(objectives)}")
            for r in table["righe"]:
                if r["obiettivo"] in objectives:
                    compare_fields(f"{where} table 'Obiettivi'", repr(r["obiettivo"][:60]), r,
                                   objectives[r["obiettivo"]], OBJECTIVE_FIELDS, results)
        for table in ref["tabelle"]:
            if {"nodo", "punteggio_validato"} <= {c["key"] for c in table["colonne"]}:
                check_node_rows(f"{where} table {table['nome']!r}", table, engine["nodes"], results)

    if doc.kind in ("cdr-sheets", "relazione"):
        seen = set()
        for name, unit_name in cdr_units_of_tables(ref).items():
            table, unit = tables.get(name), units.get(unit_name)
            if table is None:
                continue  # a table only the page shows
            if unit is None:
                results.fail(where, f"CdR sheet {name!r} is for {unit_name!r}, not a unit the engine scored")
                continue
            seen.add(unit_name)
            total = (table.get("totale") or {}).get("cells") or []
            if len(total) != 1:
                results.fail(where, f"CdR table {name!r} has {len(total)} total cells, expected 1")
            elif not same_score(total[0].get("value"), unit.get("score")):
                results.fail(where, f"CdR {unit_name!r} total {total[0].get('value')}, engine {unit.get('score')}")
        if doc.kind == "cdr-sheets" and seen != set(units):
            results.fail(where, f"units without a CdR sheet: {sorted(set(units) - seen)}")
        if doc.kind == "cdr-sheets" and doc.ente == SEED_004:
            totals = [t["totale"]["cells"][0]["value"] for t in ref["tabelle"] if t.get("totale")]
            if totals != SEED_004_CDR_TOTALS:
                results.fail(where, f"seed 004 CdR totals {totals}, the paper sheets say {SEED_004_CDR_TOTALS}")

    if doc.kind == "open-data":
        check_open_data(where, tables, engine, results)

    if doc.kind == "verbale" and "Validazioni" in tables:
        for r in tables["Validazioni"]["righe"]:
            o = objectives.get(r["obiettivo"])
            if o is None:
                results.fail(where, f"validation of {r['obiettivo']!r}, an objective the engine does not know")
            elif r["punteggio_validato"] is not None:
                pairs = (("punteggio_validato", "validated"),)
                compare_fields(where, repr(r["obiettivo"][:60]), r, o, pairs, results)


def check_unit_rows(where, table, units, ente, results):
    names = [r["unita"] for r in table["righe"]]
    if sorted(names) != sorted(units):
        results.fail(where, f"units {sorted(names)}, the engine scored {sorted(units)}")
    for r in table["righe"]:
        if r["unita"] in units:
            compare_fields(where, repr(r["unita"]), r, units[r["unita"]], UNIT_FIELDS, results)
    keys = [c["key"] for c in table["colonne"]]
    for column, value, _, _ in total_cells(table):
        field = {"punteggio_validato": "unitsMean", "punteggio_calcolato": "unitsMeanComputed"}.get(keys[column])
        if field and not same_score(value, ente.get(field)):
            results.fail(where, f"mean of {keys[column]} {value}, engine ente {field} {ente.get(field)}")


def check_node_rows(where, table, nodes, results):
    for r in table["righe"]:
        # Rows read "01.1 – PROGETTO RISORSE FINANZIARIE": the node's code, then the engine's name.
        matches = [n for n in nodes if r["nodo"] == n["name"] or r["nodo"].endswith(" – " + n["name"])]
        if len(matches) != 1:
            results.fail(where, f"{r['nodo']!r} matches {len(matches)} engine nodes")
        else:
            compare_fields(where, repr(r["nodo"]), r, matches[0], UNIT_FIELDS, results)


def check_open_data(where, tables, engine, results):
    units = {u["score"]["key"]: u["score"] for u in engine["units"]}
    objectives = {o["score"]["key"]: o["score"] for o in engine["objectives"]}
    nodes = {n["key"]: n for n in engine["nodes"]}
    table = tables.get("unita")
    if table is None:
        results.fail(where, "no table 'unita'")
    else:
        ids = sorted(r["id"] for r in table["righe"])
        if ids != sorted(units):
            results.fail(where, f"table 'unita' ids {ids}, engine units {sorted(units)}")
        pairs = (
            ("punteggio_calcolato", "computed"), ("punteggio_validato", "score"), ("obiettivi_conteggiati", "counted"),
        )
        for r in table["righe"]:
            if r["id"] in units:
                compare_fields(where, r["id"], r, units[r["id"]], pairs, results)
    table = tables.get("obiettivi")
    if table is None:
        results.fail(where, "no table 'obiettivi'")
        return
    ids = sorted(r["id"] for r in table["righe"])
    if ids != sorted([*objectives, *nodes]):
        results.fail(where, "table 'obiettivi' ids differ from the engine's objectives and nodes")
    for r in table["righe"]:
        if r["id"] in objectives:
            compare_fields(where, r["id"], r, objectives[r["id"]], OBJECTIVE_FIELDS, results)
        elif r["id"] in nodes:
            # A node is not validated by the Nucleo: its effective score is the engine's.
            pairs = (("punteggio_calcolato", "computed"), ("punteggio_effettivo", "score"))
            compare_fields(where, r["id"], r, nodes[r["id"]], pairs, results)


# MARK: CSV


def check_csv(doc, ref, results, open_data_schema=None):
    italian_dialect = doc.fmt == "csv"
    with open(doc.path, "rb") as f:
        data = f.read()
    tables = ref["tabelle"]
    if not tables:
        # A document without tables still gives one CSV: what the document is (title, ente, cover lines).
        cover = {"nome": "Documento", "titolo": ref["titolo"],
                 "colonne": [{"title": "Documento", "key": "documento", "kind": "testo", "decimals": 2}],
                 "righe": [{"documento": line} for line in
                           [ref["titolo"], ref["ente"], *([ref["sottotitolo"]] if ref.get("sottotitolo") else []),
                            *ref["copertina"]]]}
        if data[:2] == b"PK":
            results.fail(doc.label, "a zip for a document without tables (expected its cover as one CSV)")
        else:
            check_csv_table(doc.label, data, cover, italian_dialect, results)
        return
    if data[:2] != b"PK":
        if len(tables) != 1:
            results.fail(doc.label, f"a single CSV for a document with {len(tables)} tables (expected a zip)")
        else:
            check_csv_table(doc.label, data, tables[0], italian_dialect, results)
        return
    if len(tables) == 1:
        results.fail(doc.label, "a zip for a document with one table (expected a single CSV)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        broken = archive.testzip()
    except zipfile.BadZipFile as e:
        results.fail(doc.label, f"not a readable zip: {e}")
        return
    if broken:
        results.fail(doc.label, f"zip entry {broken} fails its CRC")
        return
    names = archive.namelist()
    expected = [csv_file_name(t["nome"]) for t in tables]
    if doc.kind == "open-data":
        # The package the metadata describes: the tables, the whole as JSON, and the metadata.
        expected += ["dati-aperti.json", "metadati-dcat-ap-it.jsonld"]
    if names != expected:
        # Readers decode a name as UTF-8 only when its entry says so (flag bit 11): "unità.csv" tells.
        results.fail(doc.label, f"zip entries {names}, expected {expected}")
        return
    for table in tables:
        name = csv_file_name(table["nome"])
        check_csv_table(f"{doc.label} {name}", archive.read(name), table, italian_dialect, results)
    if doc.kind == "open-data":
        try:
            metadata = load_json_strict(archive.read("metadati-dcat-ap-it.jsonld").decode("utf-8"))
        except ValueError as e:
            results.fail(doc.label, f"metadati-dcat-ap-it.jsonld does not parse: {e}")
            return
        if metadata != ref.get("metadati"):
            results.fail(doc.label, "metadati-dcat-ap-it.jsonld differs from the JSON document's metadati")
        for d in metadata.get("dcat:distribution") or []:
            if d.get("dcat:downloadURL") not in names:
                results.fail(doc.label, f"distribution {d.get('dcat:downloadURL')!r} is not in the zip")
        try:
            whole = load_json_strict(archive.read("dati-aperti.json").decode("utf-8"))
        except ValueError as e:
            results.fail(doc.label, f"dati-aperti.json does not parse: {e}")
            return
        if whole.get("tabelle") != ref.get("tabelle"):
            results.fail(doc.label, "dati-aperti.json's tables differ from the JSON document's")
        if open_data_schema:
            check_schema(f"{doc.label} dati-aperti.json", whole, open_data_schema, results)


def check_csv_table(where, data, table, italian_dialect, results):
    bom = data.startswith(b"\xef\xbb\xbf")
    if italian_dialect and not bom:
        results.fail(where, "no UTF-8 BOM (Excel would read it as ANSI)")
    if not italian_dialect and bom:
        results.fail(where, "a BOM in the RFC 4180 dialect")
    if not data.endswith(b"\r\n"):
        results.fail(where, "lines do not end with CRLF")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        results.fail(where, f"not UTF-8: {e}")
        return
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if italian_dialect else ",", strict=True))
    except csv.Error as e:
        results.fail(where, f"csv cannot read it: {e}")
        return
    columns = table["colonne"]
    header = [c["title"] for c in columns]
    if not rows or rows[0] != header:
        results.fail(where, f"header {rows[0] if rows else None}, expected {header}")
        return
    if len(rows) - 1 != len(table["righe"]):
        results.fail(where, f"{len(rows) - 1} rows, the JSON has {len(table['righe'])}")
        return
    for i, (line, expected) in enumerate(zip(rows[1:], table["righe"])):
        if len(line) != len(columns):
            results.fail(where, f"row {i + 2} has {len(line)} fields, expected {len(columns)}")
            continue
        for column, field in zip(columns, line):
            problem = compare_csv_field(field, expected[column["key"]], column, italian_dialect)
            if problem:
                results.fail(where, f"row {i + 2} column {column['title']!r}: {problem}")


def compare_csv_field(field, value, column, italian_dialect):
    """Problem text, or None."""
    if value is None:
        if italian_dialect:
            # "non rilevato", "escluso", "—" stay words for a reader; a number there would be invented.
            return f"{field!r} where the JSON has no value" if ITALIAN_NUMBER.match(field) else None
        return f"{field!r} where the JSON has no value (expected an empty field)" if field else None
    if column["kind"] == "data":
        day = date.fromisoformat(value)
        text = day.strftime("%d/%m/%Y") if italian_dialect else day.isoformat()
        return None if field == text else f"{field!r}, expected {text!r}"
    if is_number(value) and column["kind"] in NUMERIC_KINDS:
        if not (ITALIAN_NUMBER if italian_dialect else RFC_NUMBER).match(field):
            return f"{field!r} is not a number of the {'Italian' if italian_dialect else 'RFC 4180'} dialect"
        number = float(field.replace(",", ".")) if italian_dialect else float(field)
        # The Italian dialect writes at most six decimals; the RFC 4180 one the shortest exact form.
        tolerance = 5.1e-7 if italian_dialect else 1e-12
        return None if abs(number - value) <= tolerance * max(1.0, abs(value)) else f"{field!r}, the JSON has {value}"
    expected = str(value)
    if italian_dialect and isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # The spreadsheet dialect quotes text a spreadsheet would run as a formula (CSV injection).
        expected = "'" + expected
    return None if field == expected else f"{field!r}, the JSON has {value!r}"


# MARK: spreadsheets


def expected_sheet_rows(table):
    """Header, rows, and the total row when there is one."""
    return 1 + len(table["righe"]) + (1 if table.get("totale") else 0)


def scaled(value, column):
    """Percent columns hold points in JSON (99,08) and the fraction in a spreadsheet (0,9908)."""
    return value / 100 if column["kind"] == "percentuale" and is_number(value) else value


def label_column(table):
    """Where the total row's label goes: the first text column."""
    return next((i for i, c in enumerate(table["colonne"]) if c["kind"] == "testo"), 0)


def compare_cell(value, is_numeric_cell, expected, column):
    """Problem text, or None, for a data cell as a spreadsheet reader returned it."""
    if expected is None:
        return f"number {value} where the JSON has no value" if is_numeric_cell else None
    if column["kind"] in NUMERIC_KINDS and is_number(expected):
        if not is_numeric_cell:
            return f"{value!r} is not a numeric cell (JSON {expected})"
        return None if same(value, scaled(expected, column), 1e-12) else f"{value}, the JSON has {expected}"
    if column["kind"] == "data":
        day = value.date() if isinstance(value, datetime) else value
        return None if str(day) == expected else f"{value!r}, the JSON has {expected}"
    return None if value == expected else f"{value!r}, the JSON has {expected!r}"


def check_formula(where, formula, cached, json_total, column_index, rows, function_name, round_to, numbers, results):
    """A total formula: its function, range and rounding, then its value recomputed from the sheet's cells."""
    function, letter = FORMULA_FUNCTION[function_name], column_letters(column_index)
    match = FORMULA.match(formula)
    if not match:
        results.fail(where, f"formula {formula!r} is not a {function} over one column")
        return
    name, first_column, first_row, last_column, last_row, digits = match.groups()
    if (name, first_column, last_column, int(first_row), int(last_row)) != (function, letter, letter, 2, rows + 1):
        results.fail(where, f"formula {formula!r}, expected {function} of {letter}2:{letter}{rows + 1}")
        return
    if (int(digits) if digits else None) != round_to:
        results.fail(where, f"formula {formula!r} rounds to {digits} decimals, the methodology to {round_to}")
        return
    recomputed = apply_function(function, numbers, round_to)
    if not same(recomputed, cached):
        results.fail(where, f"formula {formula!r} gives {recomputed} on the sheet's cells, cached value {cached}")
    if not same(cached, json_total):
        results.fail(where, f"formula {formula!r} cached value {cached}, the JSON total is {json_total}")


def check_xlsx(doc, ref, engine, results):
    """Returns the sheet names, for the ODS check to compare with."""
    where = doc.label
    try:
        book = openpyxl.load_workbook(doc.path)
        cached_book = openpyxl.load_workbook(doc.path, data_only=True)
    except Exception as e:  # openpyxl raises many types for a broken package
        results.fail(where, f"openpyxl cannot open it: {type(e).__name__}: {e}")
        return None
    names, tables = book.sheetnames, ref["tabelle"]
    if names[0] != "Documento":
        results.fail(where, f"first sheet is {names[0]!r}, expected 'Documento'")
    if len(names) != 1 + len(tables):
        results.fail(where, f"{len(names)} sheets for {len(tables)} tables (expected 1 + one per table)")
        return names
    about = book[names[0]]
    if (about["A1"].value, about["A2"].value) != (ref["titolo"], ref["ente"]):
        results.fail(where, f"sheet Documento starts {about['A1'].value!r}, {about['A2'].value!r}: not title, ente")
    for name, table in zip(names[1:], tables):
        check_xlsx_sheet(f"{where} sheet {name!r}", book[name], cached_book[name], table, results)
    if doc.kind == "cdr-sheets":
        check_cdr_formulas(doc, book, cached_book, names, ref, engine, results)
    return names


def check_xlsx_sheet(where, sheet, cached_sheet, table, results):
    columns = table["colonne"]
    if len(sheet.title) > 31:
        results.fail(where, "sheet name longer than Excel's 31 characters")
    pane = sheet.sheet_view.pane
    # openpyxl's freeze_panes reads topLeftCell only, which a movable split pane has too.
    if sheet.freeze_panes != "A2" or pane is None or pane.state != "frozen" or pane.ySplit != 1:
        state = pane.state if pane else None
        results.fail(where, f"freeze_panes {sheet.freeze_panes!r} (pane {state}), expected A2 frozen")
    if (sheet.max_row, sheet.max_column) != (expected_sheet_rows(table), len(columns)):
        expected = f"{expected_sheet_rows(table)}×{len(columns)}"
        results.fail(where, f"{sheet.max_row}×{sheet.max_column} cells, expected {expected}")
        return
    grid = [list(r) for r in sheet.iter_rows()]
    cached = [[c.value for c in r] for r in cached_sheet.iter_rows()]
    header = [c.value for c in grid[0]]
    if header != [c["title"] for c in columns]:
        results.fail(where, f"header {header}, expected {[c['title'] for c in columns]}")
    numeric_cells = 0
    for i, row in enumerate(table["righe"]):
        for j, column in enumerate(columns):
            cell = grid[i + 1][j]
            numeric = cell.data_type == "n" and is_number(cell.value)
            numeric_cells += numeric
            problem = compare_cell(cell.value, numeric, row[column["key"]], column)
            if not problem and numeric and column["kind"] == "percentuale" and "%" not in cell.number_format:
                problem = f"a percentage with number format {cell.number_format!r}"
            if problem:
                results.fail(f"{where} {cell.coordinate}", problem)
    has_scores = any(c["kind"] in ("punteggio", "percentuale") for c in columns)
    has_numbers = any(is_number(r[c["key"]]) for r in table["righe"] for c in columns if c["kind"] in NUMERIC_KINDS)
    if has_scores and has_numbers and numeric_cells == 0:
        results.fail(where, "no numeric cell in a table of scores")
    if not table.get("totale"):
        return
    last = len(table["righe"]) + 1
    label = grid[last][label_column(table)].value
    if label != table["totale"]["label"]:
        results.fail(where, f"total label {label!r}, expected {table['totale']['label']!r}")
    for column_index, value, formula, round_to in total_cells(table):
        cell, cached_value = grid[last][column_index], cached[last][column_index]
        expected = scaled(value, columns[column_index])
        if formula and table["righe"]:
            if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                results.fail(f"{where} {cell.coordinate}", f"{cell.value!r} where a {formula} formula was expected")
                continue
            cells = [r[column_index] for r in grid[1:last]]
            numbers = [c.value for c in cells if c.data_type == "n" and is_number(c.value)]
            check_formula(f"{where} {cell.coordinate}", cell.value, cached_value, expected, column_index,
                          len(table["righe"]), formula, round_to, numbers, results)
        elif not same(cached_value if is_number(cached_value) else None, expected if is_number(expected) else None):
            results.fail(f"{where} {cell.coordinate}", f"total {cached_value!r}, the JSON has {value}")


def check_cdr_formulas(doc, book, cached_book, names, ref, engine, results):
    """Each CdR sheet ends in one =ROUND(AVERAGE(…)) whose cached value is its unit's engine score."""
    mapping = cdr_units_of_tables(ref)
    units = {u["score"]["name"]: u["score"] for u in engine["units"]}
    for name, table in zip(names[1:], ref["tabelle"]):
        where = f"{doc.label} sheet {name!r}"
        formulas = [c.coordinate for r in book[name].iter_rows() for c in r
                    if isinstance(c.value, str) and c.value.startswith("=ROUND(AVERAGE(")]
        unit = units.get(mapping.get(table["nome"]))
        if len(formulas) != 1:
            results.fail(where, f"{len(formulas)} =ROUND(AVERAGE( formulas, expected 1")
        elif unit is None:
            results.fail(where, "no unit of the engine for this sheet")
        elif not same_score(cached_book[name][formulas[0]].value, unit.get("score")):
            cached = cached_book[name][formulas[0]].value
            results.fail(f"{where} {formulas[0]}", f"cached {cached}, engine unit score {unit.get('score')}")


def ods_cell_text(cell):
    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))


def ods_grid(table):
    """Rows of cells, repeats expanded; trailing blank rows (LibreOffice repeats one a million times) cut."""
    grid = []
    for row in table.getElementsByType(TableRow):
        cells = []
        for cell in row.childNodes:
            if cell.qname[1] in ("table-cell", "covered-table-cell"):
                repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), "1"))
                cells.extend([cell] * min(repeat, 1024))
        repeat = int(row.attributes.get((TABLENS, "number-rows-repeated"), "1"))
        grid.extend([cells] * min(repeat, 1024))
    while grid and all(not ods_cell_text(c) and not c.attributes.get((OFFICENS, "value-type")) for c in grid[-1]):
        grid.pop()
    return grid


def ods_value(cell):
    """(value, is_numeric_cell) as the cell's office attributes give it."""
    kind = cell.attributes.get((OFFICENS, "value-type"))
    if kind in ("float", "percentage", "currency"):
        return float(cell.attributes[(OFFICENS, "value")]), True
    if kind == "date":
        return date.fromisoformat(cell.attributes[(OFFICENS, "date-value")][:10]), False
    text = ods_cell_text(cell)
    return (text if text or kind == "string" else None), False


def check_ods(doc, ref, xlsx_sheets, results):
    where = doc.label
    with zipfile.ZipFile(doc.path) as archive:
        first = archive.infolist()[0]
        # ODF 1.2 part 3 §3.3: mimetype first and stored, so the type can be read at a fixed offset.
        stored = (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        if not stored or archive.read("mimetype") != ODS_MIMETYPE:
            results.fail(where, "mimetype is not the first, stored entry naming an ODS spreadsheet")
            return
        try:
            content = archive.read("content.xml")
            namespaces = {prefix: uri for _, (prefix, uri) in ET.iterparse(io.BytesIO(content), events=("start-ns",))}
            settings = ET.fromstring(archive.read("settings.xml")) if "settings.xml" in archive.namelist() else None
        except ET.ParseError as e:
            results.fail(where, f"XML does not parse: {e}")
            return
    try:
        book = load_odf(doc.path)
    except Exception as e:  # odfpy lets its XML parser's exceptions through
        results.fail(where, f"odfpy cannot open it: {type(e).__name__}: {e}")
        return
    sheets = book.spreadsheet.getElementsByType(Table)
    names, tables = [t.getAttribute("name") for t in sheets], ref["tabelle"]
    if xlsx_sheets is not None and names != xlsx_sheets:
        results.fail(where, f"sheets {names}, the XLSX has {xlsx_sheets}")
    if len(sheets) != 1 + len(tables):
        results.fail(where, f"{len(sheets)} tables for {len(tables)} document tables")
        return
    # ODF 1.2 §19.642: a formula starts with a namespace prefix naming its syntax ("of:="), declared like any
    # other prefix. LibreOffice shows Err:510 in place of a formula whose prefix is not declared.
    prefixes = {
        f.split(":", 1)[0]
        for cell in book.spreadsheet.getElementsByType(TableCell)
        if (f := cell.attributes.get((TABLENS, "formula"))) and ":" in f.split("=", 1)[0]
    }
    for prefix in sorted(prefixes):
        if namespaces.get(prefix) != OPENFORMULA_NS:
            results.fail(where, f"formulas use the prefix {prefix!r}, not declared in content.xml ({OPENFORMULA_NS})")
    frozen = frozen_ods_sheets(settings)
    for sheet, table in zip(sheets[1:], tables):
        name = sheet.getAttribute("name")
        if name not in frozen:
            results.fail(f"{where} table {name!r}", "header row not frozen in settings.xml")
        check_ods_sheet(f"{where} table {name!r}", sheet, table, results)


def check_ods_sheet(where, sheet, table, results):
    columns = table["colonne"]
    grid = ods_grid(sheet)
    if len(grid) != expected_sheet_rows(table):
        results.fail(where, f"{len(grid)} rows, expected {expected_sheet_rows(table)}")
        return
    header = [ods_cell_text(c) for c in grid[0][: len(columns)]]
    if header != [c["title"] for c in columns]:
        results.fail(where, f"header {header}, expected {[c['title'] for c in columns]}")
    for i, row in enumerate(table["righe"]):
        cells = grid[i + 1]
        if len(cells) < len(columns):
            results.fail(where, f"row {i + 2} has {len(cells)} cells, expected {len(columns)}")
            continue
        for j, column in enumerate(columns):
            value, numeric = ods_value(cells[j])
            problem = compare_cell(value, numeric, row[column["key"]], column)
            value_type = cells[j].attributes.get((OFFICENS, "value-type"))
            expected_type = "percentage" if column["kind"] == "percentuale" else "float"
            if not problem and numeric and value_type != expected_type:
                problem = f"value-type {value_type!r} in a {column['kind']} column"
            if problem:
                results.fail(f"{where} {column_letters(j)}{i + 2}", problem)
    if not table.get("totale"):
        return
    last = len(table["righe"]) + 1
    label = ods_cell_text(grid[last][label_column(table)])
    if label != table["totale"]["label"]:
        results.fail(where, f"total label {label!r}, expected {table['totale']['label']!r}")
    for column_index, value, formula, round_to in total_cells(table):
        here = f"{where} {column_letters(column_index)}{last + 1}"
        cell = grid[last][column_index]
        cached, _ = ods_value(cell)
        expected = scaled(value, columns[column_index])
        text = cell.attributes.get((TABLENS, "formula"))
        if formula and table["righe"]:
            if not text:
                results.fail(here, f"no formula where a {formula} was expected")
                continue
            numbers = [v for v, numeric in (ods_value(r[column_index]) for r in grid[1:last]) if numeric]
            check_formula(here, text, cached, expected, column_index, len(table["righe"]), formula, round_to,
                          numbers, results)
        elif not same(cached if is_number(cached) else None, expected if is_number(expected) else None):
            results.fail(here, f"total {cached!r}, the JSON has {value}")


def frozen_ods_sheets(settings):
    """Sheets whose view is frozen after row 1 (LibreOffice calls the horizontal split line "Vertical…")."""
    if settings is None:
        return set()
    config = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"
    frozen = set()
    for entry in settings.iter(config + "config-item-map-entry"):
        items = {i.get(config + "name"): (i.text or "") for i in entry.findall(config + "config-item")}
        if items.get("VerticalSplitMode") == "2" and items.get("VerticalSplitPosition") == "1":
            frozen.add(entry.get(config + "name"))
    return frozen


# MARK: HTML and PDF


class StrictHTML(HTMLParser):
    """html.parser accepts anything; this one keeps a stack of open elements, so a misnested one is reported."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.text = [], [], []
        self.ids, self.fragments = Counter(), set()
        self.lang, self.doctype, self.in_style = None, False, False

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        self.note_attributes(tag, dict(attrs))
        if tag not in HTML_VOID:
            self.stack.append((tag, self.getpos()[0]))
        self.in_style = self.in_style or tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.note_attributes(tag, dict(attrs))  # <path … /> in inline SVG: nothing to close

    def note_attributes(self, tag, attrs):
        if tag == "html":
            self.lang = attrs.get("lang")
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        href = attrs.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            self.fragments.add(href[1:])

    def handle_endtag(self, tag):
        if tag in HTML_VOID:
            return
        self.in_style = self.in_style and tag != "style"
        if not self.stack:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes nothing")
            return
        open_tag, line = self.stack.pop()
        if open_tag != tag:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes <{open_tag}> of line {line}")
            # Resynchronise on the matching element, if any, so one slip does not cascade.
            while self.stack and self.stack[-1][0] != tag:
                self.stack.pop()
            if self.stack:
                self.stack.pop()

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def check_html(doc, ref, engine, results):
    where = doc.label
    with open(doc.path, "rb") as f:
        raw = f.read()
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        results.fail(where, f"not UTF-8: {e}")
        return
    if "<script" in source.lower():
        results.fail(where, "contains <script")
    parser = StrictHTML()
    parser.feed(source)
    parser.close()
    if not parser.doctype:
        results.fail(where, "no <!DOCTYPE html>")
    if parser.lang != "it":
        results.fail(where, f'<html lang="{parser.lang}">, expected lang="it"')
    for error in parser.errors[:5]:
        results.fail(where, error)
    if parser.stack:
        results.fail(where, f"elements never closed: {[t for t, _ in parser.stack][:5]}")
    repeated = [i for i, n in parser.ids.items() if n > 1]
    if repeated:
        results.fail(where, f"repeated id attributes {repeated[:5]}")
    dangling = sorted(parser.fragments - set(parser.ids))
    if dangling:
        results.fail(where, f"links to missing anchors {dangling[:5]}")
    text = normalise(" ".join(parser.text))
    check_document_text(doc, ref, engine, text, text, results)


def check_pdf(doc, ref, engine, results):
    where = doc.label
    with open(doc.path, "rb") as f:
        if f.read(5) != b"%PDF-":
            results.fail(where, "does not start with %PDF-")
            return
    info = subprocess.run(["pdfinfo", doc.path], capture_output=True, text=True)
    pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    if info.returncode != 0 or not pages or int(pages.group(1)) == 0:
        results.fail(where, f"pdfinfo finds no pages: {(info.stderr or info.stdout).strip()[:200]}")
        return
    pages = int(pages.group(1))
    layout = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", doc.path, "-"], capture_output=True, text=True)
    # -raw keeps the wrapped lines of a table cell together, where -layout interleaves the columns.
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", doc.path, "-"], capture_output=True, text=True)
    if layout.returncode != 0 or raw.returncode != 0:
        results.fail(where, f"pdftotext failed: {(layout.stderr or raw.stderr).strip()[:200]}")
        return
    text = normalise(layout.stdout)
    missing = [k for k in range(1, pages + 1) if f"Pagina {k} di {pages}" not in text]
    if missing:
        results.fail(where, f"footer «Pagina k di {pages}» missing on pages {missing[:10]}")
    check_document_text(doc, ref, engine, text, normalise(raw.stdout), results)


def check_document_text(doc, ref, engine, text, flowing_text, results):
    """What a reader of the page must find: title, ente, a sample of objectives, the units' scores."""
    where = doc.label
    for needle in (ref["titolo"], ref["ente"]):
        # Case aside: the cover prints the ente in capitals (CSS text-transform), and pdftotext reads it so.
        if normalise(needle).casefold() not in text.casefold():
            results.fail(where, f"text lacks {needle!r}")
    if doc.kind not in ("monitoring", "relazione", "cdr-sheets"):
        return
    titles = [r["obiettivo"] for t in ref["tabelle"] for r in t["righe"] if r.get("obiettivo")]
    # About eight titles, first and last included: enough to see that the rows reached the page.
    for title in titles[:: max(1, len(titles) // 8)] + titles[-1:]:
        # A line that breaks at a hyphen comes out of pdftotext as "- " or with the hyphen dropped: compare without
        # hyphens, spaces folded.
        def loose(text):
            return re.sub(r"\s+", " ", text.replace("-", " ")).strip()

        if normalise(title) not in flowing_text and loose(title) not in loose(flowing_text):
            results.fail(where, f"objective title not found: {title[:70]!r}")
    suffix = "%" if doc.kind == "cdr-sheets" else ""
    for unit in engine["units"]:
        score = unit["score"].get("score")
        if score is not None and not contains_number(text, italian(score) + suffix):
            results.fail(where, f"unit score {italian(score)}{suffix} of {unit['score']['name']!r} not in the text")
    if doc.kind == "cdr-sheets" and doc.ente == SEED_004:
        # In sheet order: each sheet's percentage after the previous sheet's.
        found = re.findall(r"(?<![\d,.])\d{1,3},\d\d%", text)
        position = 0
        for total in SEED_004_CDR_TOTALS:
            try:
                position = found.index(italian(total) + "%", position) + 1
            except ValueError:
                wanted = [italian(t) + "%" for t in SEED_004_CDR_TOTALS]
                results.fail(where, f"seed 004 CdR totals {wanted} not in this order; percentages in the text {found}")
                break


# MARK: LibreOffice


def check_with_libreoffice(spreadsheets, workdir, results):
    """Every sheet of every XLSX and ODS as LibreOffice Calc reads it, compared with the JSON.

    Calc shows the cached result of a formula it parses (it does not recalculate on load: check_formula does the
    arithmetic), and Err:5xx for one it cannot parse. spreadsheets: (Doc, JSON reference, sheet names) triples.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("note: soffice/libreoffice not on PATH: the spreadsheets were not opened with LibreOffice")
        return
    # A private profile: an instance the user has open would otherwise take the job and ignore --headless.
    profile = "file://" + os.path.join(workdir, "libreoffice-profile")
    for fmt in ("xlsx", "ods"):
        batch = [s for s in spreadsheets if s[0].fmt == fmt]
        out = os.path.join(workdir, "libreoffice", fmt)
        os.makedirs(out, exist_ok=True)
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", LIBREOFFICE_CSV,
             "--outdir", out, *(d.path for d, _, _ in batch)],
            capture_output=True, text=True, timeout=600)
        for doc, ref, sheets in batch:
            stem = os.path.join(out, os.path.basename(doc.path)[: -len(SUFFIX[fmt])])
            if not os.path.isfile(f"{stem}-{sheets[0]}.csv"):
                if os.path.isfile(stem + ".csv"):
                    results.fail(doc.label, "LibreOffice wrote one CSV for the whole file: it must be 7.2 or later")
                else:
                    output = (done.stderr or done.stdout).strip()[-300:]
                    results.fail(doc.label, f"LibreOffice did not convert it: {output}")
                continue
            for sheet, table in zip(sheets[1:], ref["tabelle"]):
                with open(f"{stem}-{sheet}.csv", encoding="utf-8", newline="") as f:
                    rows = list(csv.reader(f))
                check_libreoffice_sheet(f"{doc.label} sheet {sheet!r} in LibreOffice", rows, table, results)
            results.checked["LibreOffice"] += 1


def check_libreoffice_sheet(where, rows, table, results):
    errors = Counter(v for r in rows for v in r if SPREADSHEET_ERROR.match(v))
    if errors:
        results.fail(where, "cells show " + ", ".join(f"{e} ({n}×)" for e, n in sorted(errors.items())))
    if len(rows) != expected_sheet_rows(table):
        results.fail(where, f"{len(rows)} rows, expected {expected_sheet_rows(table)}")
        return
    columns = table["colonne"]
    # Row number → the values LibreOffice must show, by column key; the total row only where it has cells.
    expected = {i + 2: r for i, r in enumerate(table["righe"])}
    if table.get("totale"):
        expected[len(rows)] = {columns[c]["key"]: v for c, v, _, _ in total_cells(table)}
    for number, values in expected.items():
        line = rows[number - 1] + [""] * len(columns)
        for j, column in enumerate(columns):
            if column["key"] not in values or SPREADSHEET_ERROR.match(line[j]):
                continue  # the total row's label and blanks; errors, reported above
            problem = compare_libreoffice_field(line[j], values[column["key"]], column)
            if problem:
                results.fail(f"{where} {column_letters(j)}{number}", problem)


def compare_libreoffice_field(field, value, column):
    """LibreOffice writes raw values with a decimal point ("87.71"), percentages as points with a sign ("85.43%")."""
    numeric = RFC_NUMBER.match(field.rstrip("%"))
    if value is None:
        return f"{field!r} where the JSON has no value" if numeric else None
    if column["kind"] == "data":
        return None  # written in the locale's date format; the XLSX and ODS checks compare the dates
    if column["kind"] in NUMERIC_KINDS and is_number(value):
        # Fifteen significant digits.
        return None if numeric and same(float(field.rstrip("%")), value, 1e-12) else f"{field!r}, the JSON has {value}"
    return None if field == str(value) else f"{field!r}, the JSON has {value!r}"


# MARK: main


def main():
    started = time.monotonic()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(root, ".build/debug/traguardo"), help="traguardo executable")
    parser.add_argument("--keep", metavar="DIR", help="put the database and the documents here, and keep them")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1), help="documents generated at once")
    parser.add_argument("--all-pdfs", action="store_true", help=f"PDFs of every ente, not only {', '.join(PDF_ENTI)}")
    parser.add_argument("--no-pdf", action="store_true", help="no PDFs (neither Chromium nor WeasyPrint here)")
    args = parser.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary} is not an executable: build it with 'swift build --product traguardo'")
    for tool in ("pdftotext", "pdfinfo"):
        if not args.no_pdf and not shutil.which(tool):
            sys.exit(f"{tool} not found: apt-get install poppler-utils")
    if args.keep:
        workdir = os.path.abspath(args.keep)
        os.makedirs(workdir, exist_ok=True)
        if os.listdir(workdir):
            sys.exit(f"{workdir} is not empty: --keep wants a new or empty directory")
    else:
        workdir = tempfile.mkdtemp(prefix="traguardo-reports.")
    results = Results()
    try:
        run_checks(binary, workdir, args, results, open_data_validator(root, results))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    documents = sum(n for fmt, n in results.checked.items() if fmt in FORMATS)
    counts = ", ".join(f"{fmt} {results.checked[fmt]}" for fmt in FORMATS if results.checked[fmt])
    opened, validated = results.checked["LibreOffice"], results.checked["schema"]
    read_by_libreoffice = f"; {opened} spreadsheets read by LibreOffice" if opened else ""
    against_schema = f"; {validated} open-data files checked against {OPEN_DATA_SCHEMA}" if validated else ""
    print(f"documents checked: {documents} ({counts}){read_by_libreoffice}{against_schema}")
    print(f"total time: {time.monotonic() - started:.0f} s" + (f"; files kept in {workdir}" if args.keep else ""))
    if results.problems:
        print(f"{results.count()} problems:", file=sys.stderr)
        for problem in results.problems:
            print(f"  {problem}", file=sys.stderr)
        for document, more in results.hidden().items():
            print(f"  {document}: {more} more problems not shown", file=sys.stderr)
        sys.exit(1)
    print("every document checks out")


def run_checks(binary, workdir, args, results, open_data_schema):
    traguardo = Traguardo(binary, workdir)
    demo = traguardo.run("demo")
    if demo.returncode != 0:
        output = (demo.stderr or demo.stdout).strip()[-500:]
        results.fail("[demo]", f"traguardo demo exited {demo.returncode}: {output}")
        return

    engines = {}
    for ente in ENTI:
        done = traguardo.run("score", "--ente", ente, "--json")
        try:
            engines[ente] = load_json_strict(done.stdout)
        except ValueError as e:
            results.fail(f"[{ente} score]", f"traguardo score --json exited {done.returncode}, not JSON: {e}")

    out = os.path.join(workdir, "documents")
    os.makedirs(out)
    docs = [
        Doc(ente, kind, fmt, os.path.join(out, f"{ente}-{kind}{SUFFIX[fmt]}"))
        for ente in ENTI
        for kind in KINDS
        for fmt in FORMATS
        if fmt != "pdf" or not args.no_pdf and (args.all_pdfs or ente in PDF_ENTI)
    ]
    # PDFs first: each mostly waits on Chromium, and the quick formats fill the other workers meanwhile.
    queue = sorted(docs, key=lambda d: d.fmt != "pdf")
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        errors = dict(zip((d.label for d in queue), pool.map(lambda d: generate(traguardo, d), queue)))
    print(f"generated {len(docs)} documents in {time.monotonic() - started:.0f} s")

    spreadsheets = []
    for ente in ENTI:
        for kind in KINDS:
            mine = [d for d in docs if d.ente == ente and d.kind == kind]
            for d in mine:
                if errors[d.label]:
                    results.fail(d.label, errors[d.label])
            generated = {d.fmt: d for d in mine if not errors[d.label]}
            if ente not in engines or "json" not in generated:
                results.fail(f"[{ente} {kind}]", "no engine scores or no JSON document: other formats not checked")
                continue
            engine = engines[ente]
            ref = check_json(generated["json"], engine, results, open_data_schema)
            results.checked["json"] += 1
            if ref is None:
                continue
            sheets = None
            for fmt, d in ((f, generated[f]) for f in FORMATS[1:] if f in generated):
                if fmt == "pdf":
                    check_pdf(d, ref, engine, results)
                elif fmt == "html":
                    check_html(d, ref, engine, results)
                elif fmt == "xlsx":
                    sheets = check_xlsx(d, ref, engine, results)
                elif fmt == "ods":
                    check_ods(d, ref, sheets, results)
                else:
                    check_csv(d, ref, results, open_data_schema)
                results.checked[fmt] += 1
            if sheets and len(sheets) == 1 + len(ref["tabelle"]):
                spreadsheets += [(generated[f], ref, sheets) for f in ("xlsx", "ods") if f in generated]

    check_with_libreoffice(spreadsheets, workdir, results)


if __name__ == "__main__":
    main()
