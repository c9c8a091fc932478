#!/usr/bin/env bash
# GET /schemas/ids/{id}: Stele against nginx serving the very same response bytes from a file,
# measured in one run with the same wrk settings (2 threads, 64 keep-alive connections).
# Targets: Stele >= 0.6 x nginx's requests/s, Stele p99 <= 5 ms.
# Usage: bench/read-by-id.sh   (env: DURATION=15s WARMUP=5s CONNECTIONS=64 THREADS=2 ROUNDS=1,
#        STELE_JAVA_OPTS for the server's JVM, DATA_DIR to start on a populated directory)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wrk_settings 1

install_tools wrk nginx curl
need_jars

start_stele "$STELE_DATA"
log "Stele ready at $STELE_URL in ${READY_MS} ms"

# One typical Avro value schema.
schema='{"type":"record","name":"Payment","namespace":"com.example.shop","doc":"A card payment.","fields":[{"name":"id","type":"string"},{"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},{"name":"currency","type":{"type":"enum","name":"Currency","symbols":["EUR","USD","GBP"]}},{"name":"created","type":{"type":"long","logicalType":"timestamp-millis"}},{"name":"note","type":["null","string"],"default":null}]}'
body="$(printf '%s' "$schema" | sed 's/\\/\\\\/g; s/"/\\"/g')"
answer="$(curl -sf -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
  --data "{\"schema\":\"$body\"}" "$STELE_URL/subjects/payments-value/versions")"
id="$(printf '%s' "$answer" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')"
[ -n "$id" ] || { echo "registration failed: $answer" >&2; exit 1; }
path="/schemas/ids/$id"

# The exact bytes Stele answers, served by nginx with the same Content-Type.
mkdir -p "$WORK/nginx/www"
chmod 755 "$WORK" "$WORK/nginx" "$WORK/nginx/www"   # nginx workers run as nobody
curl -sf -D "$WORK/stele.headers" -o "$WORK/nginx/www/schema.json" "$STELE_URL$path"
chmod 644 "$WORK/nginx/www/schema.json"
content_type="$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$WORK/stele.headers")"
[ "$content_type" = "application/vnd.schemaregistry.v1+json" ] || log "note: Stele's Content-Type is '$content_type'"
nginx_port="$(free_port)"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 120s;
  keepalive_requests 10000000;
  open_file_cache max=16 inactive=60s;
  open_file_cache_valid 60s;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    location = $path {
      types { }
      default_type $content_type;
      alias $WORK/nginx/www/schema.json;
    }
  }
}
CONF
mkdir -p "$WORK/nginx/tmp"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>"$WORK/nginx/stderr.log" &
STARTED_PIDS+=("$!")
nginx_url="http://127.0.0.1:$nginx_port"
wait_http "$nginx_url$path" 20 "$!" || { cat "$WORK/nginx/stderr.log" "$WORK/nginx/error.log" >&2; exit 1; }
curl -sf -o "$WORK/nginx.body" "$nginx_url$path"
cmp -s "$WORK/nginx.body" "$WORK/nginx/www/schema.json" || { echo "nginx serves other bytes" >&2; exit 1; }
log "nginx ready at $nginx_url; both answer $(wc -c <"$WORK/nginx.body") bytes of $content_type"

wait_for_quiet
log "warming up: $WARMUP each"
run_wrk warm-nginx "$nginx_url$path" "$WARMUP" >/dev/null
run_wrk warm-stele "$STELE_URL$path" "$WARMUP" >/dev/null

echo "GET $path: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $(nproc) cores shared by server and wrk"
printf '%-6s %-6s %12s %9s %9s %8s %8s\n' round server requests/s "p50 ms" "p99 ms" non-2xx errors
for ((round = 1; round <= ROUNDS; round++)); do
  read -r n_rps n_p50 n_p99 n_bad n_err < <(run_wrk nginx "$nginx_url$path" "$DURATION")
  printf '%-6s %-6s %12s %9s %9s %8s %8s\n' "$round" nginx "$n_rps" "$n_p50" "$n_p99" "$n_bad" "$n_err"
  read -r s_rps s_p50 s_p99 s_bad s_err < <(run_wrk stele "$STELE_URL$path" "$DURATION")
  printf '%-6s %-6s %12s %9s %9s %8s %8s\n' "$round" stele "$s_rps" "$s_p50" "$s_p99" "$s_bad" "$s_err"
  ratio="$(awk -v s="$s_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", s / n }')"
  echo "round $round: Stele/nginx = $ratio"
done
ratio_ok="$(awk -v r="$ratio" 'BEGIN { print (r >= 0.6) ? 1 : 0 }')"
p99_ok="$(awk -v p="$s_p99" 'BEGIN { print (p <= 5) ? 1 : 0 }')"
echo "target Stele >= 0.6 x nginx: $ratio x -> $(verdict "$ratio_ok")"
echo "target Stele p99 <= 5 ms: $s_p99 ms -> $(verdict "$p99_ok")"
[ "$s_bad" = 0 ] && [ "$s_err" = 0 ] || echo "WARNING: Stele had $s_bad non-2xx answers and $s_err socket errors"
