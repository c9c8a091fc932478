#!/usr/bin/env bash
# Issue 16: the web console's subjects page with 100,000 subjects, in Debian's headless Chromium
# (apt packages chromium and chromium-driver): populates a fresh server (bench populate), then
# loads /ui/#/subjects RUNS times and prints when each load painted (the first with an empty
# cache), then the same with a search that narrows the list. Target: painted within 1 s.
# Usage: bench/console.sh   (env: SCHEMAS=100000 RUNS=5 QUERY=-4242-)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCHEMAS="${SCHEMAS:-100000}"
one_stele curl
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing chromium chromium-driver (apt)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
log "populating with $SCHEMAS schemas, one subject each"
load populate --schemas "$SCHEMAS" --clients "${CLIENTS:-16}"
echo "subjects listed: $(curl -s "$STELE_URL/subjects" | grep -o '","' | wc -l | awk '{print $1 + 1}')"
wait_for_quiet
log "the subjects page, whole list"
load console --runs "${RUNS:-5}"
log "the subjects page, searched"
load console --runs "${RUNS:-5}" --query "${QUERY:--4242-}"
