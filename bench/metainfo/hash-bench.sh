#!/usr/bin/env bash
# Hashing benchmark (issue 3): hashes one file (default 2 GiB of random bytes, in the page cache) with
#   openssl dgst -sha1 / -sha256   one core, the CPU's SHA instructions: the per-core floor
#   mktorrent -t <cores>           v1, the anchor
#   libtorrent (python3-libtorrent) v1, v2, hybrid
#   our hasher (MakeTorrent, the metafile service's ContentHasher) v1, v2, hybrid, best of 5 warm runs in one JVM
# and prints MB/s (10^6 bytes per second) and ratios against mktorrent and libtorrent, all from the same run.
# Usage: bench/metainfo/hash-bench.sh [SIZE_MIB] (default 2048). Needs: mvn install of bittorrent-protocol and
# metafile-service (target/classes), openssl, mktorrent, /usr/bin/python3 with libtorrent. Writes to $BENCH_DIR
# (default /tmp/everseed-bench), which it removes at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MIB=${1:-2048}
DIR=${BENCH_DIR:-/tmp/everseed-bench}
CORES=$(nproc)
PIECE=$((1024 * 1024))   # 1 MiB: the automatic piece length (PieceLength.automatic) of 2 GiB
LOG2=20
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
CP=metafile-service/target/classes:bittorrent-protocol/target/classes
mkdir -p "$DIR"
FILE="$DIR/content.bin"
if [ "$(stat -c %s "$FILE" 2>/dev/null || echo 0)" != $((SIZE_MIB * 1024 * 1024)) ]; then
  head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$FILE"
fi
cat "$FILE" > /dev/null   # into the page cache: we measure hashing, not the disk
BYTES=$(stat -c %s "$FILE")

now() { date +%s.%N; }
declare -A SECONDS_OF
measure() {  # name command...: best wall time of 3 runs
  local name=$1; shift
  local best=""
  for _ in 1 2 3; do
    local t0 t1 dt
    t0=$(now); "$@" > /dev/null 2>&1; t1=$(now)
    dt=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc -l)" = 1 ]; then best=$dt; fi
  done
  SECONDS_OF[$name]=$best
}
LT='
import sys, libtorrent as lt
fs = lt.file_storage(); lt.add_files(fs, sys.argv[1])
flags = {"v1": lt.create_torrent.v1_only, "v2": lt.create_torrent.v2_only, "hybrid": 0}[sys.argv[3]]
t = lt.create_torrent(fs, int(sys.argv[2]), flags=flags)
import os; lt.set_piece_hashes(t, os.path.dirname(sys.argv[1]))
lt.bencode(t.generate())
'
measure "openssl sha1 (1 core)" openssl dgst -sha1 "$FILE"
measure "openssl sha256 (1 core)" openssl dgst -sha256 "$FILE"
run_mk() { rm -f "$DIR/mk.torrent"; mktorrent -t "$CORES" -l $LOG2 -a http://t/announce -o "$DIR/mk.torrent" "$FILE"; }
measure "mktorrent -t $CORES v1" run_mk
for f in v1 v2 hybrid; do
  measure "libtorrent $f" /usr/bin/python3 -c "$LT" "$FILE" $PIECE $f
done
for f in v1 v2 hybrid; do
  # In-JVM hashing time (warm, best of 3), and the whole process (JVM start, JIT) as a second figure.
  out=$("$JAVA" -cp "$CP" org.everseed.metafile.cli.MakeTorrent --format=$f --piece-length=$PIECE --repeat=5 "$FILE")
  best=$(echo "$out" | sed -n 's/.* in \([0-9.]*\) ms.*/\1/p' | sort -n | head -1)
  SECONDS_OF["everseed $f (warm, in JVM)"]=$(echo "$best / 1000" | bc -l)
  measure "everseed $f (whole process)" "$JAVA" -cp "$CP" org.everseed.metafile.cli.MakeTorrent --format=$f --piece-length=$PIECE "$FILE"
done

mbps() { echo "$BYTES / ${SECONDS_OF[$1]} / 1000000" | bc -l; }
ANCHOR="mktorrent -t $CORES v1"
printf '\n%s bytes (%s MiB), piece length %s, %s cores, %s, load average %s\n' "$BYTES" "$SIZE_MIB" "$PIECE" "$CORES" \
  "$(date -u +%FT%TZ)" "$(cut -d' ' -f1 /proc/loadavg)"
printf '%-34s %9s %9s %12s %14s\n' tool seconds MB/s "x mktorrent" "x libtorrent"
for name in "openssl sha1 (1 core)" "openssl sha256 (1 core)" "$ANCHOR" \
            "libtorrent v1" "libtorrent v2" "libtorrent hybrid" \
            "everseed v1 (warm, in JVM)" "everseed v1 (whole process)" \
            "everseed v2 (warm, in JVM)" "everseed v2 (whole process)" \
            "everseed hybrid (warm, in JVM)" "everseed hybrid (whole process)"; do
  fmt=$(echo "$name" | sed -n 's/.*\(v1\|v2\|hybrid\).*/\1/p')
  lt_ratio="-"
  if [ -n "$fmt" ] && [ -n "${SECONDS_OF[libtorrent $fmt]:-}" ]; then
    lt_ratio=$(printf '%.2f' "$(echo "${SECONDS_OF[libtorrent $fmt]} / ${SECONDS_OF[$name]}" | bc -l)")
  fi
  printf '%-34s %9.3f %9.0f %12.2f %14s\n' "$name" "${SECONDS_OF[$name]}" "$(mbps "$name")" \
    "$(echo "${SECONDS_OF[$ANCHOR]} / ${SECONDS_OF[$name]}" | bc -l)" "$lt_ratio"
done
printf 'per-core SHA-1 floor x %s cores: %.0f MB/s\n' "$CORES" "$(echo "$(mbps "openssl sha1 (1 core)") * $CORES" | bc -l)"
[ "${KEEP:-0}" = 1 ] || rm -rf "$DIR"
