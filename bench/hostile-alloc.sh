#!/usr/bin/env bash
# Issue 17: bytes the server allocates for each kind of request bench/hostile.sh sends (summed
# over all the server's threads through its ThreadMXBean; see HostileAllocation), one request at
# a time on an otherwise idle server. Bytes do not depend on the machine's load.
# Usage: bench/hostile-alloc.sh   (env: ROUNDS=7, STELE_JAVA_OPTS for the server's JVM)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

one_stele curl
load hostile-alloc --pid "$STELE_PID" --rounds "${ROUNDS:-7}" | tee "$WORK/hostile-alloc.txt"
