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
# Latency, two ways. wrk's percentiles are corrected for coordinated omission: before printing,
# wrk adds, for every request slower than twice the mean interval between a connection's
# requests, phantom samples at that latency minus one, two, ... intervals (what a client sending
# at a steady rate would have waited). So one stall of the server stretches over many samples:
# a 1 s pause with 64 connections at 11 ms per request adds about 64 x 90 samples, and pauses
# filling a few per cent of the window put wrk's p99 at their length (docs/benchmarks.md §7,
# "The p99 near a second"). The server's own histogram (stele_http_requests_seconds of the
# registrations answered 200, uncorrected, as bucket bounds) says what the requests waited; the
# server's stop-the-world GC pauses in the window (jvm_gc_pause_seconds) and its RSS at the end
# say how much of the window the JVM stood still and what its heap cost.
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

# sample GEN_PID [METRICS_FILE]: "nanos versions offset broker_ticks stele_ticks generator_ticks",
# and the server's whole /metrics into METRICS_FILE (for the latency and GC figures of report).
sample() {
  [ -z "${2:-}" ] || curl -s --max-time 5 "$STELE_URL/metrics" >"$2"
  echo "$(date +%s%N) $(metric stele_versions) $(metric stele_log_offset)" \
    "$(ticks "$KAFKA_BROKER_PID") $(ticks "$STELE_PID") $(ticks "$1")"
}

# server_figures A_METRICS B_METRICS: what the server saw between two /metrics scrapes, not
# corrected for coordinated omission (wrk's percentiles are, see docs/benchmarks.md §7): the
# registrations' (POST .../versions answered 200) p50/p99 as the histogram's bucket bounds and
# the share over 250 ms, and the server's stop-the-world GC pauses (count, total, the longest of
# the JVM's last two minutes).
server_figures() {
  awk '
    FNR == 1 { f++ }
    /^stele_http_requests_seconds_bucket\{/ && /method="POST"/ && /route="\/subjects\/[^\/"]*\/versions"/ && /status="200"/ {
      match($0, /le="[^"]+"/); le = substr($0, RSTART + 4, RLENGTH - 5)
      b[f, le] += $NF; les[le] = 1
    }
    /^jvm_gc_pause_seconds_count\{/ { gcn[f] += $NF }
    /^jvm_gc_pause_seconds_sum\{/ { gcs[f] += $NF }
    /^jvm_gc_pause_seconds_max\{/ && f == 2 && $NF > gcmax { gcmax = $NF }
    END {
      n = 0
      for (le in les) if (le != "+Inf") bounds[++n] = le + 0
      for (i = 2; i <= n; i++) { x = bounds[i]; j = i - 1
        while (j > 0 && bounds[j] > x) { bounds[j + 1] = bounds[j]; j-- } bounds[j + 1] = x }
      total = b[2, "+Inf"] - b[1, "+Inf"]
      if (total <= 0) { printf " server: no registrations seen"; exit }
      p50 = p99 = "+Inf"; over = 0
      for (i = 1; i <= n; i++) {
        key = bounds[i] ""
        for (le in les) if (le + 0 == bounds[i]) key = le
        c = b[2, key] - b[1, key]
        if (p50 == "+Inf" && c >= 0.50 * total) p50 = bounds[i] * 1000
        if (p99 == "+Inf" && c >= 0.99 * total) p99 = bounds[i] * 1000
        if (bounds[i] == 0.25) over = (total - c) / total * 100
      }
      printf " server (uncorrected): p50 <= %s ms, p99 <= %s ms, %.2f%% over 250 ms;" \
        " GC pauses %d, %.2f s in total, longest %.0f ms", p50, p99, over, gcn[2] - gcn[1],
        gcs[2] - gcs[1], gcmax * 1000
    }' "$1" "$2"
}

# report BROKER GEN A B [WRK_OUT]: one result line from the samples A and B.
report() {
  local broker="$1" gen="$2" a=($3) b=($4) lat=""
  if [ -n "${5:-}" ]; then
    lat=" wrk (corrected for coordinated omission): p50 $(to_ms "$(awk '$1 == "50%" { print $2 }' "$5")") ms, p99 $(to_ms "$(awk '$1 == "99%" { print $2 }' "$5")") ms, non-2xx $(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$5")"
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
    }' | tr -d '\n'
  echo ";$(server_figures "$WORK/metrics-a.txt" "$WORK/metrics-b.txt"); Stele RSS $(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$STELE_PID/status" 2>/dev/null) MB at the end"
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
  a="$(sample "$gen_pid" "$WORK/metrics-a.txt")"
  sleep "$MEASURE_S"
  b="$(sample "$gen_pid" "$WORK/metrics-b.txt")"
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
