#!/usr/bin/env bash
# replay-fidelity.sh [JAR]: how faithfully arca's bundles replay, against wget --page-requisites, in one run,
# and how large they are against wget's WARC and SingleFile's HTML file of the same page.
# For each fixture page (real pages of ../shared/corpora/readability-pages, their images, stylesheets and
# fonts made up and served from loopback by ../shared/validate/site-from-page, generated here and never
# copied into the repository) it
#   1. serves the site, and captures the page with `arca fetch`, with `wget -p --warc-file` and with SingleFile
#      (npm single-file-cli, installed once under ~/.cache, driving the system Chromium; SINGLEFILE=0 skips it);
#   2. makes a WACZ of wget's WARC with js-wacz (npm @harvard-lil/js-wacz, installed once under ~/.cache);
#   3. runs ../shared/validate/replay-fidelity on both WACZs (wabac.js replay against the original page), once per
#      height of $FIDELITY_HEIGHTS;
#   4. restores arca's capture with `restore --as html` and counts, with ../shared/validate/offline-images.mjs,
#      the images Chromium shows with no network, against the images the restored article has (and reads from
#      the bundle's article.json how many images it lists and how many it says were captured).
# Prints one line per page and tool, then the median and maximum % of differing pixels for each, the images
# shown offline, and the median sizes of arca's WACZ, wget's WARC and SingleFile's file. Work files stay in $WORK
# (default a mktemp -d). The screenshots are 1280 wide and, by default, 800 (a desktop window) and 2400 (replay-
# fidelity's own default, a portrait screen, where <source media="(orientation: portrait)"> and vh sizes win) high.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=$(cd "${SHARED:-$repo/../shared}" 2>/dev/null && pwd) || { echo "replay-fidelity.sh: no ${SHARED:-../shared} (SHARED=DIR names it)" >&2; exit 2; }
jar=${1:-$repo/target/arca.jar}
[[ -f $jar ]] || { echo "replay-fidelity.sh: no $jar (mvn -o -B -q package -DskipTests)" >&2; exit 2; }
corpus=/work/corpora/readability-pages
[[ -d $corpus ]] || python3 "$shared/corpora/unpack_corpus.py" --corpus "$shared/corpora/readability-pages" --dest "$corpus" >/dev/null
heights=${FIDELITY_HEIGHTS:-800 2400}
pages=${PAGES:-"bbc-1 cnn ars-1 nytimes-1 guardian-1 wikipedia medium-1 mozilla-1 theverge buzzfeed-1 engadget lemonde-1"}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
wacz_tool=${XDG_CACHE_HOME:-$HOME/.cache}/arca-bench/js-wacz
if [[ ! -x $wacz_tool/node_modules/.bin/js-wacz ]]; then
  mkdir -p "$wacz_tool" && (cd "$wacz_tool" && npm install --no-audit --no-fund --silent @harvard-lil/js-wacz@0.1.6) \
    || { echo "replay-fidelity.sh: cannot install js-wacz" >&2; exit 3; }
fi
bash "$shared/validate/replay-fidelity" --install >/dev/null || exit 3
single_file=${XDG_CACHE_HOME:-$HOME/.cache}/arca-bench/single-file
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ${SINGLEFILE:-1} != 0 && ! -x $single_file/node_modules/.bin/single-file ]]; then
  # --ignore-scripts: SingleFile drives the system Chromium and must never download a browser of its own
  mkdir -p "$single_file" && (cd "$single_file" && npm install --no-audit --no-fund --silent --ignore-scripts single-file-cli@2.0.83) \
    || { echo "replay-fidelity.sh: cannot install single-file-cli" >&2; exit 3; }
