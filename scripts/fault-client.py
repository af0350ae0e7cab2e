#!/usr/bin/env python3
"""Clients and checks shared by scripts/faults and scripts/multi-instance (Python 3 standard library only).

    fault-client.py write   --base URL --token T --plan-file plan.json --out writes.json [options]
        Several threads save monitoring entries through the JSON API (PUT .../obiettivi/<node>) as fast as they
        can. Each thread owns its own objectives (no two threads write the same one), so every 409 means that
        nothing was written and every 2xx is an acknowledged write. Every write is unique: the narrative holds
        the write's id and one numeric indicator gets a value used by no other write. With --kill-pid the
        process with that pid gets SIGKILL after a random delay (--kill-after MIN-MAX seconds from the first
        acknowledged write): a request without an answer at that moment is "in flight" and may or may not have
        been written. The log (--out) holds, per objective, the state before the run, the last acknowledged
        write and the in-flight writes after it, with counts and throughput.

    fault-client.py verify  --log writes.json [--base URL --token T] [--sqlite PATH | --psql "psql args"]
        Reads the objectives back through the API and/or straight from the database and checks that each one
        holds its last acknowledged write, or one of the writes in flight after it; anything else is a lost
        (or wrong) write. Exit 1 when something is lost.

    fault-client.py race    --base URL1 --base URL2 --token T --plan-file plan.json [--trials N]
        Saves the same objective with the same version through two base URLs at the same moment: exactly one
        must be acknowledged and the other refused with 409 and an Italian message; the winner's write must be
        what both then read.

    fault-client.py killer  (--after-ms N | --on-write FILE) -- COMMAND [ARG...]
        Runs COMMAND and sends it SIGKILL after N ms, or as soon as FILE (an SQLite -wal file) changes, i.e.
        while it writes its transaction. Prints whether it was killed or had already finished, and when.

    fault-client.py probe   --base URL --token T --plan-file plan.json --expect STATUS [--expect-text TEXT]
        Reads the campaign (must answer 200) and saves the first objective once with its current version: the
        answer must have the expected status (and text). For the read-only and "works again" checks.

Every subcommand prints one line of JSON (its result) last on standard output.
"""
import argparse
import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse

ENTE = "cassano-d-adda"
PLAN = "PIAO-2024-2026"
CAMPAIGN = "M-2024-06-30"
STORAGE_TEXT = "Non è stato possibile salvare"
CONFLICT_TEXT = "Qualcun altro ha modificato"
MAX_KEPT = 60  # unexpected answers kept in the log, in full


# ---------------------------------------------------------------------------------------------------- HTTP

