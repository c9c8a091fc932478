#!/usr/bin/env bash
# Issue 17: bytes allocated by one Avro compatibility check on the hostile corpus' widest unions
# (700 branches), Avro's checker alone against Stele's check (format-avro's ResolutionCheck).
# In-process, one thread; allocation is the figure (times are printed for orientation only).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$BENCH_JAR" ] || (cd "$REPO" && mvn -q -B -pl bench package)
java -Xmx1g -cp "$BENCH_JAR" dev.stele.bench.UnionCheckAllocation "$@"
