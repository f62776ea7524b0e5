#!/bin/sh
# Start-up benchmark (issue 7): whole-process wall time of the commands people run in shell loops
# and cron jobs, for arca as it is now (bin/arca: AppCDS archive, lazy subcommands, short-run JVM
# flags) and as it was before that work (BEFORE, a git revision, run with plain `java -jar`), side
# by side in one run, next to two peers: Node with Readability.js on linkedom extracting the same
# page, and wget fetching a loopback page.
#
#   src/bench/startup-bench.sh [BEFORE] [DATA_DIR]
#
# BEFORE defaults to ca971cd (the last commit before the start-up work); DATA_DIR to
# /tmp/arca-startup. Needs a JDK, Maven, hyperfine, wget, python3, node and npm (for the peer:
# @mozilla/readability and linkedom are installed once under DATA_DIR). Prints a Markdown table
# and writes it to DATA_DIR/startup-bench.md. Not a test: the targets are printed beside the numbers.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd -P)
before=${1:-ca971cd}
data=${2:-/tmp/arca-startup}
runs=${ARCA_BENCH_RUNS:-20}
mkdir -p "$data"

for tool in hyperfine wget python3 node npm; do
    command -v "$tool" >/dev/null || { echo "startup-bench: $tool is needed (apt-get install -y hyperfine wget nodejs npm)" >&2; exit 1; }
done

echo "startup-bench: building arca (now)..." >&2
(cd "$root" && mvn -q -B package -DskipTests) >&2
if [ ! -f "$data/before/target/arca.jar" ] || [ "$(cat "$data/before.rev" 2>/dev/null)" != "$before" ]; then
    echo "startup-bench: building arca at $before (before)..." >&2
    rm -rf "$data/before"
    git -C "$root" worktree add -f --detach "$data/before" "$before" >&2
    (cd "$data/before" && mvn -q -B package -DskipTests) >&2
    echo "$before" > "$data/before.rev"
fi

# A 100 KB article page: the seed-style fixture with its story repeated.
page=$data/page.html
python3 - "$root/src/test/resources/dev/arca/fixtures/story.html" "$page" <<'PY'
import sys, re
html = open(sys.argv[1], encoding="utf-8").read()
story = re.search(r'<div class="entry-content">(.*?)</div>', html, re.S).group(1)
body = story
while len(body) < 96_000:
    body += story
open(sys.argv[2], "w", encoding="utf-8").write(html.replace(story, body))
PY

# A store of 1,000 bundles, made with arca's own writer.
store=$data/store
if [ ! -d "$store" ]; then
    echo "startup-bench: generating 1,000 bundles..." >&2
    (cd "$root" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$root/target/bench.classpath" -Dmdep.includeScope=test) >&2
    java -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench.classpath")" \
        dev.arca.bench.StoreGenerator "$store" "$data/texts" 1000 >/dev/null
fi
"$root/bin/arca" --store "$store" list --limit 1 >/dev/null   # bring the index up to date once

# The peers: Readability.js on linkedom, and wget against a loopback server.
peer=$data/readability
if [ ! -d "$peer/node_modules/@mozilla/readability" ]; then
    echo "startup-bench: installing @mozilla/readability and linkedom..." >&2
    mkdir -p "$peer"
    (cd "$peer" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent @mozilla/readability linkedom) >&2
fi
cat > "$peer/extract.mjs" <<'JS'
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
const { document } = parseHTML(readFileSync(process.argv[2], "utf8"));
const article = new Readability(document).parse();
process.stdout.write(JSON.stringify({ title: article?.title, text: article?.textContent }) + "\n");
JS
python3 -m http.server 0 --bind 127.0.0.1 --directory "$data" > "$data/http.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
port=
while [ -z "$port" ]; do sleep 0.2; port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$data/http.log" | head -n 1); done

old="java -jar $data/before/target/arca.jar"
new="$root/bin/arca"
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$data/startup-raw.md" \
    -n "before: arca --version" "$old --version" \
    -n "now: arca --version" "$new --version" \
    -n "before: arca extract page.html (100 KB)" "$old extract $page" \
    -n "now: arca extract page.html (100 KB)" "$new extract $page" \
    -n "before: arca list --limit 20 (1,000 bundles)" "$old --store $store list --limit 20" \
    -n "now: arca list --limit 20 (1,000 bundles)" "$new --store $store list --limit 20" \
    -n "peer: node -e ''" "node -e ''" \
    -n "peer: Readability.js on linkedom, same page" "node $peer/extract.mjs $page" \
    -n "peer: wget -q -O /dev/null (loopback)" "wget -q -O /dev/null http://127.0.0.1:$port/page.html" >&2
{
    echo "Start-up, whole process, $runs runs each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "Targets: --version <= 150 ms, extract <= 400 ms, list <= 400 ms"
    echo
    cat "$data/startup-raw.md"
} | tee "$data/startup-bench.md"
