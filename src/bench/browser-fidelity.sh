#!/bin/sh
# Replay fidelity of a browser capture against a static one: for each loopback site DIR (made with
# ../shared/validate/site-from-page, its page at /page.html on the port it was made for), fetches the
# page with --browser never and with --browser always, then runs ../shared/validate/replay-fidelity on
# each bundle and prints both percentages of differing pixels.
#
# Usage: src/bench/browser-fidelity.sh SITE_DIR...      (each made with --port PORT --page-path /page.html)
#   ARCA_BENCH_DIR=DIR   keep the stores and screenshots in DIR (default: a temporary directory, removed)
#   ARCA_SHARED=DIR      the shared material (default: ../shared beside the checkout; a worktree elsewhere names it)
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
fidelity="${ARCA_SHARED:-$root/../shared}/validate/replay-fidelity"
work=${ARCA_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
[ -x "$fidelity" ] || { echo "browser-fidelity: $fidelity is missing" >&2; exit 2; }
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    [ -n "${ARCA_BENCH_DIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

for site in "$@"; do
    name=$(basename "$site")
    port=$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlsplit(json.load(open(sys.argv[1]))["url"]).port)' "$site/site.json")
    url="http://127.0.0.1:$port/page.html"
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
    server=$!
    sleep 1
    line="$name:"
    for mode in never always; do
        store="$work/$name-$mode"
        rm -rf "$store"
        ARCA_STORE="$store" "$root/bin/arca" fetch --quiet --json --delay 0 --browser "$mode" "$url" >"$store.json" 2>"$store.log" || true
        eval "wacz_$mode=\$(find \"\$store\" -name '*.wacz' | head -1)"
    done
    kill "$server" && wait "$server" 2>/dev/null || true
    server=
    for mode in never always; do
        eval "wacz=\$wacz_$mode"
        if [ -z "$wacz" ]; then
            line="$line --browser $mode: no bundle;"
            continue
        fi
        result=$("$fidelity" --site "$site" --url "$url" --wacz "$wacz" --out "$work/$name-$mode-fidelity" 2>"$work/$name-$mode-fidelity.log" | tail -1)
        line="$line --browser $mode: ${result#fidelity: };"
    done
    echo "$line"
done
