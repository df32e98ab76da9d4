#!/usr/bin/env bash
# Independent check of a schedule on fresh seeds (docs/scheduling.md, "On the demo's data"):
# replays SCHEDULE in the simulated centre on BATCHES batches of SEEDS seeds each, from seed 1
# (simulate's seeds; schedule --verify tunes on 1001… and chooses on 2001…, so none is shared),
# and judges each batch with bench/schedule-slots.py (open hours, >= 20 contacts a slot, met at
# target - 3 points). Batch 1 is exactly `joignable simulate --seeds SEEDS`.
# The agents and their skills are ROSTER's (default DEMO_DIR/roster.csv; the script prints which): a
# schedule must be replayed with the roster it was made for — a schedule for a roster with trainings
# added (docs/scheduling.md, round 6) replayed with the untrained roster would drop the trained agents
# from their new queue.
#   usage: bench/schedule-check.sh DEMO_DIR SCHEDULE WORK_DIR [SEEDS=10] [BATCHES=3] [ROSTER]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
demo="$1"; schedule="$2"; work="$3"; seeds="${4:-10}"; batches="${5:-3}"
roster="${6:-$demo/roster.csv}"
echo "== roster $roster"
mkdir -p "$work"
"$ROOT/joignable" --version >/dev/null   # builds when the sources changed
CP="$ROOT/cli/target/classes:$(cat "$ROOT/cli/target/classpath.txt")"
for ((b = 0; b < batches; b++)); do
  first=$((1 + b * seeds))
  out="$work/check-$first.csv"
  java -cp "$CP" "$ROOT/bench/ScheduleSeeds.java" "$demo/forecast.csv" "$roster" \
    "$schedule" "$demo/joignable.yaml" "$first" "$seeds" "$out"
  echo "== seeds $first-$((first + seeds - 1))"
  python3 "$ROOT/bench/schedule-slots.py" "$out" "$seeds"
done
