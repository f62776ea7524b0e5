# Sourced by the benches that serve SiteFarm.java's synthetic articles. site_farm WORK PAGES LATENCY [FLAG...]:
# starts the farm (its pid in $farm_pid, its port in $port, its log in WORK/farm.log) and writes
# WORK/list.txt, page n on host 127.0.0.(n mod 8 + 1), so that consecutive URLs hit different hosts.
# FLAGs go to SiteFarm (--requisites). farm_requests prints how many requests the farm has served.
# The caller kills $farm_pid.
site_farm() {
    local work=$1 pages=$2 latency=$3 i n
    shift 3
    rm -f "$work/port"
    java -XX:+UseSerialGC -Xmx512m "$here/SiteFarm.java" "$work/port" "$pages" "$latency" 50 "$@" 2>"$work/farm.log" &
    farm_pid=$!
    i=0
    while [ ! -s "$work/port" ]; do
        i=$((i + 1))
        [ "$i" -gt 600 ] && { echo "$(basename "$0"): the site farm did not start" >&2; cat "$work/farm.log" >&2; exit 1; }
        sleep 0.1
    done
    port=$(cat "$work/port")
    n=0
    while [ "$n" -lt "$pages" ]; do
        echo "http://127.0.0.$((n % 8 + 1)):$port/article/$n.html"
        n=$((n + 1))
    done >"$work/list.txt"
}

farm_requests() {
    wget -q -O - "http://127.0.0.1:$port/farm/requests"
}
