#!/usr/bin/env python3
"""Transcribe seed 003 (Città di Cassano d'Adda, P.I.A.O. 2024-2026, sezione 2.2 Performance) into a plan bundle v1.

Reads  /work/shared/seeds/003_aeaac79594e9eef1.txt   (PDF-to-text conversion, 4,130 lines; line numbers below are 1-based)
Writes Sources/TraguardoPersistence/DemoData/cassano-d-adda.json

How it works
- The text is too irregular for a blind parser (14 spellings of the phase heading, card markers missing, titles
  mixed with tags and DUP references on the same line). So every operational-objective card is described in CARDS
  below by its line numbers (header block, description, cronoprogramma) and by the literal strings of its header
  (DUP reference, title, multi-year marker, subtitle). Every literal is ASSERTED to occur in the source lines, so
  nothing here is retyped text: it is all cut from the document.
- Everything else (overview rows, tags, Agenda 2030 lines, "Fattori critici", indicators, participants, phases and
  their periods) is parsed from those line ranges with regexes.
- Hand corrections are collected in the *_OVERRIDES tables and in special cases marked "HAND:" in comments.

Cascade: "indirizzo strategico" (the 9 linee strategiche; the document has no separate mandate level)
         > "obiettivo strategico" (13) > "obiettivo operativo" (36, the evaluated cards).
"""

from __future__ import annotations

import json
import re
import sys
from collections import OrderedDict
from pathlib import Path

SEED = Path("/work/shared/seeds/003_aeaac79594e9eef1.txt")
REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "Sources" / "TraguardoPersistence" / "DemoData" / "cassano-d-adda.json"

RAW = SEED.read_text(encoding="utf-8")
LINES = RAW.split("\n")  # LINES[n-1] is line n


def L(n: int) -> str:
    """Line n (1-based), as printed."""
    return LINES[n - 1]


def clean(s: str) -> str:
    """Drop conversion artefacts that are not text: markdown bold markers and surrounding whitespace."""
    s = s.replace("**", "").strip()
    return re.sub(r"(?<=;)\*$", "", s)  # stray italic marker after ';' (lines 1896-1898)


def block(a: int, b: int) -> list[str]:
    """Cleaned, non-blank lines a..b inclusive."""
    return [clean(L(i)) for i in range(a, b + 1) if clean(L(i))]


def paragraphs(a: int, b: int) -> str:
    """Lines a..b as text: consecutive lines joined by newline, blank-line runs become one empty line."""
    out: list[str] = []
    blank = False
    for i in range(a, b + 1):
        t = clean(L(i))
        if not t:
            blank = True
            continue
        if out and blank:
            out.append("")
        out.append(t)
        blank = False
    return "\n".join(out)


def must_contain(text: str, literal: str, where: str) -> str:
    if literal not in text:
        sys.exit(f"transcription error: {literal!r} not found in {where}: {text!r}")
    return literal


