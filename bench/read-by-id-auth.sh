#!/usr/bin/env bash
# GET /schemas/ids/{id} with HTTP Basic authentication on, against the same server without it:
# two Stele servers side by side (one open, one with examples/secure's users file), the same
# schema registered on each, then wrk on each in turn (2 threads, 64 keep-alive connections; the
# secured one with the reader's Authorization header on every request).
# Target (issue 6): secured >= 0.9 x open requests/s (verified credentials are cached, so the
# slow password hash runs once per header, not per request).
# Usage: bench/read-by-id-auth.sh   (env: DURATION=15s WARMUP=5s CONNECTIONS=64 THREADS=2 ROUNDS=3)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wrk_settings 3

install_tools wrk curl
need_jars

start_stele "$WORK/open-data"
open_url="$STELE_URL"
# The secured server: start_stele waits for GET /subjects to answer 200, so that one path is
# left open for the wait; the measured path (/schemas/ids/{id}) still needs credentials.
STELE_EXTRA_PROPS="authentication.method=BASIC
stele.auth.users.file=$REPO/examples/secure/users.conf
stele.auth.open.paths=/subjects" start_stele "$WORK/secure-data"
secure_url="$STELE_URL"
log "open Stele at $open_url, secured Stele at $secure_url"

schema='{"type":"record","name":"Payment","namespace":"com.example.shop","fields":[{"name":"id","type":"string"},{"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},{"name":"note","type":["null","string"],"default":null}]}'
body="$(printf '%s' "$schema" | sed 's/\\/\\\\/g; s/"/\\"/g')"
register() { # URL [curl options...]
  local url="$1"
  shift
  curl -sf "$@" -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
    --data "{\"schema\":\"$body\"}" "$url/subjects/payments-value/versions" | sed -n 's/.*"id":\([0-9]*\).*/\1/p'
}
open_id="$(register "$open_url")"
secure_id="$(register "$secure_url" -u admin:admin-secret)"
[ -n "$open_id" ] && [ "$open_id" = "$secure_id" ] || { echo "registration failed" >&2; exit 1; }
path="/schemas/ids/$open_id"
auth="Authorization: Basic $(printf 'reader:reader-secret' | base64)"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$secure_url$path")" = 401 ] || { echo "not secured" >&2; exit 1; }
cmp -s <(curl -sf "$open_url$path") <(curl -sf -H "$auth" "$secure_url$path") \
  || { echo "the two servers answer different bytes" >&2; exit 1; }

wait_for_quiet
log "warming up: $WARMUP each"
run_wrk warm-open "$open_url$path" "$WARMUP" >/dev/null
run_wrk warm-secure "$secure_url$path" "$WARMUP" "$auth" >/dev/null

echo "GET $path: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $(nproc) cores shared by servers and wrk"
printf '%-6s %-8s %12s %9s %9s %8s %8s\n' round server requests/s "p50 ms" "p99 ms" non-2xx errors
sum=0
for ((round = 1; round <= ROUNDS; round++)); do
  read -r o_rps o_p50 o_p99 o_bad o_err < <(run_wrk open "$open_url$path" "$DURATION")
  printf '%-6s %-8s %12s %9s %9s %8s %8s\n' "$round" open "$o_rps" "$o_p50" "$o_p99" "$o_bad" "$o_err"
  read -r s_rps s_p50 s_p99 s_bad s_err < <(run_wrk secure "$secure_url$path" "$DURATION" "$auth")
  printf '%-6s %-8s %12s %9s %9s %8s %8s\n' "$round" basic "$s_rps" "$s_p50" "$s_p99" "$s_bad" "$s_err"
  ratio="$(awk -v s="$s_rps" -v o="$o_rps" 'BEGIN { printf "%.2f", s / o }')"
  sum="$(awk -v a="$sum" -v r="$ratio" 'BEGIN { print a + r }')"
  echo "round $round: basic/open = $ratio"
  [ "$s_bad" = 0 ] && [ "$s_err" = 0 ] || echo "WARNING: the secured server had $s_bad non-2xx answers and $s_err socket errors"
done
mean="$(awk -v s="$sum" -v n="$ROUNDS" 'BEGIN { printf "%.2f", s / n }')"
ok="$(awk -v r="$mean" 'BEGIN { print (r >= 0.9) ? 1 : 0 }')"
echo "target basic >= 0.9 x open (mean of $ROUNDS rounds): $mean x -> $(verdict "$ok")"
