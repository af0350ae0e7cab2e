#!/usr/bin/env python3
"""Checks the documents `traguardo report` writes with readers Traguardo did not write.

The Swift tests read the generated files back with Traguardo's own XLSX/ODS/ZIP readers, so a mistake shared by
writer and reader would pass them. This checker installs the demo in a throw-away SQLite database, generates
every ente × kind × format (PDFs for every kind of the largest ente and of seed 004; all of them with
--all-pdfs), and opens each file with a third-party reader: poppler's pdftotext/pdfinfo, openpyxl, odfpy,
Python's csv, json and html.parser, and LibreOffice when it is installed.

What is compared with what:
  * the engine (`traguardo score --json`) is the oracle for scores: unit, node and objective scores in the
    JSON documents, CdR totals, the unit mean;
  * seed 004 (unione-bellusco-mezzago) also has hand-checked CdR totals, from the paper evaluation sheets;
  * the JSON document is the reference for the other formats of the same document: every CSV, XLSX and ODS
    cell is compared with the JSON value, so a number that differs between formats is caught;
  * spreadsheet totals are recomputed here from the cells their formula names (Excel's ROUND, half away from
    zero), and must equal both the cached value and the engine's.

Usage: python3 Tests/reports/check_reports.py --binary .build/debug/traguardo [--keep DIR] [--jobs N]
Exit status 1, with one line per problem, when anything does not hold.
"""

import argparse
import csv
import io
import json
import math
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

ENTI = ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"]
KINDS = ["piao-performance", "monitoring", "relazione", "cdr-sheets", "org-performance", "verbale", "open-data"]
FORMATS = ["json", "pdf", "html", "xlsx", "ods", "csv", "csv-virgola"]
SUFFIX = {"json": ".json", "pdf": ".pdf", "html": ".html", "xlsx": ".xlsx", "ods": ".ods", "csv": ".csv", "csv-virgola": ".virgola.csv"}

# A PDF costs a Chromium start (~2 s): every kind of the largest ente and of seed 004 covers each kind twice.
PDF_ENTI = ["cassano-d-adda", "unione-bellusco-mezzago"]

# Seed 004's CdR totals as the Unione's own 2020 evaluation sheets print them, in sheet order.
SEED_004 = "unione-bellusco-mezzago"
SEED_004_CDR_TOTALS = [99.08, 99.75, 100.00, 87.71, 100.00, 100.00]

NUMERIC_KINDS = {"intero", "punteggio", "percentuale", "numero"}
ITALIAN_NUMBER = re.compile(r"^-?\d+(,\d+)?$")
RFC_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
FORMULA = re.compile(r"^(?:of:)?=(?:ROUND\()?(AVERAGE|SUM|COUNT)\(\[?\.?([A-Z]+)(\d+):\.?([A-Z]+)(\d+)\]?\)(?:[,;](\d+)\))?$")
FORMULA_FUNCTION = {"media": "AVERAGE", "somma": "SUM", "conteggio": "COUNT"}
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
HTML_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_NS_TAGS = {"path", "rect", "circle", "line", "polyline", "polygon", "stop", "use", "ellipse"}


# MARK: results


class Results:
    def __init__(self):
        self.problems = []
        self.checked = Counter()
        self.notes = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def note(self, message):
        self.notes.append(message)


@dataclass
class Doc:
    ente: str
    kind: str
    fmt: str
    path: str

    @property
    def label(self):
        return f"[{self.ente} {self.kind} {self.fmt}]"


# MARK: numbers


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
    return re.search(r"(?<![\d,.])" + re.escape(number) + r"(?![\d])", text) is not None


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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
    try:
        done = traguardo.run("report", doc.kind, "--ente", doc.ente, "--format", doc.fmt, "-o", doc.path)
    except subprocess.TimeoutExpired:
        return f"timed out: traguardo report {doc.kind} --ente {doc.ente} --format {doc.fmt}"
    if done.returncode != 0:
        return f"traguardo report exited {done.returncode}: {(done.stderr or done.stdout).strip()[-500:]}"
    if not os.path.isfile(doc.path) or os.path.getsize(doc.path) == 0:
        return "traguardo report exited 0 but wrote no file"
    return None


# MARK: the reference document (JSON) and the oracle (engine)


def load_json_strict(data):
    def reject(constant):
        raise ValueError(f"non-standard JSON constant {constant}")

    return json.loads(data, parse_constant=reject)


def check_json(doc, engine, results):
    """Returns the parsed document (the reference for the other formats), or None when it is unusable."""
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
        check_json_table(where, table, results)
    if doc.kind == "open-data":
        check_metadata(where, ref.get("metadati"), ref["tabelle"], results)
    elif "metadati" in ref and ref["metadati"] is not None:
        results.fail(where, "metadati present outside open-data")
    check_against_engine(doc, ref, engine, results)
    return ref


