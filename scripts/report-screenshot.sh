#!/usr/bin/env bash
# Full-page screenshot of a run's report.html, taken with headless Chromium:
#   scripts/report-screenshot.sh results/latest docs/report.png
# The report is written again first (ipcbench report RUN_DIR), so the picture shows what this
# checkout makes of the run. A first load measures the page (report.js puts its height on
# <body>), the second takes the picture at that height. WIDTH (default 1400) sets the page width,
# HEIGHT (default: the whole page) cuts the picture at that many pixels from the top;
# CHROMIUM the browser (default /usr/bin/chromium, Debian's package: apt-get install -y chromium).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 RUN_DIR OUT.png" >&2
  exit 2
fi
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
run=$1
out=$2
width=${WIDTH:-1400}
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "report-screenshot: $chromium not found; install it with apt-get install -y chromium" >&2
  exit 2
fi
if [ ! -f "$run/run.json" ]; then
  echo "report-screenshot: $run has no run.json: not a run directory" >&2
  exit 2
fi
case "$out" in
  *.png) ;;
  *) echo "report-screenshot: OUT must end in .png: $out" >&2; exit 2 ;;
esac

"$home/ipcbench" report "$run" >&2
report="$(cd "$run" && pwd -P)/report.html"
mkdir -p "$(dirname "$out")"
out_abs="$(cd "$(dirname "$out")" && pwd -P)/$(basename "$out")"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile"
       --virtual-time-budget=10000)

body=$("$chromium" "${flags[@]}" --window-size="$width,1000" --dump-dom "file://$report" 2>/dev/null |
  grep -o '<body[^>]*>' | sed -n 1p)
attribute() { printf '%s' "$body" | grep -o "$1=\"[^\"]*\"" | sed -n 1p | sed 's/^[^"]*"//; s/"$//'; }
height=$(attribute data-page-height)
expected=$(attribute data-charts-expected)
rendered=$(attribute data-charts-rendered)
errors=$(attribute data-errors)
if [ -z "$height" ]; then
  echo "report-screenshot: the page did not report its height (did its script run?); using 4000 px" >&2
  height=4000
fi
if [ -n "${HEIGHT:-}" ] && [ "$HEIGHT" -lt "$height" ]; then
  height=$HEIGHT
fi
if [ "$expected" != "$rendered" ] || [ -n "$errors" ]; then
  echo "report-screenshot: warning: $rendered of $expected charts drawn${errors:+; errors: $errors}" >&2
fi

"$chromium" "${flags[@]}" --window-size="$width,$height" --screenshot="$out_abs" "file://$report" 2>/dev/null
echo "screenshot: $out ($width x $height px, $rendered of $expected charts)"
