#!/bin/sh
# Stands in for java under mpirun: ranks 0-1 say they run on node-0 and ranks 2-3 on node-1, as
# two hosts of a host file would, though all four run on this machine.
COMMGATE_NODE_NAME=node-$((OMPI_COMM_WORLD_RANK / 2)) exec "$REAL_JAVA" "$@"
