#!/usr/bin/env bash
# spark-bench.sh [PAGES] [FILES]
# The Spark job (target/arca-spark.jar) on local[2] against arca's extractor over WarcCaptures in one
# JVM (WarcExtractBench, what `arca extract FILE.warc.gz` does without printing), over the same WARC:
# PAGES (default 1000) pages of /work/corpora/* served on 127.0.0.1 by python3's http.server and
# fetched by `wget --warc-file`. The job runs twice: over that one WARC (one task: the job gives a
# task to each file), and over the same pages as FILES (default 4) WARCs, so that both cores work.
# Also prints the core jar's size and its dependencies. Build first: mvn -B package -DskipTests.
set -euo pipefail
pages=${1:-1000}
files=${2:-4}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# shellcheck source=corpus-site.sh
. "$root/src/bench/corpus-site.sh"
corpus_site "$work" "$pages"
mkdir "$work/one" "$work/split"
wget --quiet --no-warc-keep-log --warc-file="$work/one/site" -O /dev/null -i "$work/urls" || true
split -n "l/$files" -d "$work/urls" "$work/urls."
for part in "$work"/urls.*; do
  wget --quiet --no-warc-keep-log --warc-file="$work/split/site-${part##*.}" -O /dev/null -i "$part" || true
done
kill "$server"; wait "$server" 2>/dev/null || true
server=
echo "WARC of $pages pages: $(du -h "$work/one/site.warc.gz" | cut -f1); split into $(ls "$work/split" | wc -l) files"

# the baseline, on the test class path
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
mvn -q -B -o dependency:build-classpath@spark-classpath >/dev/null
timed() { # label command...: wall seconds of the command, its output kept
  local start end
  start=$(date +%s.%N)
  "${@:2}" >"$work/$1.out" 2>"$work/$1.err" || { echo "$1 failed:" >&2; tail -5 "$work/$1.err" >&2; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
base=$(timed extractor "$java" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.arca.bench.WarcExtractBench "$work/one/site.warc.gz")
flags=$("$java" -cp "$(cat target/spark-classpath.txt)" "$root/src/bench/SparkModuleOptions.java")
spark() { # label input
  # shellcheck disable=SC2086
  timed "$1" "$java" $flags -Xmx2g -Dspark.master='local[2]' -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
    -Dspark.driver.bindAddress=127.0.0.1 -cp "target/arca-spark.jar:$(cat target/spark-classpath.txt)" \
    dev.arca.spark.ExtractArticles --output "$work/$1.parquet" "$2"
}
one=$(spark spark-one "$work/one")
split=$(spark spark-split "$work/split")
articles() { grep -o '[0-9]* articles' "$work/$1.err" | cut -d' ' -f1; }
echo
printf '%-34s %9s %9s %11s\n' run pages seconds pages/s
p=$(sed 's/.*pages=\([0-9]*\).*/\1/' "$work/extractor.out")
printf '%-34s %9d %9.1f %11.1f\n' "extractor, one JVM, 1 thread" "$p" "$base" "$(echo "$p / $base" | bc -l)"
for run in one split; do
  secs=${!run}
  a=$(articles "spark-$run")
  printf '%-34s %9d %9.1f %11.1f\n' "spark local[2], $(ls "$work/$run" | wc -l) file(s)" "$a" "$secs" "$(echo "$a / $secs" | bc -l)"
done
printf 'overhead of the job over the extractor, one file: %.1f s\n' "$(echo "$one - $base" | bc -l)"
grep -h "pages_per_s" "$work/extractor.out"

echo
echo "core jar: $(stat -c %s target/arca-core.jar) bytes, $(unzip -l target/arca-core.jar | tail -1 | awk '{print $2}') entries"
echo "core dependencies (mvn dependency:tree, compile and runtime, without the CLI's):"
mvn -q -B -o dependency:tree -Dscope=runtime -DoutputFile="$work/tree" >/dev/null
grep -v -e picocli -e sqlite-jdbc -e progressbar -e jline "$work/tree" | sed 1d
