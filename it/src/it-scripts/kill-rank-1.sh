#!/bin/sh
# Stands in for java under an engine (each rank-killed scenario's prebuild.groovy places it
# beside its pom): runs the real worker, and for rank 1 kills that JVM with SIGKILL once the
# ranks share memory (mid-run), as the OOM killer or a dying node would.
here=$(dirname "$0")
rank=${OMPI_COMM_WORLD_RANK:-$SLURM_PROCID}
"$REAL_JAVA" "$@" &
java=$!
trap 'kill -TERM $java' TERM INT
echo $$ >> "$here/pids.txt"
echo $java >> "$here/pids.txt"
if [ "$rank" = 1 ]; then
  tries=0
  while ! ls "$COMMGATE_SCRATCH_DIR"/*.shm >/dev/null 2>&1 && [ $tries -lt 600 ]; do
    sleep 0.1; tries=$((tries + 1))
  done
  sleep 0.5
  kill -KILL $java
fi
wait $java
