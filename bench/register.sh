#!/usr/bin/env bash
# Registration throughput on the embedded store: new distinct Avro schemas (one string field f<i>,
# as in Confluent's SchemaRegistryPerformance) from 16 and 64 concurrent clients, into distinct
# subjects and into one subject at level NONE. Target: >= 2,000/s with 16 clients.
# Usage: bench/register.sh   (env: SCHEMAS=10000 WARMUP=5000 CLIENTS=16,64 SUBJECTS=distinct,one,
#        STELE_JAVA_OPTS for the server's JVM, DATA_DIR to start on a populated directory)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

one_stele curl
load register --schemas "${SCHEMAS:-10000}" --warmup "${WARMUP:-5000}" \
  --clients "${CLIENTS:-16,64}" --subjects "${SUBJECTS:-distinct,one}" | tee "$WORK/register.txt"
rate="$(awk '/^register: distinct subjects, 16 clients/ { getline; sub(/.*: /, ""); print $1 }' "$WORK/register.txt")"
if [ -n "$rate" ]; then
  echo "target >= 2000 registrations/s with 16 clients (distinct subjects): $rate/s -> $(verdict "$(awk -v r="$rate" 'BEGIN { print (r >= 2000) ? 1 : 0 }')")"
fi
echo "store: $(du -sh "$STELE_DATA" | cut -f1) on disk; server RSS $(rss_mb "$STELE_PID") MB"
