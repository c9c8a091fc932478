#!/usr/bin/env bash
# JMH: the in-process cost of a FULL_TRANSITIVE check against 1,000 Avro versions (parse, one
# pair both ways, all pairs both ways, parsing the whole history). Arguments go to JMH; without a
# benchmark name all of CompatibilityBenchmark runs, e.g.
#   bench/jmh.sh                                   # everything, about a minute
#   bench/jmh.sh -p versions=100,1000 -prof gc
#   bench/jmh.sh 'checkAllBothWays' -prof 'stack:lines=3;top=15'
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$BENCH_JAR" ] || (cd "$REPO" && mvn -q -B -pl bench package)
if [ "$#" -eq 0 ] || [[ "$1" == -* ]]; then
  set -- CompatibilityBenchmark "$@"
fi
java -cp "$BENCH_JAR" org.openjdk.jmh.Main "$@"
