#!/usr/bin/env python3
"""Writes the OpenAPI 3.1 description of the JSON API to Sources/TraguardoWeb/Public/api/v1/openapi.json,
served at /api/v1/openapi.json. A test checks that every API endpoint of the app is described here, and CI runs
schemathesis (a client nobody here wrote) against a live server with this document.

    python3 scripts/openapi.py
"""
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "Sources/TraguardoWeb/Public/api/v1/openapi.json"

def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}

def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}

STRING = {"type": "string"}
DAY = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "Data ISO aaaa-mm-gg."}
OBJ = {"type": "object"}

schemas = {
    "Error": {"type": "object", "required": ["error", "reason"],
              "properties": {"error": {"type": "boolean"}, "reason": {"type": "string", "description": "Messaggio in italiano."}}},
    "Day": DAY,
    "Ente": {"type": "object", "required": ["slug", "name", "kind"],
             "properties": {"slug": STRING, "name": STRING, "kind": STRING}},
    "Me": {"type": "object", "required": ["username", "displayName", "isSystemAdmin", "grants"],
           "properties": {"username": STRING, "displayName": STRING, "isSystemAdmin": {"type": "boolean"},
                          "grants": {"type": "array", "items": {"type": "object", "required": ["ente", "role"],
                                                                 "properties": {"ente": STRING, "role": STRING}}}}},
    "Organisation": {"type": "object", "required": ["units", "people", "assignments", "politicalReferents"],
                     "properties": {k: {"type": "array", "items": OBJ} for k in ["units", "people", "assignments", "politicalReferents"]}},
    "Holder": {"type": "object", "required": ["unit", "date"],
               "properties": {"unit": OBJ, "date": DAY, "person": nullable(OBJ), "assignment": nullable(OBJ)}},
    "AuditEntry": {"type": "object", "required": ["entity", "entityID", "action", "actorName"],
                   "properties": {"entity": STRING, "entityID": STRING, "action": STRING, "actorName": STRING}},
    "CampaignState": {"type": "string", "enum": ["da-aprire", "aperta", "in-validazione", "chiusa", "riaperta"]},
    "Campaign": {"type": "object", "required": ["key", "title", "asOf", "isFinal", "state"],
                 "properties": {"key": STRING, "title": STRING, "asOf": DAY, "entryDeadline": DAY, "isFinal": {"type": "boolean"},
                                "state": ref("CampaignState"), "reopenReason": STRING,
                                "reminderDays": {"type": "array", "items": {"type": "integer"},
                                                 "description": "Promemoria automatici: giorni prima della scadenza (-1 = il giorno dopo)."}}},
    "ProgressStatus": {"type": "string", "enum": [
        "in-linea", "non-in-linea-azioni-avviate", "non-in-linea-azioni-immediate", "in-corso", "raggiunto",
        "parzialmente-raggiunto", "non-raggiunto", "rinviato", "non-valutabile", "non-consuntivato", "escluso", "non-in-linea"]},
    "MonitoringValue": {"type": "object", "required": ["campaignKey", "nodeKey"],
                        "properties": {"campaignKey": STRING, "nodeKey": STRING, "indicatorKey": STRING, "actual": OBJ,
                                       "progress": {"type": "number"}, "status": ref("ProgressStatus"), "statusReason": STRING,
                                       "narrative": STRING}},
    "ValidationKind": {"type": "string", "enum": ["conferma", "modifica", "esclusione", "integrazione"]},
    "Validation": {"type": "object", "required": ["campaignKey", "nodeKey", "kind", "excluded", "reason"],
                   "properties": {"campaignKey": STRING, "nodeKey": STRING, "kind": ref("ValidationKind"), "score": {"type": "number"},
                                  "excluded": {"type": "boolean"}, "reason": STRING, "computedScore": {"type": "number"}, "minutes": STRING}},
    "CampaignData": {"type": "object", "required": ["campaign", "values", "validations", "submissions", "minutes", "versions"],
                     "properties": {"campaign": ref("Campaign"), "values": {"type": "array", "items": ref("MonitoringValue")},
                                    "validations": {"type": "array", "items": ref("Validation")},
                                    "submissions": {"type": "array", "items": OBJ}, "minutes": {"type": "array", "items": OBJ},
                                    "versions": {"type": "object", "additionalProperties": {"type": "integer"},
                                                 "description": "Versione dei dati di ogni obiettivo, da rimandare nel PUT (0 = nessun dato)."},
                                    "lastChanges": {"type": "object", "additionalProperties": {"type": "string", "format": "date-time"},
                                                    "description": "Ultima modifica dei dati di ogni obiettivo."},
                                    "organisational": {"type": "array", "items": ref("OrganisationalValue")},
                                    "organisationalVersions": {"type": "object", "additionalProperties": {"type": "integer"}}}},
    "OrganisationalValue": {"type": "object", "required": ["campaignKey", "key", "value"],
                            "properties": {"campaignKey": STRING, "key": {"type": "string", "description": "Chiave dell'indicatore (o della dimensione con grado inserito) nella metodologia."},
                                           "value": {"type": "number"}, "source": {"type": "string", "description": "Fonte del dato."}, "note": STRING}},
    "OrganisationalFigures": {"type": "object", "required": ["values", "versions", "dimensions"],
                              "properties": {"values": {"type": "array", "items": ref("OrganisationalValue")},
                                             "versions": {"type": "object", "additionalProperties": {"type": "integer"},
                                                          "description": "Versione di ogni valore, da rimandare nel PUT (0 = nessun valore)."},
                                             "points": {"type": "number", "description": "Punti totali; assente se non rilevata."},
                                             "totalPoints": {"type": "number"},
                                             "dimensions": {"type": "array", "items": {
                                                 "type": "object", "required": ["key", "name", "maxPoints"],
                                                 "properties": {"key": STRING, "name": STRING, "maxPoints": {"type": "number"},
                                                                "achievement": {"type": "number", "description": "Percentuale; assente: non rilevato."},
                                                                "points": {"type": "number", "description": "Assente: non rilevato."}}}}}},
    "OrganisationalInput": {"type": "object", "required": ["values"],
                            "properties": {"values": {"type": "array", "items": {
                                "type": "object", "required": ["key", "version"],
                                "properties": {"key": STRING, "value": {"type": ["number", "null"], "description": "null toglie il valore."},
                                               "source": STRING, "note": STRING,
                                               "version": {"type": "integer", "minimum": 0,
                                                           "description": "La versione letta; se nel frattempo è cambiata la risposta è 409 e nulla viene scritto."}}}}}},
    "Entries": {"type": "object", "required": ["version"],
                # RINVIATO and NON VALUTABILE take the objective out of the count: they need their reason.
                "if": {"required": ["status"], "properties": {"status": {"enum": ["rinviato", "non-valutabile"]}}},
                "then": {"required": ["statusReason"], "properties": {"statusReason": {"type": "string", "pattern": "\\S"}}},
                "properties": {
                    "version": {"type": "integer", "minimum": 0, "description": "La versione letta; se nel frattempo è cambiata la risposta è 409 e nulla viene scritto."},
                    "status": ref("ProgressStatus"),
                    "statusReason": {"type": "string", "description": "Obbligatoria per «rinviato» e «non-valutabile»."},
                    "narrative": {"type": "string", "description": "Stato di attuazione."},
                    "indicators": {"type": "array", "items": {
                        "type": "object", "required": ["indicatorKey"],
                        "properties": {"indicatorKey": STRING,
                                       "value": {"type": ["number", "boolean", "string"],
                                                 "description": "Numero JSON, true/false, oppure testo letto secondo la misura dell'indicatore (date gg/mm/aaaa o aaaa-mm-gg, SI/NO, numeri all'italiana)."},
                                       "progress": {"type": "number", "minimum": 0, "maximum": 100}}}}}},
    "Saved": {"type": "object", "required": ["version", "computed"],
              "properties": {"version": {"type": "integer"}, "computed": {"type": "string", "description": "Punteggio calcolato, formattato; «non rilevato» se mancano i dati."}}},
    "Move": {"type": "object", "required": ["to"], "properties": {"to": ref("CampaignState"), "reason": STRING}},
    "Decision": {"type": "object", "required": ["kind"],
                 "properties": {"kind": ref("ValidationKind"), "score": {"type": "number", "minimum": 0}, "reason": STRING, "minutes": STRING}},
    "ScoreSheet": {"type": "object", "required": ["methodology", "methodologyVersion", "asOf", "objectives", "units", "enteMean", "servicesMean"],
                   "properties": {"methodology": STRING, "methodologyVersion": {"type": "integer"}, "asOf": DAY,
                                  "objectives": {"type": "array", "items": {"type": "object", "required": ["key", "title", "computed", "validated", "effective", "counted"],
                                                                            "properties": {"key": STRING, "title": STRING, "computed": STRING, "validated": STRING,
                                                                                           "effective": STRING, "counted": {"type": "boolean"}, "explanation": STRING}}},
                                  "units": {"type": "array", "items": ref("RollUp")},
                                  "nodes": {"type": "array", "items": ref("RollUp")},
                                  "groups": {"type": "array", "items": ref("RollUp"), "description": "Raggruppamenti della metodologia (righe del suo prospetto)."},
                                  "enteMean": STRING, "servicesMean": STRING,
                                  "enteMeanComputed": {"type": "string", "description": "Media degli obiettivi sui soli punteggi calcolati (prima del Nucleo)."},
                                  "servicesMeanComputed": {"type": "string", "description": "Media dei servizi sui soli punteggi calcolati."}}},
    "RollUp": {"type": "object", "required": ["key", "name", "score", "computed", "counted", "total"],
               "properties": {"key": STRING, "name": STRING,
                              "score": {"type": "string", "description": "Media effettiva (con i punteggi validati dal Nucleo)."},
                              "computed": {"type": "string", "description": "Media dei soli punteggi calcolati (consuntivo)."},
                              "counted": {"type": "integer"}, "total": {"type": "integer"}, "explanation": STRING}},
}