def check_json_table(where, table, results):
    where = f"{where} table {table.get('nome')!r}"
    keys = [c["key"] for c in table["colonne"]]
    if len(set(keys)) != len(keys):
        # Rows are objects keyed by column: a repeated key silently loses a column.
        results.fail(where, f"repeated column keys {[k for k, n in Counter(keys).items() if n > 1]}")
    for i, row in enumerate(table["righe"]):
        if set(row) != set(keys):
            results.fail(where, f"row {i + 1} keys {sorted(row)} differ from the columns {sorted(keys)}")
            continue
        for column in table["colonne"]:
            v = row[column["key"]]
            kind = column["kind"]
            if v is None:
                continue
            if kind in NUMERIC_KINDS and not is_number(v):
                results.fail(where, f"row {i + 1} {column['key']}: {v!r} is not a number in a {kind} column")
            elif kind == "intero" and float(v) != int(v):
                results.fail(where, f"row {i + 1} {column['key']}: {v!r} is not an integer")
            elif kind == "testo" and not isinstance(v, str):
                results.fail(where, f"row {i + 1} {column['key']}: {v!r} is not text")
            elif kind == "data":
                try:
                    date.fromisoformat(v)
                except (TypeError, ValueError):
                    results.fail(where, f"row {i + 1} {column['key']}: {v!r} is not an ISO date")
    total = table.get("totale")
    if not total:
        return
    for cell in total["cells"]:
        column = cell["column"]
        if not 0 <= column < len(table["colonne"]):
            results.fail(where, f"total cell in column {column}, the table has {len(table['colonne'])}")
            continue
        formula = cell.get("formula")
        if formula is None:
            continue
        # The builders promise the formula gives the engine's value: recompute it from the rows.
        key = table["colonne"][column]["key"]
        numbers = [r[key] for r in table["righe"] if is_number(r[key])]
        expected = apply_function(FORMULA_FUNCTION[formula], numbers, total.get("roundTo") if formula == "media" else None)
        if not same(expected, cell.get("value"), 1e-9):
            results.fail(where, f"total of {key} ({formula}) is {cell.get('value')}, the rows give {expected}")


def apply_function(function, numbers, round_to):
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
    for k in ("dct:identifier", "dct:title", "dct:publisher", "dct:rightsHolder", "dcat:theme", "dct:accrualPeriodicity"):
        if not metadata.get(k):
            results.fail(where, f"metadati lacks {k}, mandatory in DCAT-AP_IT")
    urls = {d.get("dcat:downloadURL") for d in metadata.get("dcat:distribution") or []}
    for table in tables:
        if csv_file_name(table["nome"]) not in urls:
            results.fail(where, f"no CSV distribution for table {table['nome']!r} (downloadURL {csv_file_name(table['nome'])})")


def csv_file_name(table_name):
    return "".join(c if c.isalnum() else "-" for c in table_name.lower()) + ".csv"


def cdr_units_of_tables(ref):
    """Table name → CdR name: each CdR sheet is a section whose facts name the CdR, then its table."""
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


