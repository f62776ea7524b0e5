#!/bin/sh
# Benchmark: arca against wget on a loopback site farm (see SiteFarm.java). Both fetch the same
# URL list, interleaving eight hosts; arca also extracts and bundles every page. Prints the
# throughput of each, their ratio, and arca's peak RSS.
#
# Usage: src/bench/run-bench.sh [PAGES] [LATENCY_MS]      (defaults: 1000 pages, 20 ms)
#   ARCA_BENCH_JIT=both  also times arca with C1 only (JAVA_OPTS=-XX:TieredStopAtLevel=1), the
#                        flags bin/arca uses for single commands; -i makes it pick full tiered JIT
#   ARCA_BENCH_DIR=DIR   keep the work files in DIR (default: a temporary directory, removed)
#   ARCA_BENCH_REQUISITES=1  pages link ten resources each (SiteFarm --requisites); wget runs with
#                        -p -e robots=off, arca with its default --requisites page; prints requests,
#                        archive bytes and peak RSS of both, and the records of three of arca's bundles
#
# Needs wget and GNU time: apt-get install -y wget time
set -eu

pages=${1:-1000}
latency=${2:-20}
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
work=${ARCA_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"

for tool in wget /usr/bin/time java; do
    command -v "$tool" >/dev/null 2>&1 || { echo "run-bench: $tool is missing (apt-get install -y wget time)" >&2; exit 2; }
done

farm_pid=
cleanup() {
    [ -n "$farm_pid" ] && kill "$farm_pid" 2>/dev/null || true
    [ -n "${ARCA_BENCH_DIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Build the jar now, so that the build is not timed.
"$root/bin/arca" --version >/dev/null

# shellcheck source=site-farm.sh
. "$here/site-farm.sh"
requisites=${ARCA_BENCH_REQUISITES:-}
if [ -n "$requisites" ]; then
    site_farm "$work" "$pages" "$latency" --requisites
else
    site_farm "$work" "$pages" "$latency"
fi

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }

peak_mb() { awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

run_wget() {
    rm -rf "$work/wget"
    mkdir -p "$work/wget"
    if [ -n "$requisites" ]; then
        set -- -p -e robots=off
    else
        set -- -O /dev/null
    fi
    start=$(now)
    (cd "$work/wget" && /usr/bin/time -v -o "$work/time-wget.txt" \
        wget --no-verbose --tries=1 --warc-file=farm "$@" -i "$work/list.txt" 2>"$work/wget.log") || true
    end=$(now)
    wget_seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    wget_ok=$(grep -c ' URL:.* \[' "$work/wget.log" || true)
}

# $1: label, $2: extra JAVA_OPTS
run_arca() {
    rm -rf "$work/store"
    start=$(now)
    JAVA_OPTS=${2:-} ARCA_STORE="$work/store" /usr/bin/time -v -o "$work/time-$1.txt" \
        "$root/bin/arca" fetch -i "$work/list.txt" --jobs 8 --delay 0 --json >"$work/arca-$1.jsonl" 2>"$work/arca-$1.log" || true
    end=$(now)
    arca_seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    arca_ok=$(grep -c '"status":"archived"' "$work/arca-$1.jsonl" || true)
    arca_rss_mb=$(peak_mb "$work/time-$1.txt")
}

# The requisites run: the same list, requests counted at the farm, archive bytes and peak RSS of both.
run_requisites() {
    before=$(farm_requests)
    run_wget
    wget_requests=$(($(farm_requests) - before))
    wget_pages=$(grep -c ' URL:.*/article/.* \[' "$work/wget.log" || true)
    echo "wget -p: $wget_pages/$pages pages in $wget_seconds s = $(rate "$wget_pages" "$wget_seconds") pages/s," \
        "$wget_requests requests, WARC $(mb "$(stat -c %s "$work/wget/farm.warc.gz")") MB, peak RSS $(peak_mb "$work/time-wget.txt") MB"
    before=$(farm_requests)
    run_arca default
    arca_requests=$(($(farm_requests) - before))
    bundle_bytes=$(find "$work/store" -name '*.wacz' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    echo "arca:    $arca_ok/$pages pages in $arca_seconds s = $(rate "$arca_ok" "$arca_seconds") pages/s," \
        "$arca_requests requests, bundles $(mb "$bundle_bytes") MB, peak RSS $arca_rss_mb MB"
    find "$work/store" -name '*.wacz' | sort | head -3 | while read -r bundle; do
        echo "  $(basename "$bundle"): $(unzip -p "$bundle" archive/data.warc.gz | zcat | grep -c '^WARC-Type: response') response records"
    done
}

if [ -n "$requisites" ]; then
    run_requisites
    exit 0
fi

run_wget
echo "wget:  $wget_ok/$pages pages in $wget_seconds s = $(rate "$wget_ok" "$wget_seconds") pages/s (WARC only)"

run_arca default
echo "arca:  $arca_ok/$pages pages in $arca_seconds s = $(rate "$arca_ok" "$arca_seconds") pages/s (extracted and bundled; bin/arca flags), peak RSS $arca_rss_mb MB"
ratio=$(awk -v a="$arca_ok" -v as="$arca_seconds" -v w="$wget_ok" -v ws="$wget_seconds" 'BEGIN { printf "%.2f", (a / as) / (w / ws) }')
echo "ratio: arca/wget throughput = ${ratio}x (target >= 3), peak RSS $arca_rss_mb MB (target <= 300)"

if [ "${ARCA_BENCH_JIT:-}" = "both" ]; then
    run_arca c1 "-XX:TieredStopAtLevel=1"
    echo "arca, C1 only: $arca_ok/$pages pages in $arca_seconds s = $(rate "$arca_ok" "$arca_seconds") pages/s, peak RSS $arca_rss_mb MB"
fi
for t in "$work"/time-*.txt; do
    echo "$(basename "$t" .txt): $(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "CPU %.1f s (user %s + sys %s)", u + s, u, s }' "$t")"
done