def error(description):
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}

def ok(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}

def param(name, description, where="path", example=None, schema=None, required=None):
    p = {"name": name, "in": where, "required": where == "path" if required is None else required,
         "schema": schema or {"type": "string"}, "description": description}
    if example:
        p["example"] = example
    if where == "path":
        p["schema"]["minLength"] = 1
    return p

# Examples are the demo installation's (the first run of `traguardo serve`), so a client can try them at once.
ENTE = param("ente", "Identificativo dell'ente, es. cassano-d-adda.", example="cassano-d-adda")
PLAN = param("plan", "Chiave del piano, es. PIAO-2024-2026.", example="PIAO-2024-2026")
CAMPAIGN = param("campaign", "Chiave della campagna, es. M-2024-06-30.", example="M-2024-06-30")
NODE = param("node", "Chiave dell'obiettivo.", example="OO-01")
DENIED = {"401": error("Non autenticato."), "403": error("Ruolo o ente non consentito (un ente inesistente risponde allo stesso modo).")}

def op(summary, responses, parameters=(), body=None, tag="Monitoraggio"):
    o = {"summary": summary, "tags": [tag], "parameters": list(parameters), "responses": {**responses, **DENIED}}
    if body:
        o["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(body)}}}
        o["responses"]["415"] = error("Corpo senza Content-Type application/json.")
    return o

BASE = "/api/v1/enti/{ente}/piani/{plan}/campagne"
ENTITIES = ["ente", "unita", "persona", "incarico", "referente-politico", "piano", "nodo", "indicatore", "fase", "metodologia", "utente",
            "ruolo", "sessione", "campagna", "valore-monitoraggio", "validazione", "invio-settore", "verbale", "variazione",
            "performance-organizzativa"]
OPTIONAL_DATE = {"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 0}]}
ACTIONS = ["create", "update", "delete", "login", "login-failed", "logout", "import"]
paths = {
    "/api/v1/me": {"get": op("L'utente autenticato e i suoi ruoli", {"200": ok(ref("Me"))}, tag="Utenti")},
    "/api/v1/enti": {"get": op("Gli enti visibili all'utente", {"200": ok({"type": "array", "items": ref("Ente")})}, tag="Enti")},
    "/api/v1/enti/{ente}": {"get": op("Un ente", {"200": ok(ref("Ente"))}, [ENTE], tag="Enti")},
    "/api/v1/enti/{ente}/unita": {"get": op("Organizzazione dell'ente", {"200": ok(ref("Organisation"))}, [ENTE], tag="Enti")},
    "/api/v1/enti/{ente}/responsabile": {"get": op(
        "Chi è responsabile di un'unità in una data",
        {"200": ok(ref("Holder")), "400": error("Data non valida."), "404": error("Unità inesistente nell'ente.")},
        [ENTE, param("unita", "Codice o chiave dell'unità.", "query", "02", {"type": "string", "minLength": 1}, required=True),
         param("data", "Data aaaa-mm-gg (o gg/mm/aaaa); oggi se assente.", "query", "2024-05-15", {"type": "string", "format": "date"})],
        tag="Enti")},
    "/api/v1/enti/{ente}/registro": {"get": op(
        "Registro delle modifiche dell'ente", {"200": ok({"type": "array", "items": ref("AuditEntry")}), "400": error("Filtro non valido.")},
        # As the page's filter form sends them: an empty field is no filter.
        [ENTE, param("entita", "Entità (vuoto: tutte).", "query", schema={"type": "string", "enum": [""] + ENTITIES}),
         param("utente", "Utente.", "query"),
         param("azione", "Azione (vuoto: tutte).", "query", schema={"type": "string", "enum": [""] + ACTIONS}),
         param("dal", "Dal (aaaa-mm-gg o gg/mm/aaaa; vuoto: nessun limite).", "query", schema=OPTIONAL_DATE),
         param("al", "Al (aaaa-mm-gg o gg/mm/aaaa; vuoto: nessun limite).", "query", schema=OPTIONAL_DATE)], tag="Registro")},
    BASE: {"get": op("Le campagne di monitoraggio di un piano", {"200": ok({"type": "array", "items": ref("Campaign")}), "404": error("Piano inesistente.")},
                     [ENTE, PLAN])},
    BASE + "/{campaign}": {"get": op("Una campagna con valori, decisioni, invii, verbali e versioni",
                                     {"200": ok(ref("CampaignData")), "404": error("Piano o campagna inesistente.")}, [ENTE, PLAN, CAMPAIGN])},
    BASE + "/{campaign}/obiettivi/{node}": {"put": op(
        "Inserisce i valori di un obiettivo (blocco ottimistico sulla versione)",
        {"200": ok(ref("Saved")), "400": error("Corpo non valido."), "404": error("Piano, campagna, obiettivo o indicatore inesistente."),
         "409": error("Dati modificati da altri dopo la lettura, campagna non aperta o settore già inviato: nulla è stato scritto."),
         "422": error("Regola violata (motivazione mancante, valore non valido per la misura dell'indicatore).")},
        [ENTE, PLAN, CAMPAIGN, NODE], "Entries")},
    BASE + "/{campaign}/stato": {"post": op(
        "Sposta la campagna nel suo ciclo di vita",
        {"200": ok(ref("Campaign")), "400": error("Corpo non valido."), "404": error("Piano o campagna inesistente."),
         "409": error("Passaggio non consentito dallo stato attuale della campagna."), "422": error("Motivazione mancante.")},
        [ENTE, PLAN, CAMPAIGN], "Move")},
    BASE + "/{campaign}/obiettivi/{node}/validazione": {"put": op(
        "Decisione del Nucleo di Valutazione su un obiettivo",
        {"200": ok(ref("Validation")), "400": error("Corpo non valido."), "404": error("Piano, campagna o obiettivo inesistente."),
         "409": error("Campagna non in validazione."), "422": error("Motivazione mancante o punteggio non valido.")},
        [ENTE, PLAN, CAMPAIGN, NODE], "Decision", tag="Validazione")},
    BASE + "/{campaign}/punteggi": {"get": op(
        "Punteggi della campagna secondo la metodologia dell'ente", {"200": ok(ref("ScoreSheet")), "404": error("Piano o campagna inesistente.")},
        [ENTE, PLAN, CAMPAIGN], tag="Validazione")},
    BASE + "/{campaign}/performance-organizzativa": {
        "get": op("Valori e punti della performance organizzativa nella campagna",
                  {"200": ok(ref("OrganisationalFigures")), "404": error("Piano o campagna inesistente.")}, [ENTE, PLAN, CAMPAIGN]),
        "put": op("Inserisce o corregge i valori della performance organizzativa (blocco ottimistico per valore)",
                  {"200": ok(ref("OrganisationalFigures")), "400": error("Corpo non valido."), "404": error("Piano o campagna inesistente, o indicatore non previsto dalla metodologia."),
                   "409": error("Valore modificato da altri dopo la lettura, o campagna chiusa: nulla è stato scritto."),
                   "422": error("Percentuale fuori da 0–100, valore ripetuto, o metodologia senza performance organizzativa.")},
                  [ENTE, PLAN, CAMPAIGN], "OrganisationalInput")},
}

doc = {
    "openapi": "3.1.0",
    "info": {"title": "Traguardo API", "version": "1",
             "description": "API JSON di Traguardo: stesse regole e stessi permessi delle pagine. Autenticazione con token personale "
                            "(`traguardo user token --username … --name …`) nell'intestazione `Authorization: Bearer …`, oppure con la "
                            "sessione del browser (in tal caso le richieste che modificano dati portano l'intestazione X-CSRF-Token). "
                            "Gli errori sono JSON con `reason` in italiano."},
    "servers": [{"url": "/"}],
    "security": [{"bearer": []}],
    "paths": paths,
    "components": {"schemas": schemas, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
print(f"{OUT.relative_to(OUT.parents[4])}: {len(paths)} percorsi")
