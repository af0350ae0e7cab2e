#!/usr/bin/env python3
"""Transcribe seed 002 (Comune di Leggiuno, ALLEGATO 1 PIAO 2024-2026: Piano della performance 2024-2026 e Piano
dettagliato degli obiettivi 2024) into a Traguardo plan bundle v1.

Source: /work/shared/seeds/002_131eba05ebaf386c.txt (PDF-to-text conversion, read-only).
Output: Sources/TraguardoPersistence/DemoData/leggiuno.json

Mapping:
  - 5 Centri di Responsabilità (Aree 01-05) -> units (kind "area", code "01".."05");
  - 4 Titolari di Elevata Qualificazione + the RPCT -> people; the 5 headships -> assignments (titolare; the
    document prints no dates: validity set to the PDO year 2024 and flagged);
  - 20 OBIETTIVI ESECUTIVI 2024 -> nodes "OP-<code>" (level obiettivo-performance, PESO 10% each), with
    105 ATTIVITA' E FASI -> phases "OP-<code>-F<n>" (keyed by ordinal: the printed phase codes repeat) and one
    indicator per phase (INDICATORE / INDICE / VALORE ATTESO) "OP-<code>-I<n>" with phaseKey;
  - 8 objectives of the «PERFORMANCE ORGANIZZATIVA» section -> nodes "OP-ORG-<n>" (level obiettivo-performance,
    no code, no weight, extra classification "performance-organizzativa"), their 16 indicator rows -> indicators
    without phase, their «Personale coinvolto» -> participations (one per person and objective; «Tutte EQ" expands
    to the four EQ holders);
  - the SMVP (100 points: 60 performance organizzativa of which 50 comportamenti, 40 obiettivi), the 10 behaviour
    criteria, the 30% share of retribuzione di risultato tied to payment times, the obiettivi strategici and the
    obiettivi della performance di ente -> plan.notes (the model has no structure for them).

Table cells are parsed from the tab-separated text by label matching. Hand corrections (listed below with comments):
the phase title/description split (the conversion glues them in one cell), the three rows whose INDICE and VALORE
ATTESO are fused or shifted (5.2.x, 3.2.3), card 4.3 without INDICE column, the fused «VALORE PUBBLICO PESO» cell
of card 1.2.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]
SEED = Path("/work/shared/seeds/002_131eba05ebaf386c.txt")
OUT = REPO / "Sources" / "TraguardoPersistence" / "DemoData" / "leggiuno.json"

PLAN_YEAR = 2024

# --- organisation ----------------------------------------------------------------------------------------------------

UNITS = [  # code, name as printed on the cards, divider heading as printed
    ("01", "Area Affari Generali", "AREA AFFARI GENERALI"),
    ("02", "Area Economico Finanziaria", "AREA ECONOMICO FINANZIARIA"),
    ("03", "Area Tecnico Manutentiva", "AREA TECNICO MANUTENTIVA"),
    ("04", "Area Polizia Locale", "AREA POLIZIA LOCALE"),
    ("05", "Area Servizi Sociali", "AREA SERVIZI SOCIALI"),
]

PEOPLE = {  # full name as printed -> (key, family, given, position, home unit)
    "Clarissa Sartori": ("P-sartori-clarissa", "Sartori", "Clarissa", "Titolare Elevata Qualificazione", None),
    "Claudia Nodari": ("P-nodari-claudia", "Nodari", "Claudia", "Titolare Elevata Qualificazione", "U-03"),
    "Ettore Bezzolato": ("P-bezzolato-ettore", "Bezzolato", "Ettore", "Titolare Elevata Qualificazione", "U-04"),
    "Chiara Sereno": ("P-sereno-chiara", "Sereno", "Chiara", "Titolare Elevata Qualificazione", "U-05"),
    "Michele Panariello": ("P-panariello-michele", "Panariello", "Michele",
                           "RPCT (Responsabile della Prevenzione della Corruzione e della Trasparenza)", None),
}
EQ_HOLDERS = ["Clarissa Sartori", "Claudia Nodari", "Ettore Bezzolato", "Chiara Sereno"]

# --- hand corrections: phase titles ---------------------------------------------------------------------------------
# The conversion joins the phase title and its description in one cell with a single space. The title of each
# phase (in order within its objective) is written here; the script checks it is a prefix of the printed cell and
# takes the rest as description. Area 03 follows research/seed-002-sample.json.
PHASE_TITLES = {
    "1.1": ["Piano operativo",
            "Azione 2. Allestimento, implementazione e gestione di spazi attrezzati, anche dotati di una connessione internet, per lo studio in autonomia e per attività laboratoriali artistiche e culturali, ivi comprese le attività extrascolastiche",
            "Azione 2. Allestimento, implementazione e gestione di spazi attrezzati, anche dotati di una connessione internet, per lo studio in autonomia e per attività laboratoriali artistiche e culturali, ivi comprese le attività extrascolastiche",
            "Azione 4. Organizzazione di eventi ludici ed educativi a carattere sportivo, culturale e artistico, con particolare riferimento alla valorizzazione del territorio",
            "Azione 5. Ideazione e creazione di spazi e percorsi sicuri di mobilità urbana al fine di promuovere l'autonomia dei figli"],
    "1.2": ["Analisi e programmazione servizi/progetti offerti",
            "Iter approvazione Piano per il Diritto allo Studio anno scolastico 2024-2025",
            "Assegni di studio e borse di studio comunali per gli studenti universitari",
            "Realizzazione progetti ad integrazione dell'offerta formativa",
            "Adesione alla misura \"Nidi Gratis\" promossa da Regione Lombardia",
            "Convenzione con il Comune di Sangiano per la gestione del servizio Refezione Scolastica",
            "Regolamento trasporto scolastico"],
    "1.3": ["Regolamento per la costituzione e gestione dei gemellaggi e dei patti di amicizia",
            "Regolamento disciplinante l'affidamento di contratti pubblici sottosoglia",
            "Patto di amicizia con il Comune di Sorradile",
            "Riordino e sistemazione archivio comunale",
            "Affidamento servizio Bibliotecario Comunale"],
    "1.4": ["Regolamento per la disciplina delle procedure di assunzione",
            "Regolamento incarichi extra istituzionali",
            "Regolamento per le progressioni tra le aree",
            "Nuovi compensi membri commissioni concorso",
            "Avvio procedura progressioni tra le aree",
            "Comitato Unico di Garanzia per le pari opportunità, la valorizzazione del benessere di chi lavora e contro le discriminazioni (CUG) del Comune di Leggiuno",
            "Regolamento del Comitato Unico di Garanzia per le pari opportunità, la valorizzazione del benessere di chi lavora e contro le discriminazioni (CUG) del Comune di Leggiuno"],
    "2.1": ["Revisione infra-periodo PEF TARI 2022-2025",
            "Affidamento del Servizio di riscossione coattiva delle entrate comunali",
            "Posizioni contribuenti",
            "Attività accertativa TARI",
            "Attività accertativa IMU"],
    "2.2": ["Piano di migrazione dei servizi informativi comunali in Cloud",
            "Implementazione dei servizi per il cittadino",
            "«Piattaforma Nazionale Notifiche Digitali» Attività bando PNRR",
            "«Piattaforma Digitale Nazionale Dati». Attività bando PNRR",
            "Implementazione servizi PagoPa e AppIO. Attività bando PNRR"],
    "2.3": ["Programmazione tecnico-finanziaria",
            "Affidamento del Servizio di tenuta contabilità IVA rilevante ed adempimenti connessi",
            "Rendicontazione contributi derivanti dai Fondi Covid-19"],
    "2.4": ["Gestione servizio calcolo IMU"],
    "3.1": ["Realizzazione opere pubbliche",
            "Riqualificazione area San Primo",
            "Lavori di messa in sicurezza e abbattimento barriere architettoniche in Via Piave",
            "Interventi di efficientamento energetico immobili comunali",
            "Realizzazione nuova area parcheggio in località Cellina",
            "Utilizzo avanzo di amministrazione per la realizzazione di opere pubbliche",
            "Gestione e manutenzione patrimonio comunale"],
    "3.2": ["Attività di sportello Unico dell'Edilizia",
            "Supporto all'utenza e attività di sportello di edilizia privata",
            "Commissioni Paesaggio",
            "Procedimento di variante generale al Piano di Governo del Territorio",
            "Controllo dell'attività edilizia"],
    "3.3": ["Gestione del servizio di raccolta e smaltimento rifiuti, in esecuzione del nuovo appalto approvato dalla Convenzione intercomunale",
            "Monitoraggio della raccolta differenziata e delle modalità di smaltimento rifiuti",
            "Cura e pulizia delle aree pubbliche: tutela del decoro urbano",
            "Gestione e manutenzione del verde pubblico",
            "Messa a disposizione di nuovi punti di ricarica auto elettriche",
            "Affidamento incarico per servizio di sfalcio e pulizia cigli stradali",
            "Organizzazione giornate «Puliamo il territorio»"],
    "3.4": ["Gestione servizi cimiteriali",
            "Manutenzione e pulizia dei cimiteri comunali",
            "Monitoraggio disponibilità spazi cimiteriali",
            "Monitoraggio e valutazioni in materia di barriere architettoniche"],
    "4.1": ["Completamento documento di valutazione dei rischi per la disciplina della videosorveglianza",
            "Sottoscrizione del patto di sicurezza con Prefettura",
            "Attivazione telecamere per lettura targhe",
            "Formazione del personale circa l'utilizzo e la gestione dell'impianto di videosorveglianza",
            "Manutenzione dell'impianto di sorveglianza"],
    "4.2": ["Manutenzione e gestione delle procedure informatiche",
            "Attività di formazione ed addestramento per il personale",
            "Formazione del personale all'uso di software ed hardware in dotazione",
            "Equipaggiamento Agenti di Polizia Locale",
            "Implementazione dotazioni tecnico-strumentali ad uso della Polizia Locale"],
    "4.3": ["Gestione OSAP - richieste occupazione spazi ed aree pubbliche",
            "Verifica e accertamento delle richieste di residenza",
            "Attività di notifica atti",
            "Rilascio contrassegno invalidi",
            "Attività di back office relativa all'attività sanzionatoria"],
    "4.4": ["Riqualificazione/nuova realizzazione di segnaletica stradale",
            "Attività di controllo sull'abbandono dei rifiuti e sul rispetto della normativa in materia ambientale",
            "Attività di pattugliamento del territorio",
            "Attività di controllo presso esercizi commerciali del territorio comunale",
            "Attività di sorveglianza spiagge comunali",
            "Servizio di sorveglianza ingresso / uscita scuole",
            "Attività di presidio per manifestazioni/eventi"],
    "5.1": ["Sostenere la domiciliarità e favorire l'inclusione sociale",
            "Sostegno economico alle persone in difficoltà",
            "Sostegno minori a rischio",
            "Sostegno alla diffusione della formazione come sostegno dell'accompagnamento all'inserimento e/o re-inserimento nel mercato del lavoro",
            "Supporto ai soggetti disoccupati ed in precarie condizioni socio-economiche",
            "Programmazione e coordinamento attività per LPU",
            "Programmazione e coordinamento tirocini lavorativi per soggetti in condizione di esclusione sociale"],
    "5.2": ["Valutazione delle criticità sociali presenti sul territorio",
            "Convocazione tavoli di lavoro territoriali",
            "Organizzazione giornate/eventi di sensibilizzazione",
            "Attuazione e monitoraggio obiettivi del Piano di zona dell'Ambito Territoriale",
            "Attuazione e monitoraggio del sostegno abitativo in sinergia con ALER"],
    "5.3": ["Compartecipazioni comunali per servizi socio-assistenziali",
            "Servizio di assistenza educativa domiciliare",
            "Compartecipazioni comunali per inserimento in RSA",
            "Coordinamento servizio volontariato sociale",
            "Semplificare l'accesso dei cittadini a bandi e benefici economici e la gestione delle procedure amministrative ad essi connessi",
            "Migliorare l'efficienza amministrativa del servizio sociale mediante l'adozione e l'utilizzo della cartella sociale informatizzata"],
    "5.4": ["Gestione pratiche bonus sociale per disagio fisico (energia elettrica / gas / acqua)",
            "Erogazione contributi economici specifici per pagamento utenze",
            "Gestione domande relative al Bando per l'assegnazione di buoni sociali in favore di persone non autosufficienti",
            "Rapporti con Enti del Terzo Settore attivi in ambito sociale e valutazione erogazione contributi specifici"],
}

# --- hand corrections: fused/shifted indicator cells ------------------------------------------------------------------
# Card 5.2: INDICE and VALORE ATTESO share one cell (its header is split over two lines). Printed cell -> (indice, valore).
FUSED_INDICE_VALORE = {
    "Tempo previsto 30 Giugno 2024": ("Tempo previsto", "30 Giugno 2024"),
    "N° tavoli di lavoro convocati > 3": ("N° tavoli di lavoro convocati", "> 3"),
    "N° giornate/eventi organizzati > 2": ("N° giornate/eventi organizzati", "> 2"),
    "Tempo previsto 30 Settembre 2024": ("Tempo previsto", "30 Settembre 2024"),
}
# Phase 3.2.3: no INDICE value; "> 5" is printed in the INDICE column and VALORE ATTESO is empty.
SHIFTED_VALORE = {("3.2", 3)}
# Card 4.3 has no INDICE column at all (header INDICATORE | VALORE ATTESO).
NO_INDICE_CARDS = {"4.3"}

# --- hand-written flags -----------------------------------------------------------------------------------------------
NODE_FLAGS = {
    "1.2": ["Etichette e valori di VALORE PUBBLICO e PESO fusi in una cella («VALORE PUBBLICO PESO» | «Migliorare le competenze delle giovani generazioni 10%»)."],
    "1.3": ["Le fasi riusano i codici 1.2.1–1.2.5 dell'obiettivo 1.2 (codici stampati duplicati)."],
    "2.1": ["Fasi 2.1.4 e 2.1.5: rapporto stampato invertito («€ stanziamenti previsti a bilancio / € avviso di accertamento notificati», target «% > 75»)."],
    "2.4": ["Refuso conservato nella fase 2.4.1: «ai contribuente»."],
    "3.1": ["La descrizione cita gli interventi programmati «per l'annualità 2023» in un PDO 2024.",
            "Fase 3.1.4: «Fondo PNR» (probabilmente PNRR)."],
    "3.2": ["La descrizione inizia a metà frase («Servizi e delle attività relativi...»).",
            "Fase 3.2.3 senza INDICE: «> 5» stampato nella colonna INDICE, VALORE ATTESO vuoto.",
            "Refuso conservato nella fase 3.2.2: «ec)»."],
    "4.2": ["Dopo 4.2.1 le fasi sono numerate 4.1.2–4.1.5, codici già usati dall'obiettivo 4.1.",
            "Fase stampata «4.1.3» (formazione all'uso di software e hardware) con indicatore «Attivazione telecamere» (probabile copia dall'obiettivo 4.1)."],
    "4.3": ["La tabella delle fasi non ha la colonna INDICE."],
    "4.4": ["Refuso conservato nel valore pubblico: «Potenzimento sicurezza».",
            "Fasi 4.4.3 e 4.4.5: INDICE «Numero interventi» ma target di frequenza («> 1 al giorno», «> 2 al giorno (stagione estiva)»)."],
    "5.1": ["Refuso conservato nel titolo: «SPORTELLLO SOCIALE».",
            "Codice di fase stampato «1005.1.4» (per 5.1.4)."],
    "5.2": ["INDICE e VALORE ATTESO fusi in una cella in tutte le fasi (intestazione spezzata su due righe)."],
    "5.3": ["Le fasi 5 e 6 sono stampate con codici 5.4.5 e 5.4.6, dell'obiettivo 5.4."],
}
PHASE_FLAGS = {
    ("1.3", 1): ["Codice stampato 1.2.1 duplicato (già usato nell'obiettivo 1.2)."],
    ("1.3", 2): ["Codice stampato 1.2.2 duplicato (già usato nell'obiettivo 1.2)."],
    ("1.3", 3): ["Codice stampato 1.2.3 duplicato (già usato nell'obiettivo 1.2)."],
    ("1.3", 4): ["Codice stampato 1.2.4 duplicato (già usato nell'obiettivo 1.2)."],
    ("1.3", 5): ["Codice stampato 1.2.5 duplicato (già usato nell'obiettivo 1.2)."],
    ("2.1", 4): ["Rapporto stampato invertito: «€ stanziamenti previsti a bilancio / € avviso di accertamento notificati» con target «% > 75» (presumibilmente notificati / stanziati)."],
    ("2.1", 5): ["Rapporto stampato invertito: «€ stanziamenti previsti a bilancio / € avviso di accertamento notificati» con target «% > 75» (presumibilmente notificati / stanziati)."],
    ("2.4", 1): ["Refuso conservato: «ai contribuente»."],
    ("3.1", 4): ["«Fondo PNR, M2C2, investimento 2.2»: probabilmente PNRR."],
    ("3.2", 2): ["Refuso conservato: «ec)»."],
    ("3.2", 3): ["INDICE mancante: «> 5» stampato nella colonna INDICE e VALORE ATTESO vuoto; riassegnato al valore atteso."],
    ("4.2", 2): ["Codice stampato 4.1.2 duplicato (già usato nell'obiettivo 4.1)."],
    ("4.2", 3): ["Codice stampato 4.1.3 duplicato (già usato nell'obiettivo 4.1).",
                 "Indicatore «Attivazione telecamere» non pertinente alla formazione del personale (probabile copia dalla fase 4.1.3)."],
    ("4.2", 4): ["Codice stampato 4.1.4 duplicato (già usato nell'obiettivo 4.1)."],
    ("4.2", 5): ["Codice stampato 4.1.5 duplicato (già usato nell'obiettivo 4.1)."],
    ("4.4", 3): ["INDICE «Numero interventi» con target di frequenza («> 1 al giorno»)."],
    ("4.4", 5): ["INDICE «Numero interventi» con target di frequenza («> 2 al giorno (stagione estiva)»)."],
    ("5.1", 4): ["Codice stampato corrotto «1005.1.4» (per 5.1.4)."],
    ("5.3", 5): ["Codice stampato 5.4.5 appartiene alla numerazione dell'obiettivo 5.4."],
    ("5.3", 6): ["Codice stampato 5.4.6 appartiene alla numerazione dell'obiettivo 5.4."],
}
for _ordinal in range(1, 6):
    PHASE_FLAGS.setdefault(("4.3", _ordinal), []).append("Card senza colonna INDICE.")
    PHASE_FLAGS.setdefault(("5.2", _ordinal), []).append("INDICE e VALORE ATTESO fusi in una cella nel testo convertito; separati a mano.")

# Classifications: only where the objective's own text names the category (the document does not tag objectives).
NODE_CLASSES = {
    "1.3": ["semplificazione", "anticorruzione-trasparenza"],  # «Garantire la legalità e la trasparenza ... Semplificazione»
    "2.2": ["digitalizzazione", "pnrr"],                       # «DIGITALIZZAZIONE ... bandi PNRR»
    "5.3": ["pari-opportunita"],                               # «pari opportunità»
}

# Organisational objectives, in print order: classifications, extra flags, horizon.
ORG = [
    dict(classes=["tempi-pagamento"],
         flags=["La regola del 30% della retribuzione di risultato e la clausola sui fattori esogeni sono scritte nella cella «Valore pubblico».",
                "La seconda riga di attività (ufficio ragioneria) non ha indicatore, indice né valore atteso."]),
    dict(classes=["digitalizzazione", "pnrr"], horizon=(2023, 2024, "prosecuzione da anno 2023"), flags=[]),
    dict(classes=["digitalizzazione", "accessibilita", "pnrr"], horizon=(2023, 2024, "prosecuzione da anno 2023"),
         flags=["Misura PNRR stampata «M1.C1.1141» (probabilmente M1C1 investimento 1.4.1).",
                "Refuso conservato: «canali digitale».",
                "Prima riga con due indicatori paralleli nella stessa cella."]),
    dict(classes=["accessibilita"], flags=[]),
    dict(classes=["accessibilita"],
         flags=["Refuso conservato: «Publicare».",
                "Seconda riga («Garantire attività di formazione e assistenza digitale ai cittadini») senza personale coinvolto."]),
    dict(classes=["pari-opportunita", "formazione"], flags=[]),
    dict(classes=["anticorruzione-trasparenza", "digitalizzazione"], flags=[]),
    dict(classes=["anticorruzione-trasparenza"],
         flags=["Refusi conservati: «inconfiribilità», «anticiclaggio»."]),
]

# --- text helpers ---------------------------------------------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                                      "settembre", "ottobre", "novembre", "dicembre"], start=1)}
MONTH_ALT = "|".join(MONTHS)


def drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def html_text(s: str) -> str:
    """Plain text of a cell with <p>/<ul> markup: paragraphs become lines, other tags disappear."""
    s = re.sub(r"</p>\s*<p>", "\n", s)
    s = re.sub(r"<ul[^>]*>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    return "\n".join(line.strip() for line in s.split("\n")).strip()


def paragraphs(s: str) -> list[str]:
    if "<p>" not in s:
        return [s.strip()] if s.strip() else []
    return [html_text(p) for p in re.findall(r"<p>(.*?)</p>", s)]


def it_number(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


def iso(y: int, m: int, d: int) -> str | None:
    if not 1 <= m <= 12 or not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


OPS = {">": "gt", "≥": "gte", "≤": "lte", "<": "lt"}


def interpret(valore: str, indice: str | None) -> dict:
    """Normalise a printed VALORE ATTESO. Returns form, direction, target, periodicity and the phase's time fields."""
    v = valore.strip()
    out = dict(form=None, direction=None, target={"raw": v}, periodicity=None, months=[], start=None, due=None,
               periodRaw=None, flags=[])
    m = re.fullmatch(rf"(?:Entro (?:il )?)?(\d{{1,2}}) ({MONTH_ALT}) (\d{{4}})", v, re.I)
    if m:
        day = iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    else:
        m = re.fullmatch(r"(?:Entro (?:il )?)?(\d{1,2})\.(\d{1,2})\.(\d{4})", v)
        day = iso(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    if m:
        out.update(form="date", direction="entro", due=day, periodRaw=v)
        out["target"]["date"] = day
        if day is None:
            out["flags"].append(f"Data impossibile «{v}».")
        return out
    m = re.fullmatch(rf"({MONTH_ALT}) – ({MONTH_ALT}) (\d{{4}})", v, re.I)
    if m:
        y, a, b = int(m.group(3)), MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()]
        due = iso(y, b, calendar.monthrange(y, b)[1])
        out.update(form="date", direction="entro", months=list(range(a, b + 1)), start=iso(y, a, 1), due=due, periodRaw=v)
        out["target"]["date"] = due
        return out
    m = re.fullmatch(r"(\d+)%", v)
    if m:
        out.update(form="percent", direction="gte")
        out["target"]["number"] = float(m.group(1))
        return out
    m = re.fullmatch(r"% ?([<>≤≥]) ?(\d+)", v)
    if m:
        out.update(form="percent", direction=OPS[m.group(1)])
        out["target"]["number"] = float(m.group(2))
        return out
    if v == "Si":
        out.update(form="boolean", direction="eq")
        out["target"]["flag"] = True
        return out
    m = re.fullmatch(r"([<>≤≥]) ?(\d[\d.]*(?:,\d+)?)\s*(.*)", v)
    if m:
        out.update(form="number", direction=OPS[m.group(1)])
        out["target"]["number"] = it_number(m.group(2))
        rest = m.group(3).strip()
        if re.match(r"al |alla |all'", rest):
            out["periodicity"] = rest
        elif rest:
            out["target"]["text"] = rest
        return out
    if re.fullmatch(r"\d+", v):
        out.update(form="number", direction="gte")
        out["target"]["number"] = float(v)
        return out
    if indice == "Tempo previsto":
        out.update(form="date", direction="entro", periodRaw=v)
        out["target"]["text"] = v
        out["flags"].append("Scadenza testuale, non calcolabile come data.")
        return out
    raise SystemExit(f"cannot interpret valore atteso {v!r}")


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t") if c.strip()]


