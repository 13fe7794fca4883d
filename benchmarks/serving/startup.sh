#!/usr/bin/env bash
# Process start to first successful POST /predict, in milliseconds, RUNS times; prints each and the median.
# The clock starts just before the server process is launched and stops when a request answers 200
# (polled every 2 ms; a refused connection is retried).
#
#   benchmarks/serving/startup.sh <server command…>
#
# Environment: RUNS (7), PORT (5092), PROJECT (samples/Spaceflights).
set -euo pipefail
RUNS=${RUNS:-7}; PORT=${PORT:-5092}; PROJECT=${PROJECT:-samples/Spaceflights}
URL=http://127.0.0.1:$PORT/predict
BODY='{"features": {"engines": 2, "passenger_capacity": 5, "crew": 3, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 95}}'

times=()
for ((i = 1; i <= RUNS; i++)); do
  start=$(date +%s%N)
  "$@" --urls "http://127.0.0.1:$PORT" --Compiled:ProjectPath "$PROJECT" --Logging:LogLevel:Default Warning > /dev/null 2>&1 &
  server=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL" -H 'Content-Type: application/json' -d "$BODY")" = 200 ]; do sleep 0.002; done
  end=$(date +%s%N)
  kill "$server"; wait "$server" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  echo "run $i: ${ms} ms"
  times+=("$ms")
  sleep 0.5
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ")"}'
