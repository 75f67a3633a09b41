#!/bin/sh
# Regenerates the instructor guide's console screenshots from a real seminar: `moneytrail serve`
# on 127.0.0.1, 35 trainees joined over its HTTP API as their programs do (seminar_room.py), part
# of them working through the case, shot with the console's own --screenshot option in a virtual
# X display. Usage: docs/images/capture-console.sh [MONEYTRAIL] (default build/release/moneytrail).
. "$(dirname "$0")/capture-common.sh"
port=$((20000 + $$ % 20000))
"$app" serve "$case" --bind 127.0.0.1 --port "$port" --db "$work/seminar.sqlite" \
    >"$work/serve.txt" 2>&1 &
serve=$!
trap 'kill -INT $serve 2>/dev/null; wait $serve 2>/dev/null; rm -rf "$work"' EXIT
tries=0
until grep -q "JOIN CODE" "$work/serve.txt"; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || { cat "$work/serve.txt"; exit 1; }
    sleep 0.2
done
code=$(sed -n 's/.*JOIN CODE: *\([A-Z0-9]*\).*/\1/p' "$work/serve.txt")
secret=$(sed -n 's/.*instructor secret: *\([A-Za-z0-9]*\).*/\1/p' "$work/serve.txt")
room() { python3 "$root/docs/images/seminar_room.py" --port "$port" --code "$code" \
    --secret "$secret" --tokens "$work/tokens.json" "$@"; }
shot() {  # shot NAME [console options...]
    name=$1
    shift
    screenshot "$name" 6 console --host 127.0.0.1 --port "$port" --secret "$secret" \
        --browser-url http://192.168.1.23:8642/ "$@"
}

shot console-browser --lang en
# A trainee's program, joined (as `moneytrail join` shows it in the lobby).
screenshot trainee-joined 6 join --host 127.0.0.1 --port "$port" --code "$code" \
    --name "Ana López" --agency FGR
room join
shot console-lobby --lang en
room start
# The path the trainees follow: the guide's half-way path to the freeze request.
room play --actions "$midway_actions"
shot console-running --lang en
scale=1.5 shot console-running-es-1280x720-1.5 --lang es --width 1280 --height 720
scale=2 shot console-running-en-1600x900-2 --lang en --width 1600 --height 900
shot console-trainee --lang en --trainee "Carlos Alberto Sánchez Pérez"
shot console-trainee-es --lang es --trainee "Carlos Alberto Sánchez Pérez"
shot console-projector --lang en --projector
room end
shot console-ended --lang en
