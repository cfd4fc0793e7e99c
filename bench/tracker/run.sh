#!/usr/bin/env bash
# Tracker benchmark: our tracker-service against Debian's opentracker on loopback, same machine, same
# run, alternating. HTTP announces with wrk (keep-alive, announce.lua) and UDP announces (BEP 15) with
# udpload (C, sendmmsg/recvmmsg, built here with gcc, so the generator takes little of the CPU the
# trackers share); both trackers track the same TORRENTS registered info_hashes (opentracker through its
# whitelist, -w) and see the same 200,000 re-announcing peers; HTTP twice: keep-alive, then with
# "Connection: close" on both (opentracker closes after every answer anyway). Prints req/s per run, the medians and
# ours/opentracker. Then bytes per peer of our swarms with 1,000,000 peers (MemoryPerPeer).
#
# Environment: TORRENTS (2000), RUN_SECONDS (10), ROUNDS (3), WRK_CONNECTIONS (64), WRK_THREADS (2),
# UDP_THREADS (2), UDP_WINDOW (32), PEERS_FOR_MEMORY (1000000), OURS_JAVA_OPTS (extra JVM options of our
# tracker, e.g. -XX:StartFlightRecording=filename=/tmp/t.jfr to profile it under the load), M2_REPO (a Maven
# local repository other than ~/.m2 to take the classpath from).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/tracker"
TORRENTS=${TORRENTS:-2000}
RUN_SECONDS=${RUN_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
UDP_THREADS=${UDP_THREADS:-2}
UDP_WINDOW=${UDP_WINDOW:-32}
PEERS_FOR_MEMORY=${PEERS_FOR_MEMORY:-1000000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
OURS_HTTP=18083; OURS_UDP=18969; OT_PORT=28969
WORK=$(mktemp -d /tmp/tracker-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== build: classpath of tracker-service and the bench classes"
(cd "$ROOT" && ./mvnw -B -o -q ${M2_REPO:+-Dmaven.repo.local=$M2_REPO} dependency:build-classpath -pl tracker-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
CP="$ROOT/tracker-service/target/classes:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$CP" "$HERE"/src/*.java
gcc -O2 -Wall -pthread -o "$WORK/udpload" "$HERE/src/udpload.c"
CP="$WORK/classes:$CP"

echo "== $TORRENTS registered info_hashes"
for _ in $(seq "$TORRENTS"); do head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n'; echo; done > "$WORK/hashes.txt"
cp "$WORK/hashes.txt" "$WORK/whitelist"

echo "== start our tracker (HTTP $OURS_HTTP, UDP $OURS_UDP) and opentracker (HTTP+UDP $OT_PORT, whitelist)"
"$JAVA" -Xms1g -Xmx2g -XX:+UseParallelGC ${OURS_JAVA_OPTS:-} -cp "$CP" BenchTracker "$WORK/hashes.txt" "$OURS_HTTP" "$OURS_UDP" \
  > "$WORK/ours.log" 2>&1 &
PIDS+=($!)
# opentracker refuses to keep root: it chroots to -d and drops to nobody, so the directory must be
# world-readable and the whitelist named relative to it
chmod 755 "$WORK"; chmod 644 "$WORK/whitelist"
(cd "$WORK" && exec opentracker -i 127.0.0.1 -p "$OT_PORT" -P "$OT_PORT" -w whitelist -d "$WORK" \
  > "$WORK/opentracker.log" 2>&1) &
PIDS+=($!)
for _ in $(seq 180); do grep -q "^READY" "$WORK/ours.log" && break; sleep 1; done
grep "^READY" "$WORK/ours.log" || { cat "$WORK/ours.log"; exit 1; }

# one known announce must succeed on both before anything is measured
H=$(head -1 "$WORK/hashes.txt" | sed 's/../%&/g')
Q="info_hash=$H&peer_id=-CHECK-0000000000001&port=6881&uploaded=0&downloaded=0&left=0&compact=1"
for port in "$OURS_HTTP" "$OT_PORT"; do
  body=$(curl -s --max-time 5 "http://127.0.0.1:$port/announce?$Q" | tr -d '\000' || true)
  case "$body" in *failure*|"") echo "announce check failed on $port: $body"; exit 1;; esac
done

# wrk_run PORT [extra wrk options]: keep-alive unless the options say otherwise
wrk_run() {
  local port=$1; shift
  HASHES="$WORK/hashes.txt" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${RUN_SECONDS}s" --timeout 5s "$@" \
    -s "$HERE/announce.lua" "http://127.0.0.1:$port/announce" 2>&1 | tee -a "$WORK/wrk.log" \
    | awk '/Requests\/sec/ {print $2}'
}
udp_run() {
  "$WORK/udpload" "$WORK/hashes.txt" "$1" "$RUN_SECONDS" "$UDP_THREADS" "$UDP_WINDOW" \
    | tee -a "$WORK/udp.log" | awk '{print $(NF-1)}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== warm-up (not counted)"
wrk_run "$OURS_HTTP" >/dev/null; udp_run "$OURS_UDP" >/dev/null

declare -A R
for round in $(seq "$ROUNDS"); do
  R[ours_http]+="$(wrk_run "$OURS_HTTP") "; R[ot_http]+="$(wrk_run "$OT_PORT") "
  # opentracker closes every connection after its answer anyway; here both get a new connection per request
  R[ours_close]+="$(wrk_run "$OURS_HTTP" -H "Connection: close") "
  R[ot_close]+="$(wrk_run "$OT_PORT" -H "Connection: close") "
  R[ours_udp]+="$(udp_run "$OURS_UDP") "; R[ot_udp]+="$(udp_run "$OT_PORT") "
  echo "round $round: http ours ${R[ours_http]}| opentracker ${R[ot_http]}| close ours ${R[ours_close]}| opentracker ${R[ot_close]}| udp ours ${R[ours_udp]}| opentracker ${R[ot_udp]}"
done
if grep -q "Non-2xx\|Socket errors" "$WORK/wrk.log"; then
  echo "wrk saw errors:"; grep "Non-2xx\|Socket errors" "$WORK/wrk.log"
fi
grep -v " errors 0 " "$WORK/udp.log" || true

echo "== results (req/s, median of $ROUNDS runs of ${RUN_SECONDS}s; $TORRENTS torrents, 200000 peers, numwant 50)"
for proto in http close udp; do
  ours=$(echo "${R[ours_$proto]}" | tr ' ' '\n' | grep . | median)
  ot=$(echo "${R[ot_$proto]}" | tr ' ' '\n' | grep . | median)
  printf "%-5s ours %10.0f   opentracker %10.0f   ratio ours/opentracker %.2f\n" "$proto" "$ours" "$ot" \
    "$(echo "$ours / $ot" | bc -l)"
done

echo "== memory: bytes per peer with $PEERS_FOR_MEMORY peers"
"$JAVA" -Xmx3g -XX:+UseParallelGC -cp "$CP" MemoryPerPeer "$PEERS_FOR_MEMORY" "$TORRENTS"
