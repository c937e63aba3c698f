#!/usr/bin/env python3
"""Helpers of bench/run.sh: turn tool output into one JSON line per measurement, and write the report.

  bench.py hey CSV_FILE [EXPECTED]           -> JSON stats of a hey -o csv run (missing rows are errors)
  bench.py record RAW META TOOL_OUT EXTRA    -> appends {META, EXTRA, normalized tool output} to RAW
  bench.py report RESULTS_DIR                -> RESULTS_DIR/results.md and summary.json
"""
import json
import math
import os
import statistics
import sys


def pct(sorted_values, q):
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, max(0, math.ceil(q * len(sorted_values)) - 1))]


def hey_stats(csv_file, expected=0):
    latencies, errors, first, last = [], 0, None, 0.0
    with open(csv_file) as f:
        next(f, None)
        for row in f:
            cols = row.strip().split(",")
            if len(cols) < 8:
                continue
            seconds, status, offset = float(cols[0]), cols[6], float(cols[7])
            last = max(last, offset + seconds)
            if status.startswith("2"):
                latencies.append(seconds * 1000)
            else:
                errors += 1
    latencies.sort()
    duration = last or 1
    # hey leaves requests that failed without a response (timeouts, resets) out of its CSV: whatever
    # the planned rate should have sent and is missing counts as an error.
    errors = max(errors, expected - len(latencies))
    return {"tool": "hey", "requests": len(latencies) + errors, "ok": len(latencies), "errors": errors,
            "rps": round(len(latencies) / duration, 1),
            "lat": {"p50": pct(latencies, .5), "p90": pct(latencies, .9), "p99": pct(latencies, .99),
                    "max": latencies[-1] if latencies else None}}


def normalize(out):
    if out.get("tool") == "wrk":
        errors = out["non2xx"] + out["socket_errors"] + out["timeouts"]
        return {"requests": out["requests"], "ok": out["requests"] - out["non2xx"], "errors": errors,
                "rps": round((out["requests"] - out["non2xx"]) / out["duration_s"], 1),
                "lat": {k: out[k + "_ms"] for k in ("p50", "p90", "p99", "max")}}
    if out.get("tool") == "hey":
        return {k: out[k] for k in ("requests", "ok", "errors", "rps", "lat")}
    if out.get("tool") == "wsload":
        return {"requests": out["frames_expected"], "ok": out["frames_delivered"], "errors": out["errors"],
                "sockets": out["sockets"], "subscribed": out["subscribed"], "lost": out["lost"],
                "closed": out["closed"], "rps": out["frames_per_s"], "lat": out["delivery_ms"],
                "created": out["created_ms"]}
    if out.get("tool") == "rateload":
        return {k: out.get(k) for k in ("requests", "ok", "errors", "error_kinds", "rps", "lat", "ttft", "send_lag",
                                         "connections")}
    if "ttft_ms" in out:  # SseLoad
        return {"requests": out["requests"], "ok": out["completed"], "errors": out["errors"],
                "error_kinds": out["error_kinds"], "rps": out["throughput_rps"], "peak_open": out["peak_open"],
                "lat": out["total_ms"], "ttft": out["ttft_ms"], "gap": out["gap_ms"]}
    return out


def record(raw, meta, tool_out, extra):
    text = open(tool_out).read().strip().splitlines() if os.path.exists(tool_out) else []
    parsed = None
    for line in reversed(text):
        if line.startswith("{"):
            parsed = json.loads(line)
            break
    entry = dict(json.loads(meta))
    entry.update(json.loads(extra))
    if parsed is None:
        entry.update({"failed": True, "output_tail": text[-5:]})
    else:
        entry.update(normalize(parsed))
    with open(raw, "a") as f:
        f.write(json.dumps(entry) + "\n")
    print(json.dumps(entry))
    return 0 if parsed is not None else 1


# ---------------------------------------------------------------- report

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def get(entry, *path):
    for p in path:
        if entry is None:
            return None
        entry = entry.get(p) if isinstance(entry, dict) else None
    return entry


def verdict(ok):
    return "–" if ok is None else ("**met**" if ok else "**missed**")


def rounds(entries, case, arm):
    return [e for e in entries if e.get("case") == case and e.get("arm") == arm and not e.get("failed")]


def paired(entries, case, a, b, fn):
    """Median over rounds of fn(A of round r, B of round r): ratios measured within one round."""
    by_round = {}
    for e in entries:
        if e.get("case") == case and not e.get("failed"):
            by_round.setdefault(e["round"], {})[e["arm"]] = e
    values = [fn(r[a], r[b]) for r in by_round.values() if a in r and b in r]
    return med([v for v in values if v is not None])


