#!/usr/bin/env python3
"""Transcribe seed 004 (Unione Lombarda dei Comuni di Bellusco e Mezzago, deliberazione della Giunta dell'Unione
n. 60 del 21/12/2021 "APPROVAZIONE RELAZIONE FINALE PIANO DELLA PERFORMANCE ANNO 2020 - RENDICONTAZIONE", with the
Relazione performance 2020, the six CdR sheets "valutazione settori" and the Nucleo minutes n. 02/2021) into a
Traguardo plan bundle v1.

Source: /work/shared/seeds/004_5a165f21a0c24fc6.txt (PDF/Word-to-text conversion, read-only; line numbers below are
1-based lines of that file). Analysis: /work/shared/research/seed-004.md.
Output: Sources/TraguardoPersistence/DemoData/unione-bellusco-mezzago.json

How the document is mapped
  - 6 Centri di Responsabilità (the six "valutazione settori" sheets) -> 6 units, kind "cdr", named as in the sheets,
    code = the Relazione's section label ("SETTORE 1", "AREA 2", ...; "" for the Segretario, who has no section).
  - 38 objective cards ("schede obiettivo") -> 38 nodes, one level ("obiettivo-performance"), no parents.
      * the 5 trasversali (3 "OBIETTIVI CONTRASTO COVID-19" + 2 "OBIETTIVI GESTIONALI TRASVERSALI", assigned "Tutti")
        are ONE node each, owned by all six units, crossCutting = true (they appear in all six sheets);
      * rows of the DEFINIZIONE table -> phases: pattern 1 (one objective, many DESCRIZIONE/FASI rows) -> one phase
        per row; pattern 2 (several numbered objectives in one card) -> one phase per objective (code = its number,
        title = DEFINIZIONE cell, description = DESCRIZIONE/FASI cell); pattern 3 (Settore 4, "Missione ..." title
        with numbered sub-objectives) -> one phase per sub-objective; surnames in ASSEGNAZIONE OBIETTIVO ->
        participations (one per row) and responsiblePersonKeys.
      * INDICATORI rows -> indicators (target parsed, printed cell in target.raw); "Raggiunto" cells -> monitoring
        values (actual.raw = printed cell); "Criticità:" rows -> node.criticalFactors (not indicators).
  - one campaign (final report 2020, as of 31/12/2020); one node-level monitoring value per card: status from the
    ticked checkbox, directScore = "NN % raggiungimento", narrative = "Stato di attuazione" (HTML residue removed).
  - the "valutazione settori" sheets (NOTE column = "OIV/Nucleo", minutes n. 02/2021) -> validations: a sheet row
    with a NOTE -> validated score (= the sheet grade) with the note as reason; a row with a blank grade ->
    excluded; a card that is not a row of any sheet -> excluded (reason written by the transcriber, flagged).
  - cards that say "VEDI RENDICONTAZIONE MISSIONE PROGRAMMA PRECEDENTE" -> inheritsFromKey = the Missione 08 card.

Hand corrections (the PDF conversion broke these, or the parser cannot know them) are the tables marked HAND below.
At the end the script recomputes the six CdR percentages from the transcribed data and prints the check.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]
SEED = Path("/work/shared/seeds/004_5a165f21a0c24fc6.txt")
OUT = REPO / "Sources" / "TraguardoPersistence" / "DemoData" / "unione-bellusco-mezzago.json"

PLAN_YEAR = 2020
CAMPAIGN = "C-2020-FINALE"
MINUTES = "Verbale n° 02/2021 del 13/12/2021 dell'Organismo Comunale di Valutazione (Nucleo di Valutazione)"

TEXT = SEED.read_text(encoding="utf-8")
L = [""] + TEXT.split("\n")  # 1-based


def line(n: int) -> str:
    return L[n]


# --------------------------------------------------------------------------------------------------------------------
# text helpers

TAG_RE = re.compile(r"</?(?:p|i|ul|ol|li)(?:\s[^>]*)?>")
RULE_RE = re.compile(r"^[-\t ]+$")


def clean(s: str, single_line: bool = False) -> str:
    """Remove the HTML/markdown residue of the conversion; keep the words exactly."""
    s = s.replace("\u00a0", " ")
    s = re.sub(r"</p>\s*<p>", "\n", s)
    s = TAG_RE.sub(" ", s)
    s = s.replace("<input checked=\"\" type=\"checkbox\"/>", " ").replace("<input type=\"checkbox\"/>", " ")
    parts = [re.sub(r"[ \t]+", " ", p).strip() for p in s.split("\n")]
    parts = [p for p in parts if p]
    return (" " if single_line else "\n").join(parts)


def strip_bullet(s: str) -> str:
    return re.sub(r"^-\s*", "", s).strip()


def cols(n: int, width: int) -> list[str]:
    c = line(n).split("\t")
    return (c + [""] * width)[:width] if len(c) < width else c


def assert_in_source(s: str) -> None:
    if s not in TEXT:
        raise SystemExit(f"hand-written verbatim string not in source: {s!r}")


# --------------------------------------------------------------------------------------------------------------------
# units, people, assignments, referents

ALL = ["U-1", "U-2", "U-3", "U-4", "U-5", "U-SEG"]

# (key, code, name as in the CdR sheet, Relazione heading, sheet header line, count line, total line)
UNITS = [
    ("U-1", "SETTORE 1", "AFFARI GENERALI", "SETTORE 1 – AFFARI GENERALI", 1297, 1322, 1329),
    ("U-2", "AREA 2", "ECONOMICO FINANZIARIA", "AREA 2 – ECONOMICO FINANZIARIA", 1331, 1350, 1355),
    ("U-3", "SETTORE 3", "ISTRUZIONE – SOCIO EDUCATIVO", "SETTORE 3 – SERVIZI ISTRUZIONE – SOCIO EDUCATIVO",
     1358, 1377, 1382),
    ("U-4", "SETTORE 4", "UFFICIO TECNICO",
     "SETTORE 4 – LAVORI PUBBLICI, MANUTENZIONI, PATRIMONIO, ECOLOGIA, URBAINSTICA, EDILIZIA PRIVATA, SUAP",
     1385, 1411, 1415),
    ("U-5", "AREA 5", "POLIZIA LOCALE", "AREA 5 – POLIZIA LOCALE", 1417, 1435, 1441),
    ("U-SEG", "", "SEGRETARIO", None, 1444, 1461, 1466),
]
UNIT_NAME = {u[0]: u[2] for u in UNITS}

PEOPLE = [
    # key, familyName, givenName, position, homeUnitKey
    ("P-vitali-giorgio", "Vitali", "Giorgio", "Responsabile del Settore Affari Generali (Dott.)", "U-1"),
    ("P-biella-giovanna", "Biella", "Giovanna", "Responsabile del Settore Finanziario", "U-2"),
    ("P-ronchi", "RONCHI", "", "Responsabile CdR Istruzione – Socio educativo (cella «RONCHI-GHIROTTI»)", "U-3"),
    ("P-ghirotti", "GHIROTTI", "", "Responsabile CdR Istruzione – Socio educativo (cella «RONCHI-GHIROTTI»)", "U-3"),
    ("P-bettini", "BETTINI", "", "Responsabile CdR Ufficio Tecnico (cella «BETTINI-COLNAGHI»)", "U-4"),
    ("P-colnaghi", "COLNAGHI", "", "Responsabile CdR Ufficio Tecnico (cella «BETTINI-COLNAGHI»)", "U-4"),
    ("P-benedetti-a", "BENEDETTI", "A.", "Responsabile CdR Polizia Locale", "U-5"),
    ("P-zotti-f", "ZOTTI", "F.", "Segretario (CdR SEGRETARIO, valutazione 2020)", "U-SEG"),
    ("P-pedace-pasquale", "Pedace", "Pasquale", "Segretario dell'Unione (Dott.)", "U-SEG"),
    ("P-zanaboni", "ZANABONI", "", None, "U-4"),
    ("P-romani", "ROMANI", "", None, "U-4"),
    ("P-mauri", "MAURI", "", None, "U-4"),
    ("P-brambilla", "BRAMBILLA", "", None, "U-4"),
    ("P-colzani", "COLZANI", "", None, "U-4"),
    ("P-parolini", "PAROLINI", "", None, "U-4"),
    ("P-senesi-daniela", "Senesi", "Daniela",
     "Organismo Comunale di Valutazione / Nucleo di Valutazione (OIV); nome letto dalla descrizione dell'immagine "
     "della firma", None),
]
SURNAME_KEY = {"ZANABONI": "P-zanaboni", "ROMANI": "P-romani", "MAURI": "P-mauri", "BRAMBILLA": "P-brambilla",
               "COLZANI": "P-colzani", "PAROLINI": "P-parolini", "BETTINI": "P-bettini", "COLNAGHI": "P-colnaghi"}

Y2020 = {"from": "2020-01-01", "to": "2020-12-31"}
ASSIGNMENTS = [
    ("P-vitali-giorgio", "U-1", {"from": "2020-01-01", "to": "2021-12-21"},
     "Valutazione settori 2020: RESPONSABILE «G.VITALI»; «IL RESPONSABILE DEL SETTORE AFFARI GENERALI Dott. Giorgio "
     "Vitali» (parere di regolarità tecnica, 21/12/2021). Nessun atto di nomina nel documento: periodo dedotto."),
    ("P-biella-giovanna", "U-2", {"from": "2020-01-01", "to": "2021-12-21"},
     "Valutazione settori 2020: RESPONSABILE «G. BIELLA»; «IL RESPONSABILE DEL SETTORE FINANZIARIO Giovanna Biella» "
     "(parere di regolarità contabile, 21/12/2021). Nessun atto di nomina nel documento: periodo dedotto."),
    ("P-ronchi", "U-3", Y2020,
     "Valutazione settori 2020: RESPONSABILE «RONCHI-GHIROTTI» (due nomi in una cella; secondo le schede obiettivo "
     "42/43 nel 2020 una dipendente cat. D è stata nominata responsabile del settore Istruzione in sostituzione della "
     "collega andata in pensione; date e ordine non indicati)."),
    ("P-ghirotti", "U-3", Y2020,
     "Valutazione settori 2020: RESPONSABILE «RONCHI-GHIROTTI» (due nomi in una cella; secondo le schede obiettivo "
     "42/43 nel 2020 una dipendente cat. D è stata nominata responsabile del settore Istruzione in sostituzione della "
     "collega andata in pensione; date e ordine non indicati)."),
    ("P-bettini", "U-4", Y2020,
     "Valutazione settori 2020: RESPONSABILE «BETTINI-COLNAGHI» (due nomi in una cella; ripartizione non indicata)."),
    ("P-colnaghi", "U-4", Y2020,
     "Valutazione settori 2020: RESPONSABILE «BETTINI-COLNAGHI» (due nomi in una cella; ripartizione non indicata)."),
    ("P-benedetti-a", "U-5", Y2020, "Valutazione settori 2020: RESPONSABILE «A. BENEDETTI»."),
    ("P-zotti-f", "U-SEG", Y2020, "Valutazione settori 2020: CdR SEGRETARIO, RESPONSABILE «F. ZOTTI»."),
    ("P-pedace-pasquale", "U-SEG", {"from": "2021-12-21", "to": "2022-01-11"},
     "«Assiste la seduta il Segretario dell'Unione Dott. Pasquale Pedace» (deliberazione GU n. 60 del 21/12/2021) e "
     "firma della pubblicazione «Addi, 11/01/2022»: periodo = giorni in cui il documento lo attesta in carica."),
]

REFERENTS = [
    # key, name as printed, office, qualifica as printed (line)
    ("PR-rivabeni-massimiliano", "RIVABENI MASSIMILIANO", "presidente", 27),
    ("PR-colombo-mauro", "COLOMBO MAURO", "vicesindaco", 28),  # "Vice Presidente": no such PoliticalOffice
    ("PR-misani-daniele", "MISANI DANIELE", "assessore", 29),
    ("PR-stucchi-stefano", "STUCCHI STEFANO", "assessore", 30),
    ("PR-macchiavelli-lorenzo-roberto", "MACCHIAVELLI LORENZO ROBERTO", "assessore", 31),
    ("PR-severgnini-carlo", "SEVERGNINI CARLO", "assessore", 32),
]

# --------------------------------------------------------------------------------------------------------------------
# the 38 cards: (header line, node key, section heading, owner units)

COVID = "OBIETTIVI CONTRASTO COVID-19"
TRASV = "OBIETTIVI GESTIONALI TRASVERSALI"
S1, A2, S3, S4, A5 = (UNITS[0][3], UNITS[1][3], UNITS[2][3], UNITS[3][3], UNITS[4][3])

CARDS = [
    (243, "OP-COV-1", COVID, ALL), (283, "OP-COV-2", COVID, ALL), (327, "OP-COV-3", COVID, ALL),
    (372, "OP-TRA-4", TRASV, ALL), (391, "OP-TRA-5", TRASV, ALL), (416, "OP-SEG-1", TRASV, ["U-SEG"]),
    (437, "OP-AG-2", S1, ["U-1"]), (473, "OP-AG-7", S1, ["U-1"]), (494, "OP-AG-8", S1, ["U-1"]),
    (521, "OP-AG-10", S1, ["U-1"]), (545, "OP-AG-11", S1, ["U-1"]), (566, "OP-AG-12", S1, ["U-1"]),
    (590, "OP-AG-39", S1, ["U-1"]), (608, "OP-AG-40", S1, ["U-1"]), (624, "OP-AG-41", S1, ["U-1"]),
    (645, "OP-AG-42", S1, ["U-1"]), (666, "OP-AG-43", S1, ["U-1"]), (685, "OP-AG-44", S1, ["U-1"]),
    (707, "OP-EF-1", A2, ["U-2"]), (733, "OP-EF-2", A2, ["U-2"]), (750, "OP-EF-3", A2, ["U-2"]),
    (779, "OP-IST-1", S3, ["U-3"]), (812, "OP-IST-2", S3, ["U-3"]), (844, "OP-IST-3", S3, ["U-3"]),
    (895, "OP-UT-1", S4, ["U-4"]), (945, "OP-UT-2", S4, ["U-4"]), (969, "OP-UT-3", S4, ["U-4"]),
    (987, "OP-UT-4", S4, ["U-4"]), (1023, "OP-UT-5", S4, ["U-4"]), (1049, "OP-UT-6", S4, ["U-4"]),
    (1081, "OP-UT-7", S4, ["U-4"]), (1106, "OP-UT-8", S4, ["U-4"]), (1133, "OP-UT-9", S4, ["U-4"]),
    (1155, "OP-UT-10", S4, ["U-4"]), (1176, "OP-UT-11", S4, ["U-4"]), (1209, "OP-UT-12", S4, ["U-4"]),
    (1245, "OP-PL-1", A5, ["U-5"]), (1272, "OP-PL-2", A5, ["U-5"]),
]
assert len(CARDS) == 38
CARD_END = 1296  # last line of the Relazione (the CdR sheets start at 1297)

# HAND: cards whose DESCRIZIONE/FASI cell runs several phases together without a separator: split here (every piece
# is checked to be verbatim in the source).
SPLIT_PHASES = {
    "OP-EF-3": ["Aggiornamento banche dati catastali",
                "Attività di controllo incrociato anche con altri servizi",
                "Attività di supporto al contribuente per i tributi da pagare in autoliquidazione",
                "Inoltro al contribuente avviso TARI anno di competenza",
                "Validazione piani ARERA per TARI"],
    "OP-UT-7": ["Assicurare il funzionamento, la gestione efficiente ed il controllo del sistema di raccolta, "
                "conferimento e smaltimento rifiuti",
                "Completamento della fase di avvio del nuovo appalto di igiene urbana per l'attivazione modalità "
                "innovative di conferimento dei rifiuti urbani",
                "Organizzare azioni di contrasto allo scorretto conferimento di RSU nel circuito di raccolta, anche "
                "tramite potenziamento sistema Videosorveglianza",
                "Nuova Tari 2020: predisposizione e trasmissione dati necessari per lo sviluppo del PEF finalizzati "
                "alla corretta determinazione dei tributi"],
}
# HAND: a DEFINIZIONE-table line that continues the cell of the previous row (page break in the PDF).
DEF_CONTINUATION = {996}
# HAND: INDICATORI-table lines that continue the previous row although their first cell is not empty.
IND_CONTINUATION = {1011, 1284}
# HAND: pattern-3 cards (Settore 4, "Missione ..." title, numbered sub-objectives in DESCRIZIONE/FASI).
PATTERN3 = {"OP-UT-1", "OP-UT-2", "OP-UT-4", "OP-UT-5", "OP-UT-6"}
# HAND: a pattern-1 card whose phases are <p> paragraphs of one cell.
P_SPLIT = {"OP-EF-1", "OP-EF-2"}
# HAND: title of the card whose first DEFINIZIONE OBIETTIVO cell is empty (taken from its row in the sheet).
UNTITLED = {"OP-PL-1": ("Gestire la Protezione Civile", 1433)}

# HAND: cards that refer to another card's report ("VEDI RENDICONTAZIONE MISSIONE PROGRAMMA PRECEDENTE"). Both the
# pianificazione card (08/01) and the SUAP card repeat indicators of the "Missione 08" card (PGT, SUE, pratiche
# edilizia/urbanistica, L. 167, SCIA, SUAP, informatizzazione) and the SUAP sheet row takes its 90.
INHERITS = {"OP-UT-11": "OP-UT-1", "OP-UT-12": "OP-UT-1"}

# HAND: status of cards whose evaluation block has no ticked box (the document's own words in the reason).
BLANK_STATUS = {
    "OP-AG-42": ("rinviato", "«Non è stata data attuazione all'obiettivo nel corso del 2021 a causa dell'emergenza "
                             "sanitaria. Viene procrastinato al 2022.»"),
    "OP-AG-43": ("rinviato", "«Non è stata data attuazione all'obiettivo nel corso del 2021 a causa dell'emergenza "
                             "sanitaria. Viene procrastinato al 2022.»"),
    "OP-AG-44": ("rinviato", "«A causa dell'emergenza sanitaria tutte le attività legate all'obiettivo sono state "
                             "sospese.»; valutazione settori: «RINVIATO»"),
    "OP-UT-3": ("non-valutabile", "«(campo dedicato alla relazione finale) OBIETTIVO NON VALUTABILE»"),
    "OP-UT-8": ("non-consuntivato", "«(campo dedicato alla relazione finale) non consuntivato»"),
    "OP-UT-9": ("non-consuntivato", "«(campo dedicato alla relazione finale) non consuntivato»"),
    "OP-UT-10": ("non-consuntivato", "«(campo dedicato alla relazione finale) non consuntivato»"),
}

# The CdR sheets: sheet line of each row that is not one of the 5 trasversali -> node key.
SHEET_ROWS = {
    1313: "OP-AG-2", 1314: "OP-AG-7", 1315: "OP-AG-8", 1316: "OP-AG-10", 1317: "OP-AG-11", 1318: "OP-AG-12",
    1319: "OP-AG-39", 1320: "OP-AG-41", 1321: "OP-AG-44",
    1347: "OP-EF-1", 1348: "OP-EF-2", 1349: "OP-EF-3",
    1374: "OP-IST-1", 1375: "OP-IST-2", 1376: "OP-IST-3",
    1401: "OP-UT-1", 1402: "OP-UT-2", 1403: "OP-UT-3", 1404: "OP-UT-4", 1405: "OP-UT-5", 1406: "OP-UT-6",
    1407: "OP-UT-8", 1408: "OP-UT-9", 1409: "OP-UT-10", 1410: "OP-UT-12",
    1433: "OP-PL-1", 1434: "OP-PL-2",
    1460: "OP-SEG-1",
}
TRASV_KEYS = ["OP-COV-1", "OP-COV-2", "OP-COV-3", "OP-TRA-4", "OP-TRA-5"]

# HAND: cards that are not a row of any sheet -> excluded; the reason is the transcriber's (the sheet is silent).
NOT_IN_SHEET = {
    "OP-AG-40": "Non è una riga autonoma della valutazione settori 2020 (CdR AFFARI GENERALI): la scheda 40 non ha "
                "blocco di valutazione ed è accorpata con la scheda 41 nella riga «Gestire il Servizio Risorse Umane "
                "(piano del fabbisogno, contrattazione, valutazione)» = 100. [motivazione del trascrittore: la scheda "
                "CdR non la elenca]",
    "OP-AG-42": "Orizzonte temporale 2021/2022: obiettivo non elencato nella valutazione settori 2020 (CdR AFFARI "
                "GENERALI). [motivazione del trascrittore: la scheda CdR non lo elenca]",
    "OP-AG-43": "Orizzonte temporale 2021/2022: obiettivo non elencato nella valutazione settori 2020 (CdR AFFARI "
                "GENERALI). [motivazione del trascrittore: la scheda CdR non lo elenca]",
    "OP-UT-7": "Orizzonte temporale 2021/22, nessun valore consuntivato: obiettivo non elencato nella valutazione "
               "settori 2020 (CdR UFFICIO TECNICO). [motivazione del trascrittore: la scheda CdR non lo elenca]",
    "OP-UT-11": "«VEDI RENDICONTAZIONE MISSIONE PROGRAMMA PRECEDENTE»: rendicontato con la scheda «Missione 08 - "
                "Assetto del Territorio e edilizia abitativa» (riga «Gestire l'assetto del Territorio e l'edilizia "
                "abitativa» = 90); non è una riga autonoma della valutazione settori 2020 (CdR UFFICIO TECNICO). "
                "[motivazione del trascrittore: la scheda CdR non lo elenca]",
}

CLASSIFICATIONS_EXTRA = [
    {"key": "contrasto-covid-19", "label": "Obiettivi contrasto COVID-19", "requiredByPIAO": False},
    {"key": "gestionale-trasversale", "label": "Obiettivi gestionali trasversali", "requiredByPIAO": False},
]
NODE_CLASSIFICATIONS = {
    "OP-COV-1": ["contrasto-covid-19"], "OP-COV-2": ["contrasto-covid-19"], "OP-COV-3": ["contrasto-covid-19"],
    "OP-TRA-4": ["gestionale-trasversale"], "OP-TRA-5": ["gestionale-trasversale", "anticorruzione-trasparenza"],
    "OP-AG-7": ["digitalizzazione"],
}

# HAND: inconsistencies of single cards (flagged, never fixed).
NODE_FLAGS = {
    "OP-COV-1": ["Indicatore di contesto «N. casi di COVID-19 accertati» senza valore atteso; «Raggiunto» è un dato "
                 "provinciale (48.239, Monza e Brianza).",
                 "Nello «Stato di attuazione» tre fasi su cinque non hanno testo o rimandano all'obiettivo 3."],
    "OP-COV-3": ["Indicatori e relazione discordano: 184 assegnatari e «Importo trasferimento da Ministero» 78.622,20 "
                 "nella tabella, «576 cittadini, per un totale di 78.620 Euro» nella relazione; 170 voucher × 250 di "
                 "valore medio = 42.500.",
                 "Il testo sul Fondo Bellusco Solidale (65.617,28 €, 36 richieste, 29 accolte) è ripetuto nella scheda "
                 "Settore 3 «5. Famiglia»."],
    "OP-SEG-1": ["Scheda posta sotto l'intestazione «OBIETTIVI GESTIONALI TRASVERSALI» ma assegnata al «Segretario "
                 "Comunale» e valutata solo nel CdR SEGRETARIO; numerata «1.» come il primo obiettivo COVID."],
    "OP-AG-2": ["Numerazione della DEFINIZIONE (2.–6., due obiettivi «6.») sfalsata rispetto allo «Stato di "
                "attuazione» (1.–5., 6. MEZZAGO).",
                "Refuso «Messì» nella DEFINIZIONE («Messi» nello stato di attuazione).",
                "La relazione 2020 riferisce fatti del 2021: «Nel 2021 non si sono attivati nuovi procedimenti di "
                "contenzioso»."],
    "OP-AG-7": ["La relazione chiama «invii cartacei» il 64.52% che l'indicatore misura come documenti trasmessi per "
                "posta elettronica; 64,52% non è la media dei valori per ente (47.96, 60.82, 84.48 → 64,42).",
                "Separatori decimali misti: «64,52%» in tabella, «64.52%» nella relazione."],
    "OP-AG-8": ["Numerazione dello «Stato di attuazione» (7., 8.) sfalsata rispetto alla DEFINIZIONE (8., 9.).",
                "Refuso «efficiamento»."],
    "OP-AG-10": ["«n. DAT» 1 su 20 attesi ma valutazione 100 %."],
    "OP-AG-12": ["«n. report annui» 0 su 2 e «n. incontri cittadinanza» 0 su 1 ma valutazione 100 %."],
    "OP-AG-39": ["Nome del periodico scritto in tre modi: «Bellusco in forma» (scheda), «Bellusco Informa» "
                 "(indicatori e relazione), «Bellusco in-forma» (valutazione settori).",
                 "Valore atteso «SI» per un indicatore di conteggio («n. uscite Bellusco Informa»)."],
    "OP-AG-40": ["La scheda non ha il blocco «Valutazione su stato avanzamento»; nella valutazione settori è accorpata "
                 "con la scheda 41."],
    "OP-AG-42": ["La relazione 2020 dice «nel corso del 2021»; nessuna casella spuntata, percentuale in bianco."],
    "OP-AG-43": ["La relazione 2020 dice «nel corso del 2021»; nessuna casella spuntata, percentuale in bianco."],
    "OP-AG-44": ["Intestazione «DEFINIZIONE OBIETTIVO - BELLUSCO» per un obiettivo sui comuni gemellati con Mezzago.",
                 "Nessuna casella spuntata, percentuale in bianco."],
    "OP-EF-1": ["Refuso nell'etichetta «MEZZAGO 987UNIONE 359» (spazio mancante)."],
    "OP-EF-3": ["ASSEGNAZIONE OBIETTIVO vuota.",
                "Le cinque fasi sono scritte di seguito in una sola cella senza separatori.",
                "La relazione 2020 cita il «programma di calcolo IMU 2021»."],
    "OP-IST-1": ["La relazione 2020 riferisce fatti del 2021 («nel gennaio 2021», «Nel maggio 2021»)."],
    "OP-IST-3": ["Inserzioni anomale di «dell'» nella relazione («Dell'anno 2020», «per dell' totale», «dell' diverso "
                 "rapporto»).",
                 "Riga «4. Casa» senza orizzonte temporale."],
    "OP-UT-1": ["Indicatori 6 e 7 con lo stesso testo («Garanzia del rispetto delle tempistiche...»), valori 100% e 90%.",
                "Indicatori 2–5: la colonna «Valore atteso» contiene testo di relazione.",
                "Refuso «Attuazione/Variatione PGT»."],
    "OP-UT-2": ["Indicatore 1 atteso «Entro 2020», raggiunto «1 a. Rimandato al 2021» ma valutazione 100 %."],
    "OP-UT-3": ["«(campo dedicato alla relazione finale) OBIETTIVO NON VALUTABILE»: nessuna valutazione."],
    "OP-UT-4": ["«Stato di attuazione» con il solo segnaposto «(campo dedicato alla relazione finale)».",
                "La riga 7) della DEFINIZIONE è spezzata da un salto pagina."],
    "OP-UT-5": ["«Stato di attuazione» con il solo segnaposto «(campo dedicato alla relazione finale)»."],
    "OP-UT-6": ["Programma 03 etichettato «Tutela valorizzazione e recupero ambientale» (è «Rifiuti», come nella "
                "scheda successiva).",
                "«Stato di attuazione» con il solo segnaposto; diversi «Raggiunto» vuoti ma valutazione 98 %.",
                "La relazione 2020 cita «Adesione a Puliamo il Mondo 2021»."],
    "OP-UT-7": ["Orizzonte 2021/22: nessun valore consuntivato, nessuna valutazione; non elencato nella valutazione "
                "settori."],
    "OP-UT-8": ["«non consuntivato»: nessun valore e nessuna valutazione nella scheda; 50 nella valutazione settori "
                "(nota «Non cosuntivato»)."],
    "OP-UT-9": ["«non consuntivato»: nessun valore e nessuna valutazione nella scheda; 50 nella valutazione settori "
                "(nota «Non cosuntivato»)."],
    "OP-UT-10": ["«non consuntivato»: nessun valore e nessuna valutazione nella scheda; 50 nella valutazione settori "
                 "(nota «Non cosuntivato»)."],
    "OP-UT-11": ["«VEDI RENDICONTAZIONE MISSIONE PROGRAMMA PRECEDENTE»: nessun valore, nessuna valutazione; non "
                 "elencato nella valutazione settori."],
    "OP-UT-12": ["«VEDI RENDICONTAZIONE MISSIONE PROGRAMMA PRECEDENTE» (con «))» doppia): nessun valore né "
                 "valutazione nella scheda, 90 nella valutazione settori («Slittamento dei tempi/Indici parziali»).",
                 "La colonna ASSEGNAZIONE OBIETTIVO della riga CCV contiene uno stato: «COSTITUITA NEL 2021»."],
    "OP-PL-1": ["Il primo obiettivo della scheda non ha titolo né numero (cella DEFINIZIONE vuota): titolo della "
                "scheda preso dalla riga della valutazione settori «Gestire la Protezione Civile».",
                "«Stato di attuazione» vuoto ma valutazione 100 %.",
                "Refusi «convezione», «manutenzione e manutenzione».",
                "Due missioni nel collegamento con il bilancio (03/01 e 11/01)."],
    "OP-PL-2": ["«N. patenti di guida ritirate» atteso ≤ 0, raggiunto 5, ma valutazione 100 %.",
                "«N. notizie di reato...»: 6 voci e 6 valori attesi ma 5 valori raggiunti, non allineabili.",
                "«Stato di attuazione» con il solo segnaposto «(campo dedicato alla relazione finale)»."],
}

# HAND: indicator rows whose "Valore atteso" cell holds report text (Missione 08 card, rows 2-5).
NARRATIVE_IN_TARGET = {("OP-UT-1", 2), ("OP-UT-1", 3), ("OP-UT-1", 4), ("OP-UT-1", 5)}

# HAND: indicator direction overrides (by card key, indicator order) where "higher is better" is wrong.
DIRECTION_OVERRIDE = {
    ("OP-TRA-5", 5): "lte",   # n. atti ... non risultati conformi: 0
    ("OP-PL-1", 2): "eq", ("OP-PL-1", 3): "eq",  # dashcam/bodycam 0
}

# --------------------------------------------------------------------------------------------------------------------
# value parsing

NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"


def it_num(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


def num_or_int(x: float):
    return int(x) if x == int(x) else x


def parse_target(raw: str):
    """-> (form, direction, unit, target dict or None, flags)"""
    s = raw.strip()
    flags: list[str] = []
    if not s:
        return None, None, None, None, flags
    t = {"raw": s}
    m = re.fullmatch(r"(?i)(si|no|on)", s)
    if m:
        t["flag"] = s.lower() in ("si", "on")
        return "boolean", "eq", None, t, flags
    if s == "Si/no":
        t["text"] = s
        flags.append("Valore atteso «Si/no»: indica il tipo SI/NO, non un valore.")
        return "boolean", "eq", None, t, flags
    m = re.fullmatch(r"(>|<|≤|≥)\s*(?:di\s+)?(" + NUM + r")(%?)", s)
    if m:
        t["number"] = num_or_int(it_num(m.group(2)))
        d = {">": "gt", "<": "lt", "≤": "lte", "≥": "gte"}[m.group(1)]
        return ("percent" if m.group(3) else "number"), d, ("%" if m.group(3) else None), t, flags
    m = re.fullmatch(r"Almeno (" + NUM + r")%", s)
    if m:
        t["number"] = num_or_int(it_num(m.group(1)))
        return "percent", "gte", "%", t, flags
    m = re.fullmatch(r"(€\s*)?(" + NUM + r")(%?)", s)
    if m:
        t["number"] = num_or_int(it_num(m.group(2)))
        if m.group(3):
            return "percent", "gte", "%", t, flags
        return "number", "gte", ("€" if m.group(1) else None), t, flags
    m = re.fullmatch(r"(" + NUM + r")(%?) \(\+/- (\d+% Covid(?:-19)?)\)", s)
    if m:
        t["number"] = num_or_int(it_num(m.group(1)))
        t["relative"] = "+/- " + m.group(3)
        return ("percent" if m.group(2) else "number"), "gte", ("%" if m.group(2) else None), t, flags
    m = re.fullmatch(r"Atteso (\d+)", s)
    if m:
        t["number"] = int(m.group(1))
        return "number", "gte", None, t, flags
    m = re.fullmatch(r"(?i)entro (?:(giugno|ottobre) )?(\d{4})", s)
    if m:
        y = int(m.group(2))
        t["date"] = f"{y}-06-30" if (m.group(1) or "").lower() == "giugno" else f"{y}-12-31"
        t["text"] = s
        return "milestone", "entro", None, t, flags
    if re.fullmatch(r"\d+ ?\+ ?\d+(?: ?\+ ?\d+)?|\d+ PL \+ \d+ CDU(?: \(\+/- 25% Covid-19\))?", s):
        t["text"] = s
        flags.append(f"Valore atteso composto «{s}»: più quantità in una cella, non sommate.")
        return "number", "gte", None, t, flags
    if s == "%":
        t["text"] = s
        flags.append("Valore atteso «%» senza numero.")
        return "percent", "gte", "%", t, flags
    t["text"] = s
    return "milestone", "eq", None, t, flags


def parse_actual(raw: str):
    s = raw.strip()
    if not s:
        return None
    a = {"raw": s, "year": PLAN_YEAR}
    if re.fullmatch(r"(?i)si|on", s):
        a["flag"] = True
        return a
    if re.fullmatch(r"(?i)no", s):
        a["flag"] = False
        return a
    m = re.fullmatch(r"No (\(rinviato a 2021\))", s)
    if m:
        a["flag"] = False
        a["text"] = s
        return a
    m = re.fullmatch(r"(" + NUM + r")\s*(%?)", s)
    if m:
        a["number"] = num_or_int(it_num(m.group(1)))
        return a
    m = re.fullmatch(r"(" + NUM + r") (\(dato Monza e Brianza\))", s)
    if m:
        a["number"] = num_or_int(it_num(m.group(1)))
        a["text"] = m.group(2)
        return a
    a["text"] = s
    return a


def form_from_actual(a):
    if a is None:
        return "number"
    if "flag" in a:
        return "boolean"
    if "number" in a:
        return "percent" if a["raw"].endswith("%") else "number"
    if re.fullmatch(r"[<>]\s*\d+", a["raw"]):
        return "number"
    return "milestone"


MONTHS = {"gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9, "ott": 10,
          "nov": 11, "dic": 12}
LAST_DAY = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def parse_period(raw: str):
    """-> (months, start, due, years)"""
    s = raw.strip()
    years = []
    for tok in re.findall(r"\d{4}|(?<=/)\d{2}\b", s):
        years.append(int(tok) if len(tok) == 4 else 2000 + int(tok))
    m = re.fullmatch(r"(\w+) – (\w+) (\d{4})", s)
    if m:
        a, b, y = MONTHS[m.group(1)[:3].lower()], MONTHS[m.group(2)[:3].lower()], int(m.group(3))
        return list(range(a, b + 1)), f"{y}-{a:02d}-01", f"{y}-{b:02d}-{LAST_DAY[b]}", years
    m = re.fullmatch(r"Dicembre (\d{4})", s)
    if m:
        return [], None, f"{m.group(1)}-12-31", years
    return [], None, None, years


# --------------------------------------------------------------------------------------------------------------------
# card parsing

def find(start: int, end: int, pred) -> int | None:
    for n in range(start, end + 1):
        if pred(line(n)):
            return n
    return None


def parse_card(start: int, end: int) -> dict:
    hdr = line(start)
    coll = find(start, end, lambda s: s.startswith("Collegamento con il bilancio"))
    desc = find(start, coll, lambda s: s.startswith("Descrizione:"))
    ind = find(coll, end, lambda s: s.startswith("INDICATORI\tValore atteso\tRaggiunto"))
    stato = find(ind, end, lambda s: re.match(r"^(<p>)?(<i>)?Stato di attuazione", s) is not None)
    evalh = find(stato, end, lambda s: re.match(r"^(Valutazione (su )?stato avanzamento|Stato di avanzamento)", s)
                 is not None)
    # DEFINIZIONE table rows
    rows = []
    for n in range(start + 1, (desc or coll)):
        s = line(n)
        if not s.strip() or RULE_RE.match(s):
            continue
        c = (s.split("\t") + ["", "", "", ""])[:4]
        if n in DEF_CONTINUATION:
            rows[-1]["c"][1] += " " + c[1].strip()
            rows[-1]["lines"].append(n)
            continue
        rows.append({"c": c, "lines": [n]})
    description = None
    if desc:
        description = clean("\n".join(line(n) for n in range(desc, coll)).replace("Descrizione: ", "", 1))
    budget = [line(n) for n in range(coll + 1, ind) if line(n).strip()]
    # INDICATORI rows
    inds, crit = [], []
    for n in range(ind + 1, stato):
        s = line(n)
        if not s.strip() or RULE_RE.match(s):
            continue
        c = (s.split("\t") + ["", "", ""])[:3]
        if c[0].startswith("Criticità:"):
            crit.append((clean(c[0], True), clean(c[2], True), n))
            continue
        if (c[0].strip() == "" or n in IND_CONTINUATION) and inds:
            r = inds[-1]
            for i in range(3):
                if c[i].strip():
                    r["c"][i] = (r["c"][i] + " " + c[i]).strip()
            r["lines"].append(n)
            continue
        inds.append({"c": c, "lines": [n]})
    # Stato di attuazione
    st = line(stato)
    if st.startswith("<p>Stato"):
        label = clean(st.split("</p>", 1)[0], True)
        body_lines = [st.split("</p>", 1)[1]]
    else:
        label = clean(st.split("\t")[0], True)
        body_lines = [st.split("\t", 1)[1]] if "\t" in st else []
    for n in range(stato + 1, (evalh or end + 1)):
        s = line(n)
        if RULE_RE.match(s):
            continue
        body_lines.append(s)
    paras = []
    for s in body_lines:
        if not s.strip():
            continue
        c = s.split("\t")
        c = [clean(x, True) for x in c]
        c = [x for x in c]
        if len(c) >= 2 and c[0] and c[1]:
            paras.append(f"{c[0]}: {c[1]}")
        elif len(c) >= 2 and not c[0] and c[1]:
            if paras:
                paras[-1] += " " + c[1]
            else:
                paras.append(c[1])
        elif c[0]:
            # a paragraph split with </p> <p> inside one cell
            paras.append(clean(s))
        elif len(c) >= 2 and c[0] and not c[1]:
            paras.append(c[0])
    narrative = "\n\n".join(p for p in paras if p) or None
    # evaluation
    ev = None
    if evalh:
        n = evalh + 1
        while not line(n).strip():
            n += 1
        ev = {"header": clean(line(evalh), True), "line": n, "raw": line(n)}
    return {"hdr": hdr, "rows": rows, "description": description, "budget": budget, "inds": inds, "crit": crit,
            "stato_label": label, "narrative": narrative, "eval": ev, "stato_line": stato}


def parse_eval(ev: dict):
    c = ev["raw"].split("\t")
    sel = []
    for i, cell in enumerate(c[:3]):
        x = cell.replace("<input type=\"checkbox\"/>", "").strip()
        if 'checked=""' in cell or re.match(r"^(<i>)?\s*[Xx]\b", x):
            sel.append(i)
    pct = re.search(r"(\d+)\s*%", c[3]) if len(c) > 3 else None
    status = None
    if len(sel) == 1:
        status = ["in-linea", "non-in-linea-azioni-avviate", "non-in-linea-azioni-immediate"][sel[0]]
    elif sel:
        raise SystemExit(f"several boxes ticked at line {ev['line']}")
    printed = " | ".join(clean(x, True) if "checked" not in x else "[X] " + clean(x, True) for x in c)
    return status, (int(pct.group(1)) if pct else None), printed


NUM_PREFIX = re.compile(r"^(\d+)\s*[.)]\s*(.*)$", re.S)


def split_code(title: str):
    m = NUM_PREFIX.match(title)
    if m:
        return m.group(1), m.group(2).strip()
    return None, title


# --------------------------------------------------------------------------------------------------------------------
# CdR sheets

def parse_sheets():
    sheets = {}
    for (ukey, _code, name, _h, hline, cline, tline) in UNITS:
        assert line(hline) == "CENTRO DI RESPONSABILITA'", hline
        assert line(hline + 1) == name or (ukey == "U-3" and line(hline + 1) == name), (hline, line(hline + 1))
        resp = line(hline + 3)
        rows = []
        assert line(hline + 9).startswith("DESCRIZIONE OBIETTIVO") and line(hline + 10).strip() == "%", hline
        for n in range(hline + 11, cline):
            s = line(n)
            if not s.strip():
                continue
            c = (s.split("\t") + ["", "", ""])[:3]
            rows.append({"line": n, "desc": c[0], "grade_raw": c[1].strip(), "note": c[2].strip(), "raw": s})
        total_raw = line(tline).split("\t")[-1].strip() if "\t" in line(tline) else line(tline).strip()
        stray = [line(n).strip() for n in range(cline + 1, tline) if line(n).strip() in ("x", "X")]
        sheets[ukey] = {"name": name, "responsabile": resp, "rows": rows, "count_raw": line(cline).split("\t")[0],
                        "total_raw": total_raw, "stray": stray, "header_line": hline}
    return sheets


# --------------------------------------------------------------------------------------------------------------------
# build

def build():
    sheets = parse_sheets()
    source_flags: list[str] = []

    units = []
    for i, (ukey, code, name, heading, hline, cline, tline) in enumerate(UNITS):
        sh = sheets[ukey]
        rel = f"Intestazione nella Relazione: «{heading}». " if heading else \
            "Nessuna intestazione nella Relazione (la scheda del Segretario sta sotto «OBIETTIVI GESTIONALI " \
            "TRASVERSALI»). "
        notes = (rel + f"Valutazione settori 2020 (allegato 3): CENTRO DI RESPONSABILITA' «{name}», RESPONSABILE "
                 f"«{sh['responsabile']}», CATEGORIA: (vuota); cella del numero di righe «{sh['count_raw']}»; "
                 f"PERCENTUALE DI RAGGIUNGIMENTO COMPLESSIVA «{sh['total_raw']}».")
        units.append({"key": ukey, "code": code, "name": name, "kind": "cdr", "order": i + 1, "notes": notes})

    people = []
    for key, fam, giv, pos, home in PEOPLE:
        p = {"key": key, "familyName": fam, "givenName": giv}
        if pos:
            p["position"] = pos
        if home:
            p["homeUnitKey"] = home
        people.append(p)

    assignments = [{"personKey": p, "unitKey": u, "role": "titolare", "validity": v, "act": a}
                   for p, u, v, a in ASSIGNMENTS]

    referents = []
    for key, name, office, ln in REFERENTS:
        assert line(ln).startswith(name + "\t"), ln
        referents.append({"key": key, "name": name, "office": office, "deleghe": [], "validity": {}})

    nodes, phases, indicators, participations, values, validations = [], [], [], [], [], []
    ind_counter = {}
    starts = [c[0] for c in CARDS] + [CARD_END + 1]
    # sections that start between cards: the end of a card is the line before the next card or section heading
    section_lines = {705, 777, 892, 1243, 370, 435}
    for idx, (start, key, section, owners) in enumerate(CARDS):
        end = starts[idx + 1] - 1
        for s in sorted(section_lines):
            if start < s <= end:
                end = s - 1
        card = parse_card(start, end)
        rows = card["rows"]
        flags = list(NODE_FLAGS.get(key, []))
        verbatim = {"Sezione": section}
        if card["hdr"].split("\t")[0] != "DEFINIZIONE OBIETTIVO":
            verbatim["Intestazione"] = card["hdr"].split("\t")[0]

        # --- phases and title --------------------------------------------------------------------------------
        c0 = [clean(r["c"][0], True) for r in rows]
        c1 = [clean(r["c"][1], True) for r in rows]
        c2 = [clean(r["c"][2], True) for r in rows]
        c3 = [clean(r["c"][3], True) for r in rows]
        verbatim["DEFINIZIONE OBIETTIVO"] = "\n".join(x for x in c0 if x)
        verbatim["DESCRIZIONE/FASI"] = "\n".join(c1)
        verbatim["ORIZZONTE TEMPORALE"] = "\n".join(c2)
        verbatim["ASSEGNAZIONE OBIETTIVO"] = "\n".join(c3)
        pattern2 = key not in PATTERN3 and (any(x for x in c0[1:]) or key in UNTITLED)
        ph_list = []  # (code, title, description, periodRaw, assignee)
        if key in PATTERN3:
            title = c0[0]
            code = None
            for r1, r2, r3 in zip(c1, c2, c3):
                pc, pt = split_code(r1)
                ph_list.append((pc, pt, None, r2, r3))
            if key == "OP-UT-1":
                code = ", ".join(p[0] for p in ph_list)
        elif pattern2:
            codes = []
            for r0, r1, r2, r3 in zip(c0, c1, c2, c3):
                pc, pt = split_code(strip_bullet(r0)) if r0 else (None, "")
                if not pt:
                    pt = "(senza titolo)"
                ph_list.append((pc, pt, r1, r2, r3))
                if pc:
                    codes.append(pc)
            if key in UNTITLED:
                title, sheet_line = UNTITLED[key]
                assert line(sheet_line).startswith(title + "\t")
                code = ", ".join(codes) or None
            else:
                code0, title = split_code(strip_bullet(c0[0]))
                code = ", ".join(codes) or None
        else:
            code, title = split_code(strip_bullet(c0[0]))
            if key in SPLIT_PHASES:
                for piece in SPLIT_PHASES[key]:
                    assert_in_source(piece)
                    ph_list.append((None, piece, None, c2[0], c3[0]))
            elif key in P_SPLIT:
                raw = rows[0]["c"][1]
                for piece in re.findall(r"<p>(.*?)</p>", raw):
                    ph_list.append((None, clean(piece, True), None, c2[0], c3[0]))
            else:
                for r1, r2, r3 in zip(c1, c2, c3):
                    pc, pt = split_code(r1)
                    ph_list.append((pc, pt, None, r2, r3))
        for o, (pc, pt, pd, pr, pa) in enumerate(ph_list, start=1):
            months, pstart, pdue, _ = parse_period(pr)
            ph = {"key": f"{key}-F{o}", "nodeKey": key, "ordinal": o, "title": pt, "months": months,
                  "sourceFlags": []}
            if pc:
                ph["code"] = pc
            if pd:
                ph["description"] = pd
            if pstart:
                ph["start"] = pstart
            if pdue:
                ph["due"] = pdue
            if pr:
                ph["periodRaw"] = pr
            if pa == "COSTITUITA NEL 2021":
                ph["sourceFlags"].append("La colonna ASSEGNAZIONE OBIETTIVO contiene uno stato: «COSTITUITA NEL "
                                         "2021».")
            if pt == "(senza titolo)":
                ph["sourceFlags"].append("Cella DEFINIZIONE OBIETTIVO vuota: obiettivo senza titolo né numero.")
            if pt.startswith("Redazione regolamento Consiglio") or pt.startswith("MEZZAGO - Predisposizione"):
                pass
            phases.append(ph)
            # participations: surnames in ASSEGNAZIONE OBIETTIVO
            if pa in SURNAME_KEY:
                participations.append({"personKey": SURNAME_KEY[pa], "nodeKey": key,
                                       "activity": (f"{pc}. " if pc else "") + pt})
        responsible = []
        for p in participations:
            if p["nodeKey"] == key and p["personKey"] not in responsible:
                responsible.append(p["personKey"])

        # --- horizon ---------------------------------------------------------------------------------------------
        raws = []
        for r in c2:
            if r and r not in raws:
                raws.append(r)
        years = sorted({y for r in raws for y in parse_period(r)[3]})
        horizon = {"raw": " | ".join(raws)} if raws else None
        if horizon and years:
            horizon["firstYear"], horizon["lastYear"] = years[0], years[-1]
        deadline = deadline_raw = None
        if len(raws) == 1 and parse_period(raws[0])[2]:
            deadline, deadline_raw = parse_period(raws[0])[2], raws[0]

        # --- budget -------------------------------------------------------------------------------------------
        verbatim["Collegamento con il bilancio"] = "\n".join(card["budget"])
        missioni, programmi = [], []
        cur = None
        for b in card["budget"]:
            c = b.split("\t")
            if c[0] == "MISSIONE":
                cur = c[1].strip().zfill(2)
                missioni.append(cur)
            elif c[0] == "PROGRAMMA":
                p = c[1].strip()
                if re.fullmatch(r"\d{1,2}", p):
                    programmi.append(cur + p.zfill(2))
        missione = missioni[0] if missioni else None
        programma = programmi[0] if programmi else None
        bnotes = []
        if len(missioni) > 1 or len(programmi) > 1:
            bnotes.append("Missioni/programmi del collegamento con il bilancio: " +
                          ", ".join(missioni) + " / " + ", ".join(programmi) + ".")
        if not programmi:
            rng = [b.split("\t")[1] for b in card["budget"] if b.startswith("PROGRAMMA")]
            bnotes.append(f"Programma indicato come intervallo: «{rng[0]}».")

        # --- indicators --------------------------------------------------------------------------------------
        for o, r in enumerate(card["inds"], start=1):
            name_raw, tgt_raw, act_raw = r["c"]
            ikey = f"{key}-I{o}"
            name = strip_bullet(clean(name_raw, True))
            iflags = []
            form, direction, unit, target, tflags = parse_target(clean(tgt_raw, True))
            iflags += tflags
            actual = parse_actual(clean(act_raw, True))
            descr = None
            if "<ul" in name_raw:  # PL multi-item cells: items in the description
                head, items = name_raw.split("<ul", 1)
                name = clean(head, True)
                descr = "\n".join("• " + x.strip() for x in clean("<ul" + items, True).split("•") if x.strip())
            if key == "OP-PL-2" and name.startswith("N. notizie di reato"):
                tp = [clean(x, True) for x in re.findall(r"<p>(.*?)</p>", tgt_raw)]
                ap = [clean(x, True) for x in re.findall(r"<p>(.*?)</p>", act_raw)]
                target = {"raw": "; ".join(tp), "text": "; ".join(tp)}
                actual = {"raw": "; ".join(ap), "text": "; ".join(ap), "year": PLAN_YEAR}
                form, direction = "number", "lte"
                iflags.append("Sei voci con sei valori attesi (5; ≤ 0 ×5) ma cinque valori raggiunti (4; 0; 4; 0; 3): "
                              "non allineabili.")
            mb = re.search(r"\(BELLUSCO (\d+) MEZZAGO (\d+) ?UNIONE (\d+)\)", name)
            if mb:
                parts = [int(x) for x in mb.groups()]
                descr = (f"Ripartizione nell'etichetta: BELLUSCO {parts[0]}, MEZZAGO {parts[1]}, UNIONE {parts[2]} "
                         f"(somma {sum(parts)}).")
                if target and target.get("number") != sum(parts):
                    iflags.append("La somma della ripartizione nell'etichetta non è il valore atteso.")
            if "(attività aggiunta d'Ufficio, non prevista dal Piano)" in name:
                iflags.append("Indicatore aggiunto in sede di relazione: «attività aggiunta d'Ufficio, non prevista "
                              "dal Piano».")
            if "(indice di contesto)" in name:
                iflags.append("Indice di contesto, senza valore atteso.")
            if form is None:
                form = form_from_actual(actual)
                direction = "gte" if form in ("number", "percent") else "eq"
                unit = "%" if form == "percent" else None
            if (key, o) in DIRECTION_OVERRIDE:
                direction = DIRECTION_OVERRIDE[(key, o)]
            if form == "milestone" and direction == "eq" and re.match(r"^[nN]\. ", name):
                form = "number"  # a count whose target is printed as text ("Attese", "Come da piano")
            if re.search(r"^(Importo|Importi|Valore complessivo|Valore medio voucher|€|Costi)", name):
                unit = "€"
            if (key, o) in NARRATIVE_IN_TARGET:
                iflags.append("La colonna «Valore atteso» contiene testo di relazione, non un valore atteso.")
            indicator = {"key": ikey, "nodeKey": key, "order": o, "name": name, "form": form,
                         "direction": direction, "sourceFlags": iflags}
            if descr:
                indicator["description"] = descr
            if unit:
                indicator["unit"] = unit
            if target:
                indicator["target"] = target
            if key in PATTERN3:
                m = re.match(r"^(\d+)\s*(?:[.)]|\s[a-z]\.)", name)
                if m:
                    for ph in phases:
                        if ph["nodeKey"] == key and ph.get("code") == m.group(1):
                            indicator["phaseKey"] = ph["key"]
            indicators.append(indicator)
            if actual:
                values.append({"campaignKey": CAMPAIGN, "nodeKey": key, "indicatorKey": ikey, "actual": actual})
        critical = None
        if card["crit"]:
            critical = "\n".join(c[0] for c in card["crit"])
            verbatim["Criticità (tabella INDICATORI)"] = "\n".join(
                c[0] + (f" — Raggiunto: {c[1]}" if c[1] else "") for c in card["crit"])

        # --- node ------------------------------------------------------------------------------------------------
        if card["description"]:
            verbatim["Descrizione"] = card["description"]
        verbatim["Stato di attuazione – intestazione"] = card["stato_label"]
        node = {"key": key, "level": "obiettivo-performance", "title": title, "order": idx + 1,
                "ownerUnitKeys": owners, "crossCutting": len(owners) > 1,
                "responsiblePersonKeys": responsible, "politicalReferentKeys": [],
                "classifications": NODE_CLASSIFICATIONS.get(key, []), "stakeholders": [], "contributors": [],
                "dupRefs": [], "verbatim": verbatim, "sourceFlags": flags}
        if code:
            node["code"] = code
        if card["description"]:
            node["description"] = card["description"]
        if horizon:
            node["horizon"] = horizon
        if missione:
            node["missione"] = missione
        if programma:
            node["programma"] = programma
        if deadline:
            node["deadline"], node["deadlineRaw"] = deadline, deadline_raw
        if critical:
            node["criticalFactors"] = critical
        if key in INHERITS:
            node["inheritsFromKey"] = INHERITS[key]
        n_notes = [f"Scheda obiettivo n. {idx + 1} di 38 della Relazione performance 2020 (sezione «{section}»)."]
        if len(owners) > 1:
            n_notes.append("Obiettivo trasversale assegnato a «Tutti»: riga «… OBIETTIVO TRASVERSALE» in tutte e sei "
                           "le schede di valutazione dei CdR.")
        n_notes += bnotes
        node["notes"] = " ".join(n_notes)
        nodes.append(node)

        # --- node-level monitoring value ----------------------------------------------------------------------
        mv = {"campaignKey": CAMPAIGN, "nodeKey": key}
        if card["eval"]:
            status, pct, printed = parse_eval(card["eval"])
            verbatim["Valutazione – intestazione"] = card["eval"]["header"]
            verbatim["Valutazione"] = printed
            mv["raw"] = printed
            if status:
                mv["status"] = status
            if pct is not None:
                mv["directScore"] = pct
        if key in BLANK_STATUS:
            for q in re.findall(r"«([^»]*)»", BLANK_STATUS[key][1]):
                assert_in_source(q)
            assert "status" not in mv and "directScore" not in mv, key
            mv["status"] = BLANK_STATUS[key][0]
            flags.append(f"Stato «{BLANK_STATUS[key][0]}» dedotto dal testo del documento: {BLANK_STATUS[key][1]}")
        if card["narrative"]:
            mv["narrative"] = card["narrative"]
        values.append(mv)

    # --- CdR sheets -> verbatim rows and validations ------------------------------------------------------------
    node_by_key = {n["key"]: n for n in nodes}
    mapped_lines = set()
    for ukey, sh in sheets.items():
        rows = sh["rows"]
        for i, r in enumerate(rows):
            if i < 5:
                nkey = TRASV_KEYS[i]
                assert r["desc"].endswith("OBIETTIVO TRASVERSALE") and r["grade_raw"] == "100", r
            else:
                nkey = SHEET_ROWS[r["line"]]
                mapped_lines.add(r["line"])
            n = node_by_key[nkey]
            assert ukey in n["ownerUnitKeys"], (ukey, nkey)
            n["verbatim"][f"Valutazione settori 2020 – {sh['name']}"] = r["raw"]
            if i >= 5 and (r["note"] or not r["grade_raw"]):
                v = {"campaignKey": CAMPAIGN, "nodeKey": nkey, "excluded": not r["grade_raw"],
                     "reason": r["note"], "minutes": f"{MINUTES}; valutazione settori 2020, CdR {sh['name']}"}
                if r["grade_raw"]:
                    v["score"] = int(r["grade_raw"])
                validations.append(v)
    assert mapped_lines == set(SHEET_ROWS), set(SHEET_ROWS) - mapped_lines
    for nkey, reason in NOT_IN_SHEET.items():
        validations.append({"campaignKey": CAMPAIGN, "nodeKey": nkey, "excluded": True, "reason": reason,
                            "minutes": f"{MINUTES}; valutazione settori 2020 (obiettivo non elencato)"})
    validations.sort(key=lambda v: [n["key"] for n in nodes].index(v["nodeKey"]))
    for nkey in ("OP-AG-40",):
        node_by_key["OP-AG-41"]["notes"] += (" Nella valutazione settori la riga «Gestire il Servizio Risorse Umane "
                                             "(piano del fabbisogno, contrattazione, valutazione)» comprende anche la "
                                             "scheda 40 (OP-AG-40).")

    # --- document-level flags ----------------------------------------------------------------------------------
    source_flags += [
        "Il dispositivo approva la «Relazione Finale anno 2021» mentre l'OGGETTO e l'allegato riguardano il 2020.",
        "La deliberazione cita la «attestazione conclusiva dell'OIV anno 2021» per il ciclo 2020.",
        "L'atto di approvazione del piano è citato come «deliberazione di Giunta dell'Unione n. 71/2020» e come "
        "«Delibera GC n°71 del 22/12/2020» (verbale del Nucleo); la data è presa dal verbale.",
        "Le premesse richiamano il Bilancio di previsione e la nota di aggiornamento al DUP 2021/2023 (ciclo 2021).",
        "Il verbale del Nucleo cita l'art. 40-bis del «Dlgs 265/01» (è il D.Lgs. 165/2001); refusi «premessso» (×2), "
        "«le e amministrazioni».",
        "Il Nucleo è chiamato «Organismo Comunale di Valutazione», «Nucleo di Valutazione» e «OIV»; il nome del "
        "componente («Daniela Senesi») è noto solo dalla descrizione dell'immagine della firma.",
        "Gli organigrammi dell'Unione e dei Comuni di Bellusco e Mezzago sono immagini perse nella conversione "
        "(«così strutturata», «dei seguenti settori/servizi» senza seguito).",
        "Intestazioni di sezione miste «SETTORE n» / «AREA n»; refuso «URBAINSTICA»; la scheda del Segretario non ha "
        "sezione.",
        "I nomi dei CdR nelle schede di valutazione differiscono dalle intestazioni della Relazione («UFFICIO TECNICO» "
        "/ «SETTORE 4 – LAVORI PUBBLICI, …»; «ECONOMICO FINANZIARIA» / «SETTORE FINANZIARIO» nel parere).",
        "Scheda di valutazione UFFICIO TECNICO: cella del numero di righe «XXX» (le righe sono 15).",
        "Segni «x» isolati dopo le tabelle delle schede di valutazione (2, 2, 2, 0, 3, 2).",
        "Titoli dei trasversali nelle schede di valutazione con varianti: «epi-demiologica» (AFFARI GENERALI), "
        "«epidemologica» (UFFICIO TECNICO, POLIZIA LOCALE).",
        "Nota «Non cosuntivato» (refuso) nella scheda UFFICIO TECNICO.",
        "Le celle RESPONSABILE «RONCHI-GHIROTTI» e «BETTINI-COLNAGHI» contengono due persone ciascuna; nomi propri e "
        "date d'incarico non indicati.",
        "Il Segretario del 2020 (F. ZOTTI, CdR SEGRETARIO) è diverso dal Segretario che firma la deliberazione del "
        "2021 (Dott. Pasquale Pedace).",
        "Nessun atto di nomina né data d'incarico dei responsabili: i periodi degli incarichi sono dedotti dall'anno "
        "della valutazione (2020) e dalle date della deliberazione (21/12/2021, 11/01/2022).",
        "Le premesse dicono «responsabile del servizio finanziario», il parere «IL RESPONSABILE DEL SETTORE "
        "FINANZIARIO».",
        "La numerazione PEG degli obiettivi non è contigua (1–12, 39–44, 48–53) e si ripete («1.» e «6.» due volte).",
        "Le percentuali per obiettivo non si ricavano dagli indicatori (es. digitalizzazione 90 con indicatori al "
        "60%; polizia locale 100 con un indicatore mancato).",
        "Il periodo di carica dei componenti della Giunta non è nel documento (solo la presenza del 21/12/2021); "
        "«Vice Presidente» (COLOMBO MAURO) è codificato come «vicesindaco» per mancanza di una carica equivalente.",
        "La popolazione dell'ente è il valore dell'indicatore «n. residenti» (11849) della scheda Servizi "
        "demografici/ANPR.",
        "L'atto è dichiarato immediatamente eseguibile (art. 134, ultimo comma) ma il certificato di pubblicazione "
        "riporta la formula «esecutiva … decorsi 10 gg. dalla pubblicazione (art. 134, comma 3)».",
    ]

    description = (
        "Verbale di deliberazione della Giunta dell'Unione N° 60 del 21/12/2021, ore 18:15, presso sala giunta - "
        "Comune di Bellusco (assessori in collegamento da remoto). OGGETTO: «APPROVAZIONE RELAZIONE FINALE PIANO "
        "DELLA PERFORMANCE ANNO 2020 - RENDICONTAZIONE.» Presidenza: il Presidente dell'Unione Massimiliano Rivabeni "
        "(in collegamento); assiste il Segretario dell'Unione Dott. Pasquale Pedace (in collegamento). Presenti 4 "
        "(RIVABENI MASSIMILIANO, COLOMBO MAURO, MISANI DANIELE, SEVERGNINI CARLO), assenti 2 (STUCCHI STEFANO, "
        "MACCHIAVELLI LORENZO ROBERTO). Pareri favorevoli ex art. 49 c. 1 D.Lgs. 267/2000: regolarità tecnica (IL "
        "RESPONSABILE DEL SETTORE AFFARI GENERALI Dott. Giorgio Vitali), regolarità contabile (IL RESPONSABILE DEL "
        "SETTORE FINANZIARIO Giovanna Biella). Voto: AD UNANIMITÀ. DELIBERA: 1) DI APPROVARE l'allegata Relazione "
        "Finale; 2) DI STABILIRE la pubblicazione in «Amministrazione Trasparente»; 3) DI INVIARE l'oggetto ai "
        "capigruppo consiliari (art. 125 c. 1 TUEL); 4) DI DICHIARARE, con successiva separata e unanime votazione, "
        "l'atto immediatamente eseguibile (art. 134, ultimo comma TUEL). Allegati: 1. pareri, 2. relazione "
        "performance 2020, 3. valutazione settori, 4. verbale OIV. Pubblicata all'Albo Pretorio per 15 giorni, "
        "«Addi, 11/01/2022». Verbale n° 02/2021 dell'Organismo Comunale di Valutazione (13 dicembre 2021, «in sede "
        "esterna al Palazzo Comunale»), o.d.g. «1. referto conclusivo anno 2020 performance organizzativa»: richiama "
        "il Piano (Delibera GC n°71 del 22/12/2020) e il verbale n°8/2020 di validazione degli obiettivi, constata "
        "la coerenza tra dato atteso e raggiunto e «autorizza le Posizioni Organizzative a liquidare i compensi "
        "incentivanti ai propri collaboratori» alle condizioni dell'art. 40-bis c. 4 e c. 5. "
        "Trascrizione: 38 schede obiettivo (nodi), 6 CdR (unità), una campagna (relazione finale 2020); le sei "
        "schede «valutazione settori» sono rese come validazioni del Nucleo e righe verbatim sui nodi; "
        "percentuali complessive stampate: AFFARI GENERALI 99,08%, ECONOMICO FINANZIARIA 99,75%, ISTRUZIONE – SOCIO "
        "EDUCATIVO 100,00%, UFFICIO TECNICO 87,71%, POLIZIA LOCALE 100,00%, SEGRETARIO 100,00% (media aritmetica "
        "dei gradi non vuoti, trasversali inclusi in ogni CdR).")

    plan = {
        "key": "PEG-PDP-2020-2022",
        "title": "Piano esecutivo di gestione e Piano della Performance 2020/2022",
        "firstYear": 2020, "lastYear": 2022, "year": 2020,
        "approval": {"organ": "Giunta dell'Unione", "number": "71", "date": "2020-12-22",
                     "raw": "deliberazione di Giunta dell'Unione n. 71/2020 di approvazione del Piano esecutivo di "
                            "gestione e Piano della Performance 2020/2022"},
        "state": "validato", "version": 1, "levels": ["obiettivo-performance"],
        "notes": ("Obiettivi validati dal Nucleo con «verbale n°8/2020 relativo alla validazione degli obiettivi di "
                  "performance»; «Ogni obiettivo trova la sua fonte negli obiettivi del DUP 2020/2022 dell'ente "
                  "Unione». La Relazione performance 2020 «rendiconta i risultati di alcuni obiettivi, ritenuti "
                  "particolarmente performanti per l'ente unione ai fini dell'attribuzione dell'indennità di "
                  "risultato» ed è approvata con deliberazione della Giunta dell'Unione n. 60 del 21/12/2021; "
                  "validazione: Verbale n° 02/2021 del 13/12/2021 dell'Organismo Comunale di Valutazione. Nessun peso, "
                  "punto o fascia: il grado di raggiungimento di ogni obiettivo è dato dal responsabile "
                  "(«NN % raggiungimento»); la «PERCENTUALE DI RAGGIUNGIMENTO COMPLESSIVA» di ogni CdR è la media "
                  "aritmetica dei gradi non vuoti delle righe della sua scheda."),
    }
    for v in [plan["approval"]["raw"]]:
        assert_in_source(v)

    bundle = {
        "format": "traguardo-plan-bundle",
        "version": 1,
        "ente": {"slug": "unione-bellusco-mezzago", "name": "UNIONE LOMBARDA DEI COMUNI DI BELLUSCO E MEZZAGO",
                 "kind": "unione", "population": 11849, "memberSlugs": ["bellusco", "mezzago"],
                 "memberNames": ["Bellusco", "Mezzago"]},
        "source": {"document": "004_5a165f21a0c24fc6.txt — Verbale di deliberazione della Giunta dell'Unione N° 60 "
                               "del 21/12/2021: APPROVAZIONE RELAZIONE FINALE PIANO DELLA PERFORMANCE ANNO 2020 - "
                               "RENDICONTAZIONE.",
                   "description": description, "flags": source_flags},
        "units": units,
        "people": people,
        "assignments": assignments,
        "politicalReferents": referents,
        "classifications": CLASSIFICATIONS_EXTRA,
        "plan": plan,
        "nodes": nodes,
        "phases": phases,
        "indicators": indicators,
        "participations": participations,
        "campaigns": [{"key": CAMPAIGN, "title": "Relazione finale Piano della Performance 2020 – rendicontazione "
                                                 "(dati al 31.12.2020)",
                       "asOf": "2020-12-31", "isFinal": True, "state": "validata"}],
        "values": values,
        "validations": validations,
    }
    return bundle, sheets


# --------------------------------------------------------------------------------------------------------------------
# the scoring check (seed-004.md §3, R3–R5)

def cdr_scores(bundle, use_validations=True, use_status_rules=True, use_inheritance=True, blank_as_zero=False,
               drop_50=False, only_own=False):
    nodes = {n["key"]: n for n in bundle["nodes"]}
    val = {v["nodeKey"]: v for v in bundle["validations"]}
    mv = {v["nodeKey"]: v for v in bundle["values"] if not v.get("indicatorKey")}

    def score(k, depth=0):
        v = val.get(k) if use_validations else None
        if v and v["excluded"]:
            return None
        if v and v.get("score") is not None:
            return Decimal(v["score"])
        m = mv.get(k, {})
        if m.get("directScore") is not None:
            return Decimal(m["directScore"])
        if use_inheritance and nodes[k].get("inheritsFromKey") and depth < 5:
            return score(nodes[k]["inheritsFromKey"], depth + 1)
        if use_status_rules:
            if m.get("status") == "non-consuntivato":
                return Decimal(50)
            if m.get("status") in ("rinviato", "non-valutabile", "escluso"):
                return None
        return None

    out = {}
    for u in bundle["units"]:
        grades = []
        for n in bundle["nodes"]:
            if u["key"] not in n["ownerUnitKeys"] or (only_own and n["crossCutting"]):
                continue
            s = score(n["key"])
            if drop_50 and mv.get(n["key"], {}).get("status") == "non-consuntivato":
                s = None
            if s is None and blank_as_zero and f"Valutazione settori 2020 – {u['name']}" in n["verbatim"]:
                s = Decimal(0)  # a row of the sheet with a blank grade
            if s is not None:
                grades.append(s)
        mean = (sum(grades) / len(grades)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if grades else None
        out[u["name"]] = (mean, len(grades), sum(grades))
    return out


def it_pct(d: Decimal) -> str:
    return f"{d:.2f}".replace(".", ",") + "%"


def check(bundle, sheets):
    expected = {"AFFARI GENERALI": "99,08%", "ECONOMICO FINANZIARIA": "99,75%",
                "ISTRUZIONE – SOCIO EDUCATIVO": "100,00%", "UFFICIO TECNICO": "87,71%", "POLIZIA LOCALE": "100,00%",
                "SEGRETARIO": "100,00%"}
    for ukey, sh in sheets.items():
        assert sh["total_raw"] == expected[sh["name"]], (sh["name"], sh["total_raw"])
    print("Scoring check (rule: per CdR, every node whose ownerUnitKeys contains the unit, trasversali included; "
          "score = Nucleo validation (excluded -> skipped, score -> used) else directScore else inherited node's "
          "score else status rule (non-consuntivato -> 50; rinviato/non-valutabile -> skipped); unweighted mean, "
          "ROUND_HALF_UP to 2 decimals):")
    res = cdr_scores(bundle)
    ok = True
    for ukey, sh in sheets.items():
        mean, n, s = res[sh["name"]]
        rows = sum(1 for nd in bundle["nodes"] if f"Valutazione settori 2020 – {sh['name']}" in nd["verbatim"])
        good = it_pct(mean) == sh["total_raw"]
        ok &= good
        print(f"  {sh['name']:<30} {s}/{n} = {it_pct(mean):>8}  document {sh['total_raw']:>8}  "
              f"{'OK' if good else 'MISMATCH'}   sheet rows {rows} (count cell «{sh['count_raw']}»)")
    variants = [
        ("validations only (directScore + Nucleo validations; no status rules, no inheritance)",
         dict(use_status_rules=False, use_inheritance=False)),
        ("status rules + inheritance only (validations ignored)", dict(use_validations=False)),
        ("blank sheet rows counted as 0", dict(blank_as_zero=True)),
    ]
    variants += [
        ("non-consuntivato rows excluded instead of 50", dict(drop_50=True)),
        ("trasversali not counted in the CdR (own rows only)", dict(only_own=True)),
    ]
    for label, kw in variants:
        r = cdr_scores(bundle, **kw)
        diffs = [f"{k} {it_pct(v[0])}" for k, v in r.items() if it_pct(v[0]) != expected[k]]
        print(f"  variant: {label}: {'all six match' if not diffs else 'differs: ' + ', '.join(diffs)}")
    if not ok:
        raise SystemExit("scoring check failed")


def counts(bundle):
    from collections import Counter
    forms = Counter(i["form"] for i in bundle["indicators"])
    print(f"units {len(bundle['units'])}, people {len(bundle['people'])}, assignments {len(bundle['assignments'])}, "
          f"referents {len(bundle['politicalReferents'])}, nodes {len(bundle['nodes'])} "
          f"({Counter(n['level'] for n in bundle['nodes'])}), phases {len(bundle['phases'])}, "
          f"indicators {len(bundle['indicators'])} {dict(forms)}, participations {len(bundle['participations'])}, "
          f"campaigns {len(bundle['campaigns'])}, values {len(bundle['values'])} "
          f"(node-level {sum(1 for v in bundle['values'] if not v.get('indicatorKey'))}), "
          f"validations {len(bundle['validations'])} "
          f"(excluded {sum(1 for v in bundle['validations'] if v['excluded'])})")


# Key order of the Swift types, so the JSON reads like the model.
FIELD_ORDER = {
    "nodes": ["key", "level", "parentKey", "code", "title", "description", "order", "ownerUnitKeys", "crossCutting",
              "coordinatingUnitKey", "responsiblePersonKeys", "politicalReferentKeys", "horizon", "weight", "weightRaw",
              "classifications", "stakeholders", "contributors", "baseline", "expectedOutcome", "criticalFactors",
              "dataSource", "publicValue", "missione", "programma", "dupRefs", "dupRefRaw", "deadline", "deadlineRaw",
              "inheritsFromKey", "notes", "verbatim", "sourceFlags"],
    "phases": ["key", "nodeKey", "ordinal", "group", "code", "title", "description", "months", "start", "due",
               "periodRaw", "weight", "indicatorText", "targetRaw", "sourceFlags"],
    "indicators": ["key", "nodeKey", "phaseKey", "order", "name", "description", "type", "typeRaw", "form",
                   "direction", "unit", "baseline", "target", "dataSource", "weight", "periodicity", "unitKey",
                   "sourceFlags"],
    "values": ["campaignKey", "nodeKey", "indicatorKey", "actual", "progress", "status", "directScore", "narrative",
               "evidence", "extendedDeadline", "raw"],
    "validations": ["campaignKey", "nodeKey", "score", "excluded", "reason", "minutes"],
}
SUB_ORDER = {"target": ["number", "upper", "date", "flag", "text", "relative", "raw"],
             "actual": ["number", "date", "flag", "text", "year", "raw"],
             "horizon": ["firstYear", "lastYear", "stage", "stageCount", "raw"]}


def ordered(d: dict, order: list[str]) -> dict:
    assert set(d) <= set(order), set(d) - set(order)
    out = {k: d[k] for k in order if k in d}
    for k, sub in SUB_ORDER.items():
        if isinstance(out.get(k), dict):
            out[k] = ordered(out[k], sub)
    return out


def main():
    bundle, sheets = build()
    for lst, order in FIELD_ORDER.items():
        bundle[lst] = [ordered(x, order) for x in bundle[lst]]
    keys = [n["key"] for n in bundle["nodes"]]
    assert len(keys) == len(set(keys)) == 38
    for lst in ("phases", "indicators"):
        ks = [x["key"] for x in bundle[lst]]
        assert len(ks) == len(set(ks)), lst
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    counts(bundle)
    check(bundle, sheets)


if __name__ == "__main__":
    main()
