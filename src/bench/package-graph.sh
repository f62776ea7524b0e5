#!/usr/bin/env bash
# The package graph of src/main/java/dev/arca: per package its lines, its public top-level types,
# and the arca packages it imports (import statements, and files that have them). Reproducible
# before and after a restructuring; no build needed.
#   src/bench/package-graph.sh [SOURCE_ROOT]     (default: src/main/java)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-src/main/java}
base=$root/dev/arca
packages=$(find "$base" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)

printf '%-9s %6s %6s %7s\n' package files public lines
for p in $packages; do
    files=$(find "$base/$p" -name '*.java' ! -name package-info.java | wc -l)
    public=$(grep -lE '^public +((final|abstract|sealed|non-sealed) +)*(class|interface|record|enum|@interface) ' \
        $(find "$base/$p" -name '*.java' ! -name package-info.java) 2>/dev/null | wc -l || true)
    lines=$(cat $(find "$base/$p" -name '*.java') | wc -l)
    printf '%-9s %6d %6d %7d\n' "$p" "$files" "$public" "$lines"
done

echo
echo "imports between packages (from -> to: import statements in files)"
for p in $packages; do
    (find "$base/$p" -name '*.java' -print0 | xargs -0 grep -HE '^import (static )?dev\.arca\.' || true) \
        | sed -E "s#^([^:]*):import (static )?dev\.arca\.([a-z0-9]+)\..*#\1 \3#" \
        | awk -v from="$p" '$2 != from { n[$2]++; f[$2 " " $1] = 1 }
            END { for (k in f) { split(k, a, " "); files[a[1]]++ }
                  for (t in n) printf "%-9s -> %-9s %4d in %3d files\n", from, t, n[t], files[t] }' \
        | sort || true
done
