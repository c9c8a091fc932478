#!/usr/bin/env bash
# A FULL_TRANSITIVE registration into a subject with 1,000 versions (each version adds an optional
# field with a default, so all are compatible). Target: <= 100 ms.
# Usage: bench/transitive.sh   (env: VERSIONS=1000 SUBJECTS=3 ADDITIONS=5, STELE_JAVA_OPTS)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

one_stele curl
RUN="t$(date +%s)"
load transitive --run "$RUN" --versions "${VERSIONS:-1000}" --subjects "${SUBJECTS:-3}" --additions "${ADDITIONS:-5}" \
  | tee "$WORK/transitive.txt"
warm="$(sed -n 's/.*later additions median \([0-9.]*\) ms.*/\1/p' "$WORK/transitive.txt")"
cold="$(sed -n 's/.*parse cache cold) median \([0-9.]*\) ms.*/\1/p' "$WORK/transitive.txt")"
fresh="$(sed -n 's/.*first in a fresh server \([0-9.]*\) ms.*/\1/p' "$WORK/transitive.txt")"
within() { verdict "$(awk -v t="$1" 'BEGIN { print (t <= 100) ? 1 : 0 }')"; }
echo "target <= 100 ms: steady state $warm ms -> $(within "$warm"); parse cache cold $cold ms -> $(within "$cold");" \
  "fresh server $fresh ms -> $(within "$fresh")"

# After a restart on the same data: the server parses the transitive subjects' histories in the
# background once it is ready (HistoryWarmer); wait for its log line, then time the first checks.
stop_stele
start_stele "$WORK/data"
log "Stele restarted, ready in ${READY_MS} ms; waiting for the histories to be parsed"
for _ in $(seq 1 600); do
  grep -q "ahead of use" "$STELE_LOG" && break
  sleep 0.1
done
grep "ahead of use" "$STELE_LOG" || log "no warm-up line in the log after 60 s"
wait_for_quiet
load transitive --resume true --run "$RUN" --subjects "${SUBJECTS:-3}" --additions "${ADDITIONS:-5}" \
  | tee "$WORK/restarted.txt"
restarted="$(sed -n 's/.*first addition per subject median \([0-9.]*\) ms.*/\1/p' "$WORK/restarted.txt")"
echo "target <= 100 ms: first check of a subject after a restart (histories parsed ahead) $restarted ms -> $(within "$restarted")"
