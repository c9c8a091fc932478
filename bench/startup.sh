#!/usr/bin/env bash
# Start-up time and memory with 100,000 registered schemas of about 1 KB each. Populates a fresh
# data directory (bench `populate`), stops the server, then starts it again (once per JVM option
# set below) and measures: time from process start until GET /subjects answers 200, VmRSS right
# then, and VmRSS/VmHWM after a warm-up of 200,000 random reads by id.
# Targets: ready <= 5 s, RSS <= 300 MB (issue 2); at a million, READY_TARGET_MS=10000 RSS_TARGET_MB=1024.
# Usage: bench/startup.sh   (env: SCHEMAS=100000 CLIENTS=16 READS=200000 READ_SECONDS=300 (the
#        warm-up's limit), DATA_DIR=DIR to reuse a populated data directory instead of populating one,
#        POPULATE=store to build it in-process through the embedded store's append path
#        (PopulateStoreMain: 16,000 subjects of 50 versions, the rest in 1-2 version subjects;
#        minutes for a million, where HTTP takes about 20), HEAP=1 to print each server's live heap
#        after the warm-up (jcmd GC.heap_info and the head of GC.class_histogram, which collects first),
#        JVM_OPTION_SETS='opts|opts|...' the option sets to start with: JVM options, optionally
#        led by NAME=VALUE environment settings; an empty set means bin/stele-start's defaults)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCHEMAS="${SCHEMAS:-100000}"
READS="${READS:-200000}"
# bin/stele-start's defaults; a fixed 256 MB heap with the serial collector; and the JVM's own
# defaults (G1, a quarter of the machine's memory as the maximum heap).
JVM_OPTION_SETS="${JVM_OPTION_SETS:-|-Xmx256m -XX:+UseSerialGC|-XX:+UseG1GC}"

install_tools curl
need_jars
unset STELE_JAVA_OPTS

if [ -n "${DATA_DIR:-}" ]; then
  data="$DATA_DIR"
  log "reusing $data"
else
  data="$WORK/data"
  if [ "${POPULATE:-http}" = store ]; then
    log "populating $data with $SCHEMAS schemas through the store (PopulateStoreMain)"
    java -Xmx4g -cp "$BENCH_JAR" dev.stele.bench.PopulateStoreMain --dir "$data" --schemas "$SCHEMAS"
    echo "populated: $(du -sh "$data" | cut -f1) on disk (snapshot included)"
  else
    start_stele "$data"
    log "populating $data with $SCHEMAS schemas"
    load populate --schemas "$SCHEMAS" --clients "${CLIENTS:-16}"
    echo "populated: $(du -sh "$data" | cut -f1) on disk; RSS of the populating server $(rss_mb "$STELE_PID") MB"
    stop_stele
  fi
fi
READY_TARGET_MS="${READY_TARGET_MS:-5000}"
RSS_TARGET_MB="${RSS_TARGET_MB:-300}"

printf '%9s %9s %12s %9s %9s  %s\n' "ready ms" "RSS MB" "RSS warm MB" "peak MB" subjects "server options"
IFS='|' read -r -a option_sets <<<"$JVM_OPTION_SETS"
for options in "${option_sets[@]}"; do
  wait_for_quiet
  # Leading NAME=VALUE words are environment settings for the server process.
  env_settings=()
  jvm_options=""
  for word in $options; do
    if [ -z "$jvm_options" ] && [[ "$word" =~ ^[A-Z_][A-Z0-9_]*= ]]; then
      env_settings+=("$word")
    else
      jvm_options="${jvm_options:+$jvm_options }$word"
    fi
  done
  export STELE_JAVA_OPTS="$jvm_options"
  for setting in "${env_settings[@]}"; do export "${setting?}"; done
  started=1
  start_stele "$data" || started=0
  for setting in "${env_settings[@]}"; do unset "${setting%%=*}"; done
  if [ "$started" = 0 ]; then
    printf '%9s %9s  (did not start: %s)  %s\n' - - "$(grep -m1 -E 'Error|Exception' "$STELE_LOG")" "$options"
    stop_stele
    continue
  fi
  ready="$READY_MS"
  rss_ready="$(rss_mb "$STELE_PID")"
  subjects="$(curl -sf "$STELE_URL/subjects" | tr ',' '\n' | grep -c '"')"
  list_ms="$(for _ in 1 2 3; do curl -sf -o /dev/null -w '%{time_total} ' "$STELE_URL/subjects"; done)"
  load reads --requests "$READS" --clients 16 --max-seconds "${READ_SECONDS:-300}" >"$WORK/reads.txt" 2>&1 || true
  if ! kill -0 "$STELE_PID" 2>/dev/null || ! grep -q '^  [0-9]* ok, 0 failed' "$WORK/reads.txt"; then
    printf '%9s %9s  (failed under the read warm-up: %s)  %s\n' "$ready" "$rss_ready" \
      "$(grep -m1 -E 'Error|Exception' "$STELE_LOG" || tail -n 1 "$WORK/reads.txt")" "$options"
    stop_stele
    continue
  fi
  rss_warm="$(rss_mb "$STELE_PID")"
  peak="$(hwm_mb "$STELE_PID")"
  printf '%9s %9s %12s %9s %9s  %s\n' "$ready" "$rss_ready" "$rss_warm" "$peak" "$subjects" "${options:-(bin/stele-start defaults)}"
  sed 's/^/    /' "$WORK/reads.txt"
  echo "    GET /subjects, three times after ready (s): $list_ms"
  if [ -n "${HEAP:-}" ]; then
    jcmd "$STELE_PID" GC.class_histogram >"$WORK/histo.txt" 2>&1 || true
    head -n 25 "$WORK/histo.txt" | sed 's/^/    /'
    grep '^Total' "$WORK/histo.txt" | sed 's/^/    live heap (after a full collection): /'
    jcmd "$STELE_PID" GC.heap_info 2>&1 | sed 's/^/    /'
    echo "    RSS after the histogram's collection: $(rss_mb "$STELE_PID") MB"
  fi
  ok_ready="$(( ready <= READY_TARGET_MS ? 1 : 0 ))"
  ok_rss="$(( rss_warm <= RSS_TARGET_MB && rss_ready <= RSS_TARGET_MB ? 1 : 0 ))"
  echo "    target ready <= $READY_TARGET_MS ms: $(verdict "$ok_ready"); target RSS <= $RSS_TARGET_MB MB: $(verdict "$ok_rss")"
  stop_stele
done
unset STELE_JAVA_OPTS
