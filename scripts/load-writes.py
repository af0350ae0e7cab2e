#!/usr/bin/env python3
"""Write load for scripts/load: monitoring entries saved through the JSON API as fast as THREADS clients can,
each client on objectives of its own (so every 409 would be a fault, not a race between clients), with the
latency of every save. Prints one line of JSON: saves/s, p50 and p99 in ms, statuses.

    load-writes.py --base URL --token T --plan-file plan.json [--threads 16] [--duration 5]
        [--ente cassano-d-adda --plan PIAO-2024-2026 --campaign M-2024-06-30]

Uses the API client and plan reading of scripts/fault-client.py (standard library only).
"""
import argparse
import importlib.util
import json
import os
import threading
import time
import urllib.parse

spec = importlib.util.spec_from_file_location("fault_client", os.path.join(os.path.dirname(__file__), "fault-client.py"))
fc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fc)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--plan-file", required=True)
    p.add_argument("--threads", type=int, default=16)
    p.add_argument("--duration", type=float, default=5)
    p.add_argument("--ente", default="cassano-d-adda")
    p.add_argument("--plan", default="PIAO-2024-2026")
    p.add_argument("--campaign", default="M-2024-06-30")
    args = p.parse_args()
    nodes = fc.objectives(args.plan_file)
    threads = max(1, min(args.threads, len(nodes)))
    path = fc.campaign_path(args.ente, args.plan, args.campaign)
    status, payload = fc.Client(args.base, args.token, 30).request("GET", path)
    if status != 200:
        print(json.dumps({"error": f"GET {path}: {status}"}))
        return 2
    versions = {n: s["version"] for n, s in fc.state_from_api(payload, nodes).items()}
    latencies, statuses, lock = [], {}, threading.Lock()
    stop = time.monotonic() + args.duration

    def worker(mine, index):
        client = fc.Client(args.base, args.token, 30)
        seq = 0
        while time.monotonic() < stop:
            node, ind = mine[seq % len(mine)]
            seq += 1
            body = {"version": versions[node], "narrative": f"carico {index}-{seq}"}
            if ind:
                body["indicators"] = [{"indicatorKey": ind, "value": seq}]
            t = time.monotonic()
            try:
                code, answer = client.request("PUT", f"{path}/obiettivi/{urllib.parse.quote(node)}", body)
            except Exception:  # a connection error counts as such
                code, answer = 0, None
            elapsed = (time.monotonic() - t) * 1000
            if 200 <= code < 300 and isinstance(answer, dict) and "version" in answer:
                versions[node] = int(answer["version"])
            with lock:
                latencies.append(elapsed)
                statuses[code] = statuses.get(code, 0) + 1

    shares = [[nodes[i] for i in range(t, len(nodes), threads)] for t in range(threads)]
    started = time.monotonic()
    workers = [threading.Thread(target=worker, args=(shares[t], t)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    wall = time.monotonic() - started
    latencies.sort()

    def pct(q):
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2) if latencies else None

    ok = sum(n for code, n in statuses.items() if 200 <= code < 300)
    print(json.dumps({"threads": threads, "saves": ok, "saves_per_s": round(ok / wall, 1), "p50_ms": pct(0.50),
                      "p99_ms": pct(0.99), "statuses": {str(k): v for k, v in sorted(statuses.items())}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
