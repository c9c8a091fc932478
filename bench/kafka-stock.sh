#!/usr/bin/env bash
# Registrations through Kafka against a stock broker (issue 18): the broker as Apache Kafka ships
# it (bench/kafka-stock/server.properties, kafka-server-start.sh's JVM options, 512 MB heap) or
# testkit's broker (KafkaNode's settings, as bench/kafka.sh uses), driven by wrk (a new schema
# under a new subject per request, bench/kafka-stock/register.lua) or by the project's Vert.x load
# generator, 64 clients, after a warm-up of WARMUP_S seconds (70, as the independent run).
#
# Each run gets a fresh broker and a fresh server. Over the timed window (MEASURE_S) it reports
# figures that hold on a busy machine: the server's registrations (the stele_versions gauge, so
# the same count whichever generator), transactions (the topic's offsets moved minus records
# written: each commit adds one marker), registrations per transaction, and CPU per
# registration of the broker, Stele and the generator from /proc/<pid>/stat. Runs alternate
# (rounds outer, combinations inner) so a change of machine load hits every combination.
#
# Usage: bench/kafka-stock.sh   (env: BROKERS="stock fixture" GENERATORS="wrk vertx" ROUNDS=1
#        WARMUP_S=70 MEASURE_S=30 CLIENTS=64; STELE_KAFKA_PROPS: more server properties, one per
#        line, e.g. kafkastore.linger.ms=0; VARIANTS: server settings to compare, each run in turn
#        within a round, one key=value each, space-separated (e.g. VARIANTS="stele.kafkastore.batch.wait.ms=0
#        stele.kafkastore.batch.wait.ms=5"); STELE_JAVA_OPTS for the server's JVM)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_tools curl wrk
need_jars

WARMUP_S="${WARMUP_S:-70}"
MEASURE_S="${MEASURE_S:-30}"
CLIENTS="${CLIENTS:-64}"
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# CPU time (user + system) of a process so far, in clock ticks; 0 once it is gone.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# metric NAME: a gauge of the server's /metrics.
metric() {
  curl -s --max-time 5 "$STELE_URL/metrics" | awk -v n="$1" '$1 == n { printf "%.0f", $2 }'
}

# sample GEN_PID: "nanos versions offset broker_ticks stele_ticks generator_ticks"
sample() {
  echo "$(date +%s%N) $(metric stele_versions) $(metric stele_log_offset)" \
    "$(ticks "$KAFKA_BROKER_PID") $(ticks "$STELE_PID") $(ticks "$1")"
}

# report BROKER GEN A B [WRK_OUT]: one result line from the samples A and B.
report() {
  local broker="$1" gen="$2" a=($3) b=($4) lat=""
  if [ -n "${5:-}" ]; then
    lat=" p50 $(to_ms "$(awk '$1 == "50%" { print $2 }' "$5")") ms, p99 $(to_ms "$(awk '$1 == "99%" { print $2 }' "$5")") ms, non-2xx $(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$5")"
  fi
  awk -v broker="$broker" -v gen="$gen" -v tick="$TICK_US" -v lat="$lat" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    -v t0="${a[0]}" -v v0="${a[1]}" -v o0="${a[2]}" -v k0="${a[3]}" -v s0="${a[4]}" -v g0="${a[5]}" \
    -v t1="${b[0]}" -v v1="${b[1]}" -v o1="${b[2]}" -v k1="${b[3]}" -v s1="${b[4]}" -v g1="${b[5]}" '
    BEGIN {
      regs = v1 - v0; txns = (o1 - o0) - regs; secs = (t1 - t0) / 1e9
      # A generator gone before the second sample (it outlived the window too little) has no figure.
      gen_us = g1 > 0 ? sprintf("%.0f", (g1 - g0) * tick / regs) : "?"
      if (regs <= 0) { printf "%s broker, %s: no registrations in the window\n", broker, gen; exit }
      printf "%s broker, %s: %.0f registrations/s (%d in %.1f s), %d transactions, %.1f per transaction;" \
        " CPU us per registration: broker %.0f, Stele %.0f, generator %s;%s; load %s\n",
        broker, gen, regs / secs, regs, secs, txns, regs / (txns > 0 ? txns : 1),
        (k1 - k0) * tick / regs, (s1 - s0) * tick / regs, gen_us, lat, load
    }'
}

# one_run BROKER GEN [VARIANT]: a fresh broker and server, warm-up, timed window, one result line.
one_run() {
  local broker="$1" gen="$2" variant="${3:-}" tag a b
  if [ "$broker" = stock ]; then start_stock_kafka; else start_kafka; fi
  STELE_EXTRA_PROPS="kafkastore.bootstrap.servers=PLAINTEXT://$KAFKA_BOOTSTRAP
kafkastore.topic=_schemas_bench${STELE_KAFKA_PROPS:+
$STELE_KAFKA_PROPS}${variant:+
$variant}"
  start_stele "$WORK/data-$broker-$gen-$RANDOM"
  log "$broker broker at $KAFKA_BOOTSTRAP (pid $KAFKA_BROKER_PID), Stele at $STELE_URL; $gen, $CLIENTS clients, ${WARMUP_S} s warm-up"
  tag="$(date +%s%N | tail -c 9)"
  if [ "$gen" = wrk ]; then
    TAG="${tag}w" wrk -t"$(( CLIENTS < 2 ? 1 : 2 ))" -c"$CLIENTS" -d"${WARMUP_S}s" --timeout 10s -s "$BENCH_DIR/kafka-stock/register.lua" \
      "$STELE_URL" >"$WORK/wrk-warmup.txt" 2>&1
    TAG="${tag}m" wrk -t"$(( CLIENTS < 2 ? 1 : 2 ))" -c"$CLIENTS" -d"$((MEASURE_S + 20))s" --timeout 10s --latency \
      -s "$BENCH_DIR/kafka-stock/register.lua" "$STELE_URL" >"$WORK/wrk-measure.txt" 2>&1 &
  else
    java -Xmx1g -jar "$BENCH_JAR" register --url "$STELE_URL" --run "$tag" --subjects distinct \
      --clients "$CLIENTS" --warmup 0 --schemas 100000000 --max-seconds "$((WARMUP_S + MEASURE_S + 20))" \
      >"$WORK/vertx.txt" 2>&1 &
  fi
  local gen_pid=$!
  if [ "$gen" = wrk ]; then sleep 2; else sleep "$WARMUP_S"; fi
  a="$(sample "$gen_pid")"
  sleep "$MEASURE_S"
  b="$(sample "$gen_pid")"
  wait "$gen_pid" || true
  report "$broker" "$gen${variant:+ ($variant)}" "$a" "$b" "$([ "$gen" = wrk ] && echo "$WORK/wrk-measure.txt")" | tee -a "$WORK/results.txt"
  stop_stele
  stop_pid "$KAFKA_PID"
}

for ((round = 1; round <= ${ROUNDS:-1}; round++)); do
  for broker in ${BROKERS:-stock fixture}; do
    for gen in ${GENERATORS:-wrk vertx}; do
      for variant in ${VARIANTS:-default}; do
        one_run "$broker" "$gen" "${variant#default}"
      done
    done
  done
done
echo "--- all runs"
cat "$WORK/results.txt"
