#!/usr/bin/env bash
# Failover (issue 18): three Stele instances on one Kafka topic take registrations while the
# leader is SIGKILLed, KILLS times. Targets per kill: writes succeed again within 5 s of the kill
# (the first answer 200 of a write sent after the kill), no write fails (the others hold writes
# up to stele.leader.wait.ms while the dead leader's session expires and the next one takes
# over), and no acknowledged write is lost (each acknowledged subject answers its id on every
# live instance at the end). Writers send to the instances that were not killed, as a client
# that retries a refused connection elsewhere would; a write cut with the leader is resent by the
# follower only where that is safe (register is), so none should fail.
# The survivors' leader probes (leader.probe.interval.ms, 250 ms) see the killed leader's listener
# refuse connections and call an election, which the group closes after
# kafkagroup.rebalance.timeout.ms (REBALANCE_MS, 3000 by default) without the dead member; the
# session timeout (SESSION_MS, 6000, the broker's minimum) is only the fallback. Each round also
# prints whether a survivor logged that the election its probe called was held.
# Usage: bench/failover.sh   (env: KILLS=3 CLIENTS=4 BEFORE_S=5 AFTER_S=15 SESSION_MS=6000
#        REBALANCE_MS=3000 PROBE_MS=250,
#        STELE_JAVA_OPTS for the servers' JVMs). Needs a quiet machine: it measures time.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_tools curl
NO_LOAD_GENERATOR=1 need_jars # the writers are curl loops
start_kafka
log "Kafka broker at $KAFKA_BOOTSTRAP"

STELE_EXTRA_PROPS="kafkastore.bootstrap.servers=PLAINTEXT://$KAFKA_BOOTSTRAP
kafkastore.topic=_schemas_failover
host.name=127.0.0.1
schema.compatibility.level=none
kafkagroup.session.timeout.ms=${SESSION_MS:-6000}
kafkagroup.rebalance.timeout.ms=${REBALANCE_MS:-3000}
leader.probe.interval.ms=${PROBE_MS:-250}"

URLS=() PIDS=() LOGS=()
# start_node I: starts instance I on its own data directory (a new port each time).
start_node() {
  start_stele "$WORK/data-$1"
  URLS[$1]="$STELE_URL"
  PIDS[$1]="$STELE_PID"
  LOGS[$1]="$STELE_LOG"
  log "instance $1 at $STELE_URL ready in ${READY_MS} ms"
}

