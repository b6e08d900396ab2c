#!/usr/bin/env bash
# Starts the built app on a fresh demo project in a real X server (Xvfb),
# takes a screenshot, and fails if the window is blank. The screenshot is
# kept as build/screenshot.png for people to look at.
set -euo pipefail
bin=${1:-bin/coder}
out=${2:-build/screenshot.png}
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo "$work/demo.coder" >/dev/null
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
HOME="$work" DISPLAY="$display" LIBGL_ALWAYS_SOFTWARE=1 "$bin" "$work/demo.coder" >"$work/app.log" 2>&1 &
app=$!
# Wait for a window to be mapped, then give it time to paint.
for _ in $(seq 100); do
  xwininfo -display "$display" -root -tree 2>/dev/null | grep -q '"Coder' && break
  kill -0 $app 2>/dev/null || { echo "screenshot test: the app exited early:"; cat "$work/app.log"; exit 1; }
  sleep 0.2
done
sleep 3
DISPLAY="$display" import -window root "$out"
colors=$(convert "$out" -format '%k' info:)
stddev=$(convert "$out" -colorspace gray -format '%[fx:standard_deviation]' info:)
echo "screenshot test: $out has $colors colours, grey standard deviation $stddev"
if [ "$colors" -lt 16 ] || awk "BEGIN{exit !($stddev < 0.02)}"; then
  echo "screenshot test: FAIL: the window looks blank"; cat "$work/app.log"; exit 1
fi
echo "screenshot test: ok"
