#!/usr/bin/env bash
# corpus-fetch.sh CORPUS_DIR...
# Serves each unpacked corpus (<id>/source.html) on 127.0.0.1 with python3's http.server, fetches
# every page with `arca fetch -i LIST --delay 0 --jobs 4 --json` into a fresh store, and counts the
# pages served, archived (and archived with warnings), failed, and archived with a Markdown record.
# Capture first wants archived = served; Markdown wants them all too.
#   ARCA="java -jar /path/to/other/arca.jar" src/bench/corpus-fetch.sh ...   compares another build
#   KEEP=1 keeps the work directory (stores, URL lists, outputs) and prints where it is.
set -euo pipefail
(($#)) || { echo "usage: corpus-fetch.sh CORPUS_DIR..." >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
read -r -a arca <<<"${ARCA:-$root/bin/arca}"
work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  if [[ -n ${KEEP:-} ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

printf '%-22s %7s %9s %14s %7s %14s\n' corpus served archived "with warnings" failed "with Markdown"
for corpus in "$@"; do
  corpus=$(cd "$corpus" && pwd)
  name=$(basename "$corpus")
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$corpus" >"$work/$name.server.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
    sleep 0.1
  done
  find "$corpus" -mindepth 2 -maxdepth 2 -name source.html | sort \
    | sed "s|^$corpus/|http://127.0.0.1:$port/|" >"$work/$name.urls"
  "${arca[@]}" --store "$work/$name.store" fetch -i "$work/$name.urls" --delay 0 --jobs 4 --json \
    >"$work/$name.jsonl" 2>"$work/$name.err" || true
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
  server=
  python3 - "$name" "$work/$name.urls" "$work/$name.jsonl" <<'PY'
import json, sys, zipfile
name, urls, results = sys.argv[1:]
served = sum(1 for line in open(urls) if line.strip())
archived = warned = failed = markdown = 0
for line in open(results):
    o = json.loads(line)
    if o["status"] != "archived":
        failed += 1
        print("  %s %s: %s" % (o["status"], o["url"], o.get("error")), file=sys.stderr)
        continue
    archived += 1
    if o.get("warnings"):
        warned += 1
        print("  warning %s: %s" % (o["url"], "; ".join(w["step"] + ": " + w["message"] for w in o["warnings"])),
              file=sys.stderr)
    with zipfile.ZipFile(o["bundle"]) as z:
        index = [json.loads(l.split(" ", 2)[2]) for l in z.read("indexes/index.cdxj").decode().splitlines() if l]
    markdown += any(e["url"].startswith("urn:arca:markdown:") for e in index)
print("%-22s %7d %9d %14d %7d %14d" % (name, served, archived, warned, failed, markdown))
PY
done
