# Sourced by the benches that serve the corpora on loopback. corpus_site WORK PAGES: links every
# /work/corpora/*/*/source.html (or $CORPORA) into WORK/site as N.html, serves it with python3's
# http.server on 127.0.0.1 (its pid in $server, its port in $port, its log in WORK/server.log) and
# writes WORK/urls: PAGES URLs, a list longer than the corpora repeating pages with ?copy=K.
# Sets $n to the number of distinct pages. The caller kills $server.
# corpus_site WORK PAGES loopback: serves copies instead, each absolute or protocol-relative URL of
# another host rewritten to http://127.0.0.1:PORT/offsite/HOST/... (a 404), so that a fetch of the
# pages' requisites never leaves loopback.
corpus_site() {
  local work=$1 pages=$2 mode=${3:-} page i corpora=${CORPORA:-/work/corpora}
  rm -rf "$work/site" && mkdir "$work/site"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  n=0
  for page in "$corpora"/*/*/source.html; do
    ln -s "$page" "$work/site/$n.html"
    n=$((n + 1))
  done
  ((n)) || { echo "no pages under $corpora/*/*/source.html (see ../shared/corpora)" >&2; exit 2; }
  if [[ $mode == loopback ]]; then
    python3 - "$work/site" "$port" <<'PY'
import os, re, sys
site, port = sys.argv[1], sys.argv[2]
offsite = re.compile(rb'(?:https?:)?//(?!127\.0\.0\.1[:/])([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?::[0-9]+)?', re.I)
for name in os.listdir(site):
    path = os.path.join(site, name)
    body = open(path, 'rb').read()
    os.unlink(path)
    open(path, 'wb').write(offsite.sub(lambda m: b'http://127.0.0.1:' + port.encode() + b'/offsite/' + m.group(1), body))
PY
    if grep -lqE '(https?:)?//[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' "$work"/site/*.html; then
      echo "corpus_site: a page still names another host" >&2; grep -ohE '(https?:)?//[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' "$work"/site/*.html | sort | uniq -c | sort -rn | head -3 >&2
    fi
  fi
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
    sleep 0.1
  done
  for ((i = 0; i < pages; i++)); do
    echo "http://127.0.0.1:$port/$((i % n)).html?copy=$((i / n))"
  done >"$work/urls"
}
