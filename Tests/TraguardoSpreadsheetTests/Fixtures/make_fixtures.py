"""Writes the third-party fixtures the Swift tests read (run once; the outputs are committed).

The same hand-filled workbook, written by three other programs:
- fixture-openpyxl.xlsx: openpyxl (inline strings, a rich-text cell, date cells formatted yyyy-mm-dd, a datetime);
- fixture-xlsxwriter.xlsx: XlsxWriter (shared strings, a rich-text shared string, dd/mm/yyyy date cells);
- fixture-libreoffice.ods and fixture-libreoffice.xlsx: the openpyxl file saved again by LibreOffice (repeated
  rows and columns, date-value cells, shared strings, its own styles).
Like a person filling the template in: numbers typed as numbers, a boolean cell, columns in another order,
headers in another case, an extra column, a blank row and a title row above one header.
Needs: pip install openpyxl xlsxwriter; apt-get install libreoffice-calc-nogui (optional).
"""
import datetime as dt
import os
import shutil
import subprocess
import tempfile


HERE = os.path.dirname(os.path.abspath(__file__))


RICH = object()  # placeholder for the rich-text title: bold "Pagamenti " + "pagoPA per i tributi"

SHEETS = [
    ("Istruzioni", [["Compilato a mano"]]),
    ("Ente", [
        ["Nome", "slug", "Tipo", "Codice ISTAT", "Note interne"],
        ["Comune di Prova", "prova", "comune", 17036, "da verificare"],
    ]),
    ("Piano", [
        ["Chiave *", "Titolo", "Primo anno", "Ultimo anno", "Anno di riferimento", "Stato", "Livelli",
         "Atto: organo", "Atto: numero", "Atto: data"],
        ["piao-2024", "PIAO 2024-2026", 2024, 2026, 2024, "approvato", "Obiettivo strategico\nObiettivo di performance",
         "Giunta Comunale", 12, dt.date(2024, 1, 30)],
    ]),
    ("UNITA", [
        ["Chiave", "Codice", "Nome", "Tipo", "Ordine"],
        ["s01", "01", "AFFARI GENERALI", "Settore", 1],
        [],
        ["s02", "02", "FINANZIARIO E TRIBUTI", "settore", 2],
    ]),
    ("Persone", [
        ["Chiave", "Cognome", "Nome", "Categoria", "Unità di appartenenza"],
        ["rossi-m", "ROSSI", "Maria", "D1", "02"],
    ]),
    ("Nodi", [
        ["Modello compilato a mano"],
        ["Chiave", "Livello", "Nodo superiore", "Titolo", "Unità responsabili", "Trasversale", "Peso %", "Scadenza",
         "Classificazioni", "Missione", "Descrizione", "Responsabili gestionali"],
        ["os1", "Obiettivo strategico", None, "Ente digitale"],
        ["op1", "obiettivo di performance", "os1", RICH, "s01 | S02", True, 20.5, dt.date(2024, 12, 31),
         "Digitalizzazione | pnrr", 1, "Attività di digitalizzazione — “servizi online”\nseconda riga", "rossi-m"],
    ]),
    ("Fasi", [
        ["Chiave", "Nodo", "Titolo", "Mesi", "Scadenza"],
        ["op1-f1", "op1", "Configurazione piattaforma", "feb-apr", "30/04/2024"],
    ]),
    ("Indicatori", [
        ["Chiave", "Nodo", "Nome", "Forma", "Direzione", "Valore di partenza", "Valore atteso", "Unità di misura"],
        ["op1-i1", "op1", "Avvisi pagabili con pagoPA", "Percentuale", "≥", 40, "1.234,5", "%"],
        ["op1-i2", "op1", "Attivazione del servizio", "Data", "entro", None, dt.date(2024, 6, 30)],
    ]),
    ("Campagne", [
        ["Chiave", "Titolo", "Data di riferimento", "Consuntivo"],
        ["m-2024-06", "Monitoraggio al 30/06/2024", dt.datetime(2024, 6, 30, 12, 0), "NO"],
    ]),
    ("Valori", [
        ["Campagna", "Indicatore", "Valore rilevato", "Stato"],
        ["m-2024-06", "op1-i1", 75, "In linea"],
    ]),
]


def with_openpyxl(path):
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in SHEETS:
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is RICH:
                    value = CellRichText([TextBlock(InlineFont(b=True), "Pagamenti "), "pagoPA per i tributi"])
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    wb.save(path)


def with_xlsxwriter(path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"default_date_format": "dd/mm/yyyy"})
    bold = wb.add_format({"bold": True})
    for name, rows in SHEETS:
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is RICH:
                    ws.write_rich_string(r, c, bold, "Pagamenti ", "pagoPA per i tributi")
                elif value is not None:
                    ws.write(r, c, value)
    wb.close()


xlsx = os.path.join(HERE, "fixture-openpyxl.xlsx")
with_openpyxl(xlsx)
with_xlsxwriter(os.path.join(HERE, "fixture-xlsxwriter.xlsx"))

soffice = shutil.which("soffice")
if soffice:
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, name in (("ods", "fixture-libreoffice.ods"), ("xlsx", "fixture-libreoffice.xlsx")):
            out = os.path.join(tmp, fmt)
            subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", fmt, "--outdir", out, xlsx], check=True, capture_output=True)
            shutil.move(os.path.join(out, "fixture-openpyxl." + fmt), os.path.join(HERE, name))