fi
fidelity_cache=${XDG_CACHE_HOME:-$HOME/.cache}/arca-validate/fidelity
results=$work/results.tsv
: >"$results"
port=18300
for page in $pages; do
  [[ -f $corpus/$page/source.html ]] || { echo "skip $page: not in the corpus" >&2; continue; }
  port=$((port + 1))
  site=$work/$page/site
  rm -rf "$work/$page" && mkdir -p "$work/$page"
  # the article's text, so that site.json can say which images are the article's
  python3 -c 'import html,re,sys; t=re.sub(r"<[^>]+>"," ",open(sys.argv[1],encoding="utf-8",errors="replace").read()); t=" ".join(html.unescape(t).split()); print(t[len(t)//3:len(t)//3+80])' \
    "$corpus/$page/expected.html" >"$work/$page/body.txt"
  python3 "$shared/validate/site-from-page" --html "$corpus/$page/source.html" --url http://fakehost/test/page.html \
    --out "$site" --port "$port" --body-text "$work/$page/body.txt" >/dev/null || { echo "skip $page: no site" >&2; continue; }
  url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$site/site.json")
  node "$shared/validate/serve-site.mjs" "$site" "$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 50); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
  store=$work/$page/store
  java -jar "$jar" --store "$store" fetch --delay 0 --json "$url" >"$work/$page/arca.json" 2>"$work/$page/arca.err"
  (cd "$work/$page" && wget -q -p -e robots=off --warc-file=wget -P wget-files "$url" 2>/dev/null)
  if [[ ${SINGLEFILE:-1} != 0 ]]; then
    # the browser reaches loopback only: every other host goes to a dead proxy, as in replay-fidelity
    timeout 300 "$single_file/node_modules/.bin/single-file" --browser-executable-path="$chromium" \
      --browser-args='["--no-sandbox","--proxy-server=127.0.0.1:9","--proxy-bypass-list=127.0.0.1"]' \
      --browser-width=1280 --browser-height="${heights%% *}" "$url" "$work/$page/single-file.html" \
      >"$work/$page/single-file.log" 2>&1
    sf_size=NA; [[ -s $work/$page/single-file.html ]] && sf_size=$(stat -c %s "$work/$page/single-file.html")
    [[ $sf_size == NA ]] && echo "$page: SingleFile saved nothing: $(grep -m1 -i error "$work/$page/single-file.log")" >&2
    printf '%s\tsinglefile\t-\tNA\t%s\n' "$page" "$sf_size" | tee -a "$results"
  fi
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
  arca_wacz=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["bundle"])' "$work/$page/arca.json" 2>/dev/null)
  [[ -f $arca_wacz ]] || { echo "skip $page: arca archived nothing ($(head -1 "$work/$page/arca.err"))" >&2; continue; }
  "$wacz_tool/node_modules/.bin/js-wacz" create -f "$work/$page/wget.warc.gz" -o "$work/$page/wget.wacz" >/dev/null 2>&1
  for height in $heights; do
    for tool in arca wget; do
      wacz=$arca_wacz; [[ $tool == wget ]] && wacz=$work/$page/wget.wacz
      line=$(bash "$shared/validate/replay-fidelity" --site "$site" --url "$url" --wacz "$wacz" --height "$height" \
        --out "$work/$page/$tool-$height" 2>/dev/null | tail -1)
      pct=$(sed -n 's/^fidelity: \([0-9.]*\)% .*/\1/p' <<<"$line")
      size=$(stat -c %s "$wacz"); [[ $tool == wget ]] && size=$(stat -c %s "$work/$page/wget.warc.gz")
      printf '%s\t%s\t%s\t%s\t%s\n' "$page" "$tool" "$height" "${pct:-NA}" "$size" | tee -a "$results"
    done
  done
  id=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["id"])' "$work/$page/arca.json")
  java -jar "$jar" --store "$store" restore "$id" --as html -o "$work/$page/restored.html" >/dev/null 2>&1
  # the article's images: those the restored page has, and those article.json lists, with how many it says captured
  article=$(unzip -p "$arca_wacz" article/article.json 2>/dev/null | python3 -c 'import json,sys; i=json.load(sys.stdin).get("images") or []; print(len(i), sum(1 for x in i if x.get("captured") is True))' 2>/dev/null)
  offline=$(cd "$fidelity_cache" && node offline-images.mjs "$work/$page/restored.html" 2>/dev/null \
    | python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); print(d["shown"], len(d["images"]))' 2>/dev/null)
  read -r shown restored_images <<<"${offline:-NA NA}"
  read -r listed captured <<<"${article:-NA NA}"
  printf '%s\timages\t%s\t%s\t%s\t%s\n' "$page" "$shown" "$restored_images" "$listed" "$captured" | tee -a "$results"
done
python3 - "$results" <<'EOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
measured = [r for r in rows if r[1] in ("arca", "wget")]
heights = list(dict.fromkeys(r[2] for r in measured))
for height in heights:
    for tool in ("arca", "wget"):
        pct = [float(r[3]) for r in measured if r[1] == tool and r[2] == height and r[3] != "NA"]
        if pct:
            print(f"1280x{height} {tool}: {len(pct)} pages, median {statistics.median(pct):.2f}% of pixels differ, max {max(pct):.2f}%")
img = [r for r in rows if r[1] == "images" and "NA" not in r[2:6]]
total = lambda k: sum(int(r[k]) for r in img)
print(f"restore --as html offline: {total(2)} images shown of the {total(3)} the restored articles have, on {len(img)} pages;"
      f" article.json lists {total(4)} images, {total(5)} of them captured")
size = {}  # (page, tool) -> bytes: arca's WACZ, wget's WARC, SingleFile's HTML
for r in rows:
    if r[1] in ("arca", "wget", "singlefile") and r[4] != "NA":
        size[(r[0], r[1])] = int(r[4])
tools = [t for t in ("arca", "wget", "singlefile") if any(k[1] == t for k in size)]
both = [p for p in dict.fromkeys(k[0] for k in size) if all((p, t) in size for t in tools)]
names = {"arca": "arca's WACZ", "wget": "wget's WARC", "singlefile": "SingleFile's HTML"}
if both:
    med = {t: statistics.median(size[(p, t)] for p in both) for t in tools}
    print(f"median size on the {len(both)} pages every tool saved: "
          + ", ".join(f"{names[t]} {med[t] / 1024:.0f} KiB" for t in tools)
          + "".join(f"; arca/{t} {med['arca'] / med[t]:.2f}" for t in tools if t != "arca"))
print("page\t" + "\t".join(f"{t} % {h}" for h in heights for t in ("arca", "wget"))
      + "\tarca WACZ KiB\twget WARC KiB\tSingleFile KiB\timages shown offline")
for page in dict.fromkeys(r[0] for r in rows):
    pct = lambda tool, h: next((r[3] for r in measured if r[0] == page and r[1] == tool and r[2] == h), "NA")
    kib = lambda tool: f"{size[(page, tool)] / 1024:.0f}" if (page, tool) in size else "NA"
    shown = next((f"{r[2]} of {r[3]}" for r in rows if r[0] == page and r[1] == "images"), "NA")
    print(f"{page}\t" + "\t".join(pct(t, h) for h in heights for t in ("arca", "wget"))
          + f"\t{kib('arca')}\t{kib('wget')}\t{kib('singlefile')}\t{shown}")
EOF
