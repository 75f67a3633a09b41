# Sourced by capture.sh and capture-console.sh, with their arguments: the paths they share, a
# scratch folder removed on exit, and `screenshot`. The first argument is the program to run
# (default build/release/moneytrail, which `make build` makes).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
app=${1:-$root/build/release/moneytrail}
out=$root/docs/images
case=$root/scenarios/ransomware-peel-chain.yaml
# The half-way path through the default case that both guides show: one action a line, as
# `run --actions` reads them.
midway_actions=$out/midway.jsonl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Journals of these runs never touch the user's own sessions.
export XDG_DATA_HOME="$work/data"

# screenshot NAME FRAMES COMMAND [options...]: `moneytrail COMMAND [options...]` in a virtual X
# display at interface scale $scale (default 1), its window after FRAMES frames written to
# docs/images/NAME.png.
screenshot() {
    name=$1
    frames=$2
    shift 2
    xvfb-run -a -s "-screen 0 1920x1600x24" "$app" "$@" --frames "$frames" --scale "${scale:-1}" \
        --screenshot "$out/$name.png"
    echo "wrote docs/images/$name.png"
}
