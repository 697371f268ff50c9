#!/usr/bin/env bash
# Launcher overhead (docs/multi-node.md): the same small benchmark under local, mpirun and srun,
# in turns, in an empty directory (no project), from the plugin installed in the local repository
# given as MAVEN_REPO (mvn -DskipTests install first). Needs mpirun and a Slurm cluster whose
# SLURM_CONF is exported (.ci/slurm-cluster start prints it). Usage: bench/launcher-overhead.sh [rounds]
# "ranks connected": from the start of the launch (after the machine lock) until every rank has
# proven the secret and has its plan; "first sample": from the start of the run (lock wait
# included) until the first point began.
set -u
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
rounds=${1:-5}
common="-B -o -Dmaven.repo.local=${MAVEN_REPO:-$HOME/.m2/repository} io.github.commgate:commgate-maven-plugin:0.1.0-SNAPSHOT:benchmark
 -Dcommgate.communicators=shm-oneshot -Dcommgate.sequenceLengths=16 -Dcommgate.warmups=1 -Dcommgate.trials=5"
for round in $(seq 1 "$rounds"); do
  for launcher in local mpirun srun; do
    case $launcher in
      local) extra="" ;;
      mpirun) extra="-Dcommgate.launcher=mpirun -Dcommgate.launcherArgs=--allow-run-as-root,--oversubscribe" ;;
      srun) extra="-Dcommgate.launcher=srun" ;;
    esac
    start=$(date +%s.%N)
    out=$(mvn $common $extra 2>&1)
    rc=$?
    end=$(date +%s.%N)
    connected=$(echo "$out" | grep -o 'all ranks connected after [0-9.]* s' | head -1)
    first=$(echo "$out" | grep -o 'first sample after [0-9.]* s' | head -1)
    waited=$(echo "$out" | grep -c 'waiting for the machine')
    printf '%-6s round %d: rc=%d, %s, %s, lock waits logged: %d, mvn wall %.1f s\n' "$launcher" "$round" "$rc" \
        "$connected" "$first" "$waited" "$(echo "$end - $start" | bc)"
    [ $rc -ne 0 ] && echo "$out" | tail -30
  done
done
