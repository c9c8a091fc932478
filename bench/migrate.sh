#!/usr/bin/env bash
# Issue 15: `stele migrate` between two servers holding 10,000 schemas. Starts a source and an
# empty target (embedded stores), fills the source with SUBJECTS subjects of VERSIONS Avro versions
# each (a record gaining one defaulted field per version, level NONE so nothing is refused),
# then times `stele migrate --from SOURCE --to TARGET` (export, import, verification) on a quiet
# machine. Target: under 30 s, every id and version kept (the verification's exit code says so).
# Usage: bench/migrate.sh   (env: SUBJECTS=1000 VERSIONS=10 PARALLEL=<the CLI's default>)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SUBJECTS="${SUBJECTS:-1000}"
VERSIONS="${VERSIONS:-10}"
CLI_JAR="$REPO/cli/target/stele-cli.jar"
[ -f "$CLI_JAR" ] || { echo "No $CLI_JAR: build it first with (cd $REPO && mvn -B -DskipTests package)" >&2; exit 1; }

install_tools curl
need_jars
start_stele "$WORK/source"
SOURCE="$STELE_URL"
start_stele "$WORK/target"
TARGET="$STELE_URL"
log "source $SOURCE, target $TARGET"

curl -sf -X PUT -H 'Content-Type: application/json' -d '{"compatibility":"NONE"}' "$SOURCE/config" >/dev/null
log "filling the source: $SUBJECTS subjects x $VERSIONS versions"
python3 - "$SOURCE" "$SUBJECTS" "$VERSIONS" <<'EOF'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
url, subjects, versions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def schema(s, v):
    fields = [{"name": "id", "type": "long"}]
    fields += [{"name": f"f{i}", "type": "string", "default": ""} for i in range(1, v)]
    return json.dumps({"type": "record", "name": f"Event{s}", "namespace": "bench.migrate", "fields": fields})

def fill(s):
    for v in range(1, versions + 1):
        body = json.dumps({"schema": schema(s, v)}).encode()
        request = urllib.request.Request(f"{url}/subjects/migrate-{s}-value/versions", body,
                                         {"Content-Type": "application/vnd.schemaregistry.v1+json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()

with ThreadPoolExecutor(16) as pool:
    list(pool.map(fill, range(subjects)))
EOF
echo "source holds $(curl -sf "$SOURCE/subjects" | grep -o '"migrate-' | wc -l) subjects"

wait_for_quiet
args=(migrate --from "$SOURCE" --to "$TARGET")
[ -z "${PARALLEL:-}" ] || args+=(--parallel "$PARALLEL")
log "stele ${args[*]}"
t0="$(date +%s%N)"
status=0
java -jar "$CLI_JAR" "${args[@]}" || status=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "migrate: ${ms} ms wall, exit ${status} (0: every id, version and deleted state verified)"
echo "target: under 30 s: $(verdict "$([ "$status" -eq 0 ] && [ "$ms" -lt 30000 ] && echo 1 || echo 0)")"
