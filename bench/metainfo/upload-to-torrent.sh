#!/usr/bin/env bash
# Time from the end of an upload to TorrentCreated (issue 3), default for a 1 GiB file: starts the whole platform
# (launcher/target/everseed.jar, embedded Kafka and PostgreSQL, ports P..P+9 with a random P, since a just-stopped
# run leaves connections in TIME_WAIT on its ports), uploads the file through the gateway
# with curl, and polls the metafile service through the gateway every 10 ms until the publication's torrent row
# exists. The row and its TorrentCreated are committed in one transaction (outbox), so that moment is when
# TorrentCreated is durably emitted; the relay publishes it to Kafka right after. Prints the seconds, and the
# metafile service's own hashing time from its log. Usage: bench/metainfo/upload-to-torrent.sh [SIZE_MIB] [FORMAT]
# (default 1024 hybrid; FORMAT is sent as ?format= and needs the portal to pass it on, else the deployment default
# applies). Build first: ./mvnw -B -q -DskipTests package -pl launcher.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MIB=${1:-1024}
FORMAT=${2:-hybrid}
DIR=$(mktemp -d /tmp/everseed-upload-bench.XXXXXX)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
P=$((20000 + RANDOM % 2000 * 10))
BASE=http://127.0.0.1:$P
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$DIR/content.bin"
"$JAVA" -XX:+UseZGC -jar launcher/target/everseed.jar --home="$DIR/home" --gateway-port=$P --portal-port=$((P + 1)) \
  --metafile-port=$((P + 2)) --tracker-port=$((P + 3)) --seed-port=$((P + 4)) --tracker-udp-port=$((P + 5)) \
  --seed-peer-port=$((P + 6)) --postgres-port=$((P + 7)) --kafka-port=$((P + 8)) --everseed.metafile.default-format="$FORMAT" > "$DIR/launcher.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 240); do
  curl -fs "$BASE/api/v1/publications?limit=1" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/api/v1/publications?limit=1" > /dev/null || { echo "platform did not start"; tail -50 "$DIR/launcher.log"; exit 1; }
# Warm up the JIT and the pipeline with one small publication first, as a running service would be.
head -c $((8 * 1024 * 1024)) /dev/urandom > "$DIR/warm.bin"
curl -fs -F "file=@$DIR/warm.bin" "$BASE/api/v1/publications?format=$FORMAT" > /dev/null
sleep 3
RESPONSE=$(curl -fs -F "file=@$DIR/content.bin" "$BASE/api/v1/publications?format=$FORMAT")
T_UPLOADED=$(date +%s.%N)
ID=$(echo "$RESPONSE" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
while ! curl -fs "$BASE/api/v1/torrents?publicationId=$ID" | grep -q infoHash; do
  sleep 0.01
done
T_TORRENT=$(date +%s.%N)
printf '%s MiB %s: end of upload to TorrentCreated %.3f s (load average %s)\n' "$SIZE_MIB" "$FORMAT" \
  "$(echo "$T_TORRENT - $T_UPLOADED" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
grep -o "hashed $((SIZE_MIB * 1024 * 1024)) bytes.*" "$DIR/launcher.log" | head -1