# --- parsing: executive objectives ---------------------------------------------------------------------------------

def parse_executive(lines: list[str]) -> list[dict]:
    start = next(i for i, l in enumerate(lines) if l.strip() == "OBIETTIVI ESECUTIVI 2024")
    objs: list[dict] = []
    cur = None
    for idx in range(start + 1, len(lines)):
        lineno = idx + 1
        cs = cells(lines[idx])
        if not cs:
            continue
        joined = " ".join(cs)
        if joined.startswith("CENTRO RESPONSABILITA'"):
            m = re.fullmatch(r"CENTRO RESPONSABILITA' (.+?) RESPONSABILE (.+)", joined)
            cr_raw, resp = m.group(1), m.group(2)
            code = re.match(r"(\d\d) ?\.", cr_raw).group(1)
            cur = dict(cr_raw=cr_raw, unit_code=code, responsabile=resp, line_start=lineno, verbatim={}, phases=[],
                       cr_line=lines[idx])
            cur["verbatim"]["CENTRO RESPONSABILITA'"] = cr_raw
            cur["verbatim"]["RESPONSABILE"] = resp
            objs.append(cur)
            continue
        if cur is None or joined.startswith("Centro di Responsabilit") or joined.startswith("AREA "):
            continue
        m = re.fullmatch(r"OBIETTIVO (\d+\.\d+) (.+)", joined)
        if m:
            cur["code"], cur["title"] = m.group(1), m.group(2)
            cur["verbatim"]["OBIETTIVO"] = joined[len("OBIETTIVO "):]
            continue
        m = re.fullmatch(r"(DESCRIZIONE|VALORE PUBBLICO PESO|VALORE PUBBLICO|PESO|Peso) (.+)", joined)
        if m:
            label, value = m.group(1), m.group(2)
            cur["verbatim"][label] = value
            if label == "DESCRIZIONE":
                cur["description"] = value
            elif label == "VALORE PUBBLICO":
                cur["vp"] = value
            elif label in ("PESO", "Peso"):
                cur["weightRaw"] = value
            else:  # hand correction: card 1.2 fuses the two cells ("... generazioni 10%")
                mm = re.fullmatch(r"(.+) (\d+%)", value)
                cur["vp"], cur["weightRaw"] = mm.group(1), mm.group(2)
            continue
        if joined.startswith("ATTIVITA' E FASI") or joined.startswith("INDICATORE") or joined == "VALORE ATTESO":
            continue
        if re.fullmatch(r"\d+(\.\d+)+", cs[0]):
            cur["phases"].append(dict(code=cs[0], cells=cs[1:], line=lineno))
            continue
        raise SystemExit(f"l.{lineno}: unparsed line {joined[:80]!r}")
    return objs


