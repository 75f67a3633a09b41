#!/bin/sh
# Cold start to the first interactive frame: the real desktop program opens the default case,
# builds and presents one frame, and exits (`moneytrail play --frames 1`), under Xvfb with Mesa's
# software OpenGL. Timed from outside with /usr/bin/time: wall, user and system CPU, peak memory.
# The figure includes process start, window and GL context creation, fonts, loading the case,
# starting the session, the first frame and its buffer swap, and tearing everything down (an
# upper bound for "until the first frame is on screen").
# The same runs print the program's own account (`play --startup-report`): wall and process CPU
# at the end of each start-up phase, medians of which are shown split into what the program does
# (fonts, the case list, the case, the session, building the frame) and what the OpenGL driver
# and the system do (loading libraries, window and context, shaders, drawing and swapping).
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
# Older builds have no start-up report: time them all the same.
report=--startup-report
"$bin" play --help 2>/dev/null | grep -q -- --startup-report || report=
i=1
while [ "$i" -le "$runs" ]; do
    XDG_DATA_HOME="$tmp/run$i" /usr/bin/time -f "%e %U %S %M" -o "$tmp/time$i" \
        "$bin" play --lang en --frames 1 $report >"$tmp/report$i" 2>/dev/null
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

# The reports: rows "wall cpu +wall +cpu  phase name" (numbers first). One file per phase with the
# phase's +wall and +cpu of every run, in phase order.
i=1
while [ "$i" -le "$runs" ]; do
    awk -v dir="$tmp" '/^ *[0-9.]+ +[0-9.]+ +[0-9.-]+ +[0-9.-]+  / {
            n++; name = $0; sub(/^ *[0-9.]+ +[0-9.]+ +[0-9.-]+ +[0-9.-]+  /, "", name)
            printf "%s\n", name > (dir "/name" n)
            printf "%s %s %s %s\n", $3, $4, $1, $2 >> (dir "/phase" n)
        }
        /^CPU by thread: / { gsub(/[^0-9. ]/, ""); split($0, f, " ");
            printf "%s %s\n", f[1], f[2] >> (dir "/threads") }' "$tmp/report$i"
    i=$((i + 1))
done
if [ ! -f "$tmp/phase1" ]; then
    echo "  (no start-up report: this moneytrail has no --startup-report)"
    exit 0
fi
median() { # file column -> median
    cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
echo "start-up phases, median of $runs runs (ms; the program's own report, --startup-report):"
printf "  %8s %8s %8s %8s  %-6s %s\n" "+wall" "+CPU" "wall" "CPU" "share" "phase"
own=0
driver=0
n=1
while [ -f "$tmp/phase$n" ]; do
    name=$(cat "$tmp/name$n")
    cpu=$(median "$tmp/phase$n" 2)
    case "$name" in
    fonts* | case* | session* | "first frame built"*) share=own ;;
    *) share=driver ;;
    esac
    printf "  %8s %8s %8s %8s  %-6s %s\n" "$(median "$tmp/phase$n" 1)" "$cpu" \
        "$(median "$tmp/phase$n" 3)" "$(median "$tmp/phase$n" 4)" "$share" "$name"
    if [ "$share" = own ]; then own=$(echo "$own $cpu" | awk '{ print $1 + $2 }'); fi
    if [ "$share" = driver ]; then driver=$(echo "$driver $cpu" | awk '{ print $1 + $2 }'); fi
    n=$((n + 1))
done
echo "  CPU to the first frame on screen: $own ms the program's own phases, $driver ms loading" \
    "libraries, the window, OpenGL and the driver (sums of medians)"
echo "  CPU by thread at the swap (median): main $(median "$tmp/threads" 1) ms," \
    "others (the driver's) $(median "$tmp/threads" 2) ms"