# leader_index: the index of the one instance whose /health/ready says it leads (waits 60 s).
leader_index() {
  local i tries
  for ((tries = 0; tries < 600; tries++)); do
    for i in 0 1 2; do
      if [[ "$(curl -s --max-time 2 "${URLS[$i]}/health/ready" || true)" =~ \"leader\"\ *:\ *true ]]; then
        echo "$i"
        return 0
      fi
    done
    sleep 0.1
  done
  echo "no leader within 60 s" >&2
  return 1
}

now_ns() { date +%s%N; }

# writer C URL...: registers a new record schema per request under its own subject, round robin
# over the URLs, until $WORK/stop exists. One line per answer: start_ns end_ns status subject id.
writer() {
  local client="$1" n=0 url code body subject t0 t1 id
  shift
  local targets=("$@")
  while [ ! -e "$WORK/stop" ]; do
    n=$((n + 1))
    url="${targets[$((n % ${#targets[@]}))]}"
    subject="fo-$ROUND-$client-$n"
    body="{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"F${ROUND}x${client}x${n}\\\",\\\"fields\\\":[]}\"}"
    t0="$(now_ns)"
    code="$(curl -s -o "$WORK/answer-$client" -w '%{http_code}' --max-time 60 -X POST \
      -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data "$body" \
      "$url/subjects/$subject/versions" || echo 000)"
    t1="$(now_ns)"
    id="$(sed -n 's/.*"id" *: *\([0-9]*\).*/\1/p' "$WORK/answer-$client" 2>/dev/null)"
    echo "$t0 $t1 $code $subject ${id:--} $(tr -d '\n' <"$WORK/answer-$client" 2>/dev/null | head -c 200)"
  done >"$WORK/writes-$ROUND-$client.txt"
}

for i in 0 1 2; do start_node "$i"; done
wait_for_quiet

for ((ROUND = 1; ROUND <= ${KILLS:-3}; ROUND++)); do
  leader="$(leader_index)"
  survivors=()
  for i in 0 1 2; do [ "$i" = "$leader" ] || survivors+=("${URLS[$i]}"); done
  rm -f "$WORK/stop"
  writers=()
  for ((c = 1; c <= ${CLIENTS:-4}; c++)); do
    writer "$c" "${survivors[@]}" &
    writers+=($!)
  done
  sleep "${BEFORE_S:-5}"
  kill_at="$(now_ns)"
  kill -KILL "${PIDS[$leader]}"
  log "round $ROUND: SIGKILLed the leader, instance $leader (${URLS[$leader]})"
  sleep "${AFTER_S:-15}"
  touch "$WORK/stop"
  wait "${writers[@]}"
  wait "${PIDS[$leader]}" 2>/dev/null || true

  cat "$WORK"/writes-"$ROUND"-*.txt >"$WORK/round-$ROUND.txt"
  awk -v kill="$kill_at" -v round="$ROUND" '
    { total++ }
    $3 != 200 { failed++; if (failed <= 5) print "  failed: " $0 }
    $3 == 200 { acked++; ms = ($2 - $1) / 1e6; if (ms > slowest) slowest = ms }
    $3 == 200 && $1 >= kill && (first == 0 || $2 < first) { first = $2 }
    END {
      back = first ? (first - kill) / 1e6 : -1
      printf "round %d: %d writes, %d acknowledged, %d failed, slowest answer %.0f ms;" \
        " writes succeed again %.0f ms after the kill -> target <= 5000 ms: %s\n",
        round, total, acked, failed + 0, slowest, back,
        (back >= 0 && back <= 5000) ? "met" : "MISSED"
    }' "$WORK/round-$ROUND.txt" | tee -a "$WORK/summary.txt"

  # Who started the election: a survivor's probe (the log line) or, failing that, the session.
  held=0
  for i in 0 1 2; do
    [ "$i" = "$leader" ] && continue
    held=$((held + $(grep -c "election called on ${URLS[$leader]} by the leader probe was held" \
      "${LOGS[$i]}" || true)))
  done
  echo "round $ROUND: survivors whose probe's election was held: $held ->" \
    "$( ((held > 0)) && echo 'probe' || echo 'no probe election: session expiry')" \
    | tee -a "$WORK/summary.txt"

  # The killed instance comes back (a new port: a new member), so the next round has three.
  start_node "$leader"
  leader_index >/dev/null
done

# Every acknowledged write on every live instance, with the id it was answered with.
lost=0 checked=0
while read -r _ _ code subject id _; do
  [ "$code" = 200 ] || continue
  for i in 0 1 2; do
    got="$(curl -s --max-time 10 "${URLS[$i]}/subjects/$subject/versions/1" \
      | sed -n 's/.*"id" *: *\([0-9]*\).*/\1/p')"
    checked=$((checked + 1))
    if [ "$got" != "$id" ]; then
      lost=$((lost + 1))
      [ "$lost" -le 5 ] && echo "  lost: $subject (acknowledged id $id) on ${URLS[$i]}: ${got:-absent}"
    fi
  done
done < <(cat "$WORK"/round-*.txt)
echo "acknowledged writes checked on every instance: $checked look-ups, $lost missing or different" \
  "-> target 0: $(verdict "$(( lost == 0 ? 1 : 0 ))")"
failed="$(awk '$3 != 200' "$WORK"/round-*.txt | wc -l)"
echo "failed writes over ${KILLS:-3} kills: $failed -> target 0: $(verdict "$(( failed == 0 ? 1 : 0 ))")"