# --- parsing: organisational objectives --------------------------------------------------------------------------------

def parse_organisational(lines: list[str]) -> list[dict]:
    start = next(i for i, l in enumerate(lines) if l.strip() == "PERFORMANCE ORGANIZZATIVA")
    end = next(i for i, l in enumerate(lines) if l.strip() == "OBIETTIVI ESECUTIVI 2024")
    objs: list[dict] = []
    cur = None
    in_table = False
    for idx in range(start + 1, end):
        raw = lines[idx].rstrip("\n")
        if not raw.strip():
            in_table = False
            continue
        parts = raw.split("\t")
        if parts[0] == "Obiettivo":
            cur = dict(title=parts[1].strip(), rows=[], line_start=idx + 1)
            objs.append(cur)
            continue
        if parts[0] in ("Descrizione", "Valore pubblico"):
            cur[parts[0]] = parts[1].strip()
            continue
        if parts[0] == "Attività":
            in_table = True
            continue
        if in_table:
            parts = (parts + [""] * 5)[:5]
            cur["rows"].append(dict(zip(["attivita", "indicatore", "indice", "valore", "personale"],
                                        [p.strip() for p in parts]), line=idx + 1))
            continue
        raise SystemExit(f"l.{idx + 1}: unparsed organisational line {raw[:80]!r}")
    return objs


