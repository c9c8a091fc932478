#!/usr/bin/env bash
# Issue 18, in-process: writing and loading a state snapshot of SCHEMAS schemas (about 1 KB each)
# in SUBJECTS subjects, without a server or a broker, so that the load alone is measured (and can
# be profiled: JFR=1 records bench-snapshot.jfr in the work directory, kept). The state is built
# once by applying records (about 90 s for a million), written to a file, then loaded ROUNDS
# times into a fresh state; each round prints its wall time, the loading thread's CPU time and
# its allocation (the last two depend little on what else runs on the machine).
# Usage: bench/snapshot-load.sh   (env: SCHEMAS=1000000 SUBJECTS=200000 ROUNDS=3,
#        JAVA_OPTS='-Xmx2g -XX:+UseSerialGC' as the server ran in section 12)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$BENCH_JAR" ] || (cd "$REPO" && mvn -q -B -pl bench -am package -DskipTests)
wait_for_quiet
jfr=()
if [ -n "${JFR:-}" ]; then
  jfr=("-XX:StartFlightRecording=filename=$WORK/bench-snapshot.jfr,settings=profile")
  KEEP_WORK=1
fi
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g -XX:+UseSerialGC} "${jfr[@]}" -cp "$BENCH_JAR" dev.stele.bench.SnapshotLoadMain \
  --schemas "${SCHEMAS:-1000000}" --subjects "${SUBJECTS:-200000}" --rounds "${ROUNDS:-3}" \
  --file "$WORK/_schemas.snapshot"