def check_against_engine(doc, ref, engine, results):
    tables = {t["nome"]: t for t in ref["tabelle"]}
    units = {u["score"]["name"]: u["score"] for u in engine["units"]}
    objectives = {o["score"]["title"]: o["score"] for o in engine["objectives"]}
    where = doc.label

    if doc.kind in ("monitoring", "relazione"):
        table = tables.get("Unità")
        if table is None:
            results.fail(where, "no table «Unità»")
        else:
            check_unit_rows(f"{where} table 'Unità'", table, units, engine["ente"], results)
        table = tables.get("Obiettivi")
        if table is None:
            results.fail(where, "no table «Obiettivi»")
        else:
            check_objective_rows(f"{where} table 'Obiettivi'", table, objectives, results)
        for table in ref["tabelle"]:
            keys = {c["key"] for c in table["colonne"]}
            if {"nodo", "punteggio_validato"} <= keys:
                check_node_rows(f"{where} table {table['nome']!r}", table, engine["nodes"], results)

    if doc.kind in ("cdr-sheets", "relazione"):
        mapping = cdr_units_of_tables(ref)
        seen = set()
        for name, unit_name in mapping.items():
            table = tables.get(name)
            unit = units.get(unit_name)
            if table is None:
                continue  # a sheet only the page shows
            if unit is None:
                results.fail(where, f"CdR sheet {name!r} names {unit_name!r}, not a unit the engine scored")
                continue
            seen.add(unit_name)
            total = (table.get("totale") or {}).get("cells") or []
            if len(total) != 1:
                results.fail(where, f"CdR table {name!r} has {len(total)} total cells, expected 1")
                continue
            if not same_score(total[0].get("value"), unit.get("score")):
                results.fail(where, f"CdR {unit_name!r} total {total[0].get('value')}, engine unit score {unit.get('score')}")
        if doc.kind == "cdr-sheets" and seen != set(units):
            results.fail(where, f"units without a CdR sheet: {sorted(set(units) - seen)}")
        if doc.kind == "cdr-sheets" and doc.ente == SEED_004:
            totals = [t["totale"]["cells"][0]["value"] for t in ref["tabelle"] if t.get("totale")]
            if totals != SEED_004_CDR_TOTALS:
                results.fail(where, f"seed 004 CdR totals {totals}, the evaluation sheets say {SEED_004_CDR_TOTALS}")

    if doc.kind == "open-data":
        unit_keys = {u["score"]["key"]: u["score"] for u in engine["units"]}
        objective_keys = {o["score"]["key"]: o["score"] for o in engine["objectives"]}
        node_keys = {n["key"]: n for n in engine["nodes"]}
        table = tables.get("unita")
        if table is None:
            results.fail(where, "no table «unita»")
        else:
            ids = [r["id"] for r in table["righe"]]
            if sorted(ids) != sorted(unit_keys):
                results.fail(where, f"table 'unita' ids {sorted(ids)}, engine units {sorted(unit_keys)}")
            for r in table["righe"]:
                u = unit_keys.get(r["id"])
                if u is None:
                    continue
                for column, field in (("punteggio_calcolato", "computed"), ("punteggio_validato", "score"), ("obiettivi_conteggiati", "counted")):
                    if not same_score(r[column], u.get(field)):
                        results.fail(where, f"unit {r['id']} {column} {r[column]}, engine {field} {u.get(field)}")
        table = tables.get("obiettivi")
        if table is None:
            results.fail(where, "no table «obiettivi»")
        else:
            ids = [r["id"] for r in table["righe"]]
            if sorted(ids) != sorted(list(objective_keys) + list(node_keys)):
                results.fail(where, f"table 'obiettivi' ids differ from the engine's objectives and nodes")
            for r in table["righe"]:
                if r["id"] in objective_keys:
                    o = objective_keys[r["id"]]
                    pairs = (("punteggio_calcolato", "computed"), ("punteggio_validato", "validated"), ("punteggio_effettivo", "effective"))
                elif r["id"] in node_keys:
                    o = node_keys[r["id"]]
                    pairs = (("punteggio_calcolato", "computed"), ("punteggio_effettivo", "score"))
                else:
                    continue
                for column, field in pairs:
                    if not same_score(r[column], o.get(field)):
                        results.fail(where, f"{r['id']} {column} {r[column]}, engine {field} {o.get(field)}")

    if doc.kind == "verbale":
        for table in ref["tabelle"]:
            if table["nome"] != "Validazioni":
                continue
            for r in table["righe"]:
                o = objectives.get(r["obiettivo"])
                if o is None:
                    results.fail(where, f"validation of {r['obiettivo']!r}, not an objective the engine scored")
                elif r["punteggio_validato"] is not None and not same_score(r["punteggio_validato"], o.get("validated")):
                    results.fail(where, f"{r['obiettivo']!r} punteggio_validato {r['punteggio_validato']}, engine {o.get('validated')}")


def check_unit_rows(where, table, units, ente, results):
    names = [r["unita"] for r in table["righe"]]
    if sorted(names) != sorted(units):
        results.fail(where, f"units {sorted(names)}, the engine scored {sorted(units)}")
    for r in table["righe"]:
        u = units.get(r["unita"])
        if u is None:
            continue
        for column, field in (
            ("punteggio_validato", "score"), ("punteggio_calcolato", "computed"),
            ("obiettivi_conteggiati", "counted"), ("obiettivi_considerati", "total"),
        ):
            if not same_score(r[column], u.get(field)):
                results.fail(where, f"{r['unita']!r} {column} {r[column]}, engine {field} {u.get(field)}")
    keys = [c["key"] for c in table["colonne"]]
    for cell in (table.get("totale") or {}).get("cells") or []:
        key = keys[cell["column"]]
        field = {"punteggio_validato": "unitsMean", "punteggio_calcolato": "unitsMeanComputed"}.get(key)
        if field and not same_score(cell.get("value"), ente.get(field)):
            results.fail(where, f"mean of {key} {cell.get('value')}, engine ente {field} {ente.get(field)}")


def check_objective_rows(where, table, objectives, results):
    titles = Counter(r["obiettivo"] for r in table["righe"])
    if set(titles) != set(objectives) or any(n > 1 for n in titles.values()):
        results.fail(where, f"objectives listed ({len(table['righe'])}) differ from the engine's ({len(objectives)})")
    for r in table["righe"]:
        o = objectives.get(r["obiettivo"])
        if o is None:
            continue
        for column, field in (("punteggio_calcolato", "computed"), ("punteggio_validato", "validated"), ("punteggio_effettivo", "effective")):
            if not same_score(r[column], o.get(field)):
                results.fail(where, f"{r['obiettivo'][:60]!r} {column} {r[column]}, engine {field} {o.get(field)}")


def check_node_rows(where, table, nodes, results):
    for r in table["righe"]:
        # Rows read "01.1 – PROGETTO RISORSE FINANZIARIE": the code, then the engine's name.
        matches = [n for n in nodes if r["nodo"] == n["name"] or r["nodo"].endswith(" – " + n["name"])]
        if len(matches) != 1:
            results.fail(where, f"{r['nodo']!r} matches {len(matches)} engine nodes")
            continue
        n = matches[0]
        for column, field in (
            ("punteggio_validato", "score"), ("punteggio_calcolato", "computed"),
            ("obiettivi_conteggiati", "counted"), ("obiettivi_considerati", "total"),
        ):
            if not same_score(r[column], n.get(field)):
                results.fail(where, f"{r['nodo']!r} {column} {r[column]}, engine {field} {n.get(field)}")


