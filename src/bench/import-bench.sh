#!/usr/bin/env bash
# import-bench.sh [PAGES]
# `arca import` of a wget WARC against `arca fetch` of the same pages from the same loopback site,
# each into a fresh store, in one run: pages/s and peak RSS (GNU time -v) side by side.
# The site: PAGES (default 1000) pages of /work/corpora/* served on 127.0.0.1 by python3's http.server
# (a list longer than the corpus repeats pages with ?copy=K), fetched once by `wget --warc-file`.
# Runs: import of that WARC; fetch -i LIST --delay 0 --requisites none; fetch with the default --requisites.
# The pages are served rewritten (corpus_site ... loopback): every URL of another host points back at
# 127.0.0.1 (a 404), and fetch runs with --browser never, so that no run contacts a public host.
# ARCA_BENCH_BASE=DIR also imports with DIR/bin/arca (another checkout, built, e.g. the commit before a change)
# in the same run, launcher and jar both as that commit has them.
# Needs wget, GNU time, python3 and the corpora (see ../shared/corpora). ARCA_BENCH_DIR=DIR keeps the work files.
set -euo pipefail
pages=${1:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${ARCA_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  [[ -z ${ARCA_BENCH_DIR:-} ]] && rm -rf "$work"
  return 0
}
trap cleanup EXIT
for tool in wget /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "import-bench: $tool is missing (apt-get install -y wget time)" >&2; exit 2; }
done
"$root/bin/arca" --version >/dev/null # build now, so that the build is not timed

# shellcheck source=corpus-site.sh
. "$root/src/bench/corpus-site.sh"
corpus_site "$work" "$pages" loopback
rm -f "$work/site.warc.gz"
wget --quiet --no-warc-keep-log --warc-file="$work/site" -O /dev/null -i "$work/urls" || true
echo "site: $pages pages ($n distinct) on 127.0.0.1:$port; wget's WARC: $(du -h "$work/site.warc.gz" | cut -f1)"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

run() { # label command...: one run into a fresh store; prints pages, seconds, pages/s, peak RSS
  local label=$1 start end secs ok rss
  shift
  rm -rf "$work/store-$label"
  start=$(date +%s.%N)
  ARCA_STORE="$work/store-$label" /usr/bin/time -v -o "$work/time-$label.txt" \
    "$@" --json >"$work/$label.jsonl" 2>"$work/$label.log" || true
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  ok=$(grep -c -e '"status":"archived"' -e '"status":"imported"' "$work/$label.jsonl" || true)
  rss=$(awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time-$label.txt")
  printf '%-44s %6d %8.2f %8.1f %8d\n' "$label" "$ok" "$secs" "$(awk -v n="$ok" -v s="$secs" 'BEGIN { print n / s }')" "$rss"
}
printf '%-44s %6s %8s %8s %8s\n' run pages seconds pages/s 'RSS MB'
if [[ -n ${ARCA_BENCH_BASE:-} ]]; then
  run import-base "$ARCA_BENCH_BASE/bin/arca" import "$work/site.warc.gz"
fi
run import "$root/bin/arca" import "$work/site.warc.gz"
run fetch-requisites-none "$root/bin/arca" fetch -i "$work/urls" --delay 0 --requisites none --browser never
run fetch-requisites-default "$root/bin/arca" fetch -i "$work/urls" --delay 0 --browser never
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
