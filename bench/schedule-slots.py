#!/usr/bin/env python3
# usage: bench/schedule-slots.py SIMULATED.csv SEEDS  (simulate --out of a schedule; the demo centre's
# opening hours and 80 % targets hard-coded: a re-check independent of the Java code)
# Open-hours slot criterion from a simulate output (mean of N seeds per interval): a slot
# (queue, channel, Paris weekday+hour) pools the open intervals (Mon-Fri 08:30-17:30) of all weeks;
# judged with >= 20 contacts over the seeds; met when SL >= target - 3 points.
import csv, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
from collections import defaultdict
f, seeds = sys.argv[1], int(sys.argv[2])
P = ZoneInfo("Europe/Paris")
tgt = {"PHONE": 0.80, "CHAT": 0.80}
agg = defaultdict(lambda: [0.0, 0.0])
for r in csv.DictReader(open(f)):
    t = datetime.fromisoformat(r["interval_start"].replace("Z", "+00:00")).astimezone(P)
    m = t.hour * 60 + t.minute
    if t.weekday() > 4 or m < 510 or m >= 1050 or (t.month, t.day) in ((11, 1), (11, 11)):
        continue
    o = float(r["offered"] or 0)
    if o <= 0 or r["service_level"] == "":
        continue
    k = (r["queue"], r["channel"], t.weekday() * 24 + t.hour)
    agg[k][0] += o * seeds
    agg[k][1] += o * seeds * float(r["service_level"])
res = defaultdict(lambda: [0, 0])
for (q, c, h), (o, w) in agg.items():
    if o >= 20:
        res[(q, c)][0] += 1
        res[(q, c)][1] += (w / o) >= tgt[c] - 0.03 - 1e-12
for k in sorted(res):
    j, m = res[k]
    print(f"{k[0]} {k[1]}: {m}/{j} = {100*m/j:.0f} %")
print("worst", min(100 * m / j for j, m in res.values()))
