#!/usr/bin/env bash
# The container's entrypoint (Dockerfile; README, "Run in a container"):
#   docker run IMAGE                            the server, settings from SCHEMA_REGISTRY_* and
#                                               STELE_* variables as in Confluent's image
#   docker run IMAGE /etc/stele/my.properties   the server, settings from that file alone
#   docker run IMAGE --version                  what bin/stele-start prints
#   docker run -i IMAGE stele-passwd            a command of the install's bin/
# STELE_HOME is the unpacked tarball (/opt/stele in the image; the acceptance test points it at
# the one it unpacked). The server replaces this shell (exec), so it is PID 1 and gets the SIGTERM
# of `docker stop` itself, which stops it cleanly.
set -euo pipefail

home="${STELE_HOME:-/opt/stele}"
if [ ! -x "$home/bin/stele-start" ]; then
  echo "stele-entrypoint: no $home/bin/stele-start; set STELE_HOME to the unpacked tarball" >&2
  exit 1
fi
# A bare name (no slash) that is one of bin/'s commands runs that command.
if [ "$#" -gt 0 ] && [ -n "$1" ] && [ "${1#*/}" = "$1" ] && [ -x "$home/bin/$1" ]; then
  command="$1"
  shift
  exec "$home/bin/$command" "$@"
fi
exec "$home/bin/stele-start" "$@"
