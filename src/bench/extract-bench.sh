#!/bin/sh
# Warm single-thread extraction throughput, arca next to Readability4J, in one JVM.
#   src/bench/extract-bench.sh [--warmup SECONDS] [--rounds N] CORPUS_DIR...
#   src/bench/extract-bench.sh --scaling [--warmup SECONDS] [--rounds N]
# CORPUS_DIR holds <id>/source.html pages (an unpacked corpus) or any *.html files; --scaling times
# synthetic pages of 50 KB, 200 KB, 1 MB and 5 MB instead (ScalingBench).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -q -B test-compile
cp_file=target/bench-classpath.txt
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
main=dev.arca.bench.ExtractBench
if [ "${1:-}" = --scaling ]; then
    main=dev.arca.bench.ScalingBench
    shift
fi
exec java -Xmx2g -XX:+UseParallelGC -cp "target/classes:target/test-classes:$(cat "$cp_file")" "$main" "$@"
