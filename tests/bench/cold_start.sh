#!/bin/sh
# Cold start to the first interactive frame: the real desktop program opens the default case,
# builds and presents one frame, and exits (`moneytrail play --frames 1`), under Xvfb with Mesa's
# software OpenGL. Timed from outside with /usr/bin/time: wall, user and system CPU, peak memory.
# The figure includes process start, window and GL context creation, fonts, loading the case,
# starting the session, the first frame and its buffer swap, and tearing everything down (an
# upper bound for "until the first frame is on screen").
# Each run gets a fresh XDG_DATA_HOME, so no saved session is resumed.
# Usage: tests/bench/cold_start.sh build/release/moneytrail [runs]   (see docs/performance.md)
set -eu
bin=${1:?usage: cold_start.sh MONEYTRAIL [RUNS]}
runs=${2:-7}
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1600x900x24" "$0" "$@"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One untimed run first, so the executable and the case file are in the page cache.
XDG_DATA_HOME="$tmp/warm" "$bin" play --frames 1 >/dev/null 2>&1
i=1
while [ "$i" -le "$runs" ]; do
    XDG_DATA_HOME="$tmp/run$i" /usr/bin/time -f "%e %U %S %M" -o "$tmp/time$i" \
        "$bin" play --frames 1 >/dev/null 2>&1
    i=$((i + 1))
done
# Each time file: "wall user system maxrss_kib".
cat "$tmp"/time* | awk '{ printf "%.0f %.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000, $4 / 1024 }' \
    >"$tmp/all"
stats() { # column -> "min median max"
    cut -d' ' -f"$1" "$tmp/all" | sort -n | awk '{ v[NR] = $1 }
        END { printf "min %d  median %d  max %d", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
echo "cold start, $runs runs (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "  wall ms:      $(stats 1)"
echo "  CPU ms:       $(stats 2)   (user + system)"
echo "  peak RSS MB:  $(stats 3)"
