#!/usr/bin/env bash
# Memory per silo, idle and under a sweep: redis-server and three silo processes of samples/Spaceflights.Cluster on
# 127.0.0.1, then the sample's client (the data_science sweep and a batch of 10,000 predictions). Prints each silo's
# resident memory (VmRSS) once joined and idle, and its peak while the client ran (sampled every 0.2 s).
#   benchmarks/Compiled.Benchmarks.Cluster/memory.sh        (needs redis-server: apt-get install -y redis-server)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release samples/Spaceflights.Cluster >/dev/null
app=samples/Spaceflights.Cluster/bin/Release/net10.0/Spaceflights.Cluster.dll
redis_port=${REDIS_PORT:-6391}
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null &
redis=$!
pids=()
cleanup() { kill "${pids[@]}" "$redis" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1
for i in 1 2 3; do
  dotnet "$app" silo --redis "127.0.0.1:$redis_port" --cluster "memory-$$" --port $((11120 + i)) --gateway $((30120 + i)) --name "silo-$i" --slots 2 >"/tmp/silo-$i-$$.log" 2>&1 &
  pids+=($!)
done
for i in 1 2 3; do
  until grep -q "is up" "/tmp/silo-$i-$$.log"; do sleep 0.2; done
done
sleep 3
rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
declare -A idle peak
for pid in "${pids[@]}"; do idle[$pid]=$(rss "$pid"); peak[$pid]=${idle[$pid]}; done
dotnet "$app" sweep --redis "127.0.0.1:$redis_port" --cluster "memory-$$" >"/tmp/client-$$.log" 2>&1 &
client=$!
while kill -0 "$client" 2>/dev/null; do
  for pid in "${pids[@]}"; do now=$(rss "$pid"); (( now > peak[$pid] )) && peak[$pid]=$now; done
  sleep 0.2
done
grep -E "^sweep:|^batch:" "/tmp/client-$$.log"
echo "silo    idle RSS   peak RSS under the sweep and batch"
n=1
for pid in "${pids[@]}"; do
  printf "silo-%d  %5d MB   %5d MB\n" "$n" $(( idle[$pid] / 1024 )) $(( peak[$pid] / 1024 ))
  n=$((n + 1))
done
rm -f /tmp/silo-*-$$.log "/tmp/client-$$.log"
