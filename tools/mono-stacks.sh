#!/usr/bin/env bash
# Stacks of a hung Mono process: tools/mono-stacks.sh PID NATIVE-OUT. Used by .ci/run and tools/mono-soak.sh.
# 1. SIGQUIT: Mono's finalizer thread prints every managed thread's stack into the process's own output.
# 2. gdb: every thread's native stack into NATIVE-OUT. A hang in which Mono itself stands still (a stop-the-world that
#    never completes, the finalizer thread blocked) prints nothing for SIGQUIT (seen once in 20 soak runs, issue 21);
#    only the native stacks name it. gdb is installed on demand (Debian, as root), as mono-devel is.
pid=$1 out=$2
kill -QUIT "$pid" 2>/dev/null; sleep 5
if ! command -v gdb >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends gdb >/dev/null 2>&1
fi
if command -v gdb >/dev/null 2>&1 && kill -0 "$pid" 2>/dev/null; then
  timeout 120 gdb -p "$pid" -batch -ex "info threads" -ex "thread apply all bt 30" >"$out" 2>&1
else
  echo "no native stacks: gdb is not available" >"$out"
fi
