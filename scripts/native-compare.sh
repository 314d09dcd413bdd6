#!/usr/bin/env bash
# Alternates the native C reference (ipcref) and ipcbench in one sitting, on the same machine, and
# prints each figure's median over the rounds for both, with their ratio: how close the Java
# transports come to the floor.
#   scripts/native-compare.sh [path/to/ipcref.c] [rounds]
# Compared: 64-byte round trips (uds, pipe: p50; agrona/spin against the C spinning ring: p50) and
# 1 MiB streams (uds: MB/s). ipcbench runs with --verify header, as the C reference does not read
# what it receives; the 1 MiB stream is also run with --verify crc (every byte read and checked).
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source=${1:-$home/../shared/reference/ipcref.c}
rounds=${2:-5}
[ -f "$source" ] || { echo "native-compare: no reference source at $source" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/ipcref
gcc -O2 -Wall -o "$bin" "$source"

java_point() { # transport mode size verify -> the headline median from points.csv
  "$home/ipcbench" sweep --transports "$1" --wait spin --modes "$2" --sizes "$3" --repeat 1 --verify "$4" \
    --no-syscalls --results "$work/runs" >/dev/null
  local metric=rtt_p50; [ "$2" = stream ] && metric=mb_per_s
  awk -F, -v m="$metric" -v t="$1" '$9 == m && $4 == t { print $11 }' "$work/runs/latest/points.csv"
}
file() { echo "$work/$(echo "$1" | tr ' /()' '____')"; }
record() { echo "$2" >> "$(file "$1")"; printf '  %-38s %s\n' "$1" "$2"; }

for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds"
  for t in uds pipe; do
    record "native $t rtt p50 64 B (ns)" "$("$bin" $t-pp 64 20000 | sed -E 's/.*p50_ns=([0-9]+).*/\1/')"
    record "ipcbench $t rtt p50 64 B (ns)" "$(java_point $t pingpong 64 header)"
  done
  record "native agrona rtt p50 64 B (ns)" "$("$bin" shm-pp 64 200000 | sed -E 's/.*p50_ns=([0-9]+).*/\1/')"
  record "ipcbench agrona rtt p50 64 B (ns)" "$(java_point agrona pingpong 64 header)"
  record "native uds stream 1 MiB (MB/s)" "$("$bin" uds-tp 1048576 381 | sed -E 's/.*MB\/s=([0-9.]+).*/\1/')"
  record "ipcbench uds stream 1 MiB (MB/s)" "$(java_point uds stream 1m header)"
  record "ipcbench-crc uds stream 1 MiB (MB/s)" "$(java_point uds stream 1m crc)"
done

median() { sort -g "$(file "$1")" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -g "$(file "$1")" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f-%.0f", lo, hi }'; }
echo
printf '%-26s %22s %22s %7s\n' "median of $rounds rounds" "native [min-max]" "ipcbench [min-max]" "ratio"
for f in "uds rtt p50 64 B (ns)" "pipe rtt p50 64 B (ns)" "agrona rtt p50 64 B (ns)"; do
  n=$(median "native $f"); j=$(median "ipcbench $f")
  printf '%-26s %8.0f %13s %8.0f %13s %7.2f\n' "$f" "$n" "[$(range "native $f")]" "$j" "[$(range "ipcbench $f")]" "$(awk -v n="$n" -v j="$j" 'BEGIN { print j / n }')"
done
f="uds stream 1 MiB (MB/s)"
n=$(median "native $f"); j=$(median "ipcbench $f"); c=$(median "ipcbench-crc $f")
printf '%-26s %8.0f %13s %8.0f %13s %7.2f\n' "$f" "$n" "[$(range "native $f")]" "$j" "[$(range "ipcbench $f")]" "$(awk -v n="$n" -v j="$j" 'BEGIN { print n / j }')"
printf '%-26s %8s %13s %8.0f %13s %7.2f\n' "  the same, --verify crc" "" "" "$c" "[$(range "ipcbench-crc $f")]" "$(awk -v n="$n" -v c="$c" 'BEGIN { print n / c }')"
echo "ratio: ipcbench/native for latency, native/ipcbench for throughput (1.00 = the native floor)"
