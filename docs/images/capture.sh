#!/bin/sh
# Regenerates the user guide's screenshots with the program's own --screenshot option, in a
# virtual X display. Usage: docs/images/capture.sh [MONEYTRAIL] (default build/release/moneytrail,
# which `make build` makes). The states shown are reached by playing scripted
# actions into a journal, which `play --journal` then resumes.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
app=${1:-$root/build/release/moneytrail}
out=$root/docs/images
case=$root/scenarios/ransomware-peel-chain.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Journals of these runs never touch the user's own sessions.
export XDG_DATA_HOME="$work/data"

# Half-way through the default case: the peel chain followed to the exchange, a taint analysis,
# both lookups, a note, one checkpoint answered and a freeze request answered after 8 hours.
cat >"$work/midway.jsonl" <<'EOF'
{"type":"explore_transaction","target":"387be41e12336727fdd795979c1eb454cab03aada46790095ed57d1a9bf85dbe"}
{"type":"explore_address","target":"bc1qtc5kqy2kx9ljgqzc7l5e6kj6vetpwj02k5h8eu","direction":"out"}
{"type":"explore_transaction","target":"a928d240b4290f01747bce9b2eaf4a4578bf7be2c9e2eedfc21775c07355ba6a"}
{"type":"explore_address","target":"bc1q0ja4xdjqjh8gff6yyw66h60fnh52mkga9j8usd","direction":"out"}
{"type":"explore_transaction","target":"238390ae117576953b89ee60a778875d79161cac95d1294988ad674b219a7df4"}
{"type":"answer_checkpoint","target":"hop1-change","answer":"bc1q0y0heaflmn5743myljvjqyteuw0cc64jzd4th7"}
{"type":"explore_address","target":"bc1q0y0heaflmn5743myljvjqyteuw0cc64jzd4th7","direction":"out"}
{"type":"explore_address","target":"bc1q79zjanm9gf4rfa498u2dl8sn2qup4qwg49dtyn","direction":"out"}
{"type":"explore_address","target":"bc1qr96p3x9tlsalvnlkqvx9yzwnvez3mjtkg229df","direction":"out"}
{"type":"run_analysis","tool":"taint","method":"haircut","target":"bc1qtc5kqy2kx9ljgqzc7l5e6kj6vetpwj02k5h8eu"}
{"type":"explore_address","target":"bc1q4ydsm087c6m6nnanktjfwyjvzuq4j5xfu9dnue","direction":"out"}
{"type":"explore_address","target":"bc1q9a4hn833wg6fsy9qx05n3yz5ca6u9jmd9p7shz","direction":"out"}
{"type":"explore_transaction","target":"008296d986c3b5f4e68744c8b199f1a31d125daf9b60830e7df7c167ab96b2e0"}
{"type":"lookup","target":"bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam"}
{"type":"lookup","target":"bc1qhysx5kpxtdp2panpwuwk2y49ppa7hety0kfy3f"}
{"type":"annotate","target":"bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam","text":"End of the peel chain: Bitnova deposit address","tags":["deposit","freeze"]}
{"type":"legal_request","instrument":"freeze_request","target":"bitnova","identifiers":["bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam"],"text":"Ransom paid by Hospital Regional San Rafael traced through a six-hop peel chain into this deposit address on 8 May 2021; please hold the account's balance pending a judicial order."}
{"type":"wait","duration":28800}
EOF
"$app" run "$case" --leave-open --actions "$work/midway.jsonl" --journal "$work/midway.journal.jsonl" >/dev/null
"$app" run "$case" --expert --journal "$work/expert.journal.jsonl" >/dev/null

# A case file with mistakes, for the error screen.
sed -e 's/^difficulty: .*/difficulty: impossible/' -e 's/amount: "5"/amount: "five"/' \
    "$case" >"$work/broken-case.yaml"

