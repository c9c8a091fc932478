#!/usr/bin/env bash
# The Kafka store's targets (issue 3), with a real broker beside the server on this machine:
# - registrations of new schemas with 64 concurrent clients >= 3,000/s (and 16 clients, for
#   comparison with the embedded store's bench/register.sh);
# - reads by id as fast as on the embedded store (the load generator's `reads` mode, both stores
#   measured in this run);
# - a restart on a topic holding 100,000 schemas serves within 10 s.
# The broker is testkit's KafkaCluster (Apache Kafka from the Maven jars, KRaft, one node).
# Warm-up: three fresh JVMs (broker, server, load generator) share 2 cores, and their JIT
# compilers take a quarter to a half of each JVM's CPU for the first ~30 s of load (per-thread CPU
# in docs/benchmarks.md §7); a registry runs for days, so the timed phase follows 60,000
# registrations of warm-up (about 25 s).
# Usage: bench/kafka.sh   (env: SCHEMAS=30000 WARMUP=60000 RESTART_SCHEMAS=100000 READS=200000,
#        STELE_JAVA_OPTS for the server's JVM)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_tools curl
need_jars

start_kafka
bootstrap="$KAFKA_BOOTSTRAP"
log "Kafka broker at $bootstrap"

kafka_props="kafkastore.bootstrap.servers=PLAINTEXT://$bootstrap
kafkastore.topic=_schemas_bench"

# register_and_read STORE: throughput and reads on a fresh server of that store.
register_and_read() {
  local store="$1"
  if [ "$store" = kafka ]; then STELE_EXTRA_PROPS="$kafka_props"; else STELE_EXTRA_PROPS=""; fi
  start_stele "$WORK/data-$store"
  log "$store: Stele ready at $STELE_URL in ${READY_MS} ms"
  wait_for_quiet
  load register --schemas "${SCHEMAS:-30000}" --warmup "${WARMUP:-60000}" --clients 16,64 \
    --subjects distinct | sed "s/^/$store /" | tee -a "$WORK/register.txt"
  wait_for_quiet
  load reads --requests "${READS:-200000}" --clients 16 | sed "s/^/$store /" | tee -a "$WORK/reads.txt"
  stop_stele
}

register_and_read embedded
register_and_read kafka

rate="$(awk '/^kafka register: distinct subjects, 64 clients/ { getline; sub(/.*: /, ""); print $1 }' "$WORK/register.txt")"
echo "target >= 3000 registrations/s with 64 clients through Kafka: ${rate:-?}/s -> $(verdict "$(awk -v r="${rate:-0}" 'BEGIN { print (r >= 3000) ? 1 : 0 }')")"

# A restart on a topic of RESTART_SCHEMAS schemas (about 1 KB each), written through Stele.
STELE_EXTRA_PROPS="$kafka_props
kafkastore.topic=_schemas_restart"
start_stele "$WORK/data-restart"
wait_for_quiet
load populate --schemas "${RESTART_SCHEMAS:-100000}" --clients 16 --bytes 1024 | tee "$WORK/populate.txt"
stop_stele
wait_for_quiet
start_stele "$WORK/data-restart"
subjects="$(curl -s "$STELE_URL/subjects" | grep -o '"' | wc -l)"
subjects=$((subjects / 2))
echo "restart on a topic of ${RESTART_SCHEMAS:-100000} schemas: serving after ${READY_MS} ms with $subjects subjects" \
  "-> target <= 10000 ms: $(verdict "$(( READY_MS <= 10000 ? 1 : 0 ))"); RSS $(rss_mb "$STELE_PID") MB"