def parse_personale(text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """-> ([(person name, gradeRaw)], [contributor texts]) from a «Personale coinvolto» cell."""
    t = html_text(text).replace("\n", " ")
    persons: list[tuple[str, str | None]] = []
    contributors: list[str] = []
    for m in re.finditer(r"Titolare Elevata Qualificazione: (\w+ \w+)", t):
        persons.append((m.group(1), "Titolare Elevata Qualificazione"))
    for m in re.finditer(r"RPCT: (\w+ \w+)", t):
        persons.append((m.group(1), None))
    if "Tutte EQ" in t:
        persons.extend((p, "EQ") for p in EQ_HOLDERS)
    for m in re.finditer(r"Personale coinvolto: (.+?)(?=$| Titolare| RPCT| Tutte EQ)", t):
        contributors.append(m.group(1).strip())
    for name, _ in persons:
        if name not in PEOPLE:
            raise SystemExit(f"unknown person {name!r} in {text!r}")
    return persons, contributors


# --- plan notes --------------------------------------------------------------------------------------------------------

def smvp_criteria(lines: list[str]) -> list[tuple[str, int]]:
    out = []
    for i, l in enumerate(lines):
        m = re.fullmatch(r"\(punteggio attribuibile da 0 a (\d+) punti\)", l.strip())
        if m:
            j = i - 1
            while not lines[j].strip():
                j -= 1
            out.append((lines[j].strip(), int(m.group(1))))
    return out


def block(lines: list[str], first: str, stop: str) -> list[str]:
    a = next(i for i, l in enumerate(lines) if l.strip() == first)
    b = next(i for i, l in enumerate(lines) if i > a and l.strip() == stop)
    return [l.strip() for l in lines[a:b] if l.strip()]


def plan_notes(lines: list[str], org_titles: list[str]) -> str:
    crit = smvp_criteria(lines)
    if len(crit) != 10 or sum(p for _, p in crit) != 50:
        raise SystemExit(f"SMVP criteria: {crit}")
    ente = block(lines, "OBIETTIVI DELLA PERFORMANCE DI ENTE", "IL PROCESSO DI VALUTAZIONE")
    strat = block(lines, "OBIETTIVI STRATEGICI", "OBIETTIVI DELLA PERFORMANCE DI ENTE")
    p = []
    p.append("SISTEMA DI MISURAZIONE E VALUTAZIONE DELLA PERFORMANCE (SMVP), approvato con deliberazione della Giunta "
             "Comunale n. 135 in data 15.12.2016. Punteggio massimo complessivo 100 punti (derivato: 60 + 40):")
    p.append("- «la performance organizzativa fornisce un contributo complessivo di massimo 60 punti di cui massimo 50 punti "
             "nell'ambito della valutazione dei comportamenti organizzativi, sulla base della scheda di valutazione» "
             "(restano 10 punti di performance organizzativa in senso stretto: il documento non lo dice esplicitamente);")
    p.append("- «la misurazione del grado di conseguimento degli obiettivi assegnati (obiettivi di performance individuale) "
             "fornisce un contributo massimo di 40 punti»;")
    p.append("- comportamenti organizzativi: «punteggio massimo di 50 punti» per ciascuna Area (Area Affari Generali, Area "
             "Economico Finanziaria, Area Tecnico Manutentiva, Area Servizi Sociali, Area Polizia Locale); il punteggio è la "
             "«sommatoria dei punteggi acquisiti» sui criteri seguenti (da 0 al massimo indicato):")
    for i, (c, pts) in enumerate(crit, start=1):
        p.append(f"  {i}. {c} — 0-{pts} punti")
    p.append("PESI DEGLI OBIETTIVI ESECUTIVI 2024: ogni obiettivo ha PESO 10%; ogni Area somma 40% (4 × 10%), pari al "
             "massimo di 40 punti degli obiettivi individuali; Clarissa Sartori, responsabile delle Aree 01 e 02, somma 80% "
             "(8 obiettivi); il PDO intero somma 200%. Il documento non dice come si sommano i pesi per chi guida due Aree né "
             "come le fasi (senza peso) concorrono al risultato dell'obiettivo.")
    p.append("OBIETTIVO «Rispetto dei tempi di pagamento» (performance organizzativa, Tutte EQ): «Ai sensi dell'articolo 4 bis, "
             "comma 2, del D.L. 13/2023, convertito in legge 41/2023, il presente obiettivo è valutato, ai fini del "
             "riconoscimento della retribuzione di risultato, per una quota della stessa avente un peso corrispondente al "
             "30%.» Indicatore: Tempo medio di pagamento, ≤ 30 giorni. La valutazione «terrà conto dei fattori esogeni e non "
             "dipendenti dalla struttura» (insufficienza di cassa, carichi di lavoro particolari e insufficienza di dotazione "
             "di personale, ritardi determinati da fattori dipendenti da altri uffici, fatture non corrette o in attesa di nota "
             "di credito, etc.). Il documento non dice come la quota del 30% si combini con il punteggio SMVP su 100.")
    p.append("OBIETTIVI DI PERFORMANCE ORGANIZZATIVA (sezione «PERFORMANCE ORGANIZZATIVA», senza codice né peso; nodi OP-ORG-1…8):")
    for i, t in enumerate(org_titles, start=1):
        p.append(f"  {i}. {t}")
    p.append("OBIETTIVI ESECUTIVI 2024: 20 obiettivi in 5 Centri di Responsabilità (nodi OP-1.1 … OP-5.4), 105 attività e fasi.")
    p.append("STRUMENTI DI PROGRAMMAZIONE: DUP 2024-2026 approvato con deliberazione del Consiglio Comunale n. 17 in data "
             "21.07.2023, nota di aggiornamento C.C. n. 42 del 27.12.2023; Bilancio di previsione 2024-2026 C.C. n. 43 in data "
             "27.12.2023; Piano Esecutivo di Gestione G.C. n. 1 in data 05.01.2024; Linee Programmatiche di Mandato discusse "
             "dal Consiglio Comunale nella seduta del 29.11.2021.")
    p.append("OBIETTIVI STRATEGICI (testo senza codici né collegamenti agli obiettivi esecutivi):")
    p.extend("  " + s for s in strat[1:])
    p.append("OBIETTIVI DELLA PERFORMANCE DI ENTE (senza indicatori, target né pesi):")
    p.extend("  " + s for s in ente[1:])
    return "\n".join(p)


# --- bundle ----------------------------------------------------------------------------------------------------------

def build() -> dict:
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    execs = parse_executive(lines)
    orgs = parse_organisational(lines)
    if len(execs) != 20 or len(orgs) != 8:
        raise SystemExit(f"parsed {len(execs)} executive and {len(orgs)} organisational objectives")

    unit_key = {c: f"U-{c}" for c, _, _ in UNITS}
    units = [dict(key=unit_key[c], code=c, name=n, kind="area", order=i,
                  notes=f"Centro di Responsabilità «{c}. {n}» (divisorio «{h}»).")
             for i, (c, n, h) in enumerate(UNITS, start=1)]
    people = [drop_none(dict(key=k, familyName=f, givenName=g, staffGrade=None, position=pos, homeUnitKey=home))
              for name, (k, f, g, pos, home) in PEOPLE.items()]

    # Assignments from the cards' CENTRO RESPONSABILITA' / RESPONSABILE cells.
    heads: dict[str, str] = {}
    for o in execs:
        prev = heads.setdefault(o["unit_code"], o["responsabile"])
        if prev != o["responsabile"]:
            raise SystemExit(f"two responsabili for CR {o['unit_code']}: {prev}, {o['responsabile']}")
    assignments = [dict(personKey=PEOPLE[name][0], unitKey=unit_key[code], role="titolare",
                        validity={"from": f"{PLAN_YEAR}-01-01", "to": f"{PLAN_YEAR}-12-31"})
                   for code, name in sorted(heads.items())]

    nodes, phases, indicators, participations = [], [], [], []
    expected_phases = {"1.1": 5, "1.2": 7, "1.3": 5, "1.4": 7, "2.1": 5, "2.2": 5, "2.3": 3, "2.4": 1, "3.1": 7,
                       "3.2": 5, "3.3": 7, "3.4": 4, "4.1": 5, "4.2": 5, "4.3": 5, "4.4": 7, "5.1": 7, "5.2": 5,
                       "5.3": 6, "5.4": 4}

    # Weight sums per CR and per responsabile, for the flags.
    area_sum: dict[str, float] = {}
    person_sum: dict[str, float] = {}
    for o in execs:
        w = float(o["weightRaw"].rstrip("%"))
        area_sum[o["unit_code"]] = area_sum.get(o["unit_code"], 0) + w
        person_sum[o["responsabile"]] = person_sum.get(o["responsabile"], 0) + w

    # Organisational objectives first (print order).
    org_titles = []
    for n_org, (o, spec) in enumerate(zip(orgs, ORG), start=1):
        key = f"OP-ORG-{n_org}"
        org_titles.append(o["title"])
        verbatim = {"Sezione": "PERFORMANCE ORGANIZZATIVA", "Obiettivo": o["title"], "Descrizione": o["Descrizione"],
                    "Valore pubblico": o["Valore pubblico"]}
        person_rows: dict[str, dict] = {}
        contributors: list[str] = []
        named: list[str] = []
        ind_no = 0
        for r_no, row in enumerate(o["rows"], start=1):
            verbatim[f"Attività (riga {r_no})"] = row["attivita"]
            if row["personale"]:
                verbatim[f"Personale coinvolto (riga {r_no})"] = row["personale"]
            persons, contrib = parse_personale(row["personale"])
            for c in contrib:
                if c not in contributors:
                    contributors.append(c)
            act_paras = paragraphs(row["attivita"])
            ind_paras = paragraphs(row["indicatore"])
            activity = html_text(row["attivita"])
            for name, grade in persons:
                pr = person_rows.setdefault(name, dict(activities=[], grade=grade))
                if activity not in pr["activities"]:
                    pr["activities"].append(activity)
                if grade == "Titolare Elevata Qualificazione" or (grade is None and pr["grade"] == "EQ"):
                    pr["grade"] = grade if grade else pr["grade"]
                if grade != "EQ" and name not in named:
                    named.append(name)
            if not ind_paras:
                continue
            # Parallel indicators in one row (<p> blocks): zip the columns paragraph by paragraph.
            n_par = len(ind_paras)
            cols = {c: paragraphs(row[c]) for c in ("indice", "valore", "personale")}
            for c, vals in cols.items():
                if n_par > 1 and len(vals) != n_par:
                    raise SystemExit(f"{key} row {r_no}: column {c} has {len(vals)} paragraphs, expected {n_par}")
            for j in range(n_par):
                ind_no += 1
                indice = cols["indice"][j] if n_par > 1 else html_text(row["indice"])
                valore = cols["valore"][j] if n_par > 1 else html_text(row["valore"])
                act = act_paras[j] if n_par > 1 and len(act_paras) == n_par else activity
                it = interpret(valore, indice)
                iflags = list(it["flags"])
                pers_txt = cols["personale"][j] if n_par > 1 else html_text(row["personale"])
                if not pers_txt:
                    iflags.append("Personale coinvolto non indicato.")
                ind_unit = None
                pp, _ = parse_personale(pers_txt)
                named_eq = [PEOPLE[nm][4] for nm, g in pp if g == "Titolare Elevata Qualificazione" and PEOPLE[nm][4]]
                if len(named_eq) == 1 and len(pp) == 1:
                    ind_unit = named_eq[0]
                indicators.append(drop_none(dict(
                    key=f"{key}-I{ind_no}", nodeKey=key, phaseKey=None, order=ind_no, name=ind_paras[j],
                    description=act, type=None, typeRaw=None, form=it["form"], direction=it["direction"],
                    unit=indice or None, baseline=None, target=drop_none(it["target"]), dataSource=None, weight=None,
                    periodicity=it["periodicity"], unitKey=ind_unit, sourceFlags=iflags)))
        for name, pr in person_rows.items():
            participations.append(drop_none(dict(personKey=PEOPLE[name][0], nodeKey=key, share=None,
                                                 activity="\n".join(pr["activities"]), gradeRaw=pr["grade"])))
        owner_people = list(person_rows)
        owners: list[str] = []
        for name in owner_people:
            for code, head in sorted(heads.items()):
                if head == name and unit_key[code] not in owners:
                    owners.append(unit_key[code])
        owners.sort()
        horizon = None
        if spec.get("horizon"):
            fy, ly, raw = spec["horizon"]
            horizon = dict(firstYear=fy, lastYear=ly, raw=raw)
        notes = ("Obiettivo di performance organizzativa (sezione «PERFORMANCE ORGANIZZATIVA»): il documento non gli assegna "
                 "codice né peso.")
        if n_org == 1:
            notes += (" Quota della retribuzione di risultato legata all'obiettivo: 30% (art. 4 bis, comma 2, D.L. 13/2023, "
                      "conv. in L. 41/2023), per ciascun titolare di EQ («Tutte EQ»). La valutazione tiene conto dei fattori "
                      "esogeni e non dipendenti dalla struttura (elenco esemplificativo nel valore pubblico).")
        nodes.append(drop_none(dict(
            key=key, level="obiettivo-performance", parentKey=None, code=None, title=o["title"],
            description=html_text(o["Descrizione"]), order=n_org, ownerUnitKeys=owners, crossCutting=len(owners) > 1,
            coordinatingUnitKey=None, responsiblePersonKeys=[PEOPLE[n][0] for n in named], politicalReferentKeys=[],
            horizon=horizon, weight=None, weightRaw=None,
            classifications=["performance-organizzativa"] + spec["classes"],
            stakeholders=[], contributors=contributors, publicValue=html_text(o["Valore pubblico"]),
            dupRefs=[], notes=notes, verbatim=verbatim,
            sourceFlags=["Nessun peso: l'obiettivo non ha PESO nel documento."] + spec["flags"])))

    # Executive objectives.
    for n_ex, o in enumerate(execs, start=1):
        code = o["code"]
        key = f"OP-{code}"
        titles = PHASE_TITLES[code]
        if len(o["phases"]) != expected_phases[code] or len(titles) != len(o["phases"]):
            raise SystemExit(f"{code}: {len(o['phases'])} phases parsed, {expected_phases[code]} expected, {len(titles)} titles")
        resp = o["responsabile"]
        cr = o["unit_code"]
        wflags = [f"I pesi degli obiettivi del Centro di Responsabilità {cr} sommano a {area_sum[cr]:g}% "
                  f"({sum(1 for x in execs if x['unit_code'] == cr)} × {o['weightRaw']}), non a 100%."]
        if person_sum[resp] != area_sum[cr]:
            wflags.append(f"{resp} è responsabile di più Centri di Responsabilità: i suoi obiettivi sommano a {person_sum[resp]:g}% "
                          "(oltre il massimo di 40 punti degli obiettivi individuali).")
        nodes.append(drop_none(dict(
            key=key, level="obiettivo-performance", parentKey=None, code=code, title=o["title"],
            description=o.get("description"), order=len(orgs) + n_ex, ownerUnitKeys=[unit_key[cr]], crossCutting=False,
            coordinatingUnitKey=None, responsiblePersonKeys=[PEOPLE[resp][0]], politicalReferentKeys=[],
            horizon=None, weight=float(o["weightRaw"].rstrip("%")), weightRaw=o["weightRaw"],
            classifications=NODE_CLASSES.get(code, []), stakeholders=[], contributors=[], publicValue=o["vp"],
            dupRefs=[], notes=None, verbatim=o["verbatim"], sourceFlags=wflags + NODE_FLAGS.get(code, []))))
        for ordinal, (ph, title) in enumerate(zip(o["phases"], titles), start=1):
            raw_text, rest = ph["cells"][0], ph["cells"][1:]
            if raw_text != title and not raw_text.startswith(title + " "):
                raise SystemExit(f"{code} phase {ordinal}: title {title[:40]!r} is not a prefix of {raw_text[:60]!r}")
            desc = raw_text[len(title):].strip() or None
            indicatore = rest[0]
            if code in NO_INDICE_CARDS:
                if len(rest) != 2:
                    raise SystemExit(f"{code}.{ordinal}: expected 2 indicator cells, got {rest}")
                indice, valore = None, rest[1]
            elif (code, ordinal) in SHIFTED_VALORE:
                if len(rest) != 2:
                    raise SystemExit(f"{code}.{ordinal}: expected 2 indicator cells, got {rest}")
                indice, valore = None, rest[1]
            elif len(rest) == 2 and rest[1] in FUSED_INDICE_VALORE:
                indice, valore = FUSED_INDICE_VALORE[rest[1]]
            elif len(rest) == 3:
                indice, valore = rest[1], rest[2]
            else:
                raise SystemExit(f"{code}.{ordinal}: unexpected indicator cells {rest}")
            it = interpret(valore, indice)
            pflags = list(PHASE_FLAGS.get((code, ordinal), [])) + it["flags"]
            months, period_raw = it["months"], it["periodRaw"]
            if indice in ("Tutto l'anno", "Tutto l'anno scolastico"):
                period_raw = indice
                if indice == "Tutto l'anno":
                    months = list(range(1, 13))
                pflags.append(f"INDICE «{indice}» indica un periodo, non una misura.")
            pkey = f"{key}-F{ordinal}"
            phases.append(drop_none(dict(
                key=pkey, nodeKey=key, ordinal=ordinal, group=None, code=ph["code"], title=title, description=desc,
                months=months, start=it["start"], due=it["due"], periodRaw=period_raw, weight=None,
                indicatorText=indicatore, targetRaw=valore, sourceFlags=pflags)))
            indicators.append(drop_none(dict(
                key=f"{key}-I{ordinal}", nodeKey=key, phaseKey=pkey, order=ordinal, name=indicatore, description=None,
                type=None, typeRaw=None, form=it["form"], direction=it["direction"], unit=indice, baseline=None,
                target=drop_none(it["target"]), dataSource=None, weight=None, periodicity=it["periodicity"],
                unitKey=None, sourceFlags=list(PHASE_FLAGS.get((code, ordinal), [])))))

    # Checks against the analysis (research/seed-002.md §7).
    per_cr = {}
    for ph in phases:
        cr = ph["nodeKey"][3]
        per_cr[cr] = per_cr.get(cr, 0) + 1
    if len(phases) != 105 or per_cr != {"1": 24, "2": 14, "3": 23, "4": 22, "5": 22}:
        raise SystemExit(f"phase counts {len(phases)} {per_cr}")
    exec_weights = [n["weight"] for n in nodes if n.get("weight") is not None]
    if len(exec_weights) != 20 or set(exec_weights) != {10.0}:
        raise SystemExit(f"weights {exec_weights}")

    source_flags = [
        "Il documento (Allegato 1 al PIAO 2024-2026) non indica l'atto con cui è approvato.",
        "PESO: ogni Centro di Responsabilità somma 40% (4 obiettivi × 10%), non 100%; Clarissa Sartori, responsabile delle Aree 01 e 02, somma 80% (8 obiettivi); il PDO intero somma 200%. Coerente con i 40 punti massimi degli obiettivi individuali dello SMVP, ma il documento non lo dice.",
        "Le fasi non hanno peso; gli 8 obiettivi di performance organizzativa non hanno né peso né codice.",
        "SMVP: 60 punti di performance organizzativa «di cui massimo 50» di comportamenti e 40 di obiettivi: i 10 punti residui di performance organizzativa non sono descritti.",
        "Codici di fase stampati inaffidabili: 1.2.1–1.2.5 ripetuti nell'obiettivo 1.3, 4.1.2–4.1.5 ripetuti nell'obiettivo 4.2, «1005.1.4» per 5.1.4, 5.4.5 e 5.4.6 nell'obiettivo 5.3. Le chiavi usano l'ordinale.",
        "Assegnazioni: il documento nomina i responsabili sulle schede ma non le date dell'incarico; validità posta all'annualità 2024 del PDO.",
        "Sezione «STRUTTURA ORGANIZZATIVA» vuota nel testo (organigramma perso nella conversione).",
        "Solo target 2024: nessun valore per 2025-2026, nessun valore di partenza, nessun collegamento a missioni/programmi del DUP.",
        "Il paragrafo sui comportamenti elenca le Aree in ordine diverso dalla numerazione dei Centri di Responsabilità (Servizi Sociali prima di Polizia Locale).",
        "Il testo attribuisce al Segretario Comunale la collaborazione «con i dirigenti», ma l'ente ha titolari di EQ, non dirigenti.",
    ]

    plan = dict(
        key="piao-2024-2026",
        title="PIANO DELLA PERFORMANCE 2024-2026 PIANO DETTAGLIATO DEGLI OBIETTIVI PER L'ANNUALITA' 2024",
        firstYear=2024, lastYear=2026, year=PLAN_YEAR, state="approvato", version=1,
        levels=["obiettivo-performance"], notes=plan_notes(lines, org_titles))

    source = dict(
        document="Comune di Leggiuno – ALLEGATO 1 PIAO 2024 - 2026: PIANO DELLA PERFORMANCE 2024-2026 PIANO DETTAGLIATO DEGLI OBIETTIVI PER L'ANNUALITA' 2024 (seed 002_131eba05ebaf386c.txt)",
        description=("Trascrizione completa: 8 obiettivi di performance organizzativa (16 indicatori) e 20 obiettivi esecutivi 2024 "
                     "in 5 Centri di Responsabilità (105 attività e fasi, ciascuna con il proprio indicatore). Titolo e descrizione "
                     "delle fasi separati a mano (nel testo convertito sono in un'unica cella). Contesto SMVP, pesi e regola del 30% "
                     "nelle note del piano. Script: tools/transcription/leggiuno.py."),
        flags=source_flags)

    return dict(
        format="traguardo-plan-bundle", version=1,
        ente=dict(slug="leggiuno", name="Comune di Leggiuno", kind="comune", memberSlugs=[], memberNames=[]),
        source=source, units=units, people=people, assignments=assignments, politicalReferents=[],
        classifications=[dict(key="performance-organizzativa", label="Performance organizzativa", requiredByPIAO=False)],
        plan=plan, nodes=nodes, phases=phases, indicators=indicators, participations=participations, campaigns=[],
        values=[], validations=[])


def main() -> int:
    bundle = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(bundle['nodes'])} nodes, {len(bundle['phases'])} phases, "
          f"{len(bundle['indicators'])} indicators, {len(bundle['participations'])} participations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
