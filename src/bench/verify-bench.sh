#!/usr/bin/env bash
# Times `arca verify` over a store of at least 1 GiB of bundles written by arca's own BundleWriter
# and Store from large, varied synthetic pages, and prints the throughput in MB/s of bundle data.
#
#   src/bench/verify-bench.sh [STORE_DIR] [MIN_BYTES]
#
# The store is kept between runs (it takes a few minutes to build); delete it to start afresh.
set -euo pipefail
cd "$(dirname "$0")/../.."
store="${1:-${TMPDIR:-/tmp}/arca-verify-bench}"
min_bytes="${2:-1100000000}"

[ -f target/arca.jar ] || mvn -q -B package -DskipTests
java -Xmx2g -cp target/arca.jar src/bench/BenchStore.java "$store" "$min_bytes"

bytes=$(find "$store" -name '*.wacz' -printf '%s\n' | awk '{s+=$1} END {print s}')
bundles=$(find "$store" -name '*.wacz' | wc -l)
echo "store: $bundles bundles, $bytes bytes; $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"

run() {
    local label=$1; shift
    local start end status
    start=$(date +%s.%N)
    set +e
    bin/arca --store "$store" verify "$@" >/dev/null 2>"$store.err"
    status=$?
    set -e
    end=$(date +%s.%N)
    awk -v b="$bytes" -v s="$start" -v e="$end" -v l="$label" -v st="$status" \
        'BEGIN { t = e - s; printf "%-22s %7.1f s  %7.1f MB/s  exit %d\n", l, t, b / t / 1e6, st }'
    tail -1 "$store.err"
}

run "verify (all cores)"
run "verify --jobs 1" --jobs 1
