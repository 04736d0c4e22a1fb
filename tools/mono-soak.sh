#!/usr/bin/env bash
# Runs the Mono suite (tests/MonaiLabel.Client.Tests.Mono, already built) N times in a row, each bounded like .ci/run
# (240 s). A run that does not end gets its managed (SIGQUIT) and native (gdb, run-N.native) stacks
# taken by tools/mono-stacks.sh before it is killed; its log is kept. Usage: tools/mono-soak.sh [runs] [log dir] [-method NAME-PREFIX]. Prints one line per run and the counts at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
out=${2:-$(mktemp -d)}
shift 2 2>/dev/null; extra=("$@") # more runner options, e.g. -method MonaiLabel.Client.Tests.Http
mkdir -p "$out"
project=tests/MonaiLabel.Client.Tests.Mono
exe=$project/bin/Debug/net472/MonaiLabel.Client.Tests.Mono.exe
pass=0 fail=0 hang=0
for i in $(seq 1 "$runs"); do
  log=$out/run-$i.log
  start=$(date +%s)
  MONO_SLEEP_ABORT_LIMIT=20000 mono "$exe" -xml "$out/run-$i.xml" "${extra[@]}" >"$log" 2>&1 &
  pid=$!
  rc=
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    bash tools/mono-stacks.sh "$pid" "$out/run-$i.native"; kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    hang=$((hang + 1))
    echo "run $i: HANG after $(( $(date +%s) - start )) s; unfinished:" \
      "$(awk '$2 == "[STARTING]" {o[$1]=1} $2 == "[FINISHED]" {delete o[$1]} END {for (t in o) printf "%s ", t}' "$log")"
    continue
  fi
  wait "$pid"; rc=$?
  summary=$(grep -A1 'TEST EXECUTION SUMMARY' "$log" | tail -1 | tr -s ' ')
  if [ "$rc" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
  echo "run $i: exit $rc in $(( $(date +%s) - start )) s;$summary"
done
echo "mono soak: $runs runs, $pass passed, $fail failed, $hang hung (logs in $out)"
