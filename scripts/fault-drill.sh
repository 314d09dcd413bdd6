#!/usr/bin/env bash
# Kills a child from outside in the middle of a sweep, the way a crash or an operator would, on
# every transport and for either side, and checks what ipcbench promises (docs/faults.md):
# the failure is reported within seconds naming transport, side and size; the sweep goes on with
# the next pair; the finished points are kept; no orphan JVM and nothing of ours in /dev/shm or
# the temp dir remains.
#   scripts/fault-drill.sh [transports] [signal]     e.g. scripts/fault-drill.sh uds,agrona KILL
# Each sweep: stream, 64 B and 4 KiB, 2 repetitions = 4 pairs; the third pair's producer or
# consumer gets the signal 1.5 s after it started. KILL (default) or STOP (a hang).
set -uo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
transports=${1:-uds,pipe,tcp,agrona,chronicle}
signal=${2:-KILL}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tmp=${TMPDIR:-/tmp}
ours() { # what exists in /dev/shm and the temp dir, except this drill's own files and the JVM's
  { ls -A /dev/shm 2>/dev/null; ls -A "$tmp" | grep -v -e "^$(basename "$work")\$" -e '^hsperfdata_'; } | sort
}
not_a_neighbours() { # drops the live run directories of other sweeps (ipcbench-<their pid>-...)
  while read -r name; do
    pid=$(echo "$name" | sed -nE 's/^ipcbench-([0-9]+)-.*/\1/p')
    [ -n "$pid" ] && [ "$pid" != "$harness" ] && kill -0 "$pid" 2>/dev/null && continue
    echo "$name"
  done
}
now_ms() { date +%s%3N; }
"$home/ipcbench" --version >/dev/null   # build first, if needed, so that no sweep waits for Maven
failures=0
printf '%-10s %-9s %-8s %-8s %-7s %-9s %-6s %s\n' transport side detected exit kept orphans debris message
for t in ${transports//,/ }; do
  for side in producer consumer; do
    before=$(ours)
    log=$work/$t-$side.log
    "$home/ipcbench" sweep --transports "$t" --wait spin --modes stream --sizes 64,4k --repeat 2 \
      --duration 3s --no-syscalls --results "$work/runs" --allow-concurrent >"$log" 2>&1 &
    harness=$!
    class=io.ipcbench.$side.${side^}Main
    # the third pair: two progress lines printed, then a child of ours with the side's main class
    while ! grep -q '^\[2/4\]' "$log" && kill -0 "$harness" 2>/dev/null; do sleep 0.05; done
    victim=
    while [ -z "$victim" ] && kill -0 "$harness" 2>/dev/null; do
      victim=$(pgrep -P "$harness" -f "$class" | head -1); sleep 0.05
    done
    sleep 1.5
    pair=$(pgrep -P "$harness" -f 'io[.]ipcbench[.](producer|consumer)[.]' | tr '\n' ' ')
    kill -"$signal" "$victim" 2>/dev/null
    killed=$(now_ms)
    detected=-
    while kill -0 "$harness" 2>/dev/null; do
      if [ "$detected" = - ] && grep -q "(repetition 2): $side " "$log"; then detected=$(( $(now_ms) - killed )); fi
      sleep 0.02
    done
    wait "$harness"; status=$?
    [ "$detected" = - ] && grep -q "(repetition 2): $side " "$log" && detected=">end"
    run=$(readlink -f "$work/runs/latest")
    kept=$(awk -F, 'NR > 1 && $9 == "mb_per_s" { n++ } END { print n + 0 }' "$run/points.csv")
    orphans=0
    for pid in $pair; do kill -0 "$pid" 2>/dev/null && { orphans=$((orphans + 1)); kill -CONT "$pid"; kill -KILL "$pid"; }; done
    debris=$(comm -13 <(echo "$before") <(ours) | not_a_neighbours | tr '\n' ' ')
    message=$(grep -m1 "(repetition 2): $side " "$log" | sed 's/^ *//')
    printf '%-10s %-9s %-8s %-8s %-7s %-9s %-6s %s\n' "$t" "$side" "${detected}ms" "$status" "$kept/2" "$orphans" "${debris:-none}" "$message"
    # a pass: the failure named within 5 s, exit status 1, both sizes still measured by the other repetition
    if [ "$detected" = - ] || [ "$detected" = ">end" ] || [ "$detected" -gt 5000 ] || [ "$status" != 1 ] \
        || [ "$kept" != 2 ] || [ "$orphans" != 0 ] || [ -n "$debris" ]; then
      failures=$((failures + 1)); echo "  FAILED: see the sweep's output:"; sed 's/^/    /' "$log"
    fi
  done
done
echo
[ "$failures" = 0 ] && echo "fault drill: every SIG$signal detected and reported, finished points kept, nothing left behind" \
  || { echo "fault drill: $failures case(s) failed"; exit 1; }
