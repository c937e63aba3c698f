#!/usr/bin/env python3
# Lines an open-loop latency timeline (RateLoad --timeline) up with a GC log (-Xlog:gc with the utctime
# decoration): which of the slow requests were planned during a pause or while the backlog it left was
# served (up to AFTER_MS after it ended). Usage: gc_tail.py timeline.txt gc.log [slow_ms, default: the p99]
import re, sys
from datetime import datetime
AFTER_MS = 50.0
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[1:]]
reqs = [(float(r[0]), float(r[1]), r[3]) for r in rows if len(r) == 4]
if not reqs: sys.exit('no requests in the timeline')
lat = sorted(r[1] for r in reqs)
pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
slow_ms = float(sys.argv[3]) if len(sys.argv) > 3 else pct(0.99)
lo, hi = reqs[0][0] - 1000, reqs[-1][0] + 1000
pauses = []
for line in open(sys.argv[2]):
    m = re.match(r'\[(\S+?)\]\S*\s+GC\(\d+\) Pause (.*) (\d+(?:\.\d+)?)ms$', line.strip())
    if not m: continue
    end = datetime.strptime(m.group(1), '%Y-%m-%dT%H:%M:%S.%f%z').timestamp() * 1000
    dur = float(m.group(3))
    if lo <= end <= hi: pauses.append((end - dur, end, dur, m.group(2).split(' (')[0]))
slow = [r for r in reqs if r[1] >= slow_ms]
def in_pause_window(r):
    t, l, _ = r
    # planned before the pause but still in flight when it began, or planned during it or its backlog
    return any((t <= s <= t + l) or (s <= t <= e + AFTER_MS) for s, e, _, _ in pauses)
explained = sum(1 for r in slow if in_pause_window(r))
window = sum(e - s + AFTER_MS for s, e, _, _ in pauses)
span = reqs[-1][0] - reqs[0][0]
durs = sorted(p[2] for p in pauses)
print(f"requests {len(reqs)}, p50 {pct(0.5):.2f} ms, p99 {pct(0.99):.2f} ms, p99.9 {pct(0.999):.2f} ms, max {lat[-1]:.1f} ms; "
      f"GC pauses in the run {len(pauses)} ({', '.join(sorted(set(p[3] for p in pauses))) or '-'}), "
      f"each {durs[0] if durs else 0:.1f}-{durs[-1] if durs else 0:.1f} ms, {sum(durs):.0f} ms in all; "
      f"of the {len(slow)} requests >= {slow_ms:.2f} ms, {explained} ({100 * explained / max(1, len(slow)):.0f} %) "
      f"were in flight at a pause or planned within {AFTER_MS:.0f} ms after one "
      f"(those windows cover {100 * window / max(1, span):.0f} % of the run)")