# MARK: CSV


def check_csv(doc, ref, results):
    italian_dialect = doc.fmt == "csv"
    with open(doc.path, "rb") as f:
        data = f.read()
    tables = ref["tabelle"]
    if data[:2] != b"PK":
        if len(tables) != 1:
            results.fail(doc.label, f"a single CSV for a document with {len(tables)} tables (expected a zip)")
            return
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
        expected.append("metadati-dcat-ap-it.jsonld")
    if names != expected:
        # Python decodes names as UTF-8 only when the entry says so (bit 11): "unità.csv" shows it.
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
            url = d.get("dcat:downloadURL")
            if d.get("dcat:mediaType") == "text/csv" and url not in names:
                results.fail(doc.label, f"metadata distribution {url!r} is not in the zip")


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
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if italian_dialect else ",", strict=True))
    columns = table["colonne"]
    header = [c["title"] for c in columns]
    if not rows or rows[0] != header:
        results.fail(where, f"header {rows[0] if rows else None}, expected {header}")
        return
    body = rows[1:]
    if len(body) != len(table["righe"]):
        results.fail(where, f"{len(body)} rows, the JSON has {len(table['righe'])}")
        return
    for i, (line, expected) in enumerate(zip(body, table["righe"])):
        if len(line) != len(columns):
            results.fail(where, f"row {i + 2} has {len(line)} fields, expected {len(columns)}")
            continue
        for column, field in zip(columns, line):
            problem = compare_csv_field(field, expected[column["key"]], column, italian_dialect)
            if problem:
                results.fail(where, f"row {i + 2} column {column['title']!r}: {problem}")


def compare_csv_field(field, value, column, italian_dialect):
    if value is None:
        if italian_dialect:
            # "non rilevato", "escluso", "—" stay words for a reader; a number there would be invented.
            if ITALIAN_NUMBER.match(field):
                return f"{field!r} where the JSON has no value"
        elif field != "":
            return f"{field!r} where the JSON has no value (expected an empty field)"
        return None
    if column["kind"] == "data":
        expected = date.fromisoformat(value)
        text = expected.strftime("%d/%m/%Y") if italian_dialect else expected.isoformat()
        return None if field == text else f"{field!r}, expected {text!r}"
    if is_number(value) and column["kind"] in NUMERIC_KINDS:
        pattern = ITALIAN_NUMBER if italian_dialect else RFC_NUMBER
        if not pattern.match(field):
            return f"{field!r} is not a number in the {'Italian' if italian_dialect else 'RFC 4180'} dialect"
        number = float(field.replace(",", ".")) if italian_dialect else float(field)
        # The Italian dialect writes at most six decimals.
        tolerance = 5.1e-7 if italian_dialect else 1e-12
        if abs(number - value) > tolerance * max(1.0, abs(value)):
            return f"{field!r}, the JSON has {value}"
        return None
    return None if field == str(value) else f"{field!r}, the JSON has {value!r}"


# MARK: spreadsheets


def expected_sheet_rows(table):
    """The table as the spreadsheet should hold it: header, rows, the total row (label, cells)."""
    return 1 + len(table["righe"]) + (1 if table.get("totale") else 0)


def scaled(value, column):
    """Percent columns hold points in JSON (99,08) and the fraction in a spreadsheet (0,9908)."""
    return value / 100 if column["kind"] == "percentuale" and is_number(value) else value


def compare_cell(value, is_numeric_cell, expected, column):
    """Problem text, or None: `value` is what the reader returned for a data cell."""
    if expected is None:
        if is_numeric_cell:
            return f"number {value} where the JSON has no value"
        return None
    if column["kind"] in NUMERIC_KINDS and is_number(expected):
        if not is_numeric_cell:
            return f"{value!r} is not a numeric cell (JSON {expected})"
        if not same(value, scaled(expected, column), 1e-12):
            return f"{value}, the JSON has {expected}"
        return None
    if column["kind"] == "data":
        day = value.date() if isinstance(value, datetime) else value
        return None if str(day) == expected else f"{value!r}, the JSON has {expected}"
    return None if value == expected else f"{value!r}, the JSON has {expected!r}"


def evaluate_formula(where, formula, cached, expected_total, column_index, rows, total, grid_numbers, results):
    """Checks one total formula: its function and range, then recomputes it from the sheet's own cells."""
    match = FORMULA.match(formula)
    function = FORMULA_FUNCTION[total["formula"]]
    letter = column_letters(column_index)
    if not match:
        results.fail(where, f"formula {formula!r} is not a {function} over one column")
        return
    name, c1, r1, c2, r2, digits = match.groups()
    want_round = total["round_to"]
    if name != function or c1 != letter or c2 != letter or (int(r1), int(r2)) != (2, rows + 1):
        results.fail(where, f"formula {formula!r}, expected {function} of {letter}2:{letter}{rows + 1}")
        return
    if (digits is None) != (want_round is None) or (digits is not None and int(digits) != want_round):
        results.fail(where, f"formula {formula!r} rounds to {digits}, the methodology to {want_round}")
        return
    recomputed = apply_function(function, grid_numbers, want_round)
    if not same(recomputed, cached, 1e-9):
        results.fail(where, f"formula {formula!r} gives {recomputed} on the sheet's cells, its cached value is {cached}")
    if not same(cached, expected_total, 1e-9):
        results.fail(where, f"formula {formula!r} cached value {cached}, the JSON total is {expected_total}")


