#!/usr/bin/env bash
# Start-up time and memory with 100,000 registered schemas of about 1 KB each. Populates a fresh
# data directory (bench `populate`), stops the server, then starts it again (once per JVM option
# set below) and measures: time from process start until GET /subjects answers 200, VmRSS right
# then, and VmRSS/VmHWM after a warm-up of 200,000 random reads by id.
# Targets: ready <= 5 s, RSS <= 300 MB.
# Usage: bench/startup.sh   (env: SCHEMAS=100000 CLIENTS=16 READS=200000,
#        DATA_DIR=DIR to reuse a populated data directory instead of populating one,
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
  start_stele "$data"
  log "populating $data with $SCHEMAS schemas"
  load populate --schemas "$SCHEMAS" --clients "${CLIENTS:-16}"
  echo "populated: $(du -sh "$data" | cut -f1) on disk; RSS of the populating server $(rss_mb "$STELE_PID") MB"
  stop_stele
fi

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
  load reads --requests "$READS" --clients 16 >"$WORK/reads.txt" 2>&1 || true
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
  ok_ready="$(( ready <= 5000 ? 1 : 0 ))"
  ok_rss="$(( rss_warm <= 300 && rss_ready <= 300 ? 1 : 0 ))"
  echo "    target ready <= 5 s: $(verdict "$ok_ready"); target RSS <= 300 MB: $(verdict "$ok_rss")"
  stop_stele
done
unset STELE_JAVA_OPTS
