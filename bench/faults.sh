#!/usr/bin/env bash
# Makes each fault a user meets for real on the bundled example (cpu backend) and prints what
# the user sees (the first commgate line of it) and how long until nothing is left behind:
#   1. Ctrl-C (SIGINT to Maven) while measuring     4. two update-baseline at once
#   2. kill -9 of Maven, then the next run           5. two checks at once on one machine
#   3. kill -9 of one worker while measuring
# One block per fault; "left" counts worker JVMs and /dev/shm/commgate-* directories.
# Needs the plugin installed (mvn -B -q install -DskipTests -Dinvoker.skip).
# Usage: bench/faults.sh [FAULT...]   (all five without arguments)
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn=(mvn -B -f example -Dcommgate.requireBaseline=false)
plugin=io.github.commgate:commgate-maven-plugin:0.1.0-SNAPSHOT

workers() { pgrep -f io.github.commgate.worker.WorkerMain | wc -l; }
scratch() { find /dev/shm -maxdepth 1 -name 'commgate-*' 2>/dev/null | wc -l; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
first_line() { grep -m1 -E "$2" "$1" | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^\[[A-Z]*\] //' | cut -c1-200; }
# Waits until a worker is measuring (a shared segment exists), for at most 60 s.
await_measuring() {
    for _ in $(seq 600); do
        ls /dev/shm/commgate-*/*.shm > /dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}
# Waits until no worker and no scratch directory is left, for at most 30 s; prints the ms it took.
await_clean() {
    local since=$1
    for _ in $(seq 300); do
        [[ $(workers) == 0 && $(scratch) == 0 ]] && { ms "$since" "$(now)"; return; }
        sleep 0.1
    done
    echo "not clean after 30 s: $(workers) workers, $(scratch) scratch directories"
}
want() { [[ " $FAULTS " == *" $1 "* ]]; }
FAULTS=${*:-1 2 3 4 5}
big=(-Dcommgate.sequenceLengths=16,2048 -Dcommgate.trials=200)
# A shell leaves SIGINT ignored in what it starts in the background, and a JVM keeps an ignored
# SIGINT ignored: start Maven with the default disposition, as a terminal's foreground job has it.
with_sigint() { exec python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' "$@"; }

if want 1; then
    echo "== 1. Ctrl-C while measuring"
    with_sigint "${mvn[@]}" "${big[@]}" verify > "$work/1.log" 2>&1 &
    maven=$!
    await_measuring && sleep 0.5
    start=$(now)
    kill -INT "$maven"
    wait "$maven"
    echo "   maven exit $? after $(ms "$start" "$(now)") ms; clean after $(await_clean "$start") ms"
    echo "   sees: $(first_line "$work/1.log" "the build was stopped")"
fi

if want 2; then
    echo "== 2. kill -9 of Maven while measuring, then the next run"
    setsid "${mvn[@]}" "${big[@]}" verify > "$work/2.log" 2>&1 &
    maven=$!
    await_measuring && sleep 0.5
    start=$(now)
    kill -9 "$maven"
    wait "$maven" 2> /dev/null
    for _ in $(seq 300); do [[ $(workers) == 0 ]] && break; sleep 0.1; done
    echo "   workers gone after $(ms "$start" "$(now)") ms; left: $(scratch) scratch directories (a killed JVM runs no hook)"
    start=$(now)
    "${mvn[@]}" -Dcommgate.sequenceLengths=16 verify > "$work/2b.log" 2>&1
    echo "   next run took $(ms "$start" "$(now)") ms; left after it: $(scratch) scratch directories"
    echo "   sees: $(first_line "$work/2b.log" 'commgate: removed')"
fi

if want 3; then
    echo "== 3. kill -9 of one worker while measuring"
    "${mvn[@]}" "${big[@]}" verify > "$work/3.log" 2>&1 &
    maven=$!
    await_measuring && sleep 0.5
    start=$(now)
    pkill -9 -f -- '-Dcommgate.rank=1 ' || pkill -9 -n -f io.github.commgate.worker.WorkerMain
    wait "$maven"
    echo "   maven exit $? after $(ms "$start" "$(now)") ms; clean after $(await_clean "$start") ms"
    echo "   sees: $(first_line "$work/3.log" 'Failed to execute goal' | sed 's/.*: commgate:/commgate:/')"
    echo "   report.md begins: $(head -1 example/target/commgate/report.md | cut -c1-160)"
fi

if want 4; then
    echo "== 4. two update-baseline at once, different communicators"
    for c in shm-oneshot shm-twoshot; do
        "${mvn[@]}" $plugin:update-baseline -Dcommgate.sequenceLengths=16 -Dcommgate.communicators=$c \
            "-Dcommgate.baselineDirectory=$work/baselines" -Dcommgate.recordRuns=1 > "$work/4-$c.log" 2>&1 &
    done
    wait
    echo "   exits: $(grep -c 'BUILD SUCCESS' "$work"/4-*.log | tr '\n' ' ')"
    python3 - "$work"/baselines/*.json <<'PY'
import json, sys
points = json.load(open(sys.argv[1]))["points"]
print("   the baseline holds:", ", ".join(sorted({p["communicator"] for p in points})))
PY
    echo "   sees: $(cat "$work"/4-*.log | first_line /dev/stdin 'waits|waiting|lock')"
fi

if want 5; then
    echo "== 5. two checks at once on one machine"
    "${mvn[@]}" -Dcommgate.sequenceLengths=16,64 verify > "$work/5a.log" 2>&1 &
    first=$!
    await_measuring
    start=$(now)
    "${mvn[@]}" -Dcommgate.sequenceLengths=16 verify > "$work/5b.log" 2>&1
    echo "   second finished after $(ms "$start" "$(now)") ms"
    wait "$first"
    echo "   sees: $(first_line "$work/5b.log" 'waiting for the machine')"
    echo "   left at the end: $(workers) workers, $(scratch) scratch directories"
fi