def total_cells(table):
    """(column, JSON value, formula name or None, roundTo) for each cell of the total row."""
    total = table.get("totale")
    if not total:
        return []
    return [
        (c["column"], c.get("value"), c.get("formula"), total.get("roundTo") if c.get("formula") == "media" else None)
        for c in total["cells"]
    ]


def label_column(table):
    return next((i for i, c in enumerate(table["colonne"]) if c["kind"] == "testo"), 0)


def check_xlsx(doc, ref, engine, results):
    where = doc.label
    try:
        book = openpyxl.load_workbook(doc.path)
        cached_book = openpyxl.load_workbook(doc.path, data_only=True)
    except Exception as e:  # openpyxl raises many types for a broken package
        results.fail(where, f"openpyxl cannot open it: {type(e).__name__}: {e}")
        return None
    names = book.sheetnames
    tables = ref["tabelle"]
    if not names or names[0] != "Documento":
        results.fail(where, f"first sheet is {names[:1]}, expected 'Documento'")
    if len(names) != 1 + len(tables):
        results.fail(where, f"{len(names)} sheets for {len(tables)} tables (expected 1 + one per table)")
        return names
    about = book[names[0]]
    if about["A1"].value != ref["titolo"] or about["A2"].value != ref["ente"]:
        results.fail(where, f"sheet Documento starts {about['A1'].value!r}, {about['A2'].value!r}, expected the title and ente")
    found_formula = False
    for name, table in zip(names[1:], tables):
        sheet, cached = book[name], cached_book[name]
        here = f"{where} sheet {name!r}"
        if len(name) > 31:
            results.fail(here, "sheet name longer than Excel's 31 characters")
        if sheet.freeze_panes != "A2":
            results.fail(here, f"freeze_panes is {sheet.freeze_panes!r}, expected 'A2' (header row frozen)")
        columns = table["colonne"]
        grid = [list(r) for r in sheet.iter_rows(min_row=1, max_row=max(sheet.max_row, 1), max_col=max(len(columns), 1))]
        cached_grid = [[c.value for c in r] for r in cached.iter_rows(min_row=1, max_row=max(sheet.max_row, 1), max_col=max(len(columns), 1))]
        if sheet.max_row != expected_sheet_rows(table) or sheet.max_column != len(columns):
            results.fail(here, f"{sheet.max_row}×{sheet.max_column} cells, expected {expected_sheet_rows(table)}×{len(columns)}")
            continue
        header = [c.value for c in grid[0]]
        if header != [c["title"] for c in columns]:
            results.fail(here, f"header {header}, expected {[c['title'] for c in columns]}")
        numeric_cells = 0
        for i, row in enumerate(table["righe"]):
            for j, column in enumerate(columns):
                cell = grid[i + 1][j]
                numeric = cell.data_type == "n" and is_number(cell.value)
                numeric_cells += numeric
                problem = compare_cell(cell.value, numeric, row[column["key"]], column)
                if not problem and numeric and column["kind"] == "percentuale" and "%" not in cell.number_format:
                    problem = f"percent value with format {cell.number_format!r}"
                if problem:
                    results.fail(f"{here} {cell.coordinate}", problem)
        has_scores = any(c["kind"] in ("punteggio", "percentuale") for c in columns)
        has_values = any(is_number(r[c["key"]]) for r in table["righe"] for c in columns if c["kind"] in NUMERIC_KINDS)
        if has_scores and has_values and numeric_cells == 0:
            results.fail(here, "no numeric cell in a table of scores")
        if not table.get("totale"):
            continue
        last = len(table["righe"]) + 1
        if grid[last][label_column(table)].value != table["totale"]["label"]:
            results.fail(here, f"total label {grid[last][label_column(table)].value!r}, expected {table['totale']['label']!r}")
        for column_index, value, formula, round_to in total_cells(table):
            cell = grid[last][column_index]
            cached_value = cached_grid[last][column_index]
            expected = scaled(value, columns[column_index])
            if formula and table["righe"]:
                text = cell.value if isinstance(cell.value, str) else ""
                if not text.startswith("="):
                    results.fail(f"{here} {cell.coordinate}", f"{cell.value!r} where a {formula} formula was expected")
                    continue
                found_formula = True
                numbers = [grid[r][column_index].value for r in range(1, last) if grid[r][column_index].data_type == "n" and is_number(grid[r][column_index].value)]
                evaluate_formula(f"{here} {cell.coordinate}", text, cached_value, expected, column_index, len(table["righe"]),
                                 {"formula": formula, "round_to": round_to}, numbers, results)
            elif not same(cached_value if is_number(cached_value) else None, expected if is_number(expected) else None, 1e-12):
                results.fail(f"{here} {cell.coordinate}", f"total {cached_value!r}, the JSON has {value}")
    if doc.kind == "cdr-sheets":
        check_cdr_formulas(doc, book, cached_book, names, ref, engine, results)
        if not found_formula:
            results.fail(where, "no total formula in the CdR sheets")
    return names


