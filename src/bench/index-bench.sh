#!/bin/sh
# Benchmark of the capture index (issue 5): generates a store of synthetic bundles, then times, as
# whole processes including JVM start-up, what a user runs against it, and ripgrep over the same
# texts for comparison (ArchiveBox's full-text search is ripgrep over extracted texts).
#
#   src/bench/index-bench.sh [COUNT] [DATA_DIR]
#
# COUNT defaults to 100000 bundles and DATA_DIR to /tmp/arca-bench (or $ARCA_BENCH_DATA). The data
# is generated once per COUNT and reused. Needs a JDK, Maven, ripgrep and (for best numbers)
# hyperfine: apt-get install -y ripgrep hyperfine. Prints a Markdown table and writes it to
# DATA_DIR/index-bench.md. Not a test: it makes no pass/fail decision, the targets are printed
# beside the numbers.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd -P)
count=${1:-100000}
data=${2:-${ARCA_BENCH_DATA:-/tmp/arca-bench}}
store=$data/store
texts=$data/texts
info=$data/bench-info.txt
arca="$root/bin/arca --store $store"
runs=${ARCA_BENCH_RUNS:-10}

command -v rg >/dev/null || { echo "index-bench: ripgrep (rg) is needed: apt-get install -y ripgrep" >&2; exit 1; }

cd "$root"
echo "index-bench: building arca and the benchmark generator..." >&2
mvn -q -B package -DskipTests >&2
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$root/target/bench.classpath" -Dmdep.includeScope=test >&2

if [ ! -f "$info" ] || [ "$(sed -n 's/^count=//p' "$info")" != "$count" ]; then
    echo "index-bench: generating $count bundles in $store (a few minutes)..." >&2
    rm -rf "$store" "$texts"
    mkdir -p "$data"
    java -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench.classpath")" \
        dev.arca.bench.StoreGenerator "$store" "$texts" "$count" > "$info.tmp"
    mv "$info.tmp" "$info"
fi
site=$(sed -n 's/^site=//p' "$info")
query=$(sed -n 's/^query=//p' "$info")
text_bytes=$(sed -n 's/^text_bytes=//p' "$info")

now() { date +%s.%N; }
# CPU seconds (user + system) of this shell's finished children, from 'times' run in this shell
child_cpu() { awk 'NR == 2 { print cpu($1) + cpu($2) } function cpu(t) { split(t, p, "m"); return p[1] * 60 + p[2] }' "$1"; }

echo "index-bench: arca reindex..." >&2
times > "$data/times.before"
start=$(now)
$arca reindex
end=$(now)
times > "$data/times.after"
reindex_cpu=$(echo "$(child_cpu "$data/times.after") $(child_cpu "$data/times.before")" | awk '{printf "%.0f", $1 - $2}')
reindex_seconds=$(echo "$end $start" | awk '{printf "%.1f", $1 - $2}')
reindex_rate=$(echo "$count $reindex_seconds" | awk '{printf "%.0f", $1 / $2}')
index_bytes=$(cat "$store"/index.sqlite* | wc -c)
index_share=$(echo "$index_bytes $text_bytes" | awk '{printf "%.1f", 100 * $1 / $2}')

list="$arca list --limit 20"
search="$arca search '$query'"
phrase="$arca search '\"$query\"'"
site_list="$arca list --site $site --json | wc -l"
ripgrep="rg -l -i '$query' $texts"
csv=$data/timings.csv

if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs "$runs" --export-csv "$csv" \
        -n list -n search -n phrase -n site -n rg \
        "$list" "$search" "$phrase" "$site_list" "$ripgrep" >&2
else
    echo "command,mean,stddev,median,user,system,min,max" > "$csv"
    for name in list search phrase site rg; do
        case $name in
            list) cmd=$list ;; search) cmd=$search ;; phrase) cmd=$phrase ;; site) cmd=$site_list ;; rg) cmd=$ripgrep ;;
        esac
        sh -c "$cmd" >/dev/null; sh -c "$cmd" >/dev/null
        times=""
        i=0
        while [ "$i" -lt "$runs" ]; do
            s=$(now); sh -c "$cmd" >/dev/null; e=$(now)
            times="$times $(echo "$e $s" | awk '{print $1 - $2}')"
            i=$((i + 1))
        done
        median=$(echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
        echo "$name,,,$median,,,," >> "$csv"
    done
fi

median() { awk -F, -v n="$1" '$1 == n {print $4}' "$csv"; }
cpu() { awk -F, -v n="$1" '$1 == n && $5 != "" {printf "%.0f ms", 1000 * ($5 + $6)}' "$csv"; }
ms() { echo "$1" | awk '{printf "%.0f ms", 1000 * $1}'; }
hits_search=$(sh -c "$arca search --json --limit 100000 '$query'" | wc -l)
hits_rg=$(sh -c "$ripgrep" | wc -l)
site_lines=$(sh -c "$site_list")
ratio=$(echo "$(median rg) $(median search)" | awk '{printf "%.1f", $1 / $2}')
phrase_ratio=$(echo "$(median rg) $(median phrase)" | awk '{printf "%.1f", $1 / $2}')

report=$data/index-bench.md
{
    echo "Index benchmark: $count bundles, $(echo "$text_bytes" | awk '{printf "%.0f", $1 / 1048576}') MiB of indexed text," \
        "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "| what | wall, median of $runs | CPU (user + sys, mean) | target |"
    echo "| --- | --- | --- | --- |"
    echo "| \`arca list --limit 20\` | $(ms "$(median list)") | $(cpu list) | ≤ 500 ms |"
    echo "| \`arca search \"$query\"\` ($hits_search hits, 20 shown) | $(ms "$(median search)") | $(cpu search) | ≤ 500 ms |"
    echo "| \`arca search '\"$query\"'\` (phrase) | $(ms "$(median phrase)") | $(cpu phrase) | - |"
    echo "| \`arca list --site $site --json \\| wc -l\` ($site_lines lines) | $(ms "$(median site)") | $(cpu site) | ≤ 2000 ms |"
    echo "| \`arca reindex\` (once) | $reindex_seconds s, $reindex_rate bundles/s | $reindex_cpu s | ≥ 1,000 bundles/s |"
    echo "| index size | $(echo "$index_bytes" | awk '{printf "%.0f", $1 / 1048576}') MiB, $index_share% of the text | | ≤ 40% |"
    echo "| \`rg -l -i \"$query\"\` ($hits_rg files) | $(ms "$(median rg)") | $(cpu rg) | - |"
    echo "| ripgrep time / arca search time | $ratio× (phrase: $phrase_ratio×) | | ≥ 10× |"
} | tee "$report"
