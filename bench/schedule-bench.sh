#!/usr/bin/env bash
# Schedule benchmark (docs/scheduling.md, "Speed"): a 4-week schedule for 25 and for 250 agents.
# Inputs come from a demo output directory (./joignable demo --out DIR): its 28-day staffing plan
# and its 24-agent roster. 25 agents: the roster plus one full-time generalist, against the plan as
# it is. 250 agents: the 25-agent roster replicated ten times (ids suffixed), against the plan's
# scheduled_agents × 10. Prints the command's summary and the wall time; `uptime` before and after
# (other processes share the machine: say so when quoting the figures).
#   usage: bench/schedule-bench.sh DEMO_DIR WORK_DIR [25|250|both] [TIME_LIMIT_25] [TIME_LIMIT_250]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
demo="$1"; work="$2"; which="${3:-both}"; t25="${4:-45s}"; t250="${5:-540s}"
mkdir -p "$work"
# 25 agents
cp "$demo/staffing.csv" "$work/staffing25.csv"
{ cat "$demo/roster.csv"; echo "A025,EQUIPE_NORD,LOYERS;TECHNIQUE;GESTION_LOCATIVE;PROXIMITE;DEMANDES;ACCUEIL,1.0"; } > "$work/roster25.csv"
# 250 agents: ten copies of the 25, the plan's agents and scheduled_agents × 10
{ head -1 "$work/roster25.csv"
  for k in 0 1 2 3 4 5 6 7 8 9; do tail -n +2 "$work/roster25.csv" | sed "s/^\([^,]*\),/\1_$k,/"; done
} > "$work/roster250.csv"
awk -F, -v OFS=, 'NR==1{print;next} {if($6!="")$6=$6*10; if($7!="")$7=$7*10; print}' \
  "$demo/staffing.csv" > "$work/staffing250.csv"
run() {
  local n="$1" limit="$2"
  echo "== $n agents, --time-limit $limit; $(uptime)"
  /usr/bin/time -f "wall %e s, max RSS %M KB" "$ROOT/joignable" schedule \
    --staffing "$work/staffing$n.csv" --roster "$work/roster$n.csv" \
    --out "$work/s$n.csv" --coverage "$work/c$n.csv" --time-limit "$limit" 2>&1 \
    | grep -v '^schedule: week\|LP bound' || true
  echo "== done; $(uptime)"
}
case "$which" in
  25) run 25 "$t25" ;;
  250) run 250 "$t250" ;;
  *) run 25 "$t25"; run 250 "$t250" ;;
esac
