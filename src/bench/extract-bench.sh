#!/bin/sh
# Warm single-thread extraction throughput, arca next to Readability4J, in one JVM.
#   src/bench/extract-bench.sh [--warmup SECONDS] [--rounds N] CORPUS_DIR...
# CORPUS_DIR holds <id>/source.html pages (an unpacked corpus) or any *.html files.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -q -B test-compile
cp_file=target/bench-classpath.txt
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec java -Xmx1g -XX:+UseParallelGC -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
    dev.arca.bench.ExtractBench "$@"
