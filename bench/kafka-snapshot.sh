#!/usr/bin/env bash
# Issue 18: a restart of the Kafka store from a state snapshot against a full replay of the topic,
# side by side on one topic of SCHEMAS schemas (about 1 KB each). Target: ready <= 15 s from a
# snapshot with 1,000,000 schemas.
# The topic is filled one of two ways:
#  - POPULATE=http (the default): a server registers them through its HTTP API (the load
#    generator's populate mode, one subject each; about 20 minutes for a million), then stops
#    cleanly, which writes its snapshot;
#  - POPULATE=topic: PopulateTopicMain produces the registry's own records straight into the topic
#    (PopulationLayout: 16,000 subjects of 50 versions and the rest in 1-2 version subjects, as
#    PopulateStoreMain), then a server starts once on it: it replays the whole topic, is checked
#    (GET /subjects counts the subjects written, GET /schemas/ids/N gives the text written), and
#    at its clean stop writes the snapshot.
# Each round then starts the server twice on the same topic and data directory: once with
# stele.kafkastore.snapshot.enabled=false (replays the whole topic), once with snapshots (loads
# the snapshot, checks it against the topic and reads only what follows). "Ready" is the first 200
# of GET /subjects, from just before the JVM is started, as in bench/kafka.sh. The server runs
# with bin/stele-start's defaults (1 GB serial heap) unless STELE_JAVA_OPTS says otherwise; the
# broker is testkit's KafkaClusterMain (256 MB heap).
# Usage: bench/kafka-snapshot.sh   (env: SCHEMAS=20000 ROUNDS=2 POPULATE=http|topic, STELE_JAVA_OPTS
#        for the server's JVM; for a million: POPULATE=topic SCHEMAS=1000000 on a quiet machine)
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

subjects_now() { local n; n="$(curl -s "$STELE_URL/subjects" | grep -o '"' | wc -l)"; echo $((n / 2)); }
# The Java heap in use (both generations of the serial collector, garbage included), in MB.
heap_used_mb() { jcmd "$1" GC.heap_info 2>/dev/null | awk '/generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); s += v } } END { printf "%.0f", s / 1024 }'; }
# CPU seconds the process has used (user + system), a figure a loaded machine changes little.
cpu_s() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat"; }

STELE_EXTRA_PROPS="$base_props"
if [ "${POPULATE:-http}" = topic ]; then
  log "populating the topic with $schemas schemas (PopulateTopicMain)"
  java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH_JAR" dev.stele.bench.PopulateTopicMain --bootstrap "$KAFKA_BOOTSTRAP" \
    --topic _schemas_snapshot_bench --schemas "$schemas" --sample-out "$WORK/sample.txt" \
    | tee "$WORK/populate.txt"
  written="$(grep '^populated ' "$WORK/populate.txt")"
  want_subjects="$(sed 's/.* subjects=\([0-9]*\).*/\1/' <<<"$written")"
  sample_id="$(sed 's/.* sample_id=\([0-9]*\).*/\1/' <<<"$written")"
  echo "broker's data after populating: $(du -sh "$KAFKA_DIR" 2>/dev/null | cut -f1)" \
    "(PID $KAFKA_BROKER_PID, RSS $(rss_mb "$KAFKA_BROKER_PID") MB)"
  wait_for_quiet
  # The first start replays the whole topic (and writes a snapshot soon after, and again at its
  # clean stop); what it serves is checked against what was written.
  start_stele "$data"
  got_subjects="$(subjects_now)"
  got_text="$(curl -s "$STELE_URL/schemas/ids/$sample_id" | jq -r .schema)"
  echo "first start (full replay of the populated topic): ready after ${READY_MS} ms, RSS $(rss_mb "$STELE_PID") MB," \
    "CPU $(cpu_s "$STELE_PID") s, heap used $(heap_used_mb "$STELE_PID") MB, $got_subjects subjects" | tee -a "$WORK/restart.txt"
  if [ "$got_subjects" != "$want_subjects" ]; then
    echo "FAILED: GET /subjects counts $got_subjects subjects; the populator wrote $want_subjects" >&2
    exit 1
  fi
  if [ "$got_text" != "$(cat "$WORK/sample.txt")" ]; then
    echo "FAILED: GET /schemas/ids/$sample_id is not the text the populator wrote" >&2
    exit 1
  fi
  echo "checked: $got_subjects subjects and the text of id $sample_id as written"
  # The heap guard's refusal (decision 0010), not its start-up line, which names its limit.
  if grep -q 'limit [0-9]*%): refusing\|OutOfMemory' "$STELE_LOG"; then
    echo "WARNING: the heap guard refused work at this size:"; { grep 'Heap .*full\|OutOfMemory' "$STELE_LOG" || true; } | tail -3
  fi
else
  start_stele "$data"
  wait_for_quiet
  # A few refused registrations (a busy machine) leave a topic just as good to restart on.
  { load populate --schemas "$schemas" --clients 16 --bytes 1024 || true; } | tee "$WORK/populate.txt"
fi
stop_stele # a clean shutdown writes the snapshot
ls -l "$data/snapshots" >&2

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
    echo "round $round $mode: ready after ${READY_MS} ms, $(subjects_now) subjects, RSS $(rss_mb "$STELE_PID") MB, CPU $(cpu_s "$STELE_PID") s, heap used $(heap_used_mb "$STELE_PID") MB${loaded:+, snapshot loaded in $loaded ms}${refused:+; $refused}" \
      | tee -a "$WORK/restart.txt"
    stop_stele
  done
done

best() { awk -v m="$1" '$3 == m":" { sub(/ms.*/, "", $6); if (b == "" || $6 < b) b = $6 } END { print b }' "$WORK/restart.txt"; }
replay_ms="$(best replay)"
snapshot_ms="$(best snapshot)"
echo "restart on a topic of $schemas schemas: full replay ${replay_ms} ms, from a snapshot ${snapshot_ms} ms (best of ${ROUNDS:-2})" \
  "-> target <= 15000 ms from a snapshot: $(verdict "$(( ${snapshot_ms:-999999} <= 15000 ? 1 : 0 ))")"
