#!/usr/bin/env bash
# A 60-second run of POST /predict with the server's resident memory sampled every 5 seconds.
#
#   benchmarks/serving/soak.sh <server command…>
#
# Environment: PORT (5091), THREADS (2), CONNECTIONS (32), DURATION (60), PROJECT (samples/Spaceflights).
set -euo pipefail
PORT=${PORT:-5091}; THREADS=${THREADS:-2}; CONNECTIONS=${CONNECTIONS:-32}; DURATION=${DURATION:-60}
PROJECT=${PROJECT:-samples/Spaceflights}
HERE=$(cd "$(dirname "$0")" && pwd)
URL=http://127.0.0.1:$PORT

"$@" --urls "$URL" --Compiled:ProjectPath "$PROJECT" --Logging:LogLevel:Default Warning > /tmp/serving-soak-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$URL/health"; do sleep 0.1; done
# The server is the command's process, or its only child when the command is a launcher.
PID=$(pgrep -P "$SERVER" | head -1 || true); PID=${PID:-$SERVER}

echo "rss_kib before load: $(ps -o rss= -p "$PID")"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/post-features.lua" "$URL/predict" > /tmp/serving-soak-wrk.txt &
WRK=$!
for ((t = 5; t <= DURATION; t += 5)); do
  sleep 5
  echo "t=${t}s rss_kib=$(ps -o rss= -p "$PID")"
done
wait $WRK
grep -E "Requests/sec|Latency  |99%|Non-2xx|Socket errors|requests in" /tmp/serving-soak-wrk.txt
echo "rss_kib after load: $(ps -o rss= -p "$PID")"
