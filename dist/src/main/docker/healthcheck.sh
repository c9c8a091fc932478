#!/usr/bin/env bash
# The container's HEALTHCHECK: succeeds while GET /health/ready answers 200 (the node has replayed
# its store, knows the leader and, if it leads, can write). The URL is the first listener of
# SCHEMA_REGISTRY_LISTENERS (else port SCHEMA_REGISTRY_PORT, else 8081), asked on 127.0.0.1 when
# it serves every interface; STELE_HEALTH_URL replaces it (say, for listeners from a file).
# curl is in eclipse-temurin images (kept there on purpose, adoptium/containers#255).
set -euo pipefail

url="${STELE_HEALTH_URL:-}"
if [ -z "$url" ]; then
  port="${SCHEMA_REGISTRY_PORT:-8081}"
  case "$port" in *[!0-9]*) port=8081 ;; esac # a Kubernetes service link, not a port
  listener="${SCHEMA_REGISTRY_LISTENERS:-http://0.0.0.0:$port}"
  listener="${listener%%,*}"
  listener="${listener// /}"
  scheme="${listener%%://*}"
  address="${listener#*://}"
  address="${address%%/*}"
  host="${address%:*}"
  case "$host" in "" | "0.0.0.0" | "[::]") host="127.0.0.1" ;; esac
  url="$scheme://$host:${address##*:}/health/ready"
fi
# --insecure: the probe asks whether the server answers, not whose certificate it has (the
# certificate names the host, not 127.0.0.1).
exec curl --fail --silent --show-error --insecure --max-time 5 --output /dev/null "$url"
