#!/bin/sh
# Benchmark: fetch --browser always against the static fetch (--browser never) on the same
# loopback pages of the site farm (see SiteFarm.java), and the default --browser auto, which on
# these ordinary pages must cost what never does (no browser starts). Prints pages/s and the peak resident memory
# of the whole process tree, Chromium's browser, GPU, network and renderer processes included
# (sampled from /proc every 0.2 s; GNU time would give only the largest single process).
#
# Usage: src/bench/browser-bench.sh [PAGES] [LATENCY_MS] [JOBS]   (defaults: 200 pages, 20 ms, 4 jobs)
#   ARCA_BENCH_DIR=DIR   keep the work files in DIR (default: a temporary directory, removed)
#
# Needs Debian's chromium: apt-get install -y chromium
set -eu

pages=${1:-200}
latency=${2:-20}
jobs=${3:-4}
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
work=${ARCA_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
command -v chromium >/dev/null 2>&1 || { echo "browser-bench: chromium is missing (apt-get install -y chromium)" >&2; exit 2; }

farm_pid=
cleanup() {
    [ -n "$farm_pid" ] && kill "$farm_pid" 2>/dev/null || true
    [ -n "${ARCA_BENCH_DIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/bin/arca" --version >/dev/null # build the jar now, so that the build is not timed

# shellcheck source=site-farm.sh
. "$here/site-farm.sh"
site_farm "$work" "$pages" "$latency"

# The resident memory of $1 and all its descendants, in KiB.
tree_rss() {
    ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
        { parent[$1] = $2; rss[$1] = $3 }
        END { for (p in parent) { q = p; while (q != "" && q != root && q != 0 && q != 1) q = parent[q]; if (q == root) sum += rss[p] } print sum + 0 }'
}

now() { date +%s.%N; }

# $1: --browser value
run() {
    rm -rf "$work/store-$1"
    start=$(now)
    ARCA_STORE="$work/store-$1" "$root/bin/arca" fetch -i "$work/list.txt" --jobs "$jobs" --delay 0 --json \
        --browser "$1" >"$work/arca-$1.jsonl" 2>"$work/arca-$1.log" &
    pid=$!
    peak=0
    while kill -0 "$pid" 2>/dev/null; do
        rss=$(tree_rss "$pid")
        [ "$rss" -gt "$peak" ] && peak=$rss
        sleep 0.2
    done
    wait "$pid" || true
    end=$(now)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    ok=$(grep -c '"status":"archived"' "$work/arca-$1.jsonl" || true)
    echo "--browser $1: $ok/$pages pages in $seconds s = $(awk -v n="$ok" -v s="$seconds" 'BEGIN { printf "%.2f", n / s }') pages/s, peak RSS (process tree) $((peak / 1024)) MB"
}

run never
run auto
run always
