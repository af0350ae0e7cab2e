#!/usr/bin/env python3
"""Transcribe seed 001 (Comune di Pisogne, PIAO 2023-2025, Sottosezione 2.2 A "Performance") into a
Traguardo plan bundle v1.

Source: /work/shared/seeds/001_ce527742eec4893e.txt (PDF-to-text conversion, read-only).
Output: Sources/TraguardoPersistence/DemoData/pisogne.json

What the document has, and how it is mapped:
  - 5 areas (only as group headings "OBIETTIVI AREA ...") -> 5 units (kind "area", no printed code);
  - no people, no assignments, no political referents, no weights, no objective codes, no phases, no monitoring;
  - 29 objective cards (4 trasversali + 7/5/5/4/4 by area) -> 29 nodes, level "obiettivo-performance", no parents;
  - each card's 8 labelled fields are kept verbatim in `verbatim` (label normalised to the straight apostrophe)
    and mapped: Responsabile -> ownerUnitKeys (+verbatim), stakeholder -> stakeholders, Chi contribuisce ->
    contributors, Tempi -> deadline/deadlineRaw(/horizon), Misurazione -> indicators, Base di partenza -> baseline,
    Traguardo atteso -> expectedOutcome, Verificabilità -> dataSource.

The card text is parsed from the seed by regex (labels, title lines, group headings, theme lines). Everything the
parser cannot know (indicator form/target, list splits, deadlines, flags) is written by hand in the tables
below, keyed by the analyst's card id (TRASV-01 ... SOC-04, see research/seed-001.md); every hand-written
string that claims to be verbatim is checked to be a substring of the card text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]
SEED = Path("/work/shared/seeds/001_ce527742eec4893e.txt")
OUT = REPO / "Sources" / "TraguardoPersistence" / "DemoData" / "pisogne.json"

PLAN_YEAR = 2023

# --- units ---------------------------------------------------------------------------------------------------------

# Group heading (as printed, after "OBIETTIVI ") -> unit key, card-id prefix, aliases used in the cards.
AREAS = [
    ("AREA AMMINISTRATIVA", "U-AMM", "AMM",
     ["area amministrativa", "Area Amministrativa", "area affari generali",
      "Responsabile Transizione Digitale (RTD) e dell'area amministrativa"]),
    ("AREA FINANZIARIA", "U-FIN", "FIN", ["Area Finanziaria", "Area Finanziaria-tributaria"]),
    ("AREA GESTIONE DEL TERRITORIO", "U-TER", "TER",
     ["Settore Tecnico", "Area Tecnica", "Servizio Lavori Pubblici e Manutenzioni"]),
    ("AREA POLIZIA LOCALE", "U-PL", "PL", ["Settore Polizia Locale"]),
    ("AREA SOCIO ASSISTENZIALE E SCOLASTICA", "U-SOC", "SOC",
     ["Area Servizi Sociali, Scolastici, SAP", "Area Servizi Sociali,"]),
]
ALL_UNITS = [a[1] for a in AREAS]

# --- field labels --------------------------------------------------------------------------------------------------

LABELS = [
    "Responsabile",
    "A chi è rivolto l'obiettivo (stakeholder)",
    "Chi contribuisce a raggiungere l'obiettivo",
    "Tempi di raggiungimento dell'obiettivo",
    "Misurazione di raggiungimento dell'obiettivo",
    "Base di partenza per il raggiungimento dell'obiettivo",
    "Traguardo atteso",
    "Verificabilità dei dati (fonte)",
]

# --- hand-written per-card data --------------------------------------------------------------------------------------
# stakeholders / contributors: the printed value split into its items (each item must be a substring of the value).
# deadline: ISO day derived from "Tempi" where the text names a day or a year (None otherwise).
# horizon: for the multi-year cards only.
# classes: only where the title itself names the category (the document tags no objective, see source flags).
# indicators: from "Misurazione"; name must be a substring of the card text; target dicts follow Target.
# flags: the document's own inconsistencies found on the card.

CARDS: dict[str, dict] = {
    "TRASV-01": dict(
        stakeholders=["Tutti i dipendenti"],
        contributors=["tutti gli uffici"],
        deadline="2023-12-31",
        classes=["digitalizzazione", "formazione"],
        indicators=[dict(name="Superamento test e verifica", form="boolean", direction="eq",
                         target=dict(flag=True, raw="Superamento test e verifica"))],
        flags=[
            "Traguardo atteso contiene un segnaposto non compilato («livello minimo .....»).",
            "Responsabile «tutti i responsabili di servizio PPO»: sigla «PPO» probabilmente per «PO».",
            "Verificabilità dei dati descrive un metodo («Verifica della partecipazione e superamento dei test previsti»), non una fonte.",
            "Refuso conservato: «Rilevazione bisogni formative».",
        ]),
    "TRASV-02": dict(
        stakeholders=["Cittadinanza"],
        contributors=["RTD", "tutti gli uffici"],
        deadline="2023-12-31",
        classes=["digitalizzazione", "semplificazione"],
        indicators=[
            dict(name="numero delle pratiche telematiche presentate", form="number", direction="gt",
                 target=dict(relative="incremento", raw="Verifica dell'incremento")),
            dict(name="pagamenti tramite PAGO PA", form="number", direction="gt",
                 target=dict(relative="incremento", raw="Verifica dell'incremento")),
            dict(name="accessi tramite SPID/CIE", form="number", direction="gt",
                 target=dict(relative="incremento", raw="Verifica dell'incremento")),
            dict(name="accessi degli utenti tramite Piattaforme ministeriali", form="number", direction="gt",
                 target=dict(relative="incremento", raw="Verifica dell'incremento")),
        ],
        indicator_flags=["Incremento senza valore di partenza né target numerico; l'elenco delle misure è aperto («eccc...»)."],
        flags=[
            "Elenco puntato del titolo spezzato da un salto pagina («--») nel testo convertito.",
            "Base di partenza «Piano Triennale di Prevenzione della Corruzione» per un obiettivo di digitalizzazione (probabile copia dalle schede trasversali su trasparenza e anticorruzione).",
            "Misurazione termina con un elenco aperto e un refuso («eccc...»).",
            "Responsabile con spazio prima della virgola («RTD ,»).",
        ]),
    "TRASV-03": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Tutte le unità organizzative"],
        deadline=None,
        classes=["anticorruzione-trasparenza"],
        indicators=[dict(name="Assenza di criticità nelle verifiche svolte dall'organo di controllo", form="number",
                         direction="lte", unit="criticità", target=dict(number=0, raw="Assenza di criticità"))],
        flags=["Tempi: attività «in continuo», senza scadenza.", "Refuso conservato: «I gestionali»."]),
    "TRASV-04": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Tutte le unità organizzative"],
        deadline=None,
        classes=["anticorruzione-trasparenza"],
        indicators=[dict(name="Assenza di criticità nelle verifiche svolte dall'organo di controllo e dal RPCT",
                         form="number", direction="lte", unit="criticità",
                         target=dict(number=0, raw="Assenza di criticità"))],
        flags=["Tempi: attività «in continuo», senza scadenza.",
               "Traguardo atteso con spazio prima del punto finale («amministrativa .»)."]),
    "AMM-01": dict(
        stakeholders=["Pubblica amministrazione", "Cittadinanza"],
        contributors=["Uffici servizi demografici", "ufficio affari generali", "ufficio manutenzioni"],
        deadline=None,
        indicators=[dict(name="Mancanza di criticità", form="number", direction="lte", unit="criticità",
                         target=dict(number=0, raw="Mancanza di criticità"))],
        flags=["Tempi legati a un evento («Collegati allo svolgimento delle elezioni regionali») senza data."]),
    "AMM-02": dict(
        stakeholders=["Cittadinanza"],
        contributors=["ufficio biblioteca comunale", "ufficio affari generali", "ufficio manutenzioni"],
        deadline=None,
        indicators=[
            dict(name="apertura al pubblico della sala studio e della sala bambini", form="date", direction="entro",
                 target=dict(raw="Entro il 31.06.2023"),
                 flags=["Scadenza «31.06.2023» inesistente (giugno ha 30 giorni): nessuna data normalizzata."]),
            dict(name="verifica dell'utilizzo effettivo", form="number", direction="gte",
                 flags=["Nessun target né valore di partenza per l'utilizzo."]),
        ],
        flags=[
            "Scadenza impossibile «Entro il 31.06.2023» (31 giugno): conservata solo nel testo, non normalizzata.",
            "Il titolo dice «aula bambini», la misurazione «sala bambini».",
            "Refuso conservato: «student» (studenti).",
            "Spaziatura irregolare in «Chi contribuisce» («generali ; ufficio»).",
        ]),
    "AMM-03": dict(
        stakeholders=["tutti gli uffici comunali"],
        contributors=["ufficio affari generali", "tutti gli uffici comunali"],
        deadline="2023-12-31",
        indicators=[dict(name="verifica della corretta applicazione dei contenuti del manuale nell'ambito dell'attività di tutti gli uffici.",
                         form="milestone", direction="entro",
                         target=dict(date="2023-12-31", raw="Entro il 31/12/2023"))],
        flags=[
            "Traguardo atteso troncato: termina con «con particolare riguardo ai».",
            "Responsabile «dell'area affari generali», diverso dall'intestazione «AREA AMMINISTRATIVA».",
            "Refuso conservato: «dei relative allegati».",
        ]),
    "AMM-04": dict(
        stakeholders=["Cittadinanza", "turisti", "attività commerciali"],
        contributors=["Ufficio affari generali", "ufficio segreteria", "ufficio cultura e sport",
                      "ufficio manutenzioni", "ufficio Polizia locale", "SUAP"],
        deadline="2023-10-31",
        indicators=[
            dict(name="verifica dell'afflusso", form="number", direction="gt",
                 target=dict(relative="incrementazione delle presenze", raw="incrementazione delle presenze"),
                 flags=["Target preso dal Traguardo atteso («incrementazione delle presenze»), senza valore di partenza."]),
            dict(name="gradimento della manifestazione", form="number", direction="gte",
                 flags=["Nessuna scala né target per il gradimento."]),
        ],
        flags=["Refuso conservato: «incrementazione»."]),
    "AMM-05": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Ufficio affari generali", "ufficio segreteria", "ufficio cultura e sport"],
        deadline="2023-10-31",
        indicators=[dict(name="Messa in rete del sito internet e dei video e materiale realizzati con presentazione ufficiale del lavoro svolto",
                         form="milestone", direction="entro",
                         target=dict(date="2023-10-31", raw="Entro il 31/10/2023"))],
        flags=["Punto e virgola finale in «Chi contribuisce» e in «Base di partenza»."]),
    "AMM-06": dict(
        stakeholders=["Cittadini", "Pubblica Amministrazione"],
        contributors=["Software house Maggioli Spa", "software house Halley Informatica Srl",
                      "software house Progetti e Soluzioni Srl", "gestore Sito internet", "area amministrativa"],
        deadline=None,
        classes=["pnrr", "digitalizzazione"],
        indicators=[dict(name="Attivazione dei servizi relativi", form="milestone", direction="entro",
                         target=dict(text="I tempi di realizzazione indicati nei bandi PNRR relativi",
                                     raw="I tempi di realizzazione indicati nei bandi PNRR relativi"))],
        flags=["Tempi rinviati ai bandi PNRR, senza data.",
               "Il titolo elenca 7 misure in linea con separatori misti («-», «–»)."]),
    "AMM-07": dict(
        stakeholders=["Cittadini"],
        contributors=["Software house", "Ufficio Affari generali", "ufficio ragioneria",
                      "tutti quegli uffici via via interessati dall'avvio di specifici servizi"],
        deadline="2026-06-30",
        horizon=dict(firstYear=2023, lastYear=2026),
        classes=["pnrr", "digitalizzazione"],
        indicators=[dict(name="Attuazione secondo la timeline e realizzazione della misura del PNRR", form="number",
                         direction="gte", unit="servizi",
                         target=dict(number=50, date="2026-06-30",
                                     raw="entro il 30/06/2026, abbia attivato un numero di circa 50 servizi"),
                         flags=["Target «circa 50 servizi» scritto nei Tempi, non nella Misurazione; traguardi intermedi 2023 e 2024 solo descrittivi."])],
        flags=["Scadenza 30/06/2026 oltre il triennio 2023-2025 del piano.",
               "Tempi contengono un piano pluriennale descrittivo, non una scadenza."]),
    "FIN-01": dict(
        stakeholders=["Amministrazione comunale"],
        contributors=["Ufficio personale"],
        deadline="2023-12-31",
        indicators=[dict(name="Attuazione delle azioni programmate in ordine al fabbisogno di personale",
                         form="milestone", direction="entro",
                         target=dict(date="2023-12-31", raw="Entro il 31/12/2023"))],
        flags=[]),
    "FIN-02": dict(
        stakeholders=["Amministrazione comunale"],
        contributors=["Ufficio Ragioneria - personale"],
        deadline="2023-12-31",
        indicators=[dict(name="Gestione degli stipendi e adempimenti connessi nel rispetto delle scadenze previste",
                         form="boolean", direction="eq",
                         target=dict(flag=True, raw="nel rispetto delle scadenze previste"))],
        flags=[]),
    "FIN-03": dict(
        stakeholders=["Cittadini"],
        contributors=["Software house", "Ufficio Ragioneria",
                      "tutti quegli uffici via via interessati dall'avvio di specifici servizi"],
        deadline="2026-06-30",
        horizon=dict(firstYear=2023, lastYear=2026),
        classes=["digitalizzazione"],
        indicators=[dict(name="Riconciliazione delle riscossioni per tutti i servizi per i quali verrà attivata la riscossione tramite PAGO PA",
                         form="percent", direction="gte", unit="%",
                         target=dict(number=100, raw="per tutti i servizi"),
                         flags=["Target 100% implicito («tutti i servizi»)."])],
        flags=["Scadenza 30/06/2026 («circa 50 servizi entro il 30/06/2026») oltre il triennio 2023-2025; dipende dalla timeline della scheda «Completamento attivazione PagoPA»."]),
    "FIN-04": dict(
        stakeholders=["Amministrazione comunale"],
        contributors=["Ufficio Tributi", "Società incaricata degli accertamenti tributari"],
        deadline=None,
        indicators=[dict(name="Emissione di almeno 70 avvisi di accertamento all'anno", form="number", direction="gte",
                         unit="avvisi di accertamento", periodicity="annuale",
                         target=dict(number=70, raw="almeno 70 avvisi di accertamento all'anno"))],
        flags=["Responsabile «Area Finanziaria-tributaria», diverso dall'intestazione «AREA FINANZIARIA».",
               "Tempi «In continuo», senza scadenza.",
               "Traguardo atteso unisce un esito e un obbligo di legge (art. 1, comma 1091, L.145/2018)."]),
    "FIN-05": dict(
        stakeholders=["Amministrazione comunale"],
        contributors=["Ufficio Tributi", "Ufficio ragioneria", "ufficio affari generali (RTD)"],
        deadline=None,
        classes=["digitalizzazione"],
        indicators=[dict(name="gestione informatizzata mediante utilizzo di software di nuova acquisizione di tutte le strutture obbligate al versamento dell'imposta di soggiorno",
                         form="percent", direction="gte", unit="%",
                         target=dict(number=100, raw="tutte le strutture obbligate"),
                         flags=["Target 100% implicito («tutte le strutture obbligate»)."])],
        flags=["Responsabile «Area Finanziaria-tributaria», diverso dall'intestazione «AREA FINANZIARIA».",
               "Tempi «In continuo», senza scadenza."]),
    "TER-01": dict(
        stakeholders=["Al personale che svolge attività lavorativa, sotto qualsiasi forma, per il Comune"],
        contributors=["Datore di Lavoro", "R.S.P.P. (Responsabile del Servizio di Prevenzione e Protezione)",
                      "Medico Competente", "R.L.S. (Rappresentante dei Lavoratori per la Sicurezza)"],
        deadline=None,
        indicators=[dict(name="Rispetto delle tempistiche e degli adempimenti dettati dal D.Lgs. 81/08 e s.m.i.",
                         form="boolean", direction="eq",
                         target=dict(flag=True, raw="Rispetto delle tempistiche e degli adempimenti"))],
        flags=[
            "RLS sciolto in due modi: «Responsabili dei Lavoratori per la Sicurezza» (Responsabile) e «Rappresentante dei Lavoratori per la Sicurezza» (Chi contribuisce); RSPP idem.",
            "Responsabile «del Settore Tecnico», diverso dall'intestazione «AREA GESTIONE DEL TERRITORIO».",
            "Refusi conservati: ambito «SICUREZZA SUI LUOGHI DI LAVORI», «sensi dal D.Lgs.».",
            "«Chi contribuisce» termina con un trattino («–»).",
            "Tempi «In continuo», senza scadenza.",
        ]),
    "TER-02": dict(
        stakeholders=["Pubblica amministrazione"],
        contributors=["personale ufficio lavori pubblici"],
        deadline=None,
        classes=["pnrr"],
        indicators=[dict(name="Il primo step prevede l'affidamento delle due opere riferite al PNRR e al FNC",
                         form="milestone", direction="eq", periodicity="trimestrale",
                         target=dict(text="affidamento delle due opere riferite al PNRR e al FNC",
                                     raw="Il primo step prevede l'affidamento delle due opere riferite al PNRR e al FNC"),
                         flags=["Step successivi da pianificare negli anni seguenti; nessuna data."])],
        flags=["Il campo Tempi contiene una regola di monitoraggio («report trimestrale») e l'oggetto del monitoraggio, non una scadenza.",
               "Responsabile «Servizio Lavori Pubblici e Manutenzioni», diverso dall'intestazione «AREA GESTIONE DEL TERRITORIO»."]),
    "TER-03": dict(
        stakeholders=["Cittadini"],
        contributors=["Il personale addetto ai servizi operai", "i tecnici su base volontaria"],
        deadline=None,
        indicators=[dict(name="Effettuazione 100% programma di intervento", form="percent", direction="gte", unit="%",
                         target=dict(number=100, raw="100%"))],
        flags=["Tempi stagionali («Periodo invernale (gennaio, febbraio, metà marzo, metà novembre e dicembre)»), senza scadenza.",
               "Responsabile «Servizio Lavori Pubblici e Manutenzioni», diverso dall'intestazione «AREA GESTIONE DEL TERRITORIO»."]),
    "TER-04": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Operai", "Ufficio tecnico", "Operatori della Polizia Locale"],
        deadline="2023-12-31",
        indicators=[dict(name="Almeno il 75% delle segnalazioni di manutenzione ordinaria eseguite entro 8 giorni dalla segnalazione",
                         form="percent", direction="gte", unit="%",
                         target=dict(number=75, raw="Almeno il 75%"))],
        flags=["Base di partenza «Nessuna».",
               "Responsabile «dell'Area Tecnica», diverso dall'intestazione «AREA GESTIONE DEL TERRITORIO»."]),
    "TER-05": dict(
        stakeholders=["Operatori dell'ufficio tecnico"],
        contributors=["Ufficio tecnico Settore Edilizia Privata", "Settore Commercio", "Settore Lavori Pubblici"],
        deadline="2023-12-31",
        indicators=[dict(name="Almeno il 90% dei procedimenti", form="percent", direction="gte", unit="%",
                         target=dict(number=90, raw="Almeno il 90% dei procedimenti"),
                         flags=["Misurazione incompleta: non dice che cosa debba avvenire per il 90% dei procedimenti."])],
        flags=["Refusi conservati: «procedimenti d SUAP», «Riorganizzaione», «patriche».",
               "Responsabile «dell'Area Tecnica», diverso dall'intestazione «AREA GESTIONE DEL TERRITORIO»."]),
    "PL-01": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Operatori della Polizia Locale"],
        deadline="2024-12-31",
        horizon=dict(firstYear=2023, lastYear=2024),
        indicators=[dict(name="Numero pattuglie", form="number", direction="gte", unit="pattuglie",
                         baseline=dict(year=2022, raw="anno 2022"),
                         target=dict(relative="+ 10% rispetto anno 2022", raw="Numero pattuglie + 10% rispetto anno 2022"),
                         flags=["Valore di partenza 2022 non indicato."])],
        flags=["Refuso conservato: «reisione» (revisione).",
               "Scadenza «Entro il 2024», nel secondo anno del triennio.",
               "Responsabile «del Settore Polizia Locale», diverso dall'intestazione «AREA POLIZIA LOCALE»."]),
    "PL-02": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Operatori della Polizia Locale"],
        deadline="2023-12-31",
        indicators=[dict(name="esecuzione di turni di servizio serali con orario 18.00-23.00 o 18.00-24,00",
                         form="number", direction="gte", unit="turni serali",
                         target=dict(text="in numero diversificato in base ai mesi dell'anno, in base al programma delle manifestazioni e così come concordato con l'Amministrazione",
                                     raw="in numero diversificato in base ai mesi dell'anno, in base al programma delle manifestazioni e così come concordato con l'Amministrazione"),
                         flags=["Nessun numero: il target rinvia a un programma concordato con l'Amministrazione."])],
        flags=["Separatori orari misti («23.00/24,00», «18.00-24,00»); refuso «settimana/o».",
               "Etichetta «Misurazione» preceduta da un trattino nel testo convertito.",
               "Responsabile «del Settore Polizia Locale», diverso dall'intestazione «AREA POLIZIA LOCALE»."]),
    "PL-03": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Operatori della Polizia Locale"],
        deadline="2023-12-31",
        indicators=[dict(name="predisposizione del Regolamento in linea con le normative europee, nazionali e relative pronunce del Garante.",
                         form="milestone", direction="entro",
                         target=dict(date="2023-12-31", raw="Entro il 31/12/2023"))],
        flags=["Traguardo atteso «Sicurezza della circolazione stradale» estraneo al regolamento di videosorveglianza (probabile copia; identico a PL-04).",
               "Base di partenza identica a PL-02 e PL-04 («Attività della Polizia Locale nell'anno precedente»).",
               "Responsabile «del Settore Polizia Locale», diverso dall'intestazione «AREA POLIZIA LOCALE»."]),
    "PL-04": dict(
        stakeholders=["Cittadinanza"],
        contributors=["Operatori della Polizia Locale"],
        deadline="2023-12-31",
        indicators=[dict(name="controllo e verifica della corretta previsione dei regolamenti degli ambiti previsti dall'obiettivo e del deposito dei rifiuti",
                         form="number", direction="gte", unit="controlli",
                         flags=["Misurazione vaga e senza target."])],
        flags=["Misurazione troncata: «sia in occasione di abbandono» senza il secondo termine.",
               "Traguardo atteso «Sicurezza della circolazione stradale» identico a PL-03 (probabile copia).",
               "Responsabile «del Settore Polizia Locale», diverso dall'intestazione «AREA POLIZIA LOCALE»."]),
    "SOC-01": dict(
        stakeholders=["Cittadini pisognesi condannati alla pena del lavoro di pubblica utilità o messa alla prova o misure alternative"],
        contributors=["Ufficio servizi sociali in collaborazione con Ufficio tecnico"],
        deadline="2023-12-31",
        indicators=[dict(name="Numero richieste disponibilità/numero presa in carico", form="ratio", direction="gte",
                         flags=["Rapporto senza target; verso del rapporto ambiguo."])],
        flags=["Responsabile «Area Servizi Sociali, Scolastici, SAP», diverso dall'intestazione «AREA SOCIO ASSISTENZIALE E SCOLASTICA»."]),
    "SOC-02": dict(
        stakeholders=["Assegnatari alloggi categoria Servizi Abitativi Pubblici"],
        contributors=["Ufficio Servizi Sociali"],
        deadline="2023-12-31",
        indicators=[dict(name="Numero nuove assegnazioni/contratti locazione", form="ratio", direction="gte",
                         flags=["Rapporto senza target; verso del rapporto ambiguo."])],
        flags=["Responsabile «Area Servizi Sociali, Scolastici, SAP», diverso dall'intestazione «AREA SOCIO ASSISTENZIALE E SCOLASTICA»."]),
    "SOC-03": dict(
        stakeholders=["Cittadini anziani, disabili e infanti"],
        contributors=["Ufficio Servizi Sociali"],
        deadline=None,
        indicators=[dict(name="numero richieste mediante presentazione specifico modulo/richieste soddisfatte",
                         form="ratio", direction="gte",
                         flags=["Rapporto senza target; verso del rapporto ambiguo."])],
        flags=["Responsabile «Area Servizi Sociali,» con virgola finale.",
               "Tempi «In continuo per tutto l'anno», senza scadenza."]),
    "SOC-04": dict(
        stakeholders=["Alunni frequentanti la Scuola secondaria dell'Istituto Comprensivo di Pisogne",
                      "studenti residenti a Pisogne e frequentanti il primo e secondo anno delle Scuole Secondarie di Secondo Grado"],
        contributors=["Ufficio Servizi Sociali", "Istituto Comprensivo Ten. Corna Pellegrini di Pisogne",
                      "Cooperativa Azzurra di Darfo", "Fondazione Bresciana"],
        deadline="2023-06-30",
        indicators=[dict(name="numero richieste accolte/numero alunni ammessi ai laboratori.", form="ratio", direction="gte",
                         flags=["Rapporto senza target; verso del rapporto ambiguo."])],
        flags=["Periodo «Marzo-giugno 2023» inizia prima dell'approvazione del piano (15.03.2023).",
               "Responsabile «Area Servizi Sociali,» con virgola finale.",
               "Refuso conservato: «laboratory»."]),
}

# Cards whose owner text names every service ("tutti i responsabili di servizio"): the four trasversali.
TRASVERSALI = {"TRASV-01", "TRASV-02", "TRASV-03", "TRASV-04"}

SOURCE_FLAGS = [
    "Il testo contiene solo la Sottosezione 2.2 A «Performance» (pp. 8-22 del PIAO); le altre sezioni elencate nel Sommario mancano.",
    "Nessun obiettivo ha codice, peso, collegamento al DUP o alla Sottosezione 2.1 (Valore pubblico), benché l'introduzione affermi il collegamento al DUP 2023-2025.",
    "Il documento ricorda (l.42) l'obbligo di classificare gli obiettivi (semplificazione, digitalizzazione, accessibilità, pari opportunità) ma non classifica nessuna scheda; nessun obiettivo riguarda accessibilità o pari opportunità. Le classificazioni della trascrizione sono assegnate solo dove il titolo nomina esplicitamente la categoria.",
    "Il documento non nomina persone: i responsabili sono indicati per ruolo o per area, con denominazioni che non coincidono con le intestazioni delle aree (17 varianti).",
    "Piano triennale 2023-2025 ma quasi tutte le schede hanno tempi 2023; nessun target per il 2024 e il 2025.",
    "Scadenza impossibile «Entro il 31.06.2023» (Area Amministrativa, biblioteca).",
    "Due schede (Area Amministrativa «Completamento attivazione PagoPA», Area Finanziaria «Gestione riscossioni tramite PagoPA») hanno scadenza 30/06/2026, oltre il triennio.",
    "Sommario con voci duplicate («SEZIONE 1...» due volte, «2.3 Rischi corruttivi e trasparenza» due volte).",
]


# --- parsing -------------------------------------------------------------------------------------------------------

TAG = re.compile(r"<[^>]+>")


def strip_markup(s: str) -> str:
    s = TAG.sub("", s)
    s = s.replace("**", "")
    return s.strip()


def norm_apos(s: str) -> str:
    return s.replace("\u2019", "'")


TITLE_RE = re.compile(r"OBIETTIVO DI PERFORMANCE( TRASVERSALE)?:")
GROUP_RE = re.compile(r"^#{2,4} OBIETTIVI (DI PERFORMANCE TRASVERSALI|AREA .+)$")
LABEL_RE = re.compile(r"^-?\s*(?:<b>|\*\*)([^<*]+?):(?:</b>|\*\*)\s*(.*)$")
THEME_RE = re.compile(r"^<b>([A-ZÀ-Ü' ]+)</b>$")


def parse(lines: list[str]) -> list[dict]:
    cards: list[dict] = []
    group = None
    theme = None
    cur = None
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if lineno < 44 or not line.strip():
            continue
        m = GROUP_RE.match(line)
        if m:
            group = "OBIETTIVI " + m.group(1)
            theme = None
            cur = None
            continue
        if group is None:
            continue
        m = THEME_RE.match(line)
        if m and not TITLE_RE.search(line):
            theme = m.group(1).strip()
            continue
        if TITLE_RE.search(strip_markup(line)):
            text = strip_markup(line)
            m = TITLE_RE.match(text)
            title_full = text[m.end():].strip()
            cur = dict(group=group, theme=theme, label=m.group(0)[:-1], line_start=lineno, line_end=lineno,
                       title_raw_lines=[line], fields={}, field_labels={})
            theme = None
            cards.append(cur)
            # HTML list inside the title line (TRASV-02): title before the list, items after.
            cur["title"], cur["items"] = split_title_list(line)
            if not cur["items"]:
                cur["title"] = title_full
            continue
        if cur is None:
            continue
        cur["line_end"] = lineno
        m = LABEL_RE.match(line)
        if m:
            label_printed = m.group(1).strip()
            label = norm_apos(label_printed)
            if label not in LABELS:
                raise SystemExit(f"l.{lineno}: unknown label {label_printed!r}")
            cur["fields"][label] = strip_markup(m.group(2))
            cur["field_labels"][label] = label_printed
            continue
        if line.strip() == "--":
            continue  # page-break artefact inside TRASV-02's title list
        if "<li>" in line:
            _, more = split_title_list(line)
            cur["items"].extend(more)
            continue
        raise SystemExit(f"l.{lineno}: unparsed line {line[:80]!r}")
    return cards


def split_title_list(line: str) -> tuple[str, list[str]]:
    if "<li>" not in line:
        return strip_markup(line), []
    head = line.split("<ul", 1)[0]
    head_text = strip_markup(head)
    m = TITLE_RE.match(head_text)
    title = head_text[m.end():].strip() if m else head_text
    items = [strip_markup(x) for x in re.findall(r"<li>(.*?)</li>", line)]
    return title, items


# --- bundle --------------------------------------------------------------------------------------------------------

def drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def card_ids(cards: list[dict]) -> list[str]:
    ids, counters = [], {}
    for c in cards:
        if c["group"] == "OBIETTIVI DI PERFORMANCE TRASVERSALI":
            prefix = "TRASV"
        else:
            prefix = next(a[2] for a in AREAS if "OBIETTIVI " + a[0] == c["group"])
        counters[prefix] = counters.get(prefix, 0) + 1
        ids.append(f"{prefix}-{counters[prefix]:02d}")
    return ids


def check_substring(what: str, needle: str, haystack: str, cid: str) -> None:
    if needle not in haystack:
        raise SystemExit(f"{cid}: {what} {needle!r} is not verbatim in the card")


def build() -> dict:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    cards = parse(lines)
    ids = card_ids(cards)
    if len(cards) != 29:
        raise SystemExit(f"expected 29 cards, parsed {len(cards)}")
    if set(ids) != set(CARDS):
        raise SystemExit(f"card ids mismatch: {sorted(set(ids) ^ set(CARDS))}")

    units = []
    for i, (heading, key, _prefix, aliases) in enumerate(AREAS, start=1):
        units.append(drop_none(dict(
            key=key, code="", name=heading, kind="area", parentKey=None, order=i,
            notes="Intestazione nel documento: «OBIETTIVI " + heading + "». Denominazioni usate nei campi «Responsabile»: "
                  + "; ".join("«" + a + "»" for a in aliases) + ".")))

    nodes, indicators = [], []
    for order, (cid, card) in enumerate(zip(ids, cards), start=1):
        spec = CARDS[cid]
        f = card["fields"]
        missing = [l for l in LABELS if l not in f]
        if missing:
            raise SystemExit(f"{cid}: missing fields {missing}")
        card_text = " ".join([card["title"]] + card["items"] + list(f.values()))
        key = "OP-" + cid
        if cid in TRASVERSALI:
            owners, cross = ALL_UNITS, True
        else:
            owners = [next(a[1] for a in AREAS if "OBIETTIVI " + a[0] == card["group"])]
            cross = False
        for s in spec["stakeholders"]:
            check_substring("stakeholder", s, f[LABELS[1]], cid)
        for s in spec["contributors"]:
            check_substring("contributor", s, f[LABELS[2]], cid)

        verbatim = {"Gruppo": card["group"]}
        if card["theme"]:
            verbatim["Ambito"] = card["theme"]
        verbatim["Etichetta"] = card["label"]
        for label in LABELS:
            verbatim[label] = f[label]
        horizon = None
        if spec.get("horizon"):
            horizon = dict(spec["horizon"], raw=f[LABELS[3]])
        flags = list(spec["flags"])
        node = dict(
            key=key, level="obiettivo-performance", parentKey=None, code=None,
            title=card["title"],
            description="\n".join(card["items"]) if card["items"] else None,
            order=order, ownerUnitKeys=owners, crossCutting=cross, coordinatingUnitKey=None,
            responsiblePersonKeys=[], politicalReferentKeys=[], horizon=horizon,
            weight=None, weightRaw=None,
            classifications=spec.get("classes", []),
            stakeholders=spec["stakeholders"], contributors=spec["contributors"],
            baseline=f[LABELS[5]], expectedOutcome=f[LABELS[6]], criticalFactors=None,
            dataSource=f[LABELS[7]], publicValue=None, missione=None, programma=None,
            dupRefs=[], dupRefRaw=None,
            deadline=spec["deadline"], deadlineRaw=f[LABELS[3]],
            inheritsFromKey=None,
            notes=("Obiettivo trasversale: «" + f[LABELS[0]] + "»." if cross else None),
            verbatim=verbatim, sourceFlags=flags)
        nodes.append(drop_none(node))

        for j, ind in enumerate(spec["indicators"], start=1):
            check_substring("indicator name", ind["name"], card_text, cid)
            tgt = ind.get("target")
            if tgt and tgt.get("raw"):
                check_substring("target raw", tgt["raw"], card_text, cid)
            iflags = list(ind.get("flags", [])) + list(spec.get("indicator_flags", []))
            baseline = drop_none(ind["baseline"]) if ind.get("baseline") else None
            indicators.append(drop_none(dict(
                key=f"{key}-I{j}", nodeKey=key, phaseKey=None, order=j, name=ind["name"],
                description=f[LABELS[4]],
                type=None, typeRaw=None, form=ind["form"], direction=ind["direction"], unit=ind.get("unit"),
                baseline=baseline, target=drop_none(tgt) if tgt else None,
                dataSource=f[LABELS[7]], weight=None, periodicity=ind.get("periodicity"), unitKey=None,
                sourceFlags=iflags)))

    source = dict(
        document="Comune di Pisogne – PIANO INTEGRATO DI ATTIVITA' E ORGANIZZAZIONE 2023 – 2025, Sottosezione 2.2 A- Performance (seed 001_ce527742eec4893e.txt)",
        description=("Trascrizione completa delle 29 schede obiettivo della Sottosezione 2.2 A (4 trasversali, 7 Area amministrativa, "
                     "5 Area finanziaria, 5 Area gestione del territorio, 4 Area polizia locale, 4 Area socio assistenziale e scolastica). "
                     "Codici delle chiavi (TRASV-01 … SOC-04) attribuiti in trascrizione: il documento non numera gli obiettivi. "
                     "Gli indicatori derivano dal campo «Misurazione di raggiungimento dell'obiettivo»; forma, verso e target normalizzati "
                     "in trascrizione, testo stampato in target.raw e in verbatim. Script: tools/transcription/pisogne.py."),
        flags=SOURCE_FLAGS)

    plan = drop_none(dict(
        key="piao-2023-2025",
        title="PIANO INTEGRATO DI ATTIVITA' E ORGANIZZAZIONE 2023 – 2025",
        firstYear=2023, lastYear=2025, year=PLAN_YEAR,
        approval=dict(organ="Giunta Comunale", number="50", date="2023-03-15",
                      raw="Approvato con delibera Giunta Comunale n. 50 del 15.03.2023"),
        state="approvato", version=1, levels=["obiettivo-performance"],
        notes=("Sottosezione 2.2 A- Performance. «La sottosezione “Performance” è finalizzata, in particolare, alla programmazione "
               "degli obiettivi e degli indicatori di performance di efficienza e di efficacia dell’amministrazione. In funzione "
               "delle strategie di creazione del Valore Pubblico, come individuato nella Sottosezione 2.1, con riferimento agli "
               "indirizzi strategici ed agli obiettivi operativi del DUP 2023-2025, per il triennio 2023-2025 vengono definiti i "
               "seguenti obiettivi di performance da raggiungere:» "
               "«(si ricorda che è prevista la necessità di classificare gli obiettivi in modo da avere almeno obiettivi di "
               "semplificazione, obiettivi di digitalizzazione, obiettivi e strumenti individuati per realizzare la piena "
               "accessibilità dell’amministrazione e obiettivi pari opportunità)». "
               "Il documento non prevede pesi, punteggi né regole di valutazione; l'unica regola di monitoraggio è il report "
               "trimestrale delle opere PNRR/FNC (Area gestione del territorio). "
               "Base normativa: art. 6, commi da 1 a 4, D.L. 9 giugno 2021, n. 80, conv. in L. 6 agosto 2021, n. 113.")))

    # Sanity checks against the analysis (research/seed-001.md §2.4).
    per_group = {}
    for c in cards:
        per_group[c["group"]] = per_group.get(c["group"], 0) + 1
    expected = {"OBIETTIVI DI PERFORMANCE TRASVERSALI": 4, "OBIETTIVI AREA AMMINISTRATIVA": 7,
                "OBIETTIVI AREA FINANZIARIA": 5, "OBIETTIVI AREA GESTIONE DEL TERRITORIO": 5,
                "OBIETTIVI AREA POLIZIA LOCALE": 4, "OBIETTIVI AREA SOCIO ASSISTENZIALE E SCOLASTICA": 4}
    if per_group != expected:
        raise SystemExit(f"group counts {per_group} != {expected}")

    return dict(
        format="traguardo-plan-bundle", version=1,
        ente=dict(slug="pisogne", name="Comune di Pisogne", kind="comune", memberSlugs=[], memberNames=[]),
        source=source, units=units, people=[], assignments=[], politicalReferents=[], classifications=[],
        plan=plan, nodes=nodes, phases=[], indicators=indicators, participations=[], campaigns=[], values=[],
        validations=[])


def main() -> int:
    bundle = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(bundle['nodes'])} nodes, {len(bundle['indicators'])} indicators")
    return 0


if __name__ == "__main__":
    sys.exit(main())
