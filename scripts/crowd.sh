#!/bin/bash
# A crowd on the public pages: `npm start` on a fresh data folder (embedded PostgreSQL, demo data), then 50
# connections for 5 s on each page (autocannon), with the app's RSS (and its peak, VmHWM) before, after each
# page and after 20 s idle. Loopback only; bounded in time. Pages are the arguments, or the default list.
#
#   bash scripts/crowd.sh [--port 3999] [path …]
#
# Used for the closing notes' "every page under 50 concurrent requests" figures; the numbers are only
# comparable on a quiet machine.
set -u
PORT=3999
if [ "${1:-}" = "--port" ]; then PORT=$2; shift 2; fi
PAGES=("$@")
if [ ${#PAGES[@]} -eq 0 ]; then
  PAGES=(/ /en /report /reports /apply /en/apply /apply/road-excavation-permit /en/apply/road-excavation-permit
    /track /services /plans/2012 /account/sign-in /en/account/sign-in /open311/v2/requests.json)
fi
cd "$(dirname "$0")/.."
DATA=$(mktemp -d)
chmod 755 "$DATA"
DATA_DIR=$DATA PORT=$PORT npm start > "$DATA/app.log" 2>&1 &
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 1; done
PID=$(ss -ltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
rss() { awk '/VmRSS|VmHWM/{printf "%s %d MB  ", $1, $2/1024}' "/proc/$PID/status"; }
sleep 3
echo "app pid $PID, before: $(rss)"
for path in "${PAGES[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$path")
  out=$(./node_modules/.bin/autocannon -c 50 -d 5 -j "http://127.0.0.1:$PORT$path" 2> /dev/null)
  figures=$(echo "$out" | ./node_modules/.bin/node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(`req/s ${Math.round(r.requests.average)} p99 ${r.latency.p99} ms non2xx ${r.non2xx} errors ${r.errors}`)})')
  echo "$path [$code] $figures | $(rss)"
done
sleep 20
echo "after 20 s idle: $(rss)"
kill -INT "$PID" 2> /dev/null
pkill -INT -f "DATA_DIR=$DATA" 2> /dev/null
sleep 5
grep -c '"level":50' "$DATA/app.log" | sed 's/^/error lines in the app log: /'
rm -rf "$DATA"
