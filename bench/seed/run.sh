#!/usr/bin/env bash
# Everseed benchmark: seeds a file (default 1 GiB) from our everseed and from a libtorrent seeder in turn,
# downloads it with aria2c over loopback (tracker: opentracker), and fetches it over plain HTTP from nginx with
# the same aria2c (the downloader's own ceiling). Prints MB/s (10^6 bytes/s) and the ratios, twice: for the
# transfer (first completed bytes to complete, polled over aria2c's JSON-RPC) and from aria2c's start to complete. Then measures the
# everseed's heap with 10,000 torrents and 500 concurrent peers.
#
# usage: bench/seed/run.sh [SIZE_MIB]      (needs aria2c, mktorrent, opentracker, nginx, /usr/bin/python3 + libtorrent)
# env:   BENCH_DIR (default /tmp/everseed-bench), ROUNDS (default 4: the order of the four sources rotates each round), JAVA_HOME (default JDK 25),
#        MEMORY (default 1; 0 skips the heap phase), WARM (true: also download again from the same everseed),
#        VARIANT (everseed settings measured beside the defaults, default everseed.seed.block-transfer=file-region),
#        JFR (a .jfr file: record the benchmark JVM with Flight Recorder),
#        ARIA2C_LOG (true: aria2c logs at level info to $BENCH_DIR/aria2c-N.log; slows it down),
#        ARIA2C_BT_OPTS (comma-separated aria2c options for the BitTorrent downloads only, e.g.
#        --bt-require-crypto=true,--bt-min-crypto-level=arc4 for RC4-enciphered connections to both seeders)
set -euo pipefail
SIZE_MIB=${1:-1024}
BENCH_DIR=${BENCH_DIR:-/tmp/everseed-bench}
ROUNDS=${ROUNDS:-4}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
for tool in aria2c mktorrent opentracker nginx; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
mkdir -p "$BENCH_DIR/blobs/bench"
FILE="$BENCH_DIR/bench.bin"
if [ ! -f "$FILE" ] || [ "$(stat -c %s "$FILE")" -ne $((SIZE_MIB * 1024 * 1024)) ]; then
  echo "writing $SIZE_MIB MiB of random data to $FILE"
  head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$FILE"
  rm -f "$BENCH_DIR/bench.torrent"
fi
ln -f "$FILE" "$BENCH_DIR/blobs/bench/bench.bin"
if [ ! -f "$BENCH_DIR/bench.torrent" ]; then
  # 1 MiB pieces (2^20), announce to the local opentracker
  mktorrent -l 20 -a http://127.0.0.1:16969/announce -o "$BENCH_DIR/bench.torrent" "$FILE" >/dev/null
fi
cd "$ROOT"
./mvnw -B -o -q install -DskipTests -Dspring-boot.repackage.skip=true -pl seed-service >/dev/null
./mvnw -B -o test -pl seed-service -Dtest=SeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.dir="$BENCH_DIR" -Dbench.rounds="$ROUNDS" -Dbench.memory="${MEMORY:-1}" -Dbench.warm="${WARM:-false}" \
  -Dbench.variant="${VARIANT:-everseed.seed.block-transfer=file-region}" \
  -Dbench.script="$ROOT/bench/seed/libtorrent_seed.py" -Dbench.aria2c-log="${ARIA2C_LOG:-false}" \
  -Dbench.aria2c-bt-options="${ARIA2C_BT_OPTS:-}" \
  ${JFR:+-DargLine="-XX:StartFlightRecording=filename=$JFR,settings=profile"} \
  | grep -E '^(\[ERROR\]|Tests run)' || true
# surefire sends the test's output to a file
grep -h '^BENCH' seed-service/target/surefire-reports/org.everseed.seed.SeedBenchmark-output.txt