def diff(path):
    return lambda a, b: (get(b, *path) - get(a, *path)) if get(a, *path) is not None and get(b, *path) is not None else None


def ratio(path):
    return lambda a, b: (get(b, *path) / get(a, *path)) if get(a, *path) and get(b, *path) is not None else None


def arm_row(entries, case, arm, metric="lat"):
    rs = rounds(entries, case, arm)
    return {"n": len(rs), "rps": med([e.get("rps") for e in rs]), "errors": sum(e.get("errors", 0) for e in rs),
            "requests": sum(e.get("requests", 0) for e in rs),
            **{q: med([get(e, metric, q) for e in rs]) for q in ("p50", "p90", "p99", "max")},
            "cpu": med([e.get("parley_cpu_pct") for e in rs]), "rss": max([e.get("parley_rss_peak_mb") or 0 for e in rs] or [0])}


def report(results_dir):
    raw = os.path.join(results_dir, "raw.jsonl")
    entries = [json.loads(l) for l in open(raw)] if os.path.exists(raw) else []
    env = json.load(open(os.path.join(results_dir, "environment.json"))) if os.path.exists(
        os.path.join(results_dir, "environment.json")) else {}
    skipped = [json.loads(l) for l in open(os.path.join(results_dir, "skipped.jsonl"))] if os.path.exists(
        os.path.join(results_dir, "skipped.jsonl")) else []
    by = {}
    for e in entries:
        by.setdefault(e["scenario"], []).append(e)
    out, summary = [], {"environment": env, "scenarios": {}}
    out.append(f"# Parley benchmark results ({env.get('mode', '?')} run, {env.get('started', '?')})\n")
    out.append("Medians over rounds; each comparison is the median of per-round figures whose arms ran "
               "alternately (A B A B) in the same run. Latencies in ms. CPU is Parley's, in % of one core; "
               "RSS is Parley's peak resident set during the measurement, MB. Error counts are summed over rounds.\n")
    if env.get("mode") == "smoke":
        out.append("**Smoke run**: tiny loads for a few seconds check the plumbing; the target columns mean nothing here.\n")
    out.append("Environment: " + ", ".join(f"{k}={v}" for k, v in env.items() if k not in ("mode", "started")) + "\n")
    failed = [e for e in entries if e.get("failed")]
    if failed:
        out.append(f"**{len(failed)} measurement(s) produced no output**: " +
                   ", ".join(f"{e['scenario']}/{e.get('case')}/{e.get('arm')}" for e in failed) + "\n")
    for s in skipped:
        out.append(f"- Scenario {s['scenario']} skipped: {s['reason']}\n")

    def table(header, rows):
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        for r in rows:
            out.append("| " + " | ".join(fmt(c) if not isinstance(c, str) else c for c in r) + " |")
        out.append("")

    # 1. gateway overhead
    s1 = by.get("1", [])
    if s1:
        out.append("## 1. Gateway overhead: client → mock vs client → Parley /v1/chat/completions → mock\n")
        rows = []
        for case in sorted({e["case"] for e in s1}, key=lambda c: (("stream" in c), int(c.split("-")[0]))):
            metric = "ttft" if "stream" in case else "lat"
            a, b = arm_row(s1, case, "mock", metric), arm_row(s1, case, "parley", metric)
            d50 = paired(s1, case, "mock", "parley", diff((metric, "p50")))
            d99 = paired(s1, case, "mock", "parley", diff((metric, "p99")))
            target = None
            if case.startswith("1000"):
                target = d50 is not None and d99 is not None and d50 <= 1 and d99 <= 5 and b["errors"] == 0
            rows.append([case + (" (TTFT)" if metric == "ttft" else ""), a["rps"], b["rps"], a["p50"], a["p99"],
                         b["p50"], b["p99"], b["max"], d50, d99, f"{a['errors']}/{b['errors']}", b["cpu"], b["rss"],
                         verdict(target) if case.startswith("1000") else "(report)"])
            summary["scenarios"].setdefault("1", {})[case] = {"mock": a, "parley": b, "added_p50": d50,
                                                              "added_p99": d99, "met": target}
        table(["rate / mode", "mock rps", "Parley rps", "mock p50", "mock p99", "Parley p50", "Parley p99",
               "Parley max", "added p50", "added p99", "errors mock/Parley", "CPU %", "RSS MB",
               "target (1000 rps: +p50 ≤ 1, +p99 ≤ 5, 0 errors)"], rows)

    # 2. chat turn
    s2 = by.get("2", [])
    if s2:
        out.append("## 2. Full chat turn, non-streamed, persisted (saturation)\n")
        rows = []
        for case in sorted({e["case"] for e in s2}):
            r = arm_row(s2, case, "parley")
            rs = rounds(s2, case, "parley")
            persisted = all(e.get("persisted_ok") for e in rs) if rs else None
            met = r["rps"] is not None and r["rps"] >= 1500 and r["errors"] == 0 and persisted
            history = max((e.get("chat_messages_max", 0) for e in rs), default=None)
            rows.append([case, r["rps"], r["p50"], r["p90"], r["p99"], r["max"], r["errors"], r["requests"],
                         "yes" if persisted else "NO", history, r["cpu"], r["rss"], verdict(met)])
            summary["scenarios"].setdefault("2", {})[case] = {**r, "persisted": persisted, "met": met}
        table(["case", "turns/s", "p50", "p90", "p99", "max", "errors", "turns", "messages+usage persisted",
               "longest chat (messages)", "CPU %", "RSS MB", "target ≥ 1500 turns/s"], rows)
        # BENCH_QUOTAS=1: the same turns with a quota on the bench user, arms alternated in each round.
        quota_cases = sorted({e["case"] for e in s2 if e.get("arm") == "parley-quotas"})
        if quota_cases:
            out.append("With a quota on the bench user (BENCH_QUOTAS=1: tokens and USD per day and month, requests "
                       "per minute; one reservation and one settlement per turn), same run, arms alternated:\n")
            rows = []
            for case in quota_cases:
                q = arm_row(s2, case, "parley-quotas")
                rel = paired(s2, case, "parley", "parley-quotas", ratio(("rps",)))
                dp99 = paired(s2, case, "parley", "parley-quotas", diff(("lat", "p99")))
                rows.append([case, q["rps"], q["p50"], q["p99"], q["errors"], None if rel is None else rel * 100, dp99,
                             q["cpu"]])
                summary["scenarios"].setdefault("2", {})[case + "-quotas"] = {**q, "rps_ratio": rel, "p99_delta": dp99}
            table(["case", "turns/s with quotas", "p50", "p99", "errors", "turns/s, % of without (paired)",
                   "Δ p99 (paired)", "CPU %"], rows)

    # 3. streaming concurrency
    s3 = by.get("3", [])
    if s3:
        out.append("## 3. Concurrent streamed replies\n")
        rows = []
        cases = sorted({e["case"] for e in s3}, key=lambda c: int(c.split("-")[0]) if c.split("-")[0].isdigit() else 0)
        for case in cases:
            a, b = arm_row(s3, case, "mock", "ttft"), arm_row(s3, case, "parley", "ttft")
            ga, gb = arm_row(s3, case, "mock", "gap"), arm_row(s3, case, "parley", "gap")
            rs = rounds(s3, case, "parley")
            # The worst round: "100 % complete" has to hold in every round.
            completes = [100.0 * e["ok"] / e["requests"] for e in rs if e.get("requests")]
            complete = min(completes) if completes else None
            d99 = paired(s3, case, "mock", "parley", diff(("ttft", "p99")))
            g = paired(s3, case, "mock", "parley", ratio(("gap", "p99")))
            met = None
            if complete is not None and d99 is not None and g is not None:
                met = complete == 100.0 and d99 <= 50 and g <= 2 and b["rss"] <= 1024
            rows.append([case, complete, a["p99"], b["p99"], d99, ga["p99"], gb["p99"], g, gb["max"], b["rss"],
                         b["cpu"], verdict(met)])
            summary["scenarios"].setdefault("3", {})[case] = {"complete_pct": complete, "ttft_added_p99": d99,
                                                              "gap_p99_ratio": g, "mock_ttft": a, "parley_ttft": b,
                                                              "mock_gap": ga, "parley_gap": gb, "met": met}
        table(["streams", "complete % (worst round)", "mock TTFT p99", "Parley TTFT p99", "added TTFT p99", "mock gap p99",
               "Parley gap p99", "gap p99 ratio", "Parley gap max", "RSS MB", "CPU %",
               "target (100 %, +TTFT p99 ≤ 50, gap ratio ≤ 2, RSS ≤ 1024)"], rows)

    # 4. authenticated reads
    s4 = by.get("4", [])
    if s4:
        out.append("## 4. Authenticated reads vs an unauthenticated trivial endpoint (64 connections)\n")
        rows = []
        for case in sorted({e["case"] for e in s4}):
            a, b = arm_row(s4, case, "trivial"), arm_row(s4, case, "chats")
            rt = paired(s4, case, "trivial", "chats", ratio(("rps",)))
            met = rt is not None and b["p99"] is not None and rt >= 0.5 and b["p99"] <= 10 and b["errors"] == 0
            # Issue 10 sets an absolute figure for the same measurement.
            met_absolute = (b["rps"] is not None and b["p99"] is not None
                            and b["rps"] >= 5000 and b["p99"] <= 10 and b["errors"] == 0)
            rows.append([case, a["rps"], a["p99"], b["rps"], b["p50"], b["p99"], b["max"], rt,
                         f"{a['errors']}/{b['errors']}", b["cpu"], verdict(met), verdict(met_absolute)])
            summary["scenarios"].setdefault("4", {})[case] = {"trivial": a, "chats": b, "ratio": rt, "met": met,
                                                              "met_absolute": met_absolute}
        table(["case", "trivial rps", "trivial p99", "chats rps", "chats p50", "chats p99", "chats max",
               "throughput ratio", "errors", "CPU %", "target (ratio ≥ 0.5, p99 ≤ 10)",
               "issue 10 (≥ 5000/s, p99 ≤ 10)"], rows)

    # 5. login
    s5 = by.get("5", [])
    if s5:
        out.append("## 5. Logins (Argon2id) and their effect on other endpoints\n")
        rows = []
        for case in sorted({e["case"] for e in s5 if e["arm"] in ("idle", "loaded")}):
            a, b = arm_row(s5, case, "idle"), arm_row(s5, case, "loaded")
            login = arm_row(s5, case, "logins")
            rt = paired(s5, case, "idle", "loaded", ratio(("lat", "p99")))
            met = rt is not None and rt <= 2 and b["errors"] == 0
            rows.append([case, login["rps"], login["errors"], login["p99"], b["rss"], a["p99"], b["p99"], rt,
                         f"{a['errors']}/{b['errors']}", verdict(met)])
            summary["scenarios"].setdefault("5", {})[case] = {"logins": login, "idle": a, "loaded": b,
                                                              "p99_ratio": rt, "met": met}
        table(["case", "logins/s", "login non-2xx", "login p99", "peak RSS MB", "other p99 idle",
               "other p99 during logins", "ratio", "errors idle/loaded", "target (ratio ≤ 2)"], rows)

    # 6. start-up
    s6 = by.get("6", [])
    if s6:
        out.append("## 6. Start-up to first healthy response, idle RSS (external PostgreSQL)\n")
        rows = []
        order = ["jar", "aot", "jar-1core", "aot-1core"]
        for arm in sorted({e.get("arm", "parley") for e in s6}, key=lambda a: (order.index(a) if a in order else 9, a)):
            rs = [e for e in s6 if not e.get("failed") and e.get("arm", "parley") == arm]
            warm = [e for e in rs if e.get("warm")] or rs
            st, rss = med([e["startup_ms"] for e in warm]), med([e["idle_rss_mb"] for e in warm])
            met = st is not None and st <= 5000 and rss <= 400
            label = {"jar": "java -jar (fat jar), 2 cores", "aot": "extracted jar + JDK AOT cache, 2 cores",
                     "jar-1core": "java -jar (fat jar), 1 core", "aot-1core": "extracted jar + JDK AOT cache, 1 core"}.get(arm, arm)
            rows.append([label, len(warm), st, ", ".join(str(e["startup_ms"]) for e in warm), rss, verdict(met)])
            summary["scenarios"].setdefault("6", {})[arm] = {"startup_ms": st, "idle_rss_mb": rss, "met": met}
        table(["start", "starts (warm)", "start-up ms (median)", "start-up ms (each)", "idle RSS MB (median)",
               "target (≤ 5000 ms, ≤ 400 MB)"], rows)

    # 7. recommendations for one user
    s7 = [e for e in by.get("7", []) if not e.get("failed")]
    if s7:
        out.append("## 7. Recommendations for one user (in-process, generated catalogue and swipes)\n")
        if s7[0].get("generated"):
            out.append(s7[0]["generated"] + "\n")
        rows = []
        for e in s7:
            met = e["p99"] <= 20
            label = {"rank": "ranking (signals read + ranking)", "feed": "served (+ products read, set stored)"}.get(e["case"], e["case"])
            rows.append([label, e["calls"], e["p50"], e["p99"], verdict(met)])
            summary["scenarios"].setdefault("7", {})[e["case"]] = {"p50": e["p50"], "p99": e["p99"], "met": met}
        table(["path", "calls", "p50 ms", "p99 ms", "target (p99 ≤ 20 ms)"], rows)

    # 8. gateway overhead, even-rate open loop, and saturation
    s8 = by.get("8", [])
    if s8:
        out.append("## 8. Gateway overhead, even-rate open loop (RateLoad), and saturation (wrk, 32 connections)\n")
        out.append("Latency and TTFT count from each request's planned start. *generator lag p99* is how late "
                   "RateLoad itself sent the Parley arm's requests (it should stay well under the added latency).\n")
        rows = []
        cases = sorted({e["case"] for e in s8 if e["case"] != "saturation"}, key=lambda c: ("stream" in c, c))
        for case in cases:
            metric = "ttft" if "stream" in case else "lat"
            a, b = arm_row(s8, case, "mock", metric), arm_row(s8, case, "parley", metric)
            d50 = paired(s8, case, "mock", "parley", diff((metric, "p50")))
            d99 = paired(s8, case, "mock", "parley", diff((metric, "p99")))
            lag = med([get(e, "send_lag", "p99") for e in rounds(s8, case, "parley")])
            target = None
            if case.startswith("1000"):
                target = d50 is not None and d99 is not None and d50 <= 1 and d99 <= 5 and b["errors"] == 0
            rows.append([case + (" (TTFT)" if metric == "ttft" else ""), a["rps"], b["rps"], a["p50"], a["p99"],
                         b["p50"], b["p99"], b["max"], d50, d99, lag, f"{a['errors']}/{b['errors']}", b["cpu"],
                         verdict(target) if case.startswith("1000") else "(report)"])
            summary["scenarios"].setdefault("8", {})[case] = {"mock": a, "parley": b, "added_p50": d50,
                                                              "added_p99": d99, "generator_lag_p99": lag, "met": target}
        table(["rate / mode", "mock rps", "Parley rps", "mock p50", "mock p99", "Parley p50", "Parley p99",
               "Parley max", "added p50", "added p99", "generator lag p99", "errors mock/Parley", "CPU %",
               "target (1000 rps: +p50 ≤ 1, +p99 ≤ 5, 0 errors)"], rows)
        if any(e["case"] == "saturation" for e in s8):
            a, b = arm_row(s8, "saturation", "mock"), arm_row(s8, "saturation", "parley")
            met = b["rps"] is not None and b["rps"] >= 3000 and b["errors"] == 0
            summary["scenarios"].setdefault("8", {})["saturation"] = {"mock": a, "parley": b, "met": met}
            table(["saturation", "mock rps", "Parley rps", "Parley p50", "Parley p99", "errors mock/Parley", "CPU %",
                   "target (≥ 3000 proxied rps, 0 errors)"],
                  [["32 connections", a["rps"], b["rps"], b["p50"], b["p99"], f"{a['errors']}/{b['errors']}", b["cpu"],
                    verdict(met)]])
    # 9. WebSocket broadcast
    s9 = by.get("9", [])
    if s9:
        out.append("## 9. WebSocket broadcast: sockets of one chat on one node, each reply's frames to all\n")
        out.append("Delivery: a frame's arrival on a socket minus its first arrival on any socket. Created: "
                   "chat.send to the user message's message.created on each socket (turn start + fan-out).\n")
        rows = []
        for case in sorted({e["case"] for e in s9}):
            r = arm_row(s9, case, "parley")
            c = arm_row(s9, case, "parley", "created")
            rs = rounds(s9, case, "parley")
            subscribed = min((e.get("subscribed", 0) for e in rs), default=None)
            lost = sum(e.get("lost", 0) for e in rs)
            rows.append([case, subscribed, r["requests"], lost, r["errors"], r["rps"], r["p50"], r["p99"], r["max"],
                         c["p50"], c["p99"], r["cpu"], r["rss"], "(report)"])
            summary["scenarios"].setdefault("9", {})[case] = {**r, "created": c, "subscribed": subscribed, "lost": lost}
        table(["case", "sockets subscribed (worst round)", "frames expected", "lost", "errors", "frames/s",
               "delivery p50", "delivery p99", "delivery max", "created p50", "created p99", "CPU %", "RSS MB",
               "target"], rows)

    text = "\n".join(out) + "\n"
    open(os.path.join(results_dir, "results.md"), "w").write(text)
    json.dump(summary, open(os.path.join(results_dir, "summary.json"), "w"), indent=1)
    print(text)
    return 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "hey":
        print(json.dumps(hey_stats(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)))
    elif cmd == "record":
        sys.exit(record(*sys.argv[2:6]))
    elif cmd == "report":
        sys.exit(report(sys.argv[2]))
    else:
        sys.exit("unknown command " + cmd)