deposit=bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam
shot() {  # shot NAME [play options...]
    name=$1
    shift
    xvfb-run -a -s "-screen 0 1920x1600x24" "$app" play --frames 4 --scale "${scale:-1}" \
        --screenshot "$out/$name.png" "$@"
    echo "wrote docs/images/$name.png"
}
midway() { shot "$1" "$case" --journal "$work/midway.journal.jsonl" --lang "$2" --select "$deposit" \
    ${3:+--show "$3"}; }

shot picker-en --picker
midway main-view-en en
midway main-view-es es
midway tools-en en tools
midway legal-en en legal
midway documents-en en documents
midway timeline-en en timeline
midway checkpoints-en en checkpoints
shot briefing-en "$case" --journal "$work/fresh.journal.jsonl"
shot debrief-en "$case" --journal "$work/expert.journal.jsonl" --height 1500
shot debrief-es "$case" --journal "$work/expert.journal.jsonl" --height 1500 --lang es
shot case-error-en "$work/broken-case.yaml"
# The same path with the freeze sent 30 hours late: the debrief sets it against the withdrawal.
sed 's/^{"type":"legal_request"/{"type":"wait","duration":108000}\n&/' "$work/midway.jsonl" >"$work/late.jsonl"
"$app" run "$case" --actions "$work/late.jsonl" --journal "$work/late.journal.jsonl" >/dev/null
shot debrief-late-en "$case" --journal "$work/late.journal.jsonl" --height 1600
# Graphs of two more cases, the expert's path before submitting: a hack across two chains (the
# bridge's dashed link) and a pig-butchering case whose graph Fit zooms out past the box text.
for name in exchange-hack-bridge pig-butchering-scam; do
    "$app" run "$root/scenarios/$name.yaml" --expert --journal "$work/$name.all.jsonl" >/dev/null
    grep -v '"type":"submit"' "$work/$name.all.jsonl" >"$work/$name.journal.jsonl"
done
shot graph-two-chains-en "$root/scenarios/exchange-hack-bridge.yaml" \
    --journal "$work/exchange-hack-bridge.journal.jsonl"
scale=1.5 shot graph-two-chains-es-1280x720-1.5 "$root/scenarios/exchange-hack-bridge.yaml" \
    --journal "$work/exchange-hack-bridge.journal.jsonl" --lang es --width 1280 --height 720
shot graph-fit-en "$root/scenarios/pig-butchering-scam.yaml" \
    --journal "$work/pig-butchering-scam.journal.jsonl"
# A case with prices: each arrow's value in US dollars at the time of the transfer.
"$app" run "$root/scenarios/colonial-pipeline-2021-seizure.yaml" --expert \
    --journal "$work/colonial.all.jsonl" >/dev/null
grep -v '"type":"submit"' "$work/colonial.all.jsonl" >"$work/colonial.journal.jsonl"
shot graph-usd-en "$root/scenarios/colonial-pipeline-2021-seizure.yaml" \
    --journal "$work/colonial.journal.jsonl"
# Projector sizes: the layout wraps instead of cutting or overlapping.
scale=1.5 shot main-view-es-1280x720-1.5 "$case" --journal "$work/midway.journal.jsonl" --lang es \
    --select "$deposit" --width 1280 --height 720
scale=1.5 shot main-view-en-1600x900-1.5 "$case" --journal "$work/midway.journal.jsonl" --lang en \
    --width 1600 --height 900
scale=1.5 shot debrief-es-1280x720-1.5 "$case" --journal "$work/expert.journal.jsonl" --lang es \
    --width 1280 --height 720
scale=2 shot main-view-en-1600x900-2 "$case" --journal "$work/midway.journal.jsonl" --lang en \
    --select "$deposit" --width 1600 --height 900
scale=2 shot checkpoints-es-1600x900-2 "$case" --journal "$work/midway.journal.jsonl" --lang es \
    --select "$deposit" --width 1600 --height 900 --show checkpoints
