#!/bin/sh
# Regenerates the user guide's screenshots with the program's own --screenshot option, in a
# virtual X display. Usage: docs/images/capture.sh [MONEYTRAIL] (default build/release/moneytrail,
# which `make build` makes). The states shown are reached by playing scripted
# actions into a journal, which `play --journal` then resumes.
. "$(dirname "$0")/capture-common.sh"

# Half-way through the default case: the peel chain followed to the exchange, a taint analysis,
# both lookups, a note, one checkpoint answered and a freeze request answered after 8 hours.
"$app" run "$case" --leave-open --actions "$midway_actions" \
    --journal "$work/midway.journal.jsonl" >/dev/null
"$app" run "$case" --expert --journal "$work/expert.journal.jsonl" >/dev/null

# A case file with mistakes, for the error screen.
sed -e 's/^difficulty: .*/difficulty: impossible/' -e 's/amount: "5"/amount: "five"/' \
    "$case" >"$work/broken-case.yaml"

deposit=bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam
shot() {  # shot NAME [play options...]
    name=$1
    shift
    screenshot "$name" 4 play "$@"
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
sed 's/^{"type":"legal_request"/{"type":"wait","duration":108000}\n&/' "$midway_actions" >"$work/late.jsonl"
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