def check_cdr_formulas(doc, book, cached_book, names, ref, engine, results):
    """The brief's explicit promise: each CdR sheet ends in =ROUND(AVERAGE(…)) whose cached value is the unit's."""
    mapping = cdr_units_of_tables(ref)
    units = {u["score"]["name"]: u["score"] for u in engine["units"]}
    for name, table in zip(names[1:], ref["tabelle"]):
        sheet = book[name]
        formulas = [c.coordinate for r in sheet.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith("=ROUND(AVERAGE(")]
        if len(formulas) != 1:
            results.fail(f"{doc.label} sheet {name!r}", f"{len(formulas)} =ROUND(AVERAGE( formulas, expected 1")
            continue
        cached = cached_book[name][formulas[0]].value
        unit = units.get(mapping.get(table["nome"]))
        if unit is None:
            results.fail(f"{doc.label} sheet {name!r}", "cannot tell which unit the sheet is for")
        elif not same_score(cached, unit.get("score")):
            results.fail(f"{doc.label} sheet {name!r} {formulas[0]}", f"cached {cached}, engine unit score {unit.get('score')}")


def ods_cell_text(cell):
    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))


def ods_grid(table):
    """Rows of cells with repeats expanded; trailing repeated blanks (LibreOffice writes 1 048 576 of them) are cut."""
    grid = []
    for row in table.getElementsByType(TableRow):
        cells = []
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), "1"))
            cells.extend([cell] * min(repeat, 1024))
        repeat = int(row.attributes.get((TABLENS, "number-rows-repeated"), "1"))
        grid.extend([cells] * min(repeat, 1024))
    while grid and all(not ods_cell_text(c) and not c.attributes.get((OFFICENS, "value-type")) for c in grid[-1]):
        grid.pop()
    return grid


def ods_value(cell):
    """(value, is_numeric_cell) as a reader of the cell's office attributes sees it."""
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
        # ODF 1.2 §3.3: the mimetype entry comes first and is stored, so the type is readable at a fixed offset.
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED or archive.read("mimetype") != ODS_MIMETYPE:
            results.fail(where, "mimetype is not the first, stored entry naming an ODS spreadsheet")
        try:
            ET.fromstring(archive.read("content.xml"))
            settings = ET.fromstring(archive.read("settings.xml")) if "settings.xml" in archive.namelist() else None
        except ET.ParseError as e:
            results.fail(where, f"XML does not parse: {e}")
            return
    try:
        book = load_odf(doc.path)
    except Exception as e:  # odfpy raises whatever its parser raises
        results.fail(where, f"odfpy cannot open it: {type(e).__name__}: {e}")
        return
    sheets = book.spreadsheet.getElementsByType(Table)
    names = [t.getAttribute("name") for t in sheets]
    tables = ref["tabelle"]
    if xlsx_sheets is not None and names != xlsx_sheets:
        results.fail(where, f"sheets {names}, the XLSX has {xlsx_sheets}")
    if len(sheets) != 1 + len(tables):
        results.fail(where, f"{len(sheets)} tables for {len(tables)} document tables")
        return
    frozen = frozen_ods_sheets(settings)
    for sheet, table in zip(sheets[1:], tables):
        name = sheet.getAttribute("name")
        here = f"{where} table {name!r}"
        if name not in frozen:
            results.fail(here, "header row not frozen in settings.xml")
        columns = table["colonne"]
        grid = ods_grid(sheet)
        if len(grid) != expected_sheet_rows(table):
            results.fail(here, f"{len(grid)} rows, expected {expected_sheet_rows(table)}")
            continue
        header = [ods_cell_text(c) for c in grid[0][: len(columns)]]
        if header != [c["title"] for c in columns]:
            results.fail(here, f"header {header}, expected {[c['title'] for c in columns]}")
        for i, row in enumerate(table["righe"]):
            cells = grid[i + 1]
            for j, column in enumerate(columns):
                if j >= len(cells):
                    results.fail(here, f"row {i + 2} has {len(cells)} cells")
                    break
                value, numeric = ods_value(cells[j])
                problem = compare_cell(value, numeric, row[column["key"]], column)
                kind = cells[j].attributes.get((OFFICENS, "value-type"))
                if not problem and numeric and kind != ("percentage" if column["kind"] == "percentuale" else "float"):
                    problem = f"value-type {kind!r} for a {column['kind']} column"
                if problem:
                    results.fail(f"{here} {column_letters(j)}{i + 2}", problem)
        if not table.get("totale"):
            continue
        last = len(table["righe"]) + 1
        if ods_cell_text(grid[last][label_column(table)]) != table["totale"]["label"]:
            results.fail(here, f"total label {ods_cell_text(grid[last][label_column(table)])!r}, expected {table['totale']['label']!r}")
        for column_index, value, formula, round_to in total_cells(table):
            cell = grid[last][column_index]
            cached, _ = ods_value(cell)
            expected = scaled(value, columns[column_index])
            text = cell.attributes.get((TABLENS, "formula"))
            if formula and table["righe"]:
                if not text:
                    results.fail(f"{here} {column_letters(column_index)}{last + 1}", f"no formula where a {formula} was expected")
                    continue
                numbers = [v for v, numeric in (ods_value(grid[r][column_index]) for r in range(1, last)) if numeric]
                evaluate_formula(f"{here} {column_letters(column_index)}{last + 1}", text, cached, expected, column_index,
                                 len(table["righe"]), {"formula": formula, "round_to": round_to}, numbers, results)
            elif not same(cached if is_number(cached) else None, expected if is_number(expected) else None, 1e-12):
                results.fail(f"{here} {column_letters(column_index)}{last + 1}", f"total {cached!r}, the JSON has {value}")


