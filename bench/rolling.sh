#!/usr/bin/env bash
# Rolling restart (issue 18): three Stele instances (bin/stele-start's defaults) on one Kafka
# broker (testkit's) take reads and writes sent to every instance in turn, while each instance
# in turn, the leader included, is stopped with SIGTERM and started again on the same port and
# data, the next only once every instance is ready again. Targets: 0 failed reads, 0 failed
# writes, 0 acknowledged writes lost (each is checked on every instance at the end).
# The clients are the load generator's `rolling` mode (testkit's RollingTraffic, as
# RollingRestartAcceptanceTest uses it): readers ask for 20 seeds (GET /schemas/ids/{id}, GET
# /subjects/{s}/versions/latest, checked against what was registered), writers register new
# subjects. A refused connection (nothing listening) moves the request to the next instance and
# counts as "not sent"; a kept-alive connection closed under a request without any answer is
# resent once and counted as "resent" (HttpURLConnection, the Confluent Java client's transport,
# does the same); any other answer than the right one counts as failed.
# Usage: bench/rolling.sh   (env: ROUNDS=1 WRITERS=4 READERS=4 SETTLE_S=5: seconds of traffic
#        before the first stop and after each return; KAFKA_TIMEOUT_MS sets kafkastore.timeout.ms,
#        500 by default as in Confluent's, which a loaded machine's Kafka commits can exceed;
#        STELE_JAVA_OPTS for the servers' JVMs)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_tools curl
need_jars
start_kafka
log "Kafka broker at $KAFKA_BOOTSTRAP"

STELE_EXTRA_PROPS="kafkastore.bootstrap.servers=PLAINTEXT://$KAFKA_BOOTSTRAP
kafkastore.topic=_schemas_rolling
host.name=127.0.0.1
schema.compatibility.level=none${KAFKA_TIMEOUT_MS:+
kafkastore.timeout.ms=$KAFKA_TIMEOUT_MS}"

URLS=() PIDS=() PORTS=()
# start_node I [PORT]: starts instance I on its own data directory (on PORT when restarting).
start_node() {
  start_stele "$WORK/data-$1" "${2:-}"
  URLS[$1]="$STELE_URL"
  PIDS[$1]="$STELE_PID"
  PORTS[$1]="${STELE_URL##*:}"
  log "instance $1 at $STELE_URL listening after ${READY_MS} ms"
}

# all_ready: waits (60 s at most) until every instance's /health/ready says 200 and exactly one
# leads; prints the leader's index.
all_ready() {
  local i tries ready leaders leader body
  for ((tries = 0; tries < 600; tries++)); do
    ready=0 leaders=0 leader=-1
    for i in 0 1 2; do
      body="$(curl -s --max-time 2 -w ' %{http_code}' "${URLS[$i]}/health/ready" || true)"
      [[ "$body" == *" 200" ]] || continue
      ready=$((ready + 1))
      if [[ "$body" =~ \"leader\"\ *:\ *true ]]; then leaders=$((leaders + 1)); leader=$i; fi
    done
    if ((ready == 3 && leaders == 1)); then
      echo "$leader"
      return 0
    fi
    sleep 0.1
  done
  echo "not all ready with one leader within 60 s" >&2
  return 1
}

start_node 0
for i in 1 2; do start_node "$i"; done
all_ready >/dev/null
wait_for_quiet

java -Xmx1g -jar "$BENCH_JAR" rolling --urls "${URLS[0]},${URLS[1]},${URLS[2]}" \
  --writers "${WRITERS:-4}" --readers "${READERS:-4}" --seeds 20 \
  --started-file "$WORK/started" --stop-file "$WORK/stop" >"$WORK/clients.txt" 2>&1 &
CLIENTS=$!
STARTED_PIDS+=("$CLIENTS")
for _ in $(seq 1 600); do
  [ -e "$WORK/started" ] && break
  kill -0 "$CLIENTS" 2>/dev/null || { cat "$WORK/clients.txt" >&2; exit 1; }
  sleep 0.1
done
[ -e "$WORK/started" ] || { echo "the clients did not start in 60 s" >&2; exit 1; }
log "clients running: ${WRITERS:-4} writers, ${READERS:-4} readers over ${URLS[*]}"
sleep "${SETTLE_S:-5}"

for ((round = 1; round <= ${ROUNDS:-1}; round++)); do
  for i in 0 1 2; do
    leader="$(all_ready)"
    role="follower"
    [ "$leader" = "$i" ] && role="leader"
    t0="$(date +%s%N)"
    log "round $round: SIGTERM to instance $i ($role)"
    kill -TERM "${PIDS[$i]}"
    wait "${PIDS[$i]}" 2>/dev/null || true
    t1="$(date +%s%N)"
    start_node "$i" "${PORTS[$i]}"
    all_ready >/dev/null
    t2="$(date +%s%N)"
    echo "round $round: instance $i ($role) SIGTERM to exit $(( (t1 - t0) / 1000000 )) ms," \
      "back and all ready after $(( (t2 - t0) / 1000000 )) ms" | tee -a "$WORK/summary.txt"
    sleep "${SETTLE_S:-5}"
  done
done

touch "$WORK/stop"
status=0
wait "$CLIENTS" || status=$?
cat "$WORK/clients.txt"
failed_reads="$(sed -n 's/^reads: .* \([0-9]*\) failed.*/\1/p' "$WORK/clients.txt")"
failed_writes="$(sed -n 's/^writes: .* \([0-9]*\) failed.*/\1/p' "$WORK/clients.txt")"
lost="$(sed -n 's/^writes: .*, \([0-9]*\) acknowledged but missing.*/\1/p' "$WORK/clients.txt")"
echo "failed reads: ${failed_reads:-?}, failed writes: ${failed_writes:-?}, lost writes: ${lost:-?}" \
  "-> target 0, 0, 0: $(verdict "$(( status == 0 ? 1 : 0 ))")"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
