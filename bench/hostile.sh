#!/usr/bin/env bash
# Issue 17: reads by id on 64 connections and one ordinary registrant, while one connection
# sends hostile registrations one after another (see HostileLoad). Target: reads p99 <= 50 ms,
# no 5xx, ordinary registrations keep succeeding.
# Usage: bench/hostile.sh   (env: SECONDS_=30 READERS=64, STELE_JAVA_OPTS for the server's JVM)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

one_stele curl
load hostile --seconds "${SECONDS_:-30}" --readers "${READERS:-64}" | tee "$WORK/hostile.txt"
echo "server RSS $(rss_mb "$STELE_PID") MB (peak $(hwm_mb "$STELE_PID") MB), PSS $(pss_mb "$STELE_PID") MB"