def frozen_ods_sheets(settings):
    """Sheet names whose view splits after row 1 (LibreOffice's "VerticalSplit…" is the horizontal line)."""
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
    """html.parser accepts anything; this one also keeps a stack, so an unclosed or misnested element is reported."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.lang = None
        self.ids = Counter()
        self.fragments = set()
        self.text = []
        self.doctype = False
        self.in_style = False

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        href = attrs.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            self.fragments.add(href[1:])
        if tag == "style":
            self.in_style = True
        if tag not in HTML_VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        # <path/> in inline SVG: self-closing, nothing to pop.
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1

    def handle_endtag(self, tag):
        if tag in HTML_VOID:
            return
        if tag == "style":
            self.in_style = False
        if not self.stack:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes nothing")
            return
        open_tag, pos = self.stack.pop()
        if open_tag != tag:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes <{open_tag}> opened on line {pos[0]}")
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
    duplicated = [i for i, n in parser.ids.items() if n > 1]
    if duplicated:
        results.fail(where, f"repeated id attributes {duplicated[:5]}")
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
    # -raw keeps a table cell's wrapped lines together, where -layout interleaves the columns.
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", doc.path, "-"], capture_output=True, text=True)
    if layout.returncode != 0 or raw.returncode != 0:
        results.fail(where, f"pdftotext failed: {(layout.stderr or raw.stderr).strip()[:200]}")
        return
    text = normalise(layout.stdout)
    missing_pages = [k for k in range(1, pages + 1) if f"Pagina {k} di {pages}" not in text]
    if missing_pages:
        results.fail(where, f"footer «Pagina k di {pages}» missing on pages {missing_pages[:10]}")
    check_document_text(doc, ref, engine, text, normalise(raw.stdout), results)


def check_document_text(doc, ref, engine, text, flowing_text, results):
    """What a reader of the page must find: the title, the ente, sample objectives, the unit scores."""
    where = doc.label
    for needle in (ref["titolo"], ref["ente"]):
        # Case aside: the cover prints the ente in capitals (CSS text-transform), which pdftotext reports as shown.
        if normalise(needle).casefold() not in text.casefold():
            results.fail(where, f"text lacks {needle!r}")
    if doc.kind not in ("monitoring", "relazione", "cdr-sheets"):
        return
    titles = [r.get("obiettivo") for t in ref["tabelle"] for r in t["righe"] if r.get("obiettivo")]
    # Every few titles, first and last included: enough to see that the rows reached the page.
    step = max(1, len(titles) // 8)
    for title in titles[::step] + titles[-1:]:
        if normalise(title) not in flowing_text:
            results.fail(where, f"objective title not found: {title[:70]!r}")
    suffix = "%" if doc.kind == "cdr-sheets" else ""
    for unit in engine["units"]:
        score = unit["score"].get("score")
        if score is not None and not contains_number(text, italian(score) + suffix):
            results.fail(where, f"unit score {italian(score)}{suffix} of {unit['score']['name']!r} not in the text")
    if doc.kind == "cdr-sheets" and doc.ente == SEED_004:
        # In sheet order: each sheet's percentage must come after the previous sheet's.
        found = [m.group(0) for m in re.finditer(r"(?<![\d,.])\d{1,3},\d\d%", text)]
        position = 0
        for total in SEED_004_CDR_TOTALS:
            wanted = italian(total) + "%"
            try:
                position = found.index(wanted, position) + 1
            except ValueError:
                results.fail(where, f"seed 004 CdR totals {[italian(t) + '%' for t in SEED_004_CDR_TOTALS]} not in order; percentages found {found}")
                break


# MARK: LibreOffice


def check_with_libreoffice(docs, workdir, results):
    """docs: (Doc, document title) pairs."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("note: soffice/libreoffice not on PATH, conversion by LibreOffice skipped")
        return
    for doc, title in docs:
        out = os.path.join(workdir, "soffice", doc.fmt)
        os.makedirs(out, exist_ok=True)
        # A private profile: a user's running LibreOffice would otherwise take the job and ignore --headless.
        profile = "file://" + os.path.join(workdir, "soffice-profile")
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv", "--outdir", out, doc.path],
            capture_output=True, text=True, timeout=180)
        converted = os.path.join(out, os.path.splitext(os.path.basename(doc.path))[0] + ".csv")
        if done.returncode != 0 or not os.path.isfile(converted):
            results.fail(doc.label, f"LibreOffice could not convert it: {(done.stderr or done.stdout).strip()[:300]}")
            continue
        with open(converted, "rb") as f:
            first_sheet = f.read().decode("utf-8", "replace")
        if title not in first_sheet:
            results.fail(doc.label, "LibreOffice's CSV of the first sheet lacks the document title")
        results.checked["soffice"] += 1


