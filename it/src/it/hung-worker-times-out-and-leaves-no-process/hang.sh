#!/bin/sh
# Stands in for java: records its pid and its child's, then waits forever on the child.
here=$(dirname "$0")
echo $$ >> "$here/pids.txt"
sleep 300 &
echo $! >> "$here/pids.txt"
wait
