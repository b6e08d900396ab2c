#!/usr/bin/env bash
# Starts the built app on a fresh demo project in a real X server (Xvfb),
# takes a screenshot, and fails if the window is blank. Then it selects text
# in the document with the mouse and Shift+arrows, takes a second screenshot
# and fails unless the selection is painted. The screenshots are kept as
# build/screenshot.png and build/screenshot-selection.png for people to
# look at.
set -euo pipefail
bin=${1:-bin/coder}
out=${2:-build/screenshot.png}
selshot=${out%.png}-selection.png
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
app=
xvfb=
# stop ends a process, forcefully if it has not gone after five seconds
# (a GUI may ignore SIGTERM while it paints).
stop() {
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  stop "$app"
  stop "$xvfb"
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT
"$bin" demo "$work/demo.coder" >/dev/null
# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb=$!
display=
for _ in $(seq 100); do
  [ -s "$work/display" ] && display=:$(head -n1 "$work/display") && xdpyinfo -display "$display" >/dev/null 2>&1 && break
  display=
  sleep 0.1
done
[ -n "$display" ] || { echo "screenshot test: Xvfb did not start:"; cat "$work/xvfb.log"; exit 1; }
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

# The selection is outlined in the theme's primary colour (#296ff6 in
# Fyne's default theme), which nothing else in the document pane uses over
# a large area: count such pixels in the text area before and after
# selecting.
primary() { convert "$1" -crop 640x560+300+180 +repage -fuzz 3% -fill white -opaque '#296ff6' -fill black +opaque white -format '%[fx:int(mean*w*h+0.5)]' info:; }
# A first run asks who is coding: answer, and Enter saves.
DISPLAY="$display" xdotool type --delay 20 "Screenshot Test"
DISPLAY="$display" xdotool key Return
sleep 1
DISPLAY="$display" import -window root "$work/before.png"
before=$(primary "$work/before.png")
# Click in the text, drag down over a few lines (with a last move before
# the button comes up), then extend with Shift+Down and Shift+Right.
DISPLAY="$display" xdotool mousemove 560 330 mousedown 1 mousemove 700 350 sleep 0.1 mousemove 800 390 sleep 0.1 mousemove 760 410 sleep 0.1 mouseup 1
sleep 0.3
DISPLAY="$display" xdotool key shift+Down shift+Right shift+Right shift+Right
sleep 1
DISPLAY="$display" import -window root "$selshot"
after=$(primary "$selshot")
echo "screenshot test: $selshot has $after selection-outline pixels in the text (before selecting: $before)"
if [ "$after" -lt $((before + 300)) ]; then
  echo "screenshot test: FAIL: the selection is not painted"; cat "$work/app.log"; exit 1
fi
echo "screenshot test: ok"
