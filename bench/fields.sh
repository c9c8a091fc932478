#!/usr/bin/env bash
# Issue 16: GET /v1/search/fields (the console's field search) with 100,000 subjects: populates a
# fresh server (bench populate), then asks for a field RUNS times and prints each answer's time;
# the first after the start parses every latest schema once (FieldSearch keeps their fields),
# the others only scan. Needs a quiet machine (run it alone).
# Usage: bench/fields.sh   (env: SCHEMAS=100000 RUNS=5 QUERY=name IN=any)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCHEMAS="${SCHEMAS:-100000}"
one_stele curl
log "populating with $SCHEMAS schemas, one subject each"
load populate --schemas "$SCHEMAS" --clients "${CLIENTS:-16}"
wait_for_quiet
url="$STELE_URL/v1/search/fields?q=${QUERY:-name}&in=${IN:-any}&limit=100"
for run in $(seq 1 "${RUNS:-5}"); do
  took=$(curl -s -o /dev/null -w '%{time_total}' "$url")
  echo "run $run: ${took} s"
done
echo "matches in the first page: $(curl -s "$url" | grep -o '"subject"' | wc -l)"
