#!/bin/sh
# Builds target/arca.jsa, an AppCDS archive of the classes arca loads in its common commands, so
# that bin/arca starts the JVM from mapped, pre-parsed classes instead of reading the jar.
# Run by Maven at package time (see pom.xml); bin/arca uses the archive when it is newer than the jar.
# usage: make-cds-archive.sh JAR ARCHIVE FIXTURE_HTML
set -eu
jar=$1
archive=$2
page=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store=$work/store

train() {
    n=$1
    shift
    java -Xshare:off -XX:DumpLoadedClassList="$work/classes.$n" -jar "$jar" --store "$store" "$@" >/dev/null 2>&1 || true
}

train 1 --version
train 2 --help
train 3 extract "$page" --url https://example.com/news/story
train 4 extract "$page" --format markdown
train 5 fetch "$page" --url https://example.com/news/story
train 6 list --limit 20
train 7 list --json
id=$(java -jar "$jar" --store "$store" list --json 2>/dev/null | sed -n 's/^{"id":"\([0-9a-z]*\)".*/\1/p' | head -n 1)
if [ -n "$id" ]; then
    train 8 show "$id"
    train 9 restore "$id" --as markdown
fi
cat "$work"/classes.* | sort -u > "$work/classes.lst"
# dumped beside the archive, then renamed over it: a running JVM has the old one mapped
java -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$archive.$$.tmp" \
    -cp "$jar" >"$work/dump.log" 2>&1 || { rm -f "$archive.$$.tmp"; tail -n 20 "$work/dump.log" >&2; exit 1; }
mv -f "$archive.$$.tmp" "$archive"
echo "arca: CDS archive $archive ($(wc -l < "$work/classes.lst") classes)"
