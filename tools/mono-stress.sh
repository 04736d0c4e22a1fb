#!/usr/bin/env bash
# Short Mono runs of the test classes that start sockets on several threads at once while another test allocates
# (where Mono 6.8's lazy I/O selector start deadlocked with a GC; issue 21), many times, under chosen conditions.
# Usage: tools/mono-stress.sh RUNS LOG-DIR CONDITION[,CONDITION...]
#   default        the runner as .ci/run starts it (I/O selector started before the tests, Mono's hybrid suspend)
#   no-io-warmup   the runner leaves the I/O selector to the tests (reproduces the deadlock)
#   preemptive     MONO_THREADS_SUSPEND=preemptive on top of the above, e.g. no-io-warmup+preemptive
# Two loops run side by side (load, as in CI); each run rotates through the conditions. A run is bounded by
# MONO_SLEEP_ABORT_LIMIT=20000 (a stop-the-world that cannot finish aborts Mono with its thread table) and 60 s.
# Prints a line per run and, at the end, runs and stalls per condition. Logs of runs that did not pass are kept.
# MONO_EXE overrides the runner (default: the Debug build of tests/MonaiLabel.Client.Tests.Mono).
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:?runs} out=${2:?log dir} conditions=${3:-no-io-warmup,default}
exe=${MONO_EXE:-tests/MonaiLabel.Client.Tests.Mono/bin/Debug/net472/MonaiLabel.Client.Tests.Mono.exe}
classes=MonaiLabel.Client.Tests.ResultFileWriterTests,MonaiLabel.Client.Tests.Bulk.BulkUploadTests
classes=$classes,MonaiLabel.Client.Tests.Client.DisposeTests,MonaiLabel.Client.Tests.Interactive.ModelCapabilitiesTests
classes=$classes,MonaiLabel.Client.Tests.Wire.AuthWireTests
IFS=, read -r -a conds <<<"$conditions"
mkdir -p "$out"
loop() {
  local stream=$1 i cond suspend args rc result log
  for i in $(seq "$stream" 2 "$runs"); do
    cond=${conds[$(( ((i + 1) / 2 + stream) % ${#conds[@]} ))]}  # the two loops run different ones at a time
    suspend=hybrid args=()
    case "+$cond+" in *+preemptive+*) suspend=preemptive ;; esac
    case "+$cond+" in *+no-io-warmup+*) args=(-no-io-warmup) ;; esac
    log=$out/run-$i.log
    MONO_THREADS_SUSPEND=$suspend MONO_SLEEP_ABORT_LIMIT=20000 timeout -s KILL 60 \
      mono "$exe" -method "$classes" "${args[@]}" >"$log" 2>&1
    rc=$?
    if grep -q 'suspend took' "$log"; then result=stall
    elif [ "$rc" -eq 137 ]; then result=hang
    elif [ "$rc" -eq 0 ]; then result=pass; rm -f "$log"
    else result=fail; fi
    echo "run $i: $cond: $result (exit $rc)"
  done
}
loop 1 >"$out/stream-1.txt" 2>/dev/null & first=$!
loop 2 >"$out/stream-2.txt" 2>/dev/null & second=$!
trap 'kill "$first" "$second" 2>/dev/null' INT TERM
wait "$first" "$second"
cat "$out"/stream-*.txt | sort -t' ' -k2n
cat "$out"/stream-*.txt | awk '{c=$3; sub(":", "", c); n[c]++; if ($4 != "pass") bad[c]++}
  END {for (c in n) printf "mono stress: %s: %d runs, %d did not pass (stall or hang)\n", c, n[c], bad[c] + 0}'
