#!/usr/bin/env bash
# Issue 18: a restart of the Kafka store from a state snapshot against a full replay of the topic,
# side by side on one topic of SCHEMAS schemas (about 1 KB each, written through Stele with the
# load generator's populate mode). Target: ready <= 15 s from a snapshot with 1,000,000 schemas.
# Each round starts the server twice on the same topic and data directory: once with
# stele.kafkastore.snapshot.enabled=false (replays the whole topic), once with snapshots (loads
# the snapshot the populating server wrote on its clean shutdown, checks it against the topic and
# reads only what follows). "Ready" is the first 200 of GET /subjects, from just before the JVM
# is started, as in bench/kafka.sh.
# Usage: bench/kafka-snapshot.sh   (env: SCHEMAS=20000 ROUNDS=2, STELE_JAVA_OPTS for the server's
#        JVM; for a million: SCHEMAS=1000000 STELE_JAVA_OPTS=-Xmx2g on a quiet machine)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_tools curl
need_jars
start_kafka
log "Kafka broker at $KAFKA_BOOTSTRAP"

schemas="${SCHEMAS:-20000}"
data="$WORK/data-snapshot"
# A generous write timeout: the populating is not what is measured, and on a busy machine the
# default 500 ms refuses writes that Kafka then commits.
# The full replay of a million schemas takes longer than the default 60 s start bound
# (kafkastore.init.timeout.ms): the bench measures it instead of giving up.
base_props="kafkastore.bootstrap.servers=PLAINTEXT://$KAFKA_BOOTSTRAP
kafkastore.topic=_schemas_snapshot_bench
kafkastore.timeout.ms=5000
kafkastore.init.timeout.ms=900000"
export STELE_START_WAIT_S="${STELE_START_WAIT_S:-900}"

STELE_EXTRA_PROPS="$base_props"
start_stele "$data"
wait_for_quiet
# A few refused registrations (a busy machine) leave a topic just as good to restart on.
{ load populate --schemas "$schemas" --clients 16 --bytes 1024 || true; } | tee "$WORK/populate.txt"
stop_stele # a clean shutdown writes the snapshot
ls -l "$data/snapshots" >&2

subjects_now() { local n; n="$(curl -s "$STELE_URL/subjects" | grep -o '"' | wc -l)"; echo $((n / 2)); }

for round in $(seq 1 "${ROUNDS:-2}"); do
  for mode in replay snapshot; do
    wait_for_quiet
    if [ "$mode" = replay ]; then
      STELE_EXTRA_PROPS="$base_props
stele.kafkastore.snapshot.enabled=false"
    else
      STELE_EXTRA_PROPS="$base_props"
    fi
    start_stele "$data"
    loaded="$(grep -o 'Loaded the state snapshot .* in [0-9]* ms' "$STELE_LOG" | sed 's/.* in \([0-9]*\) ms/\1/' || true)"
    refused="$(grep -o 'Not using the state snapshot .*' "$STELE_LOG" || true)"
    echo "round $round $mode: ready after ${READY_MS} ms, $(subjects_now) subjects, RSS $(rss_mb "$STELE_PID") MB${loaded:+, snapshot loaded in $loaded ms}${refused:+; $refused}" \
      | tee -a "$WORK/restart.txt"
    stop_stele
  done
done

best() { awk -v m="$1" '$3 == m":" { sub(/ms.*/, "", $6); if (b == "" || $6 < b) b = $6 } END { print b }' "$WORK/restart.txt"; }
replay_ms="$(best replay)"
snapshot_ms="$(best snapshot)"
echo "restart on a topic of $schemas schemas: full replay ${replay_ms} ms, from a snapshot ${snapshot_ms} ms (best of ${ROUNDS:-2})" \
  "-> target <= 15000 ms from a snapshot: $(verdict "$(( ${snapshot_ms:-999999} <= 15000 ? 1 : 0 ))")"
