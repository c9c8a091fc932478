# Shared by the bench/*.sh scripts (sourced, not run). Everything a script starts is recorded
# and stopped on exit, whatever the exit; load goes to 127.0.0.1 only; every wait is bounded.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
SERVER_JAR="$REPO/registry-server/target/stele-server.jar"
BENCH_JAR="$BENCH_DIR/target/stele-bench.jar"
WORK="$(mktemp -d /tmp/stele-bench.XXXXXX)"
# The server's data directory: a fresh one, or DATA_DIR's (e.g. the million-schema directory of
# POPULATE=store bench/startup.sh, to measure at that size; it is used, not copied).
STELE_DATA="${DATA_DIR:-$WORK/data}"
STARTED_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Stops one process we started: SIGTERM (Stele's shutdown hook closes the store), then SIGKILL
# after 20 s.
stop_pid() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 200; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  log "pid $pid did not stop in 20 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done
  # KafkaClusterMain's brokers halt with it but leave their data (a million-schema topic is
  # 2.4 GB): remove the directory start_kafka noted.
  case "${KAFKA_DIR:-}" in /tmp/stele-kafka-*) rm -rf "$KAFKA_DIR" ;; esac
  if [ -n "${KEEP_WORK:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Installs the Debian packages of any missing command: install_tools wrk nginx curl
install_tools() {
  local missing=() cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("$cmd")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing ${missing[*]} (apt)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Also snapshots the server into $WORK/dist in the installed layout (bin/stele-start beside
# lib/stele-server.jar), so a rebuild of the checkout during a run cannot pull the jar from
# under the running server.
need_jars() {
  if [ ! -f "$SERVER_JAR" ]; then
    echo "No $SERVER_JAR: build it first with (cd $REPO && mvn -B -DskipTests package)" >&2
    exit 1
  fi
  log "server: $SERVER_JAR built $(date -r "$SERVER_JAR" '+%F %T'), checkout $(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)"
  mkdir -p "$WORK/dist/bin" "$WORK/dist/lib"
  cp "$REPO/bin/stele-start" "$WORK/dist/bin/"
  cp "$SERVER_JAR" "$WORK/dist/lib/stele-server.jar"
  # A script that drives the servers itself (curl) sets NO_LOAD_GENERATOR=1.
  if [ ! -f "$BENCH_JAR" ] && [ -z "${NO_LOAD_GENERATOR:-}" ]; then
    log "building the load generator (mvn -pl bench package)"
    (cd "$REPO" && mvn -q -B -pl bench package)
  fi
}

# A free port on 127.0.0.1: random picks below Linux's ephemeral range (32768 and up, where a
# client socket or one in TIME-WAIT may hold the port), checked against every TCP socket; 50 tries.
free_port() {
  local i port
  for ((i = 0; i < 50; i++)); do
    port=$((20000 + RANDOM % 12000))
    if ! ss -Htan "sport = :$port" | grep -q .; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# start_stele DATA_DIR [PORT]: starts bin/stele-start on PORT (a restart), else a free port with $STELE_JAVA_OPTS (and the
# properties in $STELE_EXTRA_PROPS) and waits
# (at most STELE_START_WAIT_S, 120 s unless set) until GET /subjects answers 200. Sets STELE_PID, STELE_URL, STELE_LOG and
# READY_MS (from just before the process was started until the first 200). Returns 1, after
# showing the log's end, when the server does not come up (which ends a script under set -e).
start_stele() {
  local data="$1" port="${2:-}" props logfile
  [ -n "$port" ] || port="$(free_port)"
  props="$WORK/stele-$port.properties"
  logfile="$WORK/stele-$port.log"
  printf 'listeners=http://127.0.0.1:%s\nstele.data.dir=%s\n' "$port" "$data" >"$props"
  # More properties, one per line (e.g. kafkastore.bootstrap.servers=... for bench/kafka.sh).
  [ -z "${STELE_EXTRA_PROPS:-}" ] || printf '%s\n' "$STELE_EXTRA_PROPS" >>"$props"
  STELE_URL="http://127.0.0.1:$port"
  STELE_LOG="$logfile"
  local t0
  t0="$(date +%s%N)"
  "$WORK/dist/bin/stele-start" "$props" >>"$logfile" 2>&1 &
  STELE_PID=$!
  STARTED_PIDS+=("$STELE_PID")
  if ! wait_http "$STELE_URL/subjects" "${STELE_START_WAIT_S:-120}" "$STELE_PID"; then
    echo "Stele did not start (or did not answer within ${STELE_START_WAIT_S:-120} s); its log:" >&2
    tail -n 20 "$logfile" >&2
    return 1
  fi
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# kafka_classpath: testkit's jar and its dependencies (the kafka_2.13 jars among them), as Maven
# resolved them for the build, in KAFKA_CP.
kafka_classpath() {
  if [ -n "${KAFKA_CP:-}" ]; then return 0; fi # once per script: a rebuild must not race a run
  log "resolving testkit's classpath (mvn -o dependency:build-classpath)"
  # With the project's own modules in the reactor (-am, packaged): they resolve to their jars in
  # target/ without a `mvn install`; each module writes the file, testkit (built last) wins.
  (cd "$REPO" && mvn -q -B -o -pl testkit -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
  local testkit_jar="$(ls "$REPO"/testkit/target/testkit-*.jar | grep -v sources | head -1)"
  KAFKA_CP="$testkit_jar:$(cat "$WORK/cp.txt")"
}

# start_kafka: a one-node Kafka broker (testkit's KafkaClusterMain: Apache Kafka from the Maven
# jars, KRaft, with KafkaNode's settings for quick tests) on free ports, stopped on exit and its
# data removed. Sets KAFKA_PID (KafkaClusterMain), KAFKA_BROKER_PID (the broker's own JVM),
# KAFKA_DIR (its data) and KAFKA_BOOTSTRAP.
start_kafka() {
  kafka_classpath
  java -cp "$KAFKA_CP" dev.stele.testkit.kafka.KafkaClusterMain 1 \
    >"$WORK/kafka.out" 2>"$WORK/kafka.err" &
  KAFKA_PID=$!
  STARTED_PIDS+=("$KAFKA_PID")
  for _ in $(seq 1 1800); do
    grep -q '^bootstrap.servers=' "$WORK/kafka.out" && break
    kill -0 "$KAFKA_PID" 2>/dev/null || { tail -n 20 "$WORK/kafka.err" >&2; exit 1; }
    sleep 0.1
  done
  KAFKA_BOOTSTRAP="$(sed -n 's/^bootstrap.servers=//p' "$WORK/kafka.out")"
  [ -n "$KAFKA_BOOTSTRAP" ] || { echo "the broker did not start in 180 s" >&2; tail -n 20 "$WORK/kafka.err" >&2; exit 1; }
  KAFKA_BROKER_PID="$(pgrep -P "$KAFKA_PID" java | head -1 || true)"
  # The cluster's directory: node-1/server.properties on the broker's command line is in it.
  [ -z "$KAFKA_BROKER_PID" ] || KAFKA_DIR="$(tr '\0' '\n' <"/proc/$KAFKA_BROKER_PID/cmdline" \
    | sed -n 's|/node-[0-9]*/server.properties$||p' | head -1)"
}

# The JVM options bin/kafka-server-start.sh and bin/kafka-run-class.sh give a broker (Apache Kafka
# 4.1: KAFKA_JVM_PERFORMANCE_OPTS, and -loggc's GC log), with the independent run's 512 MB heap
# (KAFKA_HEAP_OPTS; the script's own default is 1 GB). STOCK_KAFKA_HEAP overrides the heap.
stock_kafka_jvm() {
  echo "${STOCK_KAFKA_HEAP:--Xmx512m -Xms512m} -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20" \
    "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15" \
    "-Djava.awt.headless=true -Xlog:gc*:file=$WORK/stock-kafka/kafkaServer-gc.log:time,tags:filecount=10,filesize=100M"
}

# start_stock_kafka: a one-node broker from the same Maven jars but as Apache Kafka ships it:
# bench/kafka-stock/server.properties (the shipped KRaft config's values), formatted with
# `format --standalone` like the quick start, started with kafka-server-start.sh's JVM options
# (stock_kafka_jvm). Stopped on exit. Sets KAFKA_PID, KAFKA_BROKER_PID and KAFKA_BOOTSTRAP.
start_stock_kafka() {
  kafka_classpath
  local dir="$WORK/stock-kafka" port cport id jvm
  rm -rf "$dir" # a broker of an earlier run in this script
  mkdir -p "$dir"
  port="$(free_port)"
  cport="$(free_port)"
  sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$cport|g" -e "s|@LOG_DIRS@|$dir/data|g" \
    "$BENCH_DIR/kafka-stock/server.properties" >"$dir/server.properties"
  jvm="$(stock_kafka_jvm)"
  id="$(java -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  # shellcheck disable=SC2086 # the options are words
  java $jvm -cp "$KAFKA_CP" kafka.tools.StorageTool format --standalone -t "$id" \
    -c "$dir/server.properties" >"$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; exit 1; }
  # shellcheck disable=SC2086
  java $jvm -cp "$KAFKA_CP" kafka.Kafka "$dir/server.properties" >"$dir/broker.log" 2>&1 &
  KAFKA_PID=$!
  KAFKA_BROKER_PID=$KAFKA_PID
  STARTED_PIDS+=("$KAFKA_PID")
  KAFKA_BOOTSTRAP="127.0.0.1:$port"
  for _ in $(seq 1 1800); do
    ss -Htln "sport = :$port" | grep -q . && return 0
    kill -0 "$KAFKA_PID" 2>/dev/null || { tail -n 20 "$dir/broker.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the stock broker did not listen on $port in 180 s" >&2
  tail -n 20 "$dir/broker.log" >&2
  exit 1
}

stop_stele() {
  stop_pid "$STELE_PID"
}

# one_stele TOOL...: the opening of a script that measures one server on $WORK/data: installs the
# tools named (start_stele polls with curl), checks the jars, starts the server and waits for a
# quiet machine.
one_stele() {
  install_tools "$@"
  need_jars
  start_stele "$STELE_DATA"
  log "Stele ready at $STELE_URL in ${READY_MS} ms; data in $STELE_DATA"
  wait_for_quiet
}

# wait_http URL SECONDS [PID]: polls every 10 ms until URL answers 200; fails if PID dies.
wait_http() {
  local url="$1" seconds="$2" pid="${3:-}" deadline code
  deadline=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)"
    [ "$code" = "200" ] && return 0
    sleep 0.01
  done
  return 1
}

# Resident memory of a process in MB (VmRSS) and its peak (VmHWM).
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# PSS: memory counted once even where it is mapped several times (ZGC maps its heap three times,
# so its RSS counts each page thrice).
pss_mb() { awk '/^Pss:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/smaps_rollup"; }

# load MODE [options]: the Java load generator against $STELE_URL.
load() {
  local mode="$1"
  shift
  java -Xmx1g -jar "$BENCH_JAR" "$mode" --url "$STELE_URL" "$@"
}

# verdict OK TEXT: "met" or "MISSED" for a target line.
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "MISSED"; fi; }

# Percentage of CPU busy over the next 2 seconds, all cores.
cpu_busy() {
  local a b
  a=($(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat))
  sleep 2
  b=($(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat))
  awk -v bu=$((b[0] - a[0])) -v id=$((b[1] - a[1])) 'BEGIN { printf "%.0f", 100 * bu / (bu + id + 0.0001) }'
}

# Benchmarks on a 2-core machine mean nothing while something else burns CPU: wait (at most
# QUIET_WAIT seconds, default 300) until the machine is below 15% busy, then say how busy it was.
wait_for_quiet() {
  local limit="${QUIET_WAIT:-300}" waited=0 busy
  busy="$(cpu_busy)"
  while [ "$busy" -gt 15 ] && [ "$waited" -lt "$limit" ]; do
    [ "$waited" -eq 0 ] && log "machine is ${busy}% busy before the run; waiting up to ${limit} s for quiet"
    sleep 3
    waited=$((waited + 5))
    busy="$(cpu_busy)"
  done
  log "CPU busy before the run: ${busy}% (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  [ "$busy" -le 15 ] || log "WARNING: measuring on a busy machine; numbers will be low and noisy"
}

# wrk's "50%  1.23ms" style values, in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# wrk_settings ROUNDS: the wrk settings of the read scripts, each taken from the environment when
# set there; ROUNDS is the script's own default number of rounds.
wrk_settings() {
  DURATION="${DURATION:-15s}"
  WARMUP="${WARMUP:-5s}"
  CONNECTIONS="${CONNECTIONS:-64}"
  THREADS="${THREADS:-2}"
  ROUNDS="${ROUNDS:-$1}"
}

# run_wrk NAME URL DURATION [HEADER]: wrk with THREADS and CONNECTIONS on URL (sending HEADER on
# every request if given); prints "rps p50 p99 non2xx errors" and keeps wrk's output in WORK.
run_wrk() {
  local name="$1" url="$2" duration="$3" out="$WORK/wrk-$1.txt"
  local header=()
  [ -z "${4:-}" ] || header=(-H "$4")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s --latency "${header[@]}" "$url" >"$out" 2>&1
  local rps p50 p99 non2xx errors
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' "$out")"
  errors="$(awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }' "$out")"
  echo "$rps $p50 $p99 ${non2xx:-0} ${errors:-0}"
}