class Client:
    """One keep-alive HTTP connection to one base URL (reopened after any error)."""

    def __init__(self, base, token, timeout):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.prefix = u.path.rstrip("/")
        self.token, self.timeout = token, timeout
        self.conn = None

    def request(self, method, path, body=None):
        """(status, parsed JSON or text). Raises OSError / http.client errors when there is no answer."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {"Authorization": "Bearer " + self.token, "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            self.conn.request(method, self.prefix + path, body=data, headers=headers)
            resp = self.conn.getresponse()
            raw = resp.read()
        except BaseException:
            self.close()
            raise
        if resp.getheader("Connection", "").lower() == "close":
            self.close()
        text = raw.decode("utf-8", "replace")
        try:
            return resp.status, json.loads(text)
        except ValueError:
            return resp.status, text

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None


def campaign_path(ente, plan, campaign):
    q = urllib.parse.quote
    return f"/api/v1/enti/{q(ente)}/piani/{q(plan)}/campagne/{q(campaign)}"


def reason_of(payload):
    if isinstance(payload, dict):
        return str(payload.get("reason", ""))
    return str(payload)[:300]


# ---------------------------------------------------------------------------------------------------- state

def objectives(plan_file, limit=None):
    """[(node key, numeric indicator key or None)] for every objective of the plan's last level (the ones that
    get monitoring entries), those with a numeric indicator first."""
    with open(plan_file, encoding="utf-8") as f:
        bundle = json.load(f)
    last_level = bundle["plan"]["levels"][-1]
    numeric = {}
    for ind in sorted(bundle["indicators"], key=lambda i: (i["nodeKey"], i.get("order", 0))):
        if ind.get("form") in ("number", "percent") and ind["nodeKey"] not in numeric:
            numeric[ind["nodeKey"]] = ind["key"]
    keys = [n["key"] for n in bundle["nodes"] if n["level"] == last_level]
    keys = [k for k in keys if k in numeric] + [k for k in keys if k not in numeric]
    out = [(k, numeric.get(k)) for k in keys]
    return out[:limit] if limit else out


def state_from_api(payload, nodes):
    """{node: {"narrative", "value", "version"}} from GET .../campagne/<campaign>."""
    versions = payload.get("versions", {})
    narratives, values = {}, {}
    for v in payload.get("values", []):
        if v.get("indicatorKey"):
            values[(v["nodeKey"], v["indicatorKey"])] = (v.get("actual") or {}).get("number")
        else:
            narratives[v["nodeKey"]] = v.get("narrative")
    return {node: {"narrative": narratives.get(node), "value": values.get((node, ind)) if ind else None,
                   "version": int(versions.get(node, 0))}
            for node, ind in nodes}


def state_from_rows(rows, nodes):
    """The same from the monitoring_entries rows (node_key, indicator_key, version, data) of the campaign."""
    narratives, versions, values = {}, {}, {}
    for node, ind, version, data in rows:
        d = json.loads(data) if isinstance(data, str) else data
        if ind:
            values[(node, ind)] = (d.get("actual") or {}).get("number")
        else:
            narratives[node] = d.get("narrative")
            versions[node] = int(version)
    return {node: {"narrative": narratives.get(node), "value": values.get((node, ind)) if ind else None,
                   "version": versions.get(node, 0)}
            for node, ind in nodes}


ROWS_SQL = """SELECT e.node_key, e.indicator_key, e.version, e.data FROM monitoring_entries e
 JOIN campaigns c ON c.id = e.campaign_id JOIN plans p ON p.id = c.plan_id JOIN enti n ON n.id = p.ente_id
 WHERE n.slug = '{ente}' AND p.key = '{plan}' AND c.key = '{campaign}'"""


def rows_from_sqlite(path, ente, plan, campaign):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return db.execute(ROWS_SQL.format(ente=ente, plan=plan, campaign=campaign)).fetchall()
    finally:
        db.close()


def rows_from_psql(psql, ente, plan, campaign):
    sql = ("SELECT coalesce(json_agg(json_build_array(node_key, indicator_key, version, data)), '[]') FROM ("
           + ROWS_SQL.format(ente=ente, plan=plan, campaign=campaign) + ") r")
    out = subprocess.run(psql.split() + ["-X", "-q", "-At", "-c", sql], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip() or "[]")


def same(state, write):
    """Whether a database state is exactly one write (narrative, indicator value and version)."""
    if state["narrative"] != write["narrative"] or int(state["version"]) != int(write["version"]):
        return False
    a, b = state["value"], write["value"]
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6


# ---------------------------------------------------------------------------------------------------- write

class Run:
    def __init__(self, args, nodes):
        self.args = args
        self.nodes = nodes
        self.lock = threading.Lock()
        self.t0 = time.monotonic()
        self.first_ack = threading.Event()
        self.killed = threading.Event()
        self.stop = threading.Event()
        self.t_kill = None
        self.counter = 0
        self.per_node = {}
        self.counts = {"sent": 0, "acknowledged": 0, "conflict_409": 0, "storage_503": 0, "in_flight_at_kill": 0,
                       "in_flight_409_after_retry": 0, "in_flight_committed": 0, "unexpected": 0,
                       "failed_after_kill": 0}
        self.statuses = {}
        self.unexpected = []
        self.unexpected_kinds = {}
        self.ack_times = []

    def now(self):
        return time.monotonic() - self.t0

    def next_value(self):
        with self.lock:
            self.counter += 1
            return self.counter

    def note(self, key, n=1):
        with self.lock:
            self.counts[key] += n

    def status(self, code):
        with self.lock:
            self.statuses[str(code)] = self.statuses.get(str(code), 0) + 1

    def bad(self, what):
        kind = str(what.get("status", what.get("error", "?")))
        if what.get("reason"):
            kind += " «" + what["reason"][:60] + "…»"
        if what.get("status") == 409 and what.get("pending_before") == 0:
            kind += " on an objective no other writer saves"
        with self.lock:
            self.counts["unexpected"] += 1
            self.unexpected_kinds[kind] = self.unexpected_kinds.get(kind, 0) + 1
            if len(self.unexpected) < MAX_KEPT:
                self.unexpected.append(what)

    def in_flight_at_kill(self, t_send, t_recv):
        """Whether a request was waiting for its answer when the kill was sent (plus the time to die)."""
        return self.t_kill is not None and t_send <= self.t_kill + self.args.kill_grace and t_recv >= self.t_kill


def writer(run, index, mine, path):
    args = run.args
    client = Client(args.base, args.token, args.timeout)
    seq = 0
    cursor = 0
    while not run.stop.is_set():
        if args.kill_pid and run.killed.is_set() and not args.continue_after_kill:
            break
        node, ind = mine[cursor % len(mine)]
        cursor += 1
        rec = run.per_node[node]
        seq += 1
        value = run.next_value() + args.value_offset
        wid = f"{args.tag}-t{index}-{seq}"
        narrative = f"[{wid}] scritto da fault-client.py, valore {value}"
        body = {"version": rec["version"], "narrative": narrative}
        if ind:
            body["indicators"] = [{"indicatorKey": ind, "value": value}]
        write = {"id": wid, "narrative": narrative, "value": value if ind else None, "version": rec["version"] + 1}
        t_send = run.now()
        run.note("sent")
        try:
            status, payload = client.request("PUT", f"{path}/obiettivi/{urllib.parse.quote(node)}", body)
        except (OSError, http.client.HTTPException) as e:
            t_recv = run.now()
            run.status("no-answer")
            rec["pending"].append(write)
            if run.in_flight_at_kill(t_send, t_recv) or (run.killed.is_set() and not args.continue_after_kill):
                # In flight at the kill, or sent to the dead server: its outcome is unknown (or nothing).
                run.note("in_flight_at_kill" if run.in_flight_at_kill(t_send, t_recv) else "failed_after_kill")
                if not args.continue_after_kill:
                    break
            else:
                run.bad({"t": round(t_send, 3), "node": node, "write": wid, "error": f"{type(e).__name__}: {e}"})
                time.sleep(0.05)
            refresh(run, client, path, node, rec)
            continue
        t_recv = run.now()
        run.status(status)
        if 200 <= status < 300 and isinstance(payload, dict) and "version" in payload:
            write["version"] = int(payload["version"])
            rec["acked"] = dict(write, t=round(t_recv, 3))
            rec["pending"] = []
            rec["version"] = write["version"]
            rec["acks"] += 1
            run.note("acknowledged")
            with run.lock:
                run.ack_times.append(t_recv)
            run.first_ack.set()
        elif status == 409 and CONFLICT_TEXT in reason_of(payload) and run.in_flight_at_kill(t_send, t_recv):
            # Through a proxy that sends an unanswered PUT to the next instance: the first may have saved it.
            rec["pending"].append(write)
            run.note("in_flight_409_after_retry")
            refresh(run, client, path, node, rec)
        elif status == 409:
            run.note("conflict_409")
            if CONFLICT_TEXT not in reason_of(payload) or not rec["pending"]:
                # The thread owns this objective: a conflict without an earlier unanswered write is unexpected.
                run.bad({"t": round(t_send, 3), "node": node, "write": wid, "status": status,
                         "reason": reason_of(payload), "pending_before": len(rec["pending"])})
            refresh(run, client, path, node, rec)
        elif status == 503 and args.allow_storage_503 and STORAGE_TEXT in reason_of(payload):
            run.note("storage_503")
        elif status in (502, 504) and run.in_flight_at_kill(t_send, t_recv):
            rec["pending"].append(write)
            run.note("in_flight_at_kill")
            refresh(run, client, path, node, rec)
        else:
            rec["pending"].append(write)  # whatever it did, do not count it as lost if it was written
            run.bad({"t": round(t_send, 3), "node": node, "write": wid, "status": status,
                     "reason": reason_of(payload), "in_flight_at_kill": run.in_flight_at_kill(t_send, t_recv)})
            if run.killed.is_set() and not args.continue_after_kill:
                break
            refresh(run, client, path, node, rec)
    client.close()


def refresh(run, client, path, node, rec):
    """After a write without a clear answer, reads the objective's current version (and whether one of the
    unanswered writes is what it holds) so the thread can go on."""
    for _ in range(3):
        if run.stop.is_set() or (run.killed.is_set() and not run.args.continue_after_kill):
            return
        try:
            status, payload = client.request("GET", path)
        except (OSError, http.client.HTTPException):
            time.sleep(0.1)
            continue
        if status != 200 or not isinstance(payload, dict):
            time.sleep(0.1)
            continue
        st = state_from_api(payload, [(node, rec["indicator"])])[node]
        rec["version"] = st["version"]
        for w in rec["pending"]:
            if same(st, w) and not w.get("seen_committed"):
                w["seen_committed"] = True  # saved although its client got no 2xx
                run.note("in_flight_committed")
        return


def cmd_write(args):
    nodes = objectives(args.plan_file, args.nodes)
    threads_n = max(1, min(args.threads, len(nodes)))
    path = campaign_path(args.ente, args.plan, args.campaign)
    # The state before: the baseline each objective must keep if nothing of ours is acknowledged.
    status, payload = Client(args.base, args.token, args.timeout).request("GET", path)
    if status != 200:
        print(json.dumps({"error": f"GET {path} answered {status}: {reason_of(payload)}"}))
        return 2
    base_state = state_from_api(payload, nodes)
    run = Run(args, nodes)
    for node, ind in nodes:
        b = dict(base_state[node], id="before")
        run.per_node[node] = {"indicator": ind, "baseline": b, "acked": None, "pending": [], "version": b["version"],
                              "acks": 0}
    rng = random.Random(args.seed)
    shares = [[nodes[i] for i in range(t, len(nodes), threads_n)] for t in range(threads_n)]
    run.t0 = time.monotonic()
    workers = [threading.Thread(target=writer, args=(run, t, shares[t], path), daemon=True) for t in range(threads_n)]
    for w in workers:
        w.start()
    kill_delay = None
    deadline = run.t0 + args.duration
    if args.kill_pid:
        lo, hi = args.kill_after
        kill_delay = rng.uniform(lo, hi)
        started = run.first_ack.wait(timeout=min(30.0, args.duration))
        t_start = run.now() if started else 0.0
        target = run.t0 + t_start + kill_delay
        while time.monotonic() < target and any(w.is_alive() for w in workers):
            time.sleep(0.005)
        try:
            os.kill(args.kill_pid, signal.SIGKILL)
            run.t_kill = run.now()
        except ProcessLookupError:
            run.t_kill = run.now()
            run.bad({"t": round(run.t_kill, 3), "error": f"process {args.kill_pid} was already gone at the kill"})
        run.killed.set()
        if not args.continue_after_kill:
            deadline = time.monotonic() + args.timeout + 5
    while time.monotonic() < deadline and any(w.is_alive() for w in workers):
        time.sleep(0.02)
    run.stop.set()
    for w in workers:
        w.join(timeout=args.timeout + 5)
    t_end = run.now()
    tp = {"overall": round(len(run.ack_times) / t_end, 1) if t_end > 0 else 0.0}
    if run.t_kill is not None:
        # Steady state: the first second (cold caches, new connections) is left out of "before".
        start = 1.0 if run.t_kill > 2.0 else 0.0
        before = [t for t in run.ack_times if start <= t < run.t_kill]
        after = [t for t in run.ack_times if t >= run.t_kill]
        tp["before_kill"] = round(len(before) / (run.t_kill - start), 1) if run.t_kill > start else 0.0
        tp["after_kill"] = round(len(after) / (t_end - run.t_kill), 1) if t_end > run.t_kill + 0.5 else None
    timeline = {}
    for t in run.ack_times:
        timeline[int(t)] = timeline.get(int(t), 0) + 1
    log = {
        "tag": args.tag, "base": args.base, "ente": args.ente, "plan": args.plan, "campaign": args.campaign,
        "threads": threads_n, "seed": args.seed, "kill_pid": args.kill_pid,
        "kill_delay_after_first_ack": round(kill_delay, 3) if kill_delay is not None else None,
        "t_kill": round(run.t_kill, 3) if run.t_kill is not None else None, "duration": round(t_end, 3),
        "counts": run.counts, "statuses": run.statuses, "throughput_per_s": tp,
        "acknowledged_per_second": [timeline.get(i, 0) for i in range(int(t_end) + 1)],
        "unexpected_kinds": run.unexpected_kinds, "unexpected": run.unexpected,
        "nodes": {n: {k: v for k, v in r.items() if k != "version"} for n, r in run.per_node.items()},
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(log, f, indent=1, ensure_ascii=False)
    summary = {"acknowledged": run.counts["acknowledged"], "sent": run.counts["sent"],
               "in_flight_at_kill": run.counts["in_flight_at_kill"] + run.counts["in_flight_409_after_retry"],
               "unexpected": run.counts["unexpected"], "statuses": run.statuses, "throughput_per_s": tp,
               "t_kill": log["t_kill"], "duration": log["duration"]}
    print(json.dumps(summary, ensure_ascii=False))
    return 0


# ---------------------------------------------------------------------------------------------------- verify

def judge(log, state, source):
    """(lost, committed in-flight, kept, problems) comparing one database view with the write log."""
    lost, in_flight, kept, problems = 0, 0, 0, []
    for node, rec in log["nodes"].items():
        st = state[node]
        last = rec["acked"] or rec["baseline"]
        if same(st, last):
            kept += 1
            continue
        hit = next((w for w in rec["pending"] if same(st, w)), None)
        if hit is not None:
            in_flight += 1
            continue
        lost += 1
        problems.append(f"{source}: {node} holds narrative={st['narrative']!r} value={st['value']!r} "
                        f"version={st['version']}, but the last acknowledged write is {last.get('id')} "
                        f"(narrative={last['narrative']!r} value={last['value']!r} version={last['version']})"
                        + (f"; in flight after it: {[w['id'] for w in rec['pending']]}" if rec["pending"] else ""))
    return lost, in_flight, kept, problems


def cmd_verify(args):
    logs = []
    for path in args.log:
        with open(path, encoding="utf-8") as f:
            logs.append(json.load(f))
    result = {"acknowledged": 0, "lost": 0, "in_flight_committed": 0, "objectives": 0, "views": [], "problems": []}
    for log in logs:
        nodes = [(n, r["indicator"]) for n, r in log["nodes"].items()]
        result["acknowledged"] += log["counts"]["acknowledged"]
        result["objectives"] += len(nodes)
        views = []
        if args.base:
            status, payload = Client(args.base, args.token, 30).request(
                "GET", campaign_path(log["ente"], log["plan"], log["campaign"]))
            if status != 200:
                result["problems"].append(f"GET campaign through {args.base} answered {status}: {reason_of(payload)}")
                result["lost"] += len(nodes)
            else:
                views.append((f"API {args.base}", state_from_api(payload, nodes)))
        if args.sqlite:
            views.append(("SQL (sqlite3)", state_from_rows(
                rows_from_sqlite(args.sqlite, log["ente"], log["plan"], log["campaign"]), nodes)))
        if args.psql:
            views.append(("SQL (psql)", state_from_rows(
                rows_from_psql(args.psql, log["ente"], log["plan"], log["campaign"]), nodes)))
        worst = 0
        for name, state in views:
            lost, in_flight, kept, problems = judge(log, state, name)
            result["views"].append({"log": log["tag"], "view": name, "kept": kept, "in_flight_committed": in_flight,
                                    "lost": lost})
            result["problems"].extend(problems)
            worst = max(worst, lost)
            result["in_flight_committed"] = max(result["in_flight_committed"], in_flight)
        result["lost"] += worst
    for p in result["problems"]:
        print("LOST " + p, file=sys.stderr)
    print(json.dumps(result, ensure_ascii=False))
    return 1 if result["lost"] or not result["views"] else 0


# ---------------------------------------------------------------------------------------------------- race

def cmd_race(args):
    if len(args.base) < 2:
        print(json.dumps({"error": "race needs two --base"}))
        return 2
    nodes = objectives(args.plan_file)
    path = campaign_path(args.ente, args.plan, args.campaign)
    reader = Client(args.base[0], args.token, 30)
    status, payload = reader.request("GET", path)
    if status != 200:
        print(json.dumps({"error": f"GET campaign answered {status}"}))
        return 2
    versions = payload.get("versions", {})
    # One objective that has never been saved (the insert path) and others that have (the update path).
    fresh = [n for n in nodes if n[0] not in versions]
    used = [n for n in nodes if n[0] in versions]
    picks = (fresh[:1] + used)[: args.trials] if fresh else used[: args.trials]
    trials, ok = [], True
    for t, (node, ind) in enumerate(picks):
        st = state_from_api(reader.request("GET", path)[1], [(node, ind)])[node]
        barrier = threading.Barrier(len(args.base[:2]))
        answers = [None, None]

        def fire(i):
            c = Client(args.base[i], args.token, 30)
            body = {"version": st["version"], "narrative": f"[race-{t}-{i}] via {args.base[i]}"}
            if ind:
                body["indicators"] = [{"indicatorKey": ind, "value": 900000 + 10 * t + i}]
            c.request("GET", "/health")  # open the connection before the barrier
            barrier.wait()
            try:
                answers[i] = c.request("PUT", f"{path}/obiettivi/{urllib.parse.quote(node)}", body)
            except (OSError, http.client.HTTPException) as e:
                answers[i] = ("no-answer", str(e))
            c.close()

        ths = [threading.Thread(target=fire, args=(i,)) for i in range(2)]
        for th in ths:
            th.start()
        for th in ths:
            th.join()
        codes = [a[0] for a in answers]
        winners = [i for i in range(2) if isinstance(codes[i], int) and 200 <= codes[i] < 300]
        losers = [i for i in range(2) if codes[i] == 409 and CONFLICT_TEXT in reason_of(answers[i][1])]
        good = len(winners) == 1 and len(losers) == 1
        after = []
        if good:
            w = winners[0]
            expect = {"narrative": f"[race-{t}-{w}] via {args.base[w]}",
                      "value": (900000 + 10 * t + w) if ind else None, "version": st["version"] + 1}
            for b in args.base[:2]:
                seen = state_from_api(Client(b, args.token, 30).request("GET", path)[1], [(node, ind)])[node]
                after.append(same(seen, expect))
            good = all(after)
        ok = ok and good
        trials.append({"node": node, "version": st["version"], "statuses": codes,
                       "loser_reason": reason_of(answers[losers[0]][1]) if losers else None,
                       "winner_visible_on_both": after, "ok": good})
    print(json.dumps({"ok": ok, "trials": trials}, ensure_ascii=False))
    return 0 if ok else 1


# ---------------------------------------------------------------------------------------------------- probe

def cmd_probe(args):
    node, ind = objectives(args.plan_file)[0]
    path = campaign_path(args.ente, args.plan, args.campaign)
    c = Client(args.base, args.token, 30)
    result = {"ok": False}
    try:
        status, payload = c.request("GET", path)
        result["read_status"] = status
        if status != 200:
            result["read_reason"] = reason_of(payload)
            print(json.dumps(result, ensure_ascii=False))
            return 1
        version = state_from_api(payload, [(node, ind)])[node]["version"]
        body = {"version": version, "narrative": f"[probe {args.tag}] scritto da fault-client.py"}
        if ind:
            body["indicators"] = [{"indicatorKey": ind, "value": 424242}]
        status, payload = c.request("PUT", f"{path}/obiettivi/{urllib.parse.quote(node)}", body)
    except (OSError, http.client.HTTPException) as e:
        result["error"] = f"{type(e).__name__}: {e}"
        print(json.dumps(result, ensure_ascii=False))
        return 1
    result.update({"node": node, "version": version, "save_status": status, "save_reason": reason_of(payload)
                   if status >= 300 else None})
    result["ok"] = status == args.expect and (not args.expect_text or args.expect_text in reason_of(payload))
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["ok"] else 1


# ---------------------------------------------------------------------------------------------------- killer

def cmd_killer(args):
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        print(json.dumps({"error": "no command"}))
        return 2

    def look(path):
        try:
            st = os.stat(path)
            return (st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            return None

    before = look(args.on_write) if args.on_write else None
    t0 = time.monotonic()
    with open(args.out, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        result = {"outcome": "finished"}
        while proc.poll() is None:
            now = (time.monotonic() - t0) * 1000
            fire = False
            if args.after_ms is not None and now >= args.after_ms:
                fire = True
            if args.on_write:
                st = look(args.on_write)
                # More than a header and one page: the transaction's pages, not just the file being opened.
                if st is not None and st != before and st[0] > 32 + 4096 + 24:
                    fire = True
                    result["file_size_at_kill"] = st[0]
            if fire:
                try:
                    proc.send_signal(signal.SIGKILL)
                    result["outcome"] = "killed"
                except ProcessLookupError:
                    pass
                result["at_ms"] = round(now)
                break
            time.sleep(0.0002)
        code = proc.wait()
    result["exit"] = code
    if result["outcome"] == "finished" or code != -signal.SIGKILL:
        result["outcome"] = "finished"
        result["at_ms"] = round((time.monotonic() - t0) * 1000)
    print(json.dumps(result))
    return 0


# ---------------------------------------------------------------------------------------------------- main

def span(text):
    parts = [float(x) for x in text.split("-")]
    return (parts[0], parts[-1])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)

    def common(sp):
        sp.add_argument("--ente", default=ENTE)
        sp.add_argument("--plan", default=PLAN)
        sp.add_argument("--campaign", default=CAMPAIGN)

    w = sub.add_parser("write")
    common(w)
    w.add_argument("--base", required=True)
    w.add_argument("--token", required=True)
    w.add_argument("--plan-file", required=True, help="the plan exported with `traguardo export` (its objectives)")
    w.add_argument("--out", required=True)
    w.add_argument("--tag", default="w")
    w.add_argument("--threads", type=int, default=4)
    w.add_argument("--nodes", type=int, default=None, help="only the first N objectives")
    w.add_argument("--duration", type=float, default=30.0, help="seconds of writing at most")
    w.add_argument("--timeout", type=float, default=10.0, help="seconds without an answer before giving up")
    w.add_argument("--kill-pid", type=int, default=None)
    w.add_argument("--kill-after", type=span, default=(1.0, 3.0), help="MIN-MAX seconds after the first acknowledged write")
    w.add_argument("--kill-grace", type=float, default=0.05,
                   help="a request sent this long after the kill still counts as in flight (the time to die)")
    w.add_argument("--continue-after-kill", action="store_true", help="keep writing after the kill (behind a proxy)")
    w.add_argument("--allow-storage-503", action="store_true", help="503 with the Italian storage message is allowed")
    w.add_argument("--value-offset", type=int, default=0)
    w.add_argument("--seed", type=int, default=None)

    v = sub.add_parser("verify")
    v.add_argument("--log", action="append", required=True)
    v.add_argument("--base")
    v.add_argument("--token")
    v.add_argument("--sqlite")
    v.add_argument("--psql", help='the psql command line, e.g. "psql -h 127.0.0.1 -p 54350 -U traguardo -d db"')

    r = sub.add_parser("race")
    common(r)
    r.add_argument("--base", action="append", required=True)
    r.add_argument("--token", required=True)
    r.add_argument("--plan-file", required=True)
    r.add_argument("--trials", type=int, default=4)

    pr = sub.add_parser("probe")
    common(pr)
    pr.add_argument("--base", required=True)
    pr.add_argument("--token", required=True)
    pr.add_argument("--plan-file", required=True)
    pr.add_argument("--expect", type=int, required=True)
    pr.add_argument("--expect-text", default=None)
    pr.add_argument("--tag", default="probe")

    k = sub.add_parser("killer")
    k.add_argument("--after-ms", type=float, default=None)
    k.add_argument("--on-write", default=None, help="kill when this file changes (size or time)")
    k.add_argument("--out", required=True, help="the command's output")
    k.add_argument("command", nargs=argparse.REMAINDER)

    args = p.parse_args()
    if args.cmd == "write":
        if args.seed is None:
            args.seed = random.SystemRandom().randrange(1 << 30)
        return cmd_write(args)
    if args.cmd == "verify":
        return cmd_verify(args)
    if args.cmd == "probe":
        return cmd_probe(args)
    if args.cmd == "killer":
        return cmd_killer(args)
    return cmd_race(args)


if __name__ == "__main__":
    sys.exit(main())
