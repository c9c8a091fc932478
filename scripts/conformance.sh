#!/usr/bin/env bash
# Replays the recorded Confluent corpus (../shared/conformance) against a fresh Stele server:
#   scripts/conformance.sh                         every scenario
#   scripts/conformance.sh --only NAME --verbose   one scenario, every difference shown
# Arguments go to conformance.py as they are. Builds the server jar first if it is missing.
# The server runs on a free loopback port with a throw-away data directory and is stopped at the
# end; its log is kept in that directory when the script fails to start it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${STELE_SHARED_DIR:-$repo/../shared}"
runner="$shared/conformance/conformance.py"
jar="$repo/registry-server/target/stele-server.jar"
python="${STELE_PYTHON:-python3}"

if [ ! -f "$runner" ]; then
  echo "conformance.sh: no corpus at $runner (expected ../shared beside the repository; set STELE_SHARED_DIR)" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "conformance.sh: building the server (mvn -B -q -DskipTests package)" >&2
  (cd "$repo" && mvn -B -q -DskipTests package)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/stele-conformance.XXXXXX")"
port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
url="http://127.0.0.1:$port"
cat > "$work/stele.properties" <<PROPS
listeners=$url
stele.data.dir=$work/data
# The corpus records Confluent's defaults, which accept Avro field defaults of the wrong type.
schema.providers.avro.validate.defaults=false
PROPS

java -jar "$jar" "$work/stele.properties" > "$work/server.log" 2>&1 &
server=$!
stop_server() {
  if kill -0 "$server" 2> /dev/null; then
    kill "$server"
    wait "$server" 2> /dev/null || true
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

for _ in $(seq 1 300); do
  if "$python" -c "import urllib.request, sys; urllib.request.urlopen('$url/', timeout=1)" 2> /dev/null; then
    break
  fi
  if ! kill -0 "$server" 2> /dev/null; then
    echo "conformance.sh: the server exited while starting; its log:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.2
done

# The corpus with Stele's own deliberate deviations (each with its reason) added to those the
# corpus already allows; shared/ is read-only, so the merged copy lives in the work directory.
mkdir -p "$work/corpus"
cp "$shared/conformance/scenarios.json" "$shared/conformance/golden.json" "$work/corpus/"
# Deviations naming a field (one Confluent 8.x added to its answers, like guid) go to
# extra-fields.json, which conformance_85.py applies around the runner.
"$python" -c 'import json, sys
ours = json.load(open(sys.argv[2]))
merged = json.load(open(sys.argv[1])) + [d for d in ours if "field" not in d]
json.dump(merged, open(sys.argv[3], "w"), indent=1)
json.dump([d for d in ours if "field" in d], open(sys.argv[4], "w"), indent=1)' \
  "$shared/conformance/allowed.json" "$repo/acceptance/src/test/resources/conformance-deviations.json" \
  "$work/corpus/allowed.json" "$work/corpus/extra-fields.json"

status=0
"$python" "$repo/acceptance/src/test/python/conformance_85.py" "$runner" "$url" --wipe --data "$work/corpus" "$@" \
  || status=$?
exit "$status"
