#!/usr/bin/env bash
# Throughput of POST /predict (MapPipeline) against POST /baseline/predict (a hand-written minimal-API endpoint
# doing the same computation), in the same process, on loopback. Each endpoint is warmed up, then measured
# twice in the order A B B A so that drift of a shared machine is spread over both.
#
#   benchmarks/serving/throughput.sh <server command…>
#   e.g. benchmarks/serving/throughput.sh dotnet samples/Spaceflights.Api/bin/Release/net10.0/Spaceflights.Api.dll
#
# Environment: PORT (5090), THREADS (2), CONNECTIONS (32), DURATION (20s), WARMUP (10s), PROJECT (samples/Spaceflights).
set -euo pipefail
PORT=${PORT:-5090}; THREADS=${THREADS:-2}; CONNECTIONS=${CONNECTIONS:-32}; DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-10s}
PROJECT=${PROJECT:-samples/Spaceflights}
HERE=$(cd "$(dirname "$0")" && pwd)
URL=http://127.0.0.1:$PORT

"$@" --urls "$URL" --Compiled:ProjectPath "$PROJECT" --Logging:LogLevel:Default Warning > /tmp/serving-throughput-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$URL/health"; do sleep 0.1; done

run() { # path, label
  echo "== $2 ($1), $THREADS threads, $CONNECTIONS connections, $DURATION"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/post-features.lua" "$URL$1" | grep -E "Requests/sec|Latency  |99%|Non-2xx|Socket errors|requests in"
}

wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/post-features.lua" "$URL/predict" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/post-features.lua" "$URL/baseline/predict" > /dev/null
run /predict "MapPipeline"
run /baseline/predict "hand-written"
run /baseline/predict "hand-written"
run /predict "MapPipeline"