# MARK: main


def main():
    started = time.monotonic()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(root, ".build/debug/traguardo"), help="the traguardo executable")
    parser.add_argument("--keep", metavar="DIR", help="write the database and documents here and keep them")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1), help="documents generated at once")
    parser.add_argument("--all-pdfs", action="store_true", help="a PDF of every ente and kind, not only " + ", ".join(PDF_ENTI))
    parser.add_argument("--no-pdf", action="store_true", help="skip PDFs (no Chromium or WeasyPrint here)")
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
        if os.path.exists(os.path.join(workdir, "demo.sqlite")):
            sys.exit(f"{workdir} already holds a demo.sqlite: give an empty directory to --keep")
    else:
        workdir = tempfile.mkdtemp(prefix="traguardo-reports.")
    results = Results()
    try:
        run_checks(binary, workdir, args, results)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    elapsed = time.monotonic() - started
    total = sum(v for k, v in results.checked.items() if k != "soffice")
    counts = ", ".join(f"{fmt} {results.checked[fmt]}" for fmt in FORMATS + ["soffice"] if results.checked[fmt])
    print(f"documents checked: {total} ({counts}) in {elapsed:.0f} s" + (f"; kept in {workdir}" if args.keep else ""))
    for note in results.notes:
        print(f"note: {note}")
    if results.problems:
        print(f"{len(results.problems)} problems:", file=sys.stderr)
        for problem in results.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)
    print("all documents check out")


def run_checks(binary, workdir, args, results):
    traguardo = Traguardo(binary, workdir)
    demo = traguardo.run("demo")
    if demo.returncode != 0:
        results.fail("[demo]", f"traguardo demo exited {demo.returncode}: {(demo.stderr or demo.stdout).strip()[-500:]}")
        return

    engines = {}
    for ente in ENTI:
        done = traguardo.run("score", "--ente", ente, "--json")
        try:
            engines[ente] = load_json_strict(done.stdout)
        except ValueError as e:
            results.fail(f"[{ente} score]", f"traguardo score --json exited {done.returncode}, output not JSON: {e}")

    out = os.path.join(workdir, "documents")
    os.makedirs(out, exist_ok=True)
    docs = []
    for ente in ENTI:
        for kind in KINDS:
            for fmt in FORMATS:
                if fmt == "pdf" and (args.no_pdf or (ente not in PDF_ENTI and not args.all_pdfs)):
                    continue
                docs.append(Doc(ente, kind, fmt, os.path.join(out, f"{ente}-{kind}{SUFFIX[fmt]}")))
    # PDFs first: each waits on Chromium, so the cheap formats fill the gaps.
    docs.sort(key=lambda d: d.fmt != "pdf")
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        errors = dict(zip((d.label for d in docs), pool.map(lambda d: generate(traguardo, d), docs)))
    print(f"generated {len(docs)} documents in {workdir}")

    for_libreoffice = []
    for ente in ENTI:
        engine = engines.get(ente)
        for kind in KINDS:
            mine = {d.fmt: d for d in docs if d.ente == ente and d.kind == kind}
            generated = {fmt: d for fmt, d in mine.items() if not errors[d.label]}
            for d in mine.values():
                if errors[d.label]:
                    results.fail(d.label, errors[d.label])
            if engine is None or "json" not in generated:
                results.fail(f"[{ente} {kind}]", "no engine scores or no JSON document: the other formats were not checked")
                continue
            ref = check_json(generated["json"], engine, results)
            results.checked["json"] += 1
            if ref is None:
                continue
            if ente == "cassano-d-adda" and kind == "monitoring":
                for_libreoffice = [(generated[f], ref["titolo"]) for f in ("xlsx", "ods") if f in generated]
            xlsx_sheets = None
            for fmt in FORMATS[1:]:
                d = generated.get(fmt)
                if d is None:
                    continue
                if fmt == "pdf":
                    check_pdf(d, ref, engine, results)
                elif fmt == "html":
                    check_html(d, ref, engine, results)
                elif fmt == "xlsx":
                    xlsx_sheets = check_xlsx(d, ref, engine, results)
                elif fmt == "ods":
                    check_ods(d, ref, xlsx_sheets, results)
                else:
                    check_csv(d, ref, results)
                results.checked[fmt] += 1

    check_with_libreoffice(for_libreoffice, workdir, results)


if __name__ == "__main__":
    main()
