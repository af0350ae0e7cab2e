#!/usr/bin/env python3
"""Writes the invented mid-year campaigns of the demo enti (seeds 001-003) to
Sources/TraguardoPersistence/DemoCampaigns/<slug>.json.

The seeds are real plans without monitoring data: these values are INVENTED, deterministic (fixed seed) and
plausible, so the monitoring pages have something to show. Every narrative says so. The closed final campaign of
seed 004 (Bellusco-Mezzago) is the document's own and lives in its bundle.

    python3 scripts/demo-campaigns.py
"""
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "Sources/TraguardoPersistence/DemoData"
OUT = ROOT / "Sources/TraguardoPersistence/DemoCampaigns"
MARK = "[Dato dimostrativo inventato, non tratto dal documento dell'ente]"

# slug -> (state of the campaign, share of objectives with entries)
PLANS = {
    "cassano-d-adda": ("aperta", 0.6),
    "leggiuno": ("aperta", 0.5),
    "pisogne": ("in-validazione", 0.9),
}


def fmt(x):
    s = f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return s[:-3] if s.endswith(",00") else s


def actual(ind, year, rng):
    """A plausible mid-year reading for one indicator, or None when left blank."""
    target = ind.get("target") or {}
    form = ind.get("form")
    if form == "date" or ind.get("direction") == "entro":
        due = target.get("date") or f"{year}-12-31"
        if due <= f"{year}-06-30" and rng.random() < 0.8:
            y, m, d = due.split("-")
            return {"date": due, "raw": f"{d}/{m}/{y}"}
        return None  # not yet due at 30/06: left to the final campaign, with a progress figure
    if form == "boolean":
        flag = rng.random() < 0.8
        return {"flag": flag, "raw": "SI" if flag else "NO"}
    if form == "milestone":
        return {"text": "Attività avviata secondo cronoprogramma", "raw": "Attività avviata secondo cronoprogramma"}
    number = target.get("number")
    if number is None:
        number = 100 if form == "percent" else 10
    if ind.get("direction") in ("lte", "lt"):
        value = number * rng.uniform(0.8, 1.3)
    else:
        value = number * rng.uniform(0.35, 1.05)
    if form == "percent":
        value = min(value, 100)
    value = round(value, 1 if abs(value) < 10 else 0)
    return {"number": value, "raw": fmt(value)}


def build(slug, state, share):
    bundle = json.loads((DEMO / f"{slug}.json").read_text())
    year = bundle["plan"]["year"]
    rng = random.Random(f"traguardo-demo-{slug}")
    key = f"M-{year}-06-30"
    campaign = {
        "key": key,
        "title": f"Monitoraggio intermedio al 30/06/{year} (dati dimostrativi)",
        "asOf": f"{year}-06-30",
        "entryDeadline": f"{year}-07-20",
        "isFinal": False,
        "state": state,
    }
    parents = {n.get("parentKey") for n in bundle["nodes"]}
    leaves = [n for n in bundle["nodes"] if n["key"] not in parents and n.get("ownerUnitKeys")]
    values = []
    for node in leaves:
        if rng.random() > share:
            continue  # no entries: the pages show "non rilevato"
        late = rng.random() < 0.2
        values.append({
            "campaignKey": key, "nodeKey": node["key"],
            "status": "non-in-linea-azioni-avviate" if late else "in-linea",
            "narrative": MARK + (" Ritardo dovuto a carenza di personale; avviate azioni correttive." if late
                                 else " Attività in corso come da cronoprogramma."),
        })
        for ind in [i for i in bundle["indicators"] if i["nodeKey"] == node["key"]]:
            value = actual(ind, year, rng)
            entry = {"campaignKey": key, "nodeKey": node["key"], "indicatorKey": ind["key"]}
            if value is not None:
                entry["actual"] = value
            else:
                entry["progress"] = float(rng.choice([30, 40, 50, 60]))
            values.append(entry)
    return {"note": MARK, "campaigns": [campaign], "values": values}


def main():
    OUT.mkdir(exist_ok=True)
    for slug, (state, share) in PLANS.items():
        data = build(slug, state, share)
        (OUT / f"{slug}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        print(f"{slug}: {len(data['values'])} valori inventati, campagna {data['campaigns'][0]['state']}")


if __name__ == "__main__":
    main()
