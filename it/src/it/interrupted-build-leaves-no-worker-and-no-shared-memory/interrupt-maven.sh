#!/bin/sh
# Stands in for java: runs the real worker with Maven's own java, and rank 0 sends SIGINT to
# Maven (its parent) once the ranks are measuring, as Ctrl-C in a terminal would.
here=$(dirname "$0")
maven=$PPID
echo $$ >> "$here/pids.txt"
if [ "$COMMGATE_RANK" = 0 ]; then
  echo "$maven" > "$here/maven.pid"
  echo "$COMMGATE_SCRATCH_DIR" > "$here/scratch.txt"
  (
    tries=0
    while ! ls "$COMMGATE_SCRATCH_DIR"/*.shm >/dev/null 2>&1 && [ $tries -lt 300 ]; do
      sleep 0.1; tries=$((tries + 1))
    done
    sleep 0.5
    kill -INT "$maven"
  ) &
fi
exec "$(readlink -f /proc/$maven/exe)" "$@"
