#!/usr/bin/env bash
# Thread CPU time and bytes allocated per call of JMH benchmark methods, for a machine that is not
# idle (JMH's wall-clock times then measure the neighbours too), e.g.
#   bench/cpu.sh dev.stele.bench.CelRuleBenchmark noRules encryptOneField noRulesRead decryptOneField
#   bench/cpu.sh dev.stele.bench.AesGcmBenchmark tinkEncrypt jdkEncryptOnly nonceFromPlatform
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$BENCH_JAR" ] || (cd "$REPO" && mvn -q -B -pl bench -am -DskipTests package)
java -Xmx1g -cp "$BENCH_JAR" dev.stele.bench.ThreadCpuRun "$@"
