#!/usr/bin/env bash
# Alternates the native C reference (ipcref) and ipcbench in one sitting, on the same machine, and
# prints each pair of figures with their ratio: how close the Java transports come to the floor.
#   scripts/native-compare.sh [path/to/ipcref.c] [rounds]
# Compared: 64-byte round trips (uds, pipe: p50; agrona/spin vs the C spinning ring: p50) and
# 1 MiB streams (uds: MB/s). ipcbench runs with --verify header here, because the C reference
# does not read what it receives; the CRC figure is printed beside it.
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source=${1:-$home/../shared/reference/ipcref.c}
rounds=${2:-3}
[ -f "$source" ] || { echo "native-compare: no reference source at $source" >&2; exit 2; }
bin=$(mktemp -d)/ipcref
trap 'rm -rf "$(dirname "$bin")" "$out"' EXIT
gcc -O2 -Wall -o "$bin" "$source"
out=$(mktemp -d)

java_point() { # transport mode size verify -> the headline median from points.csv
  "$home/ipcbench" sweep --transports "$1" --wait spin --modes "$2" --sizes "$3" --repeat 1 --verify "$4" \
    --no-syscalls --results "$out" >/dev/null
  local metric=rtt_p50; [ "$2" = stream ] && metric=mb_per_s
  awk -F, -v m="$metric" -v t="$1" '$9 == m && $4 == t { print $11 }' "$out/latest/points.csv"
}

printf '%-28s %12s %12s %8s\n' "figure" "native" "ipcbench" "ratio"
for round in $(seq 1 "$rounds"); do
  for t in uds pipe; do
    n=$("$bin" $t-pp 64 20000 | sed -E 's/.*p50_ns=([0-9]+).*/\1/')
    j=$(java_point $t pingpong 64 header)
    awk -v f="$t rtt p50 64 B (ns)" -v n="$n" -v j="$j" 'BEGIN { printf "%-28s %12.0f %12.0f %8.2f\n", f, n, j, j / n }'
  done
  n=$("$bin" shm-pp 64 200000 | sed -E 's/.*p50_ns=([0-9]+).*/\1/')
  j=$(java_point agrona pingpong 64 header)
  awk -v f="agrona/spin rtt p50 64 B (ns)" -v n="$n" -v j="$j" 'BEGIN { printf "%-28s %12.0f %12.0f %8.2f\n", f, n, j, j / n }'
  n=$("$bin" uds-tp 1048576 381 | sed -E 's/.*MB\/s=([0-9.]+).*/\1/')
  j=$(java_point uds stream 1m header)
  c=$(java_point uds stream 1m crc)
  awk -v f="uds stream 1 MiB (MB/s)" -v n="$n" -v j="$j" -v c="$c" 'BEGIN { printf "%-28s %12.0f %12.0f %8.2f   (with CRC: %.0f MB/s, %.2f)\n", f, n, j, n / j, c, n / c }'
done
echo "ratio: ipcbench/native for latency, native/ipcbench for throughput (1.00 = the native floor)"