def slug(s: str) -> str:
    s = s.lower().replace("'", "")
    for a, b in (("à", "a"), ("è", "e"), ("é", "e"), ("ì", "i"), ("ò", "o"), ("ù", "u")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def it_number(s: str) -> float:
    """Italian number: '.' thousands, ',' decimals ('1.100' -> 1100, '2,5' -> 2.5, '51.008,28' -> 51008.28)."""
    s = s.strip().replace("€", "").replace("%", "").strip()
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        s = s.replace(".", "")
    v = float(s)
    return int(v) if v == int(v) else v


def it_day(s: str) -> str | None:
    """dd/mm/yyyy or dd/mm/yy -> yyyy-mm-dd, None for impossible days (31/09/24)."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", s.strip())
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000
    dim = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not (1 <= mo <= 12 and 1 <= d <= dim[mo - 1]):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


SOURCE_FLAGS: list[str] = []


def doc_flag(s: str) -> None:
    if s not in SOURCE_FLAGS:
        SOURCE_FLAGS.append(s)


# ---------------------------------------------------------------------------------------------------------------
# Units and titolari ("Struttura organizzativa", lines 17-73)
# ---------------------------------------------------------------------------------------------------------------

UNIT_HEADER = re.compile(r"^(\d\d)\.\s?([A-Z].*)$")
units: list[dict] = []
people: "OrderedDict[str, dict]" = OrderedDict()
assignments: list[dict] = []


def split_name(raw: str) -> tuple[str, str]:
    """'DI DONATO Diamela' -> ('DI DONATO', 'Diamela'); "MANFE' PAVAN Chiara" -> ("MANFE' PAVAN", 'Chiara')."""
    toks = raw.split()
    fam = []
    for t in toks:
        if re.fullmatch(r"[A-Z][A-Z']*", t):
            fam.append(t)
        else:
            break
    return " ".join(fam), " ".join(toks[len(fam):])


def person_key(family: str, given: str) -> str:
    return "P-" + slug(f"{family} {given}")


unit_name_by_code: dict[str, str] = {}
i = 17
order = 0
while i <= 74:
    m = UNIT_HEADER.match(L(i))
    if m:
        code, name = m.group(1), m.group(2).strip()
        order += 1
        # find the holder table rows after the "dal al" header
        j = i + 1
        notes_lines: list[str] = []
        while not L(j).startswith("dal\tal"):
            if L(j).strip():
                notes_lines.append(L(j).strip())
            j += 1
        j += 1
        unit = OrderedDict(key=f"U-{code}", code=code, name=name, kind="settore", order=order)
        notes = []
        if notes_lines:  # settore 00: legal basis, competences, regulations (lines 46-55)
            notes.append(paragraphs(i + 1, j - 2))
        while L(j).strip():
            dal, al, who, role = [c.strip() for c in L(j).split("\t")[:4]]
            fam, given = split_name(who)
            pk = person_key(fam, given)
            people[pk] = OrderedDict(key=pk, familyName=fam, givenName=given, homeUnitKey=unit["key"])
            if code == "00":
                people[pk]["position"] = "Segretario Generale"
            assignments.append(OrderedDict(personKey=pk, unitKey=unit["key"], role=role,
                                           validity=OrderedDict([("from", it_day(dal)), ("to", it_day(al))])))
            if code == "02":
                assert al == "30/04/2024"
                notes.append("Il documento indica un solo titolare, CHIZZOLI Martina, dal 01/01/2024 al 30/04/2024: "
                             "nessun titolare indicato dal 01/05/2024 al 31/12/2024 (settore vacante).")
            j += 1
        if notes:
            unit["notes"] = "\n\n".join(notes)
        units.append(unit)
        unit_name_by_code[code] = name
        i = j
    i += 1
assert [u["code"] for u in units] == ["01", "03", "08", "05", "07", "00", "04", "06", "02"], units
doc_flag("Struttura organizzativa: il settore 02 FINANZIARIO E TRIBUTI ha un titolare solo fino al 30/04/2024 "
         "(CHIZZOLI Martina) e nessun successore indicato, pur avendo 4 obiettivi operativi per tutto il 2024.")
doc_flag("I settori sono stampati nell'ordine 01, 03, 08, 05, 07, 00, 04, 06, 02 (non per codice), sia nella struttura "
         "organizzativa sia nella parte 'Performance dei settori': conservato in units.order.")

# ---------------------------------------------------------------------------------------------------------------
# Political referents and linee strategiche (lines 79-278)
# ---------------------------------------------------------------------------------------------------------------

referents: "OrderedDict[str, dict]" = OrderedDict()


def referent_key(item: str, node_flags: list[str]) -> str:
    item = item.strip()
    if item == "Sindaco":
        key = "PR-sindaco"
        referents.setdefault(key, OrderedDict(key=key, name="Sindaco", office="sindaco", deleghe=[], validity={}))
        return key
    m = re.fullmatch(r"Ass\. ((?:[A-Z]\.)+) (\S+)", item)
    assert m, item
    initials, surname = m.group(1), m.group(2)
    if surname == "Cerrì":  # HAND: same assessore as "Ass. M. Cerri" (accent typo, line 124)
        node_flags.append("Referente stampato 'Ass. M. Cerrì' (con accento): considerato lo stesso 'Ass. M. Cerri' delle altre linee.")
        surname = "Cerri"
    key = "PR-" + slug(surname) + "-" + slug(initials.replace(".", ""))
    referents.setdefault(key, OrderedDict(key=key, name=f"{initials} {surname}", office="assessore", deleghe=[], validity={}))
    return key


LINEA_RE = re.compile(r"^(\d\d)\. ([A-Z].*)$")
linee: list[dict] = []
i = 82
while i <= 278:
    m = LINEA_RE.match(L(i))
    if not m:
        i += 1
        continue
    code, title = m.group(1), m.group(2)
    ref_line = i + 2
    ref_raw = L(ref_line).strip()
    flags: list[str] = []
    rkeys = [referent_key(x, flags) for x in ref_raw.split(" - ")]
    # counters strip: either one line with the three labels and no values, or label/value pairs
    j = ref_line + 1
    while not L(j).strip():
        j += 1
    counters: "OrderedDict[str, str | None]" = OrderedDict()
    if L(j).strip() == "n. obiettivi strategici n. obiettivi operativi n. obiettivi trasversali":
        counters_raw = L(j).strip()
        counters = OrderedDict([("strategici", None), ("operativi", None), ("trasversali", None)])
        j += 1
    else:
        parts = []
        for lab in ("strategici", "operativi", "trasversali"):
            while not L(j).strip():
                j += 1
            assert L(j).strip() == "n. obiettivi" and L(j + 1).strip() == lab, (j, L(j))
            j += 2
            while not L(j).strip():
                j += 1
            if re.fullmatch(r"\d+", L(j).strip()):
                counters[lab] = L(j).strip()
                parts.append(f"n. obiettivi {lab} {L(j).strip()}")
                j += 1
            else:
                counters[lab] = None
                parts.append(f"n. obiettivi {lab}")
        counters_raw = " | ".join(parts)
    # narrative until next linea or the end of the part
    k = j
    while k <= 279 and not LINEA_RE.match(L(k)):
        k += 1
    narrative = paragraphs(j, k - 1)
    linee.append(dict(code=code, title=title, refRaw=ref_raw, refKeys=rkeys, counters=counters,
                      countersRaw=counters_raw, narrative=narrative, flags=flags, line=i))
    i = k
assert [l["code"] for l in linee] == ["01", "02", "03", "04", "05", "06", "07", "08", "10"]

# ---------------------------------------------------------------------------------------------------------------
# Strategic objectives: print order of the overview (lines 289-723)
# ---------------------------------------------------------------------------------------------------------------

OS_RE = re.compile(r"^(\d\d\.\d) - (.+)$")
os_list: "OrderedDict[str, dict]" = OrderedDict()
for n in range(289, 724):
    m = OS_RE.match(L(n))
    if m:
        code = m.group(1)
        if code in os_list:
            os_list[code]["printedAgain"].append(n)
        else:
            os_list[code] = dict(code=code, title=m.group(2), line=n, printedAgain=[])
assert list(os_list) == ["01.1", "01.2", "02.1", "03.1", "03.3", "04.6", "04.2", "05.1", "05.2", "06.1", "07.2", "08.1", "10.1"]

# ---------------------------------------------------------------------------------------------------------------
# Operational-objective cards (part "Performance dei settori", lines 727-4130)
# ---------------------------------------------------------------------------------------------------------------
# Fields: key, unit (owning settore code), os (strategic objective code), hdr=(a,b) header block lines,
# dup / title / hz (multi-year marker) / sub (subtitle) / htags (tags printed inside the header): literals asserted
# to occur in the header text; desc=(a,b) description lines; ph_head: line of the cronoprogramma heading;
# ph=(a,b) phase lines; ov=(a,b) overview row (part "linee strategiche e obiettivi operativi").
# Card keys OO-01..OO-36 follow the print order of the cards; node.order follows the overview tree.

CARDS = [
    # ---- 01. AFFARI GENERALI ----
    dict(key="OO-01", unit="01", os="10.1", hdr=(744, 746), dup="Rif. DUP 10.1.8",
         title="PREVENZIONE DELLA CORRUZIONE E CONTROLLI INTERNI DI REGOLARITA' AMMINISTRATIVA SUGLI ATTI.",
         hz="OBIETTIVO PLURIENNALE (FASE 1)", desc=(748, 748), ph_head=750, ph=(752, 754), ov=(658, 665)),
    dict(key="OO-02", unit="01", os="10.1", hdr=(873, 875), dup="Rif. DUP 10.1.8",
         title="MONITORAGGIO, AGGIORNAMENTO E INTEGRAZIONE DEL PIAO: SUPPORTO ALL'ATTIVITA' DEL SEGRETARIO",
         desc=(877, 877), ph_head=879, ph=(881, 884), ov=(671, 677)),
    dict(key="OO-03", unit="01", os="10.1", hdr=(941, 943), dup="Rif. DUP 10.1.8",
         title="FORMAZIONE INTERNA AL PERSONALE DIPENDENTE IN MATERIA DI NUOVO CODICE DEI CONTRATTI, PROCEDURE TELEMATICHE DI ACQUISTO E DI ACQUISIZIONE CIG",
         desc=(945, 949), ph_head=951, ph=(953, 956), ov=(679, 686)),
    dict(key="OO-04", unit="01", os="10.1", hdr=(1018, 1022), dup="Rif. DUP 10.1.8",
         title="FORMAZIONE INTERNA AL PERSONALE DIPENDENTE IN MATERIA DI ISTITUTI CONTRATTUALI",
         htags=["OBIETTIVO DI FORMAZIONE E DI PARI OPPORTUNITA'"],
         desc=(1024, 1026), ph_head=1028, ph=(1030, 1033), ov=(688, 696)),
    dict(key="OO-05", unit="01", os="10.1", hdr=(1084, 1085), dup="Rif. DUP 10.1.8",
         title="ATTUAZIONE PNRR PA DIGITALE 2026", desc=(1087, 1087), ph_head=1089, ph=(1091, 1093), ov=(698, 703)),
    # ---- 03. SERVIZI ALLA PERSONA ----
    dict(key="OO-06", unit="03", os="04.6", hdr=(1241, 1241), dup="rif. DUP 4.6.1.",
         title="Contrastare l'illegalità e l'abusivismo nei servizi abitativi pubblici",
         desc=(1243, 1243), ph_head=1245, ph=(1247, 1250), ov=(474, 480)),
    dict(key="OO-07", unit="03", os="04.2", hdr=(1347, 1349), dup="Rif. DUP 4.3.2.",
         title="Migliorare le strutture di accoglienza: soddisfacimento delle esigenze di ospiti della RSA e dei loro familiari - servizi socio assistenziali",
         sub="Soddisfacimento delle esigenze di ospiti della RSA e dei loro familiari - attività socio assistenziali",
         desc=(1351, 1351), ph_head=1353, ph=(1355, 1357), ov=(490, 496)),
    dict(key="OO-08", unit="03", os="04.2", hdr=(1389, 1391), dup="Rif. DUP 4.3.2.",
         title="Migliorare le strutture di accoglienza: Soddisfacimento delle esigenze di ospiti della RSA e dei loro familiari - servizio di accoglienza",
         sub="Soddisfacimento delle esigenze di ospiti della RSA e dei loro familiari - attività di accoglienza",
         desc=(1393, 1393), ph_head=1395, ph=(1397, 1399), ov=(498, 504)),
    dict(key="OO-09", unit="03", os="06.1", hdr=(1435, 1435), dup="Rif. DUP 6.1.6.",
         title="Assistenza educativa Scolastica: sostenere e promuovere l'autonomia degli alunni",
         desc=(1437, 1439), ph_head=1441, ph=(1443, 1447), ov=(572, 576)),
    dict(key="OO-10", unit="03", os="06.1", hdr=(1493, 1495), dup="Rif. DUP 4.1.9 - 6.1.15:",
         title="Istituire consiglio comunale dei ragazzi", htags=["OBIETTIVO DI PARI OPPORTUNITA'"],
         desc=(1497, 1497), ph_head=1499, ph=(1501, 1504), ov=(578, 583)),
    # ---- 08. POLIZIA LOCALE ----
    dict(key="OO-11", unit="08", os="05.1", hdr=(1581, 1587), dup="Rif. DUP 5.1.2", title="CONTROLLI STRADALI",
         hz="(Obiettivo pluriennale 2023-2025 - FASE 2)",
         sub="Proseguire i controlli stradali finalizzandoli alla riduzione della incidentalità e pericolosità",
         desc=(1589, 1595), ph_head=1597, ph=(1599, 1605), ov=(518, 525)),
    dict(key="OO-12", unit="08", os="05.2", hdr=(1724, 1730),
         dup="Rif. DUP 5.1.1 - 5.1.2 - 5.1.6 - 5.1.8 - 5.1.9 - 5.2.1 - 5.2.3 - 5.1.10", title="SICUREZZA URBANA",
         hz="(Obiettivo pluriennale 2023-2025 - FASE 2)",
         sub="Intensificare il controllo del territorio al fine di migliorare la percezione di sicurezza dei cittadini favorendo",
         desc=(1732, 1738), ph_head=None, ph=(1740, 1744), ov=(535, 542)),
    # ---- 05. SPAZIO CITTA' ----
    dict(key="OO-13", unit="05", os="01.2", hdr=(1876, 1878), dup="rif DUP 1.2.4",
         title="Individuazione dei processi di natura mista (digitale e analogica) e completa digitalizzazione di alcuni processi di competenza del Settore 5",
         desc=(1880, 1880), ph_head=1882, ph=(1884, 1888), ov=(355, 361)),
    dict(key="OO-14", unit="05", os="01.2", hdr=(1969, 1971), dup="ref DUP 1.2.4",
         title="Dematerializzazione degli atti di stato civile in vista del subentro in ANSC (Anagrafe Nazionale dello Stato Civile)",
         desc=(1973, 1979), ph_head=1981, ph=(1983, 1985), ov=(363, 369)),
    dict(key="OO-15", unit="05", os="01.2", hdr=(2031, 2033), dup="rif. DUP 1.2.2",
         title="Indagine di gradimento sul nuovo sportello online Insieme",
         desc=(2035, 2035), ph_head=2037, ph=(2039, 2042), ov=(371, 376)),
    # ---- 07. LAVORI PUBBLICI ----
    dict(key="OO-16", unit="07", os="02.1", hdr=(2117, 2121), dup="Rif. Dup 2.1.5 (anche 2.5.1 e 2.5.2)",
         title="EFFICIENTAMENTO ENERGETICO", hz="OBIETTIVO PLURIENNALE - EFFICIENTAMENTO ENERGETICO - FASE 1",
         sub="Riduzione consumi energetici e efficientamento impianti fotovoltaici installati e degli impianti termici",
         desc=(2123, 2123), ph_head=2127, ph=(2129, 2137), ov=(403, 409)),
    dict(key="OO-17", unit="07", os="03.1", hdr=(2214, 2216), dup="Rif. DUP (03.01.02 e 3.01.04)",
         title="Ridare dignità e vivibilità al Centro Storico favorendo l'aggregazione sociale e il commercio, realizzando nuove aree pedonali. Progetti di rigenerazione urbana finanziati da Regione Lombardia - nuova Via Vento- e dal PNRR - P.zza Garibaldi e via L. da Vinci.",
         hz="OBIETTIVO PLURIENNALE DI RIGENERAZIONE URBANA - FASE 2",
         htags=["OBIETTIVO PLURIENNALE DI RIGENERAZIONE URBANA - FASE 2"],
         desc=(2218, 2218), ph_head=2220, ph=(2222, 2226), ov=(430, 435)),
    dict(key="OO-18", unit="07", os="03.1", hdr=(2326, 2326), dup="Rif. DUP (03.01.01 e 03.02.02)",
         title="RIQUALIFICAZIONE, MIGLIORAMENTO ACCESSIBILITA'",
         hz="OBIETTIVO PLURIENNALE DI PARI OPPORTUNITA' E ACCESSIBILITA' - (FASE 1)",
         sub="Rendere Cassano una Città vivibile e inclusiva: mobilità e spostamenti senza barriere, accessibilità delle strutture pubbliche. Rivedere e aggiornare il PEBA in base alle modifiche viabilistiche e di rigenerazione urbana.",
         htags=["OBIETTIVO PLURIENNALE DI PARI OPPORTUNITA' E ACCESSIBILITA' - (FASE 1)"],
         desc=(2328, 2328), ph_head=2330, ph=(2332, 2338), ov=(437, 443)),
    # HAND: two sub-projects, each with its own cronoprogramma (groups); the card has no description paragraph.
    dict(key="OO-19", unit="07", os="06.1", hdr=(2411, 2413), dup="Rif. DUP 06.01.08",
         title="Aumentare la sicurezza delle scuole e delle palestre: Certificato di Idoneità Statica (C.I.S.) e ottenimento CPI. PNRR - Messa in sicurezza e riqualificazione energetica Scuola Materna Cristo Risorto",
         hz="OBIETTIVO DI MIGLIORAMENTO E PLURIENNALE - FASE 2", htags=["OBIETTIVO DI MIGLIORAMENTO E PLURIENNALE - FASE 2"],
         desc=None, groups=[(2415, 2417, (2419, 2427)), (2429, 2431, (2433, 2435))], ov=(556, 562)),
    # ---- 00. SEGRETARIO GENERALE ----
    dict(key="OO-20", unit="00", os="01.1", hdr=(2518, 2520), dup="Rif. DUP 1.1.1. - 1.1.5",
         title="Rispetto tempi medi di pagamento", htags=["OBIETTIVO INTERSETTORIALE"],
         desc=(2522, 2522), ph_head=2524, ph=(2526, 2529), ov=(330, 335)),
    dict(key="OO-21", unit="00", os="01.2", hdr=(2686, 2688), dup=None,
         title="Migliorare la qualità della normazione prodotta dall'Ente (regolamenti, direttive), mediante meccanismi di analisi di impatto preventivi (AIR) e successivi/concomitanti (VIR).",
         hz="OBIETTIVO DI SEMPLIFICAZIONE PLURIENNALE - Fase 1/3", htags=["OBIETTIVO DI SEMPLIFICAZIONE PLURIENNALE - Fase 1/3"],
         desc=(2690, 2690), ph_head=2692, ph=(2694, 2702), ov=(345, 353)),
    dict(key="OO-22", unit="00", os="01.2", hdr=(2764, 2766), dup=None,
         title="Attuare il Piano della formazione del personale dipendente", htags=["OBIETTIVO DI PARI OPPORTUNITA'"],
         desc=(2768, 2768), ph_head=2770, ph=(2772, 2776), ov=(378, 383)),
    # HAND: the heading and phase 1 share line 2843.
    dict(key="OO-23", unit="00", os="01.2", hdr=(2837, 2837), dup=None,
         title="Monitorare, integrare e aggiornare il PIAO e, in particolare, la sottosezione Rischi Corruttivi e gli obblighi di trasparenza",
         desc=(2839, 2841), ph_head=2843, ph_inline="CRONOPROGRAMMA FASI E TEMPI:", ph=(2843, 2849), ov=(385, 389)),
    dict(key="OO-24", unit="00", os="10.1", hdr=(2901, 2901), dup=None, title="Ufficio di prossimità",
         desc=(2903, 2907), ph_head=2909, ph=(2911, 2925), ov=(719, 723)),
    # ---- 04. CULTURA, SPORT E VALORIZZAZIONE TURISTICA ----
    dict(key="OO-25", unit="04", os="07.2", hdr=(3002, 3002), dup="Rif. DUP 7.2.2 - Rif. DUP 7.2.3",
         title="PROMOZIONE DEL TERRITORIO", hz="OBIETTIVO PLURIENNALE (FASE 1)",
         desc=(3004, 3008), ph_head=3010, ph=(3012, 3017), ov=(597, 604)),
    # HAND: the "obiettivo operativo" marker is missing before this card (line 3080).
    dict(key="OO-26", unit="04", os="07.2", hdr=(3080, 3081), dup="Rif. DUP 7.2.1.",
         title='AVVIO DEL PRESIDIO "NATI PER LEGGERE"', no_marker=True,
         desc=(3083, 3090), ph_head=3092, ph=(3094, 3100), ov=(606, 612)),
    dict(key="OO-27", unit="04", os="07.2", hdr=(3199, 3203), dup="Rif. DUP 1.2.6 - Rif. DUP 5.1.13 - Rif. DUP 5.1.22",
         title="CONOSCERE PER PREVENIRE: CONTRASTO ALLA VIOLENZA DI GENERE", htags=["OBIETTIVO DI PARI OPPORTUNITA'"],
         desc=(3205, 3209), ph_head=3211, ph=(3213, 3217), ov=(614, 622)),
    dict(key="OO-28", unit="04", os="08.1", hdr=(3291, 3293), dup="Rif DUP 1.2.4 - DUP 10.1.8 - DUP 8.1.9",
         title="COMMERCIO: DIGITALIZZAZIONE DOCUMENTAZIONE E ALLINEAMENTO PROCEDURE", hz="OBIETTIVO PLURIENNALE (FASE 1)",
         desc=(3295, 3306), ph_head=3308, ph=(3310, 3315), ov=(636, 644)),
    # ---- 06. GOVERNO DEL TERRITORIO E AMBIENTE ----
    dict(key="OO-29", unit="06", os="02.1", hdr=(3404, 3406), dup="Rif. DUP 2.1.4", title="MONITORAGGIO AMIANTO",
         hz="OBIETTIVO BIENNALE - MONITORAGGIO AMIANTO (FASE 1)",
         desc=(3408, 3410), ph_head=3412, ph=(3414, 3418), ov=(411, 416)),
    dict(key="OO-30", unit="06", os="03.3", hdr=(3497, 3498), dup="Rif. DUP 03.03.01", title="CENSIMENTO DEL VERDE",
         desc=(3500, 3502), ph_head=3504, ph=(3506, 3507), ov=(453, 460)),
    dict(key="OO-31", unit="06", os="10.1", hdr=(3566, 3566), dup="Rif. DUP 10.1.8",
         title="DIGITALIZZAZIONE ARCHIVIO PRATICHE AMMINISTRATIVE (MEZZI PUBBLICITARI)",
         desc=(3568, 3568), ph_head=3570, ph=(3572, 3576), ov=(705, 710)),
    dict(key="OO-32", unit="06", os="10.1", hdr=(3643, 3644), dup="Rif. DUP 10.1.8",
         title="DIGITALIZZAZIONE REGISTRO PRATICHE PAESAGGISTICHE",
         desc=(3646, 3646), ph_head=3648, ph=(3650, 3651), ov=(712, 717)),
    # ---- 02. FINANZIARIO E TRIBUTI ----
    dict(key="OO-33", unit="02", os="01.1", hdr=(3749, 3749), dup="Rif. DUP 1.1.1. - 1.1.5", title="UN BILANCIO SANO",
         desc=(3751, 3751), ph_head=3753, ph=(3755, 3758), ov=(301, 306)),
    dict(key="OO-34", unit="02", os="01.1", hdr=(3875, 3875), dup="Rif. DUP 1.1.1. - 1.1.5", title="OPEN BILANCIO",
         desc=(3877, 3879), ph_head=3881, ph=(3883, 3883), ov=(308, 313)),
    dict(key="OO-35", unit="02", os="01.1", hdr=(3940, 3940), dup="Rif. DUP 1.1.5",
         title="INFORMARE IL CITTADINO IN MATERIA TRIBUTARIA",
         desc=(3942, 3944), ph_head=3946, ph=(3948, 3952), ov=(315, 320)),
    dict(key="OO-36", unit="02", os="01.1", hdr=(4046, 4048), dup="Rif. DUP 1.1.5",
         title="ANALISI STRAORDINARIA DELLE AREE FABBRICABILI", hz="OBIETTIVO PLURIENNALE fase 1 di 2",
         desc=(4050, 4050), ph_head=4052, ph=(4054, 4058), ov=(322, 328)),
]
assert len(CARDS) == 36

# Horizon (multi-year marker) parsed by hand from the literal in `hz`.
HORIZONS = {
    "OO-01": dict(stage=1),
    "OO-11": dict(firstYear=2023, lastYear=2025, stage=2),
    "OO-12": dict(firstYear=2023, lastYear=2025, stage=2),
    "OO-16": dict(stage=1),
    "OO-17": dict(stage=2),
    "OO-18": dict(stage=1),
    "OO-19": dict(stage=2),
    "OO-21": dict(stage=1, stageCount=3),
    "OO-25": dict(stage=1),
    "OO-28": dict(stage=1),
    "OO-29": dict(stage=1, stageCount=2),  # "BIENNALE": two years, phase 1
    "OO-36": dict(stage=1, stageCount=2),
}

PHASE_FLAGS = {
    "OO-10-F3": ["Il testo parla dei 'mesi di giugno e luglio' ma il periodo stampato è '(APRILE/GIUGNO)'."],
    "OO-10-F4": ["'(MARZO/DICEMBRE)' trascritto come intervallo marzo-dicembre; potrebbe indicare due soli mesi (marzo e dicembre)."],
}

# Thematic tags -> classification keys (standard catalogue, plus "rigenerazione-urbana" declared in the bundle).
def classify_tag(tag: str) -> list[str]:
    t = tag.upper().replace("OBITTTIVO", "OBIETTIVO")
    out = []
    rules = [
        ("CORRUZIONE", "anticorruzione-trasparenza"), ("TRASPARENZA", "anticorruzione-trasparenza"),
        ("ANTICORRUZIONE", "anticorruzione-trasparenza"), ("FORMAZIONE", "formazione"),
        ("PARI OPPORTUNITA'", "pari-opportunita"), ("PNRR", "pnrr"), ("TRANSIZIONE DIGITALE", "digitalizzazione"),
        ("DIGITALIZZAZIONE", "digitalizzazione"), ("ACCESSIBILITA'", "accessibilita"),
        ("SEMPLIFICAZIONE", "semplificazione"), ("MIGLIORAMENTO", "miglioramento"),
        ("RIGENERAZIONE URBANA", "rigenerazione-urbana"),
    ]
    for word, key in rules:
        if word in t and key not in out:
            out.append(key)
    return out


TAG_RE = re.compile(r"^(OBIETTIVO|OBITTTIVO)\b")
AGENDA_RE = re.compile(r"Agenda 2030")

# ---------------------------------------------------------------------------------------------------------------
# Periods of the cronoprogramma
# ---------------------------------------------------------------------------------------------------------------

MONTHS = {
    "gennaio": 1, "gen": 1, "febbraio": 2, "febb": 2, "feb": 2, "marzo": 3, "mar": 3, "aprile": 4, "apr": 4,
    "maggio": 5, "mag": 5, "giugno": 6, "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "ago": 8,
    "settembre": 9, "sett": 9, "set": 9, "ottobre": 10, "ott": 10, "novembre": 11, "nov": 11,
    "dicembre": 12, "dic": 12,
}
MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
PERIOD_FULL = re.compile(
    r"^\(?\s*(?:tempi\s+)?(?:da\s+)?" + MONTH_WORD + r"(?:\s*(?:-|–|/|\s+ad?\s+|\s)\s*" + MONTH_WORD + r")*\s*\)?$")


def months_range(a: int, b: int) -> list[int]:
    return list(range(a, b + 1)) if a <= b else list(range(a, 13)) + list(range(1, b + 1))


def parse_months(period: str) -> list[int] | None:
    """Months 1-12 of a printed period, or None when the text is not a month period."""
    s = period.strip().strip("*").strip().rstrip(";.,:").strip().lower()
    if s in ("tutto l'anno",):
        return list(range(1, 13))
    if not PERIOD_FULL.match(s):
        return None
    s = s.strip("()").strip()
    s = re.sub(r"^tempi\s+", "", s)
    s = re.sub(r"^da\s+", "", s)
    s = s.replace("–", "-")
    s = re.sub(r"\s+ad?\s+", "-", s)  # "gennaio a dicembre" / "gennaio ad aprile"
    parts = re.split(r"\b(" + MONTH_WORD + r")\b", s)  # [pre, month, sep, month, ..., post]
    assert parts[0].strip() == "" and parts[-1].strip() == "", (period, parts)
    words = [MONTHS[p] for p in parts[1::2]]
    seps = [p.strip() for p in parts[2:-1:2]]  # separator before each month after the first
    if len(words) == 1:
        return words
    if "-" not in seps and all(x == "/" for x in seps):
        # "GENNAIO/MARZO" = range; "APR/SETT/DIC", "APRILE/AGOSTO/DICEMBRE" = discrete months
        return months_range(words[0], words[1]) if len(words) == 2 else sorted(set(words))
    if all(x in ("-", "") for x in seps) and len(words) == 2:
        return months_range(words[0], words[1])  # "GENNAIO - MARZO", "GENNAIO APRILE", "da GENNAIO a DICEMBRE"
    # disjoint ranges: "FEBBRAIO - APRILE / SETTEMBRE-DICEMBRE"
    out: list[int] = []
    segs: list[list[int]] = [[words[0]]]
    for w, sep in zip(words[1:], seps):
        if sep == "/":
            segs.append([w])
        else:
            segs[-1].append(w)
    for seg in segs:
        out += months_range(seg[0], seg[-1]) if len(seg) > 1 else seg
    return sorted(set(out))


NUMBERING = re.compile(r"^(?:-\s*)?(?:(FASE\s+\d+)\s*(?::|-|–)\s*|(\d+\))\s*|(\d+\.)\s+)?")


def split_phase(text: str) -> tuple[str | None, str, str | None, list[int]]:
    """-> (code, title, periodRaw, months) for one printed phase line."""
    t = text.strip()
    t = re.sub(r"^-\s*", "- ", t)
    if t.startswith("- *") and t.endswith("*"):  # italic bullets (lines 2039-2042)
        t = "- " + t[3:-1]
    m = NUMBERING.match(t)
    code = next((g for g in m.groups() if g), None) if m else None
    t = t[m.end():].strip() if m else t
    t = re.sub(r"^-\s*", "", t)
    # parenthesised period at the end: "(tempi febbraio - giugno)", "(GENNAIO/MARZO)", "(...);"
    pm = re.search(r"\(([^()]*)\)\s*[;.]?\s*$", t)
    if pm and parse_months(pm.group(1)) is not None:
        period = t[pm.start():].strip()
        return code, t[:pm.start()].strip().rstrip(";,:").strip(), period, parse_months(pm.group(1))
    # longest trailing period after a separator
    for sm in re.finditer(r"(?:^|[:;]\s*|\s+-\s*|\s+|–\s*)", t):
        cand = t[sm.end():]
        if not cand:
            continue
        months = parse_months(cand)
        if months is not None and sm.start() > 0:
            title = t[:sm.start()].strip().rstrip(";,:-–").strip()
            return code, title, cand.strip(), months
    return code, t.rstrip(";").strip(), None, []


# ---------------------------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------------------------

OPTIONS = ("data", "tempestività", "quantità", "percentuale")
TYPE_MAP = {"efficacia": "efficacia", "efficienza": "efficienza", "economicità": "economicita", "output": "output",
            "outcome": "outcome", "attività/processo": "processo"}
FORM_BY_LABEL = {"% prevista": "percent", "dimensione attesa": "number", "data prevista": "date"}
FORM_BY_OPTION = {"percentuale": "percent", "quantità": "number", "data": "date"}

# HAND: per-indicator reading of what the text says (baselines, targets printed only in the text, direction,
# unit, form where no target label is printed). Keys: (card key, indicator ordinal).
IND_OVERRIDES: dict[tuple[str, int], dict] = {
    # OO-01: "(da 2% a 100%)" / "(da 2% a 10%)": the raised control rate, baseline 2% from the regulation.
    ("OO-01", 2): dict(baseline=dict(number=2, raw="da 2%")),
    ("OO-01", 3): dict(baseline=dict(number=2, raw="da 2%")),
    ("OO-01", 4): dict(unit="n. fasi di controllo"),
    ("OO-01", 5): dict(unit="unità di personale",
                       flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo)."]),
    ("OO-02", 3): dict(form="number", target=dict(number=4, raw="N. monitoraggi 4.", text="N. monitoraggi 4"),
                       flags=["Target solo nel testo dell'indicatore ('N. monitoraggi 4'), nessuna 'dimensione attesa' stampata."]),
    ("OO-03", 4): dict(flags=["Il testo dice 'attesi n. 7 documenti', coerente con la dimensione attesa 7."]),
    ("OO-03", 5): dict(unit="€"),
    ("OO-04", 2): dict(form="number", unit="€",
                       flags=["Nessun target stampato; il testo riporta il costo di mercato di riferimento "
                              "'1 h € 70,00 - 6 ore x 30 dipendenti = € 12.600,00'."]),
    ("OO-04", 3): dict(form="percent", unit="%", flags=["Nessun target stampato."]),
    ("OO-04", 4): dict(unit="%", flags=["Soglia di soddisfazione: votazione superiore a 7/10."]),
    ("OO-05", 8): dict(direction="lte", flags=["Nessun target stampato; indicatore di riduzione (asseverazioni negate)."]),
    ("OO-06", 1): dict(relative="% riduzione della morosità annua relativa al 2024 rispetto a quella del 2023", baseline=dict(number=51008.28, year=2023, raw="(nel 2023 era di € 51.008,28)"),
                       flags=["Riduzione percentuale della morosità rispetto al 2023: target espresso come % di riduzione."]),
    ("OO-06", 3): dict(flags=["Il testo indica anche '(100%)', coerente con la % prevista 100."]),
    ("OO-06", 5): dict(flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo)."]),
    ("OO-07", 2): dict(form="percent", unit="%"),
    ("OO-08", 2): dict(form="percent", unit="%"),
    ("OO-11", 2): dict(relative="Incremento degli accertamenti di violazione del 5%", form="number", unit="sanzioni",
                       baseline=dict(number=294, year=2023, raw="Dato partenza 2023: 294 sanzioni"),
                       target=dict(number=309, raw="Dato di arrivo: 309 sanzioni"),
                       flags=["Target solo nel testo ('Dato di arrivo: 309 sanzioni'), nessuna 'dimensione attesa' stampata."]),
    ("OO-11", 3): dict(relative="Aumento degli accertamenti di violazione del 10%", unit="sanzioni", baseline=dict(number=67, year=2023, raw="Dato di partenza: 67 sanzioni 2023")),
    ("OO-11", 4): dict(unit="servizi", flags=["Il testo dice 'Dato di arrivo: svolgimento 30 servizi appositi', coerente con la dimensione attesa 30."]),
    ("OO-11", 5): dict(flags=["Il testo dice 'Dato di arrivo: 70% degli ingressi/uscite', coerente con la % prevista 70."]),
    ("OO-12", 2): dict(form="number", unit="aree", baseline=dict(number=3, raw="Dato di partenza: 3 aree"),
                       target=dict(number=3, raw="Dato di arrivo: 3 aree coinvolte"),
                       flags=["Target solo nel testo ('Dato di arrivo: 3 aree coinvolte'), pari al dato di partenza."]),
    ("OO-12", 3): dict(form="number", unit="giorni", direction="lte", baseline=dict(number=30, raw="da 30 giorni"),
                       target=dict(number=20, raw="da 30 giorni a 20 giorni"),
                       flags=["Target solo nel testo ('da 30 giorni a 20 giorni')."]),
    ("OO-12", 4): dict(unit="%", flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo).",
                                        "Il testo dice 'almeno 60% soddisfatti (con voti superiori a \"sufficiente\")', coerente con la % prevista 60."]),
    ("OO-12", 5): dict(relative="Aumento del 10% sanzioni art. 38 bis RPU", unit="sanzioni", baseline=dict(number=32, raw="Dato di partenza: 32 sanzioni"),
                       flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo).",
                              "Il testo dice 'Dato di arrivo: 35 sanzioni', coerente con la dimensione attesa 35."]),
    ("OO-12", 6): dict(relative="Aumento del 2,5% monte ore attività esterna", baseline=dict(number=54.42, year=2023, raw="Dato di partenza: 54,42% (nov 23 - 1° mese con timbrature)"),
                       flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo).",
                              "'Aumento del 2,5%' con dato di partenza 54,42%: non è chiaro se si tratti di punti percentuali o di aumento relativo."]),
    ("OO-13", 3): dict(relative="diminuzione del numero delle stampe prodotte rispetto alla media degli ultimi 2 anni", baseline=dict(raw="(-----)", text="media degli ultimi 2 anni"), 
                       flags=["Dato di partenza stampato come segnaposto '(-----)'.",
                              "Indicatore di riduzione: il target 20 è la % di diminuzione delle stampe."]),
    ("OO-14", 2): dict(form="percent", unit="%"),
    ("OO-14", 3): dict(form="milestone"),
    ("OO-15", 2): dict(form="ratio"),
    ("OO-15", 3): dict(form="number"),
    ("OO-16", 2): dict(flags=["'Impianti temici' (refuso di 'termici')."]),
    # OO-17: the first two indicators carry their deadline only in the text.
    ("OO-17", 1): dict(form="date", direction="entro", target=dict(date="2024-05-15", raw="Via Veneto inizio lavori il entro 15/05/2024"),
                       flags=["Target solo nel testo ('inizio lavori il entro 15/05/2024'), nessuna 'data prevista' stampata."]),
    ("OO-17", 2): dict(form="date", direction="entro", target=dict(date="2024-09-30", raw="Fase 2 - termine intermedio - 30/09/2024: realizzato/pagato 30% dell'importo",
                                                                     text="realizzato/pagato 30% dell'importo"),
                       flags=["Target solo nel testo (termine intermedio 30/09/2024: realizzato/pagato 30% dell'importo)."]),
    ("OO-17", 3): dict(flags=["Il testo cita la scadenza PNRR 30/03/25; la data prevista 30/11/2024 la anticipa."]),
    ("OO-18", 1): dict(form="milestone", flags=["Nessun target stampato."]),
    ("OO-18", 3): dict(unit="interventi"),
    ("OO-19", 3): dict(unit="scuole"),
    # OO-20: intersectoral, one indicator per settore, each packing 2-3 metrics with in-text targets.
    **{("OO-20", n): dict(flags=["Un solo indicatore stampato contiene " + ("tre" if n == 2 else "due") + " misure, "
                                 "ciascuna con il proprio target nel testo (riportate in target.text); "
                                 "target.number si riferisce alla prima ('% rispetto fasi e tempi')."])
       for n in range(1, 9)},
    ("OO-21", 2): dict(flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo)."]),
    ("OO-21", 3): dict(form="percent", flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo).",
                                              "Target 33% = fase 1 di 3 dell'obiettivo pluriennale."]),
    ("OO-22", 2): dict(form="ratio"),
    ("OO-22", 3): dict(flags=["Testo spurio 'Formattazione condizionale' stampato dentro l'indicatore (artefatto di foglio di calcolo): omesso."]),
    ("OO-23", 3): dict(form="number", flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo)."]),
    ("OO-23", 4): dict(form="number", flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo)."]),
    ("OO-24", 3): dict(form="percent"),
    ("OO-25", 1): dict(relative="% aumento eventi di promozione del territorio", baseline=dict(number=10, year=2023, raw="dato 2023 = n. 10 eventi"), unit="%",
                       flags=["Target espresso come % di aumento rispetto al 2023."]),
    ("OO-25", 4): dict(relative="% aumento collaborazioni con partner esterni", baseline=dict(number=22, year=2023, raw="dato 2023 = n. 22 collaborazioni"),
                       flags=["Formula 'patti di collaborazione 2023/ ... 2024' invertita rispetto a un aumento; target espresso come % di aumento."]),
    ("OO-26", 1): dict(form="ratio", baseline=dict(number=2, year=2023, raw="N. Soggetti progetto sperimentale 2023 = 2"),
                       flags=["Formula 'n. servizi coinvolti nel progetto sperimentale / n. servizi coinvolti nel progetto' invertita rispetto a un consolidamento."]),
    ("OO-26", 2): dict(baseline=dict(number=5, year=2023, raw="N. Iniziative 2023=5"),
                       flags=["Formula 'n. iniziative 2023/n.iniziative 2024' con target 100%: rapporto invertito."]),
    ("OO-26", 5): dict(flags=["Indicatore si/no codificato come % prevista 100."]),
    ("OO-26", 7): dict(flags=["Tipo di indicatore non stampato ('indicatore di' senza tipo).",
                              "Indicatore si/no ('frequenza corso formazione si/no') codificato come % prevista 100."]),
    ("OO-27", 1): dict(flags=["Indicatore si/no codificato come % prevista 100."]),
    ("OO-27", 2): dict(flags=["Indicatore si/no codificato come % prevista 100."]),
    ("OO-27", 3): dict(unit="iniziative", flags=["Valore della dimensione attesa stampato dopo la tabella delle opzioni."]),
    ("OO-28", 1): dict(form="percent", unit="%", flags=["Nessun target stampato; archivio di 1.100 istanze cartacee."]),
    ("OO-28", 2): dict(flags=["Indicatore si/no codificato come % prevista 100."]),
    ("OO-31", 2): dict(flags=["Nessun target stampato; il testo indica 480/480 pratiche."]),
    ("OO-31", 3): dict(flags=["Nessun target stampato; il testo indica 480/480 pratiche."]),
    ("OO-31", 4): dict(unit="pratiche"),
    ("OO-32", 4): dict(unit="pratiche"),
    ("OO-33", 2): dict(unit="moduli"),
    ("OO-33", 3): dict(unit="sessioni"),
    ("OO-33", 4): dict(unit="%", flags=["Soglia di soddisfazione: votazione superiore a 7/10."]),
    ("OO-33", 5): dict(unit="€", flags=["Dimensione attesa 1100 non coerente con il calcolo del testo (15 dipendenti x € 75,00 = € 1.125,00)."]),
    ("OO-34", 2): dict(form="number"),
    ("OO-34", 3): dict(form="number"),
    ("OO-35", 2): dict(unit="report"),
    ("OO-35", 4): dict(unit="persone", flags=["Indicatore di economicità che misura un numero di persone formate."]),
    ("OO-36", 2): dict(flags=["Target 50% = fase 1 di 2 dell'obiettivo pluriennale."]),
    ("OO-36", 3): dict(flags=["Target 50% = fase 1 di 2 dell'obiettivo pluriennale."]),
    ("OO-36", 4): dict(form="milestone"),
}

LABEL_INLINE = re.compile(r"^(% prevista|dimensione attesa|data prevista)\s*(.*)$")
VALUE_RE = re.compile(r"^(\d[\d.,]*|\d{1,2}/\d{1,2}/\d{2,4})$")
SETTORE_REF = re.compile(r"^Settore (\d)\.\s?(.+)$")


def parse_indicator(card_key: str, n: int, head: int, end: int) -> dict:
    """Lines head..end: 'indicatore di <tipo>' then text, options block, target label and value."""
    head_txt = clean(L(head))
    typ_raw = head_txt[len("indicatore di"):].strip()
    texts: list[str] = []
    options_seen = False
    checked: list[str] = []
    label = None
    value = None
    spurious: list[str] = []
    lines = [clean(L(k)) for k in range(head + 1, end + 1)]
    k = 0
    while k < len(lines):
        t = lines[k]
        nxt = next((x for x in lines[k + 1:] if x), None)
        if not t:
            k += 1
            continue
        if t.startswith("<input"):
            options_seen = True
            is_checked = 'checked=""' in t
            rest = [c.strip() for c in re.sub(r"^<input[^>]*/>", "", t).split("\t") if c.strip()]
            opt = rest.pop(0)
            assert opt in OPTIONS, (head, t)
            if is_checked:
                checked.append(opt)
            for c in rest:
                lm = LABEL_INLINE.match(c)
                if lm:
                    label = lm.group(1)
                    if lm.group(2):
                        value = lm.group(2)
                elif VALUE_RE.match(c) and label:
                    value = c
                else:
                    raise SystemExit(f"unexpected radio cell {c!r} at line {head}")
        elif re.fullmatch(r"(- )?(data|tempestività|quantità|percentuale)", t) and not (t == "data" and nxt == "prevista"):
            options_seen = True
        elif t == "data" and nxt == "prevista" or t == "dimensione" and nxt == "attesa":
            label = t + " " + nxt
            k += 1
            while not lines[k]:
                k += 1
        elif LABEL_INLINE.match(t):
            lm = LABEL_INLINE.match(t)
            label = lm.group(1)
            if lm.group(2):
                value = lm.group(2)
        elif VALUE_RE.match(t) and label:
            value = t
        elif t == "Formattazione condizionale":  # HAND: spreadsheet artefact at line 2813
            spurious.append(t)
        else:
            assert not options_seen and label is None, (head, t)
            texts.append(t)
        k += 1
    return dict(typeRaw=typ_raw, texts=texts, options=options_seen, checked=checked, label=label, value=value,
                spurious=spurious, line=head)


# ---------------------------------------------------------------------------------------------------------------
# Build the card records
# ---------------------------------------------------------------------------------------------------------------

STRUCT_RE = re.compile(r"^(indirizzo strategico|obiettivo strategico|obiettivo operativo)$|^\d\d\.\d - |^\d\d\.\s?[A-Z]")
PART_RE = re.compile(r"^(.*?)\t([A-D]\d)\t(.*)$")


def card_start(c: dict) -> int:
    if c.get("no_marker"):
        return c["hdr"][0]
    n = c["hdr"][0] - 1
    while L(n).strip() != "obiettivo operativo":
        n -= 1
    return n


starts = [card_start(c) for c in CARDS]
for idx, c in enumerate(CARDS):
    c["start"] = starts[idx]
    c["end"] = (starts[idx + 1] - 1) if idx + 1 < len(CARDS) else len(LINES)

OPTION_STATS = {"radio": 0, "lost": 0, "none": 0}
nodes: list[dict] = []
phases: list[dict] = []
indicators: list[dict] = []
participations: list[dict] = []


def dup_codes(raw: str) -> list[str]:
    out = []
    for m in re.finditer(r"\b(\d{1,2})\.(\d{1,2})\.(\d{1,2})\b", raw):
        code = ".".join(str(int(g)) for g in m.groups())
        if code not in out:
            out.append(code)
    return out


for c in CARDS:
    key = c["key"]
    flags: list[str] = []
    verb: "OrderedDict[str, str]" = OrderedDict()
    a, b = c["hdr"]
    hdr_text = " ".join(block(a, b))
    verb["Intestazione scheda"] = "\n".join(block(a, b))
    title = must_contain(hdr_text, c["title"], f"{key} header")
    if c.get("dup"):
        must_contain(hdr_text, c["dup"], f"{key} header")
    for lit in ("hz", "sub"):
        if c.get(lit):
            must_contain(hdr_text, c[lit], f"{key} header")
    if c.get("sub"):
        verb["Sottotitolo"] = c["sub"]

    # overview row (part "linee strategiche e obiettivi operativi")
    oa, ob = c["ov"]
    ov_lines = block(oa, ob)
    verb["Riepilogo linee strategiche e obiettivi operativi"] = "\n".join(ov_lines)
    ov_text = " ".join(ov_lines)
    dm = re.search(r"da realizzare entro il\s+(\d\d/\d\d/\d{4})", ov_text)
    assert dm, (key, ov_text)
    deadline_raw = "da realizzare entro il " + dm.group(1)
    assert ov_lines[-1] == dm.group(1) or ov_lines[-1] == deadline_raw
    assert unit_name_by_code[c["unit"]].replace(" ", "") in ov_text.replace(" ", "").replace("\n", ""), key

    # description
    desc = paragraphs(*c["desc"]) if c.get("desc") else None

    # body between header and "Fattori critici": tags and Agenda 2030 lines
    fc = next(n for n in range(b + 1, c["end"] + 1) if L(n).strip() == "Fattori critici")
    tags: list[str] = list(c.get("htags", []))
    if c.get("hz", "").upper().startswith("OBIETTIVO") and c["hz"] not in tags:
        tags.append(c["hz"])  # multi-year marker printed as a tag line inside the header
    agenda = None
    skip = set()
    if c.get("desc"):
        skip |= set(range(c["desc"][0], c["desc"][1] + 1))
    for n in range(b + 1, fc):
        t = clean(L(n))
        if n in skip or not t:
            continue
        if TAG_RE.match(t):
            tags.append(t)
        elif AGENDA_RE.search(t):
            agenda = t
    # overview tags (printed in the "Settori" column or below the title)
    for t in ov_lines:
        if TAG_RE.match(t) and t not in tags and not any(t in x for x in tags) and t not in hdr_text:
            flags.append(f"Etichetta '{t}' stampata solo nel riepilogo.")
            tags.append(t)
    if tags:
        verb["Etichette"] = "\n".join(tags)
    if agenda:
        verb["Agenda 2030"] = agenda
    classes: list[str] = []
    for t in tags:
        for k2 in classify_tag(t):
            if k2 not in classes:
                classes.append(k2)
    if agenda and "agenda-2030" not in classes:
        classes.append("agenda-2030")
    if key == "OO-20":
        classes.append("tempi-pagamento")  # art. 4-bis D.L. 13/2023 objective (payment times)

    # critical factors, "Riprogrammazione", indicators, participants
    ind_heads = [n for n in range(fc + 1, c["end"] + 1) if L(n).startswith("indicatore di")]
    part_head = next(n for n in range(fc + 1, c["end"] + 1) if L(n).strip() == "dipendenti che partecipano all'obiettivo")
    fc_end = ind_heads[0] - 1
    riprog = next((n for n in range(fc + 1, fc_end + 1) if L(n).strip() == "Riprogrammazione"), None)
    if riprog:
        fc_end = riprog - 1
        rip_text = paragraphs(riprog + 1, ind_heads[0] - 1)
        verb["Riprogrammazione"] = rip_text  # printed label with no content
    critical = paragraphs(fc + 1, fc_end)

    # ---- phases
    ph_rows: list[dict] = []
    groups = c.get("groups") or [(None, c.get("ph_head"), c["ph"])]
    heads_raw = []
    for g_line, h_line, (pa, pb) in groups:
        group = clean(L(g_line)) if g_line else None
        if h_line:
            h = clean(L(h_line))
            if c.get("ph_inline"):
                h = must_contain(h, c["ph_inline"], key)
            heads_raw.append(h)
        pending: list[dict] = []
        header_period = None
        for n in range(pa, pb + 1):
            t = clean(L(n))
            if c.get("ph_inline") and n == h_line:
                t = t[len(c["ph_inline"]):].strip()
            if not t:
                continue
            if parse_months(t) is not None:  # a line that is only a period
                if pending:
                    for r in pending:
                        r["periodRaw"], r["months"] = t, parse_months(t)
                        r["sourceFlags"].append("Periodo unico stampato dopo l'elenco delle fasi, riferito a tutte.")
                    pending = []
                else:
                    header_period = t
                continue
            code, ptitle, praw, months = split_phase(t)
            if key == "OO-34":
                # HAND: one bullet with two periods (bilancio consuntivo / bilancio preventivo)
                mm = re.search(r"bilancio consuntivo \(FEBBRAIO - APRILE\) bilancio preventivo \(OTTOBRE - DICEMBRE\)$", t)
                assert mm
                ptitle = t[2:mm.start()].strip().rstrip(":").strip()
                praw, months = mm.group(0), [2, 3, 4, 10, 11, 12]
            if praw:
                praw = praw.rstrip(";.*").strip()
            row = OrderedDict(code=code, title=ptitle, group=group, periodRaw=praw, months=months, sourceFlags=[], line=n)
            if praw is None and header_period:
                row["periodRaw"], row["months"] = header_period, parse_months(header_period)
                row["sourceFlags"].append("Periodo stampato come intestazione di un gruppo di fasi.")
            ph_rows.append(row)
            if praw is None and not header_period:
                pending.append(row)
    if heads_raw:
        verb["Cronoprogramma"] = " / ".join(heads_raw)

    # HAND: phases with dates instead of months
    for r in ph_rows:
        if r["periodRaw"] is None:
            dm2 = re.search(r"(?::\s*)?(\d{1,2}/\d{1,2}/\d{2,4});?$", r["title"])
            if key == "OO-17" and r["code"] == "FASE 2":
                r["title"] = "Via Veneto - inizio lavori il entro 15/05/2024; P.zza Garibaldi e Via L. da Vinci - al 30/09/2024: realizzato/pagato 30% dell'importo"
                must_contain(clean(L(r["line"])), r["title"], key)
                r["periodRaw"] = r["title"]  # the two dates are interleaved with the text
                r["due"] = "2024-09-30"
                r["sourceFlags"].append("Due scadenze nella stessa fase (15/05/2024 inizio lavori Via Veneto; 30/09/2024 "
                                        "30% dell'importo P.zza Garibaldi e Via L. da Vinci): 'due' = l'ultima.")
                r["sourceFlags"].append("Refuso 'inizio lavori il entro'.")
            elif key == "OO-17" and r["code"] == "FASE 4":
                r["periodRaw"] = "P.zza Garibaldi 31/10/24, L. da Vinci 30/06/24, via Veneto 30/11/24"
                must_contain(clean(L(r["line"])), r["periodRaw"], key)
                r["title"] = "Conclusione lavori"
                r["due"] = "2024-11-30"
                r["sourceFlags"].append("Tre date di conclusione nella stessa fase (P.zza Garibaldi 31/10/24, L. da Vinci "
                                        "30/06/24, via Veneto 30/11/24): 'due' = l'ultima.")
            elif dm2:
                r["periodRaw"] = dm2.group(1)
                r["title"] = r["title"][:dm2.start()].strip()
                d = it_day(dm2.group(1))
                if d:
                    r["due"] = d
                else:
                    r["sourceFlags"].append(f"Data impossibile '{dm2.group(1)}' (settembre ha 30 giorni): lasciata solo in periodRaw; "
                                            "l'indicatore collegato usa 30/09/2024.")
                    doc_flag(f"{key}: data impossibile '{dm2.group(1)}' nel cronoprogramma.")
    for idx, r in enumerate(ph_rows, 1):
        pk = f"{key}-F{idx}"
        ph = OrderedDict(key=pk, nodeKey=key, ordinal=idx)
        if r["group"]:
            ph["group"] = r["group"]
        if r["code"]:
            ph["code"] = r["code"]
        ph["title"] = r["title"]
        ph["months"] = r["months"] or []
        if r.get("due"):
            ph["due"] = r["due"]
        if r["periodRaw"]:
            ph["periodRaw"] = r["periodRaw"]
        ph["sourceFlags"] = r["sourceFlags"] + PHASE_FLAGS.get(pk, [])
        if not r["periodRaw"]:
            ph["sourceFlags"].append("Nessun periodo stampato per questa fase.")
        phases.append(ph)
    c["phaseRows"] = ph_rows

    # ---- indicators
    bounds = ind_heads + [part_head]
    for n_i, h in enumerate(ind_heads, 1):
        raw = parse_indicator(key, n_i, h, bounds[n_i] - 1)
        ov = IND_OVERRIDES.get((key, n_i), {})
        ind = OrderedDict(key=f"{key}-I{n_i}", nodeKey=key, order=n_i)
        texts = list(raw["texts"])
        unit_key = None
        sm = SETTORE_REF.match(texts[0])
        if sm:
            unit_key = f"U-0{sm.group(1)}"
        ind["name"] = texts[0]
        if len(texts) > 1:
            ind["description"] = "\n".join(texts[1:])
        iflags: list[str] = []
        if raw["typeRaw"] in TYPE_MAP:
            ind["type"] = TYPE_MAP[raw["typeRaw"]]
            if raw["typeRaw"] == "attività/processo":
                ind["typeRaw"] = raw["typeRaw"]
        else:
            assert raw["typeRaw"] == "", raw
            if not any("Tipo di indicatore non stampato" in f for f in ov.get("flags", [])):
                iflags.append("Tipo di indicatore non stampato ('indicatore di' senza tipo).")
        text_all = " ".join(texts)
        # form: printed target label, else the surviving radio selection, else what the text says
        if raw["label"]:
            form = FORM_BY_LABEL[raw["label"]]
        elif raw["checked"]:
            form = FORM_BY_OPTION[raw["checked"][0]]
        elif re.search(r"\(si/no\)", text_all, re.I):
            form = "boolean"
        elif re.match(r"(?i)^%|^percentuale|^% ?rispetto|^rispetto (fasi|tempi)", texts[0] if not unit_key else texts[1]):
            form = "percent"
        else:
            form = "milestone"
        if raw["label"] and raw["checked"] and FORM_BY_OPTION[raw["checked"][0]] != form:
            iflags.append(f"Opzione selezionata '{raw['checked'][0]}' non coerente con l'etichetta '{raw['label']}'.")
        form = ov.get("form", form) if not raw["label"] else form
        ind["form"] = form
        direction = ov.get("direction", "entro" if form == "date" else "gte")
        ind["direction"] = direction
        unit = ov.get("unit")
        if unit is None and form == "percent":
            unit = "%"
        if unit:
            ind["unit"] = unit
        if ov.get("baseline"):
            must_contain(text_all, ov["baseline"]["raw"], f"{key}-I{n_i} baseline")
            ind["baseline"] = OrderedDict(ov["baseline"])
        if ov.get("target"):
            must_contain(text_all, ov["target"]["raw"], f"{key}-I{n_i} target")
        target = None
        if raw["label"]:
            if raw["value"] is None:
                iflags.append(f"Etichetta '{raw['label']}' stampata senza valore.")
            else:
                target = OrderedDict()
                if form == "date":
                    d = it_day(raw["value"])
                    assert d, raw
                    target["date"] = d
                else:
                    target["number"] = it_number(raw["value"])
                target["raw"] = f"{raw['label']} {raw['value']}"
        elif ov.get("target"):
            target = OrderedDict(ov["target"])
        if key == "OO-20":
            # in-text targets of the intersectoral indicators
            tt = [t for t in texts[1:]]
            if target is None:
                target = OrderedDict(number=100, raw="target 100%")
                iflags.append("Nessuna '% prevista' stampata: target 100 preso dal testo ('% rispetto fasi e tempi - target 100%').")
            target["text"] = "; ".join(tt)
        if ov.get("relative"):
            must_contain(text_all, ov["relative"], ind["key"])
            if target is None:
                target = OrderedDict()
            target["relative"] = ov["relative"]
        if target:
            ind["target"] = target
        if unit_key:
            ind["unitKey"] = unit_key
        if not target and not raw["label"] and not any("target" in f.lower() for f in ov.get("flags", [])):
            iflags.append("Nessun target stampato.")
        if raw["spurious"]:
            assert any("Formattazione condizionale" in f for f in ov.get("flags", []))
        for f in ov.get("flags", []):
            if f not in iflags:
                iflags.append(f)
        if re.search(r"fai e tempi", text_all):
            iflags.append("Refuso '% rispetto fai e tempi' (fasi e tempi).")
        if not raw["options"]:
            iflags.append("Blocco delle opzioni di misura (data/tempestività/quantità/percentuale) assente.")
        ind["sourceFlags"] = iflags
        OPTION_STATS["radio" if raw["checked"] else ("lost" if raw["options"] else "none")] += 1
        ind["_checked"] = raw["checked"]
        ind["_label"] = raw["label"]
        indicators.append(ind)

    # ---- participants
    n = part_head + 1
    rows = []
    while n <= c["end"]:
        t = L(n)
        s_ = t.strip()
        if not s_:
            n += 1
            continue
        if STRUCT_RE.match(s_) or re.match(r"(?i)^\**r[ie]f", s_):
            break
        pm = PART_RE.match(t)
        if pm:
            rows.append((pm.group(1).strip(), pm.group(2), pm.group(3).strip() or None))
        else:
            # HAND: name and category on separate lines (lines 1377-1383, 1423-1425, 1487-1489)
            m2 = n + 1
            while not L(m2).strip():
                m2 += 1
            assert re.fullmatch(r"[A-D]\d", L(m2).strip()), (n, t)
            rows.append((s_, L(m2).strip(), None))
            n = m2
        n += 1
    for who, grade, activity in rows:
        fam, given = split_name(who)
        pflags = []
        if fam == "SACHELLI":  # HAND: typo of SACCHELLI Paola (same name, same category C5, same settore 07)
            fam = "SACCHELLI"
            flags.append("Partecipante stampato 'SACHELLI Paola': refuso di 'SACCHELLI Paola' (stessa categoria C5), unificato.")
        pk = person_key(fam, given)
        if pk not in people:
            people[pk] = OrderedDict(key=pk, familyName=fam, givenName=given, staffGrade=grade)
        else:
            assert people[pk].get("staffGrade", grade) == grade, (pk, grade)
        part = OrderedDict(personKey=pk, nodeKey=key)
        if activity:
            part["activity"] = activity
        part["gradeRaw"] = grade
        participations.append(part)
    if not rows:
        flags.append("Elenco 'dipendenti che partecipano all'obiettivo' vuoto.")
    if c["unit"] == "07" and any(a_ and (a_.endswith(",") or a_.endswith(" e") or a_.endswith(" per") or a_.endswith("lavori"))
                                 for _, _, a_ in rows):
        flags.append("Attività dei partecipanti troncate nel documento (colonna tagliata a larghezza fissa).")

    c.update(title=title, desc=desc, tags=tags, classes=classes, critical=critical, verb=verb, flags=flags,
             deadline_raw=deadline_raw, deadline=it_day(dm.group(1)), rows=rows)

# ---------------------------------------------------------------------------------------------------------------
# Card-specific flags (HAND, from reading the document)
# ---------------------------------------------------------------------------------------------------------------

CARD_FLAGS = {
    "OO-01": ["Nel riepilogo l'annotazione 'Settore a cui è affidato il coordinamento: 02. FINANZIARIO E TRIBUTI' "
              "(righe 667-669) è stampata dopo questa riga, staccata: attribuita all'obiettivo intersettoriale "
              "'Rispetto tempi medi di pagamento' (OO-20)."],
    "OO-05": [],
    "OO-06": ["Il riepilogo scrive 'ref. DUP 4.6.1.', la scheda 'rif. DUP 4.6.1.'."],
    "OO-07": ["Il DUP 4.3.2 non appartiene all'obiettivo strategico 04.2 sotto cui la scheda è stampata.",
              "Stessa descrizione dell'obiettivo OO-08 con dati contrastanti: qui '2 Ausiliarie Socio Assistenziali', "
              "in OO-08 '3 Ausiliarie Socio Assistenziali'."],
    "OO-08": ["Il riepilogo scrive 'Soddifacimento', la scheda 'Soddisfacimento'.",
              "Il DUP 4.3.2 non appartiene all'obiettivo strategico 04.2 sotto cui la scheda è stampata.",
              "Stessa descrizione dell'obiettivo OO-07 con dati contrastanti ('3 Ausiliarie' qui, '2 Ausiliarie' in OO-07)."],
    "OO-09": ["Nella scheda manca l'etichetta 'obiettivo strategico' prima di '06.1 - PROGETTO SCUOLA ED ISTRUZIONE' (riga 1431)."],
    "OO-10": ["Fase 4: periodo '(MARZO/DICEMBRE)' trascritto come intervallo marzo-dicembre; potrebbe indicare due incontri (marzo e dicembre).",
              "Fase 3: il testo parla dei 'mesi di giugno e luglio' ma il periodo stampato è '(APRILE/GIUGNO)'.",
              "Il DUP 4.1.9 appartiene a un'altra linea (04) rispetto all'obiettivo strategico 06.1."],
    "OO-12": ["Il titolo/sottotitolo è troncato: '... percezione di sicurezza dei cittadini favorendo' (anche nel riepilogo).",
              "Nella scheda manca l'etichetta 'obiettivo strategico' prima di '05.2 - IMMIGRAZIONE' (riga 1718).",
              "La scheda non ha un'intestazione del cronoprogramma: le fasi 'FASE 1..3' seguono direttamente la descrizione.",
              "I riferimenti DUP 5.1.x appartengono all'obiettivo strategico 05.1, non a 05.2."],
    "OO-13": ["Etichetta stampata 'OBITTTIVO DI ACCESSIBILITA' E DIGITALIZZAZIONE' (refuso di OBIETTIVO)."],
    "OO-14": ["Il riepilogo scrive 'rif DUP 1.2.4', la scheda 'ref DUP 1.2.4'."],
    "OO-16": ["'Impianti temici' (refuso di 'termici') in un indicatore."],
    "OO-17": ["Il titolo scrive 'nuova Via Vento', il resto della scheda 'Via Veneto'."],
    "OO-18": ["Etichetta 'Riprogrammazione' stampata senza contenuto."],
    "OO-19": ["Fase 3 del progetto PNRR con data impossibile '31/09/24'; l'indicatore collegato usa 30/09/2024.",
              "'Fattori critici' troncati: '... (interventi di riqualificazione che poi'.",
              "La scheda non ha una descrizione: inizia con le intestazioni dei due progetti."],
    "OO-20": ["Obiettivo intersettoriale: un indicatore per ciascun settore 01-08 (unitKey). L'art. 4-bis D.L. 13/2023 "
              "richiede che pesi almeno il 30% della retribuzione di risultato dei responsabili (vedi notes).",
              "Coordinamento del settore 02 dedotto dall'annotazione staccata del riepilogo (righe 667-669), stampata "
              "dopo l'obiettivo OO-01: attribuzione non certa.",
              "Elenco 'dipendenti che partecipano all'obiettivo' vuoto."],
    "OO-21": ["Il titolo è stampato con un trattino iniziale ('- Migliorare la qualità ...')."],
    "OO-22": ["Etichetta 'Riprogrammazione' stampata senza contenuto."],
    "OO-24": ["'Fattori critici' troncati: '... affidi minori accompagnati,'.",
              "I periodi sono stampati come intestazioni di gruppi di fasi (GENNAIO - MAGGIO, GENNAIO - DICEMBRE, GIUGNO - DICEMBRE)."],
    "OO-26": ["Manca l'etichetta 'obiettivo operativo' prima della scheda (riga 3080)."],
    "OO-27": ["Etichetta ripetuta con grafie diverse: 'OBIETTIVO DI PARI OPPORTUNITA'' e 'OBIETTIVO PARI OPPORTUNITA''.",
              "'Fattori critici': frase fusa '... l'attuazione del principio Il raggiungimento della parità ...'.",
              "I DUP 1.2.6, 5.1.13 e 5.1.22 appartengono ad altre linee rispetto all'obiettivo strategico 07.2."],
    "OO-28": ["I DUP 1.2.4 e 10.1.8 appartengono ad altre linee rispetto all'obiettivo strategico 08.1."],
}
DUP_FLAG = "'1.1.1. - 1.1.5' può essere un elenco o un intervallo: trascritto come due riferimenti."
EXTRA_NOTES = {
    "OO-20": "Art. 4-bis D.L. n. 13/2023 (conv. L. n. 41/2023), citato nei fattori critici: gli obiettivi sul rispetto "
             "dei tempi di pagamento sono valutati, ai fini della retribuzione di risultato, in misura non inferiore al 30%.",
}

# ---------------------------------------------------------------------------------------------------------------
# Nodes
# ---------------------------------------------------------------------------------------------------------------

linea_nodes = []
for o, l in enumerate(linee, 1):
    vflags = list(l["flags"])
    ops = [c for c in CARDS if c["os"][:2] == l["code"]]
    oss = sorted({c["os"] for c in ops})
    cnt = l["counters"]
    if cnt["strategici"] is None and cnt["operativi"] is None:
        vflags.append("Contatori 'n. obiettivi strategici / operativi / trasversali' stampati senza valori.")
    else:
        if int(cnt["strategici"]) != len(oss):
            vflags.append(f"Contatore stampato 'n. obiettivi strategici' = {cnt['strategici']}, ma nel documento ne compaiono {len(oss)} ({', '.join(oss)}).")
        if int(cnt["operativi"]) != len(ops):
            vflags.append(f"Contatore stampato 'n. obiettivi operativi' = {cnt['operativi']}, ma nel documento ne compaiono {len(ops)}.")
    verb = OrderedDict()
    verb["Referenti politici"] = l["refRaw"]
    verb["Contatori"] = l["countersRaw"]
    node = OrderedDict(key=f"IS-{l['code']}", level="indirizzo-strategico", code=l["code"], title=l["title"],
                       description=l["narrative"], order=o, ownerUnitKeys=[], crossCutting=False,
                       responsiblePersonKeys=[], politicalReferentKeys=l["refKeys"], classifications=[],
                       stakeholders=[], contributors=[], dupRefs=[], verbatim=verb, sourceFlags=vflags)
    linea_nodes.append(node)
if any(r["key"] == "PR-savino-a" for r in referents.values()) and "PR-savino-m" in referents:
    doc_flag("Referenti 'Ass. A. Savino' (linea 01) e 'Ass. M. Savino' (linea 04): trascritti come due assessori distinti; "
             "potrebbe trattarsi di un refuso.")
doc_flag("Referente 'Ass. M. Cerrì' (linea 04) unificato con 'Ass. M. Cerri' (linee 02, 03, 07, 08, 10).")

os_nodes = []
per_linea_order: dict[str, int] = {}
for code, o in os_list.items():
    lc = code[:2]
    per_linea_order[lc] = per_linea_order.get(lc, 0) + 1
    vflags = []
    if o["printedAgain"]:
        vflags.append("Nel riepilogo l'obiettivo strategico 06.1 è stampato due volte (una per il settore 07, una per il settore 03).")
    if code == "06.1":
        vflags.append("Nella parte 'Performance dei settori' manca l'etichetta 'obiettivo strategico' prima di questo codice (riga 1431).")
    if code == "05.2":
        vflags.append("Nella parte 'Performance dei settori' manca l'etichetta 'obiettivo strategico' prima di questo codice (riga 1718).")
    os_nodes.append(OrderedDict(key=f"OS-{code}", level="obiettivo-strategico", parentKey=f"IS-{lc}", code=code,
                                title=o["title"], order=per_linea_order[lc], ownerUnitKeys=[], crossCutting=False,
                                responsiblePersonKeys=[], politicalReferentKeys=[], classifications=[], stakeholders=[],
                                contributors=[], dupRefs=[], verbatim=OrderedDict([("Obiettivo strategico", f"{code} - {o['title']}")]),
                                sourceFlags=vflags))

# operational objectives: order among siblings = order of the overview rows
ov_sorted = sorted(CARDS, key=lambda c: c["ov"][0])
ov_order: dict[str, int] = {}
per_os: dict[str, int] = {}
for c in ov_sorted:
    per_os[c["os"]] = per_os.get(c["os"], 0) + 1
    ov_order[c["key"]] = per_os[c["os"]]

oo_nodes = []
for c in CARDS:
    key = c["key"]
    flags = list(c["flags"])
    for f in CARD_FLAGS.get(key, []):
        if f not in flags:
            flags.append(f)
    dup_raw = c.get("dup")
    codes = dup_codes(dup_raw) if dup_raw else []
    if dup_raw and "1.1.1. - 1.1.5" in dup_raw:
        flags.append(DUP_FLAG)
    if not dup_raw:
        flags.append("Nessun riferimento DUP stampato.")
    owners = [f"U-{c['unit']}"]
    cross = False
    coord = None
    if key == "OO-20":
        cross = True
        owners += [f"U-{x}" for x in ("01", "02", "03", "04", "05", "06", "07", "08")]
        coord = "U-02"
    node = OrderedDict(key=key, level="obiettivo-operativo", parentKey=f"OS-{c['os']}", title=c["title"])
    if c["desc"]:
        node["description"] = c["desc"]
    node["order"] = ov_order[key]
    node["ownerUnitKeys"] = owners
    node["crossCutting"] = cross
    if coord:
        node["coordinatingUnitKey"] = coord
    node["responsiblePersonKeys"] = []
    node["politicalReferentKeys"] = []
    if key in HORIZONS:
        hz = OrderedDict(HORIZONS[key])
        hz["raw"] = c["hz"] if c.get("hz") else None
        node["horizon"] = hz
    node["classifications"] = c["classes"]
    node["stakeholders"] = []
    node["contributors"] = []
    node["criticalFactors"] = c["critical"]
    node["dupRefs"] = codes
    if dup_raw:
        node["dupRefRaw"] = dup_raw
    node["deadline"] = c["deadline"]
    node["deadlineRaw"] = c["deadline_raw"]
    if key in EXTRA_NOTES:
        node["notes"] = EXTRA_NOTES[key]
    node["verbatim"] = c["verb"]
    node["sourceFlags"] = flags
    oo_nodes.append(node)

# horizon literals are set for all multi-year cards
for n_ in oo_nodes:
    if "horizon" in n_:
        assert n_["horizon"]["raw"], n_["key"]
assert len(oo_nodes) == 36 and len(os_nodes) == 13 and len(linea_nodes) == 9

# ---------------------------------------------------------------------------------------------------------------
# People: report the participants' master record; checks
# ---------------------------------------------------------------------------------------------------------------

participant_keys = list(OrderedDict((p["personKey"], None) for p in participations))
assert len(participations) == 165, len(participations)
assert len(participant_keys) == 72, len(participant_keys)
assert len(indicators) == 147, len(indicators)
doc_flag("Partecipante 'SACHELLI Paola' (OO-16) e 'SACCHELLI Paola' (OO-17, OO-18, OO-19): stessa persona (C5), unificata.")
doc_flag("'MANZONI Davide' (D1, settore 07) e 'VANZONI Davide' (D2, settore 06): trascritti come persone distinte "
         "(categorie diverse); potrebbe trattarsi di un refuso.")
doc_flag("Il documento non indica il settore di appartenenza dei dipendenti che partecipano agli obiettivi: "
         "homeUnitKey è valorizzato solo per i titolari.")
doc_flag("Nel riepilogo l'annotazione 'Settore a cui è affidato il coordinamento / 02. FINANZIARIO E TRIBUTI' (righe "
         "667-669) è staccata e segue l'obiettivo 'PREVENZIONE DELLA CORRUZIONE...' del settore 01: attribuita "
         "all'obiettivo intersettoriale 'Rispetto tempi medi di pagamento' (OO-20), inferenza non certa.")
doc_flag(f"Per {OPTION_STATS['lost']} indicatori il blocco 'data / tempestività / quantità / percentuale' è reso come "
         f"elenco (puntato o no) e la selezione è persa; {OPTION_STATS['none']} indicatori non hanno il blocco; solo "
         f"{OPTION_STATS['radio']} conservano l'opzione selezionata. La forma è ricavata dall'etichetta del target ('% prevista' = percentuale, 'dimensione "
         "attesa' = quantità, 'data prevista' = data) o, in mancanza, dal testo.")
doc_flag("Nessun peso, punteggio o valore consuntivo è riportato nel documento: campagne, valori e validazioni vuoti.")
doc_flag("Contatori delle linee strategiche: 'n. obiettivi trasversali' sempre vuoto; i contatori degli obiettivi "
         "strategici delle linee 04, 07 e 08 non corrispondono agli obiettivi strategici presenti (vedi sourceFlags dei nodi IS).")
doc_flag("Testo convertito da PDF: marcatori markdown '**' e asterischi di corsivo spaiati, tag HTML '<input type=\"radio\"/>' e righe con soli spazi "
         "sono stati rimossi dai testi trascritti.")
doc_flag("L'obiettivo strategico 06.1 compare due volte nel riepilogo; gli obiettivi strategici non sono stampati in "
         "ordine di codice (04.6 prima di 04.2): l'ordine di stampa è in nodes.order.")
doc_flag("Le chiavi OO-01..OO-36 seguono l'ordine delle schede nella parte 'Performance dei settori' (per settore); "
         "nodes.order segue l'ordine del riepilogo 'linee strategiche e obiettivi operativi'.")

for ind in indicators:
    ind.pop("_checked")
    ind.pop("_label")

# ---------------------------------------------------------------------------------------------------------------
# Bundle
# ---------------------------------------------------------------------------------------------------------------

bundle = OrderedDict()
bundle["format"] = "traguardo-plan-bundle"
bundle["version"] = 1
bundle["ente"] = OrderedDict(slug="cassano-d-adda", name="Città di Cassano d'Adda", kind="comune", memberSlugs=[], memberNames=[])
bundle["source"] = OrderedDict(
    document="P.I.A.O. 2024-2026 – SEZIONE 2. VALORE PUBBLICO, PERFORMANCE E ANTICORRUZIONE – 2.2 Performance "
             "(Città di Cassano d'Adda; seed 003_aeaac79594e9eef1.txt)",
    description="Trascrizione completa della sottosezione 2.2 Performance: struttura organizzativa (9 settori e "
                "titolari), 9 linee strategiche con referenti politici, 13 obiettivi strategici, 36 obiettivi operativi "
                "2024 con cronoprogramma, indicatori e dipendenti partecipanti. Generata da "
                "tools/transcription/cassano-d-adda.py.",
    flags=SOURCE_FLAGS)
bundle["units"] = units
bundle["people"] = list(people.values())
bundle["assignments"] = assignments
bundle["politicalReferents"] = list(referents.values())
bundle["classifications"] = [OrderedDict(key="rigenerazione-urbana", label="Rigenerazione urbana", requiredByPIAO=False)]
bundle["plan"] = OrderedDict(
    key="PIAO-2024-2026", title="P.I.A.O. 2024-2026", firstYear=2024, lastYear=2026, year=2024, state="approvato",
    version=1, levels=["indirizzo-strategico", "obiettivo-strategico", "obiettivo-operativo"],
    notes="Sezione 2 'Valore pubblico, performance e anticorruzione', sottosezione 2.2 Performance. Tutti gli obiettivi "
          "operativi sono 'da realizzare entro il 31/12/2024'. L'atto di approvazione non è riportato nel testo.")
bundle["nodes"] = linea_nodes + os_nodes + oo_nodes
bundle["phases"] = phases
bundle["indicators"] = indicators
bundle["participations"] = participations
bundle["campaigns"] = []
bundle["values"] = []
bundle["validations"] = []


def drop_none(x):
    if isinstance(x, dict):
        return OrderedDict((k, drop_none(v)) for k, v in x.items() if v is not None)
    if isinstance(x, list):
        return [drop_none(v) for v in x]
    return x


OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(drop_none(bundle), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {OUT.relative_to(REPO)}: {len(units)} units, {len(people)} people, {len(assignments)} assignments, "
      f"{len(referents)} referents, {len(bundle['nodes'])} nodes, {len(phases)} phases, {len(indicators)} indicators, "
      f"{len(participations)} participations ({len(participant_keys)} people)")
