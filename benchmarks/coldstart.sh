#!/usr/bin/env bash
# Cold start of samples/Spaceflights: whole process, from `dotnet Spaceflights.dll` to exit after the
# first (and only) pipeline result is printed — runtime start, JIT, session creation (config read),
# and the real run of the default pipeline (CSV loads and saves, the regression, the metrics).
#
#   benchmarks/coldstart.sh [RUNS]        # default 10 runs; prints every time and the median
#
# Builds the sample in Release once (skip with NO_BUILD=1), runs it once untimed (to warm the OS file
# cache, not the process), then RUNS times under /usr/bin/time -f %e (wall-clock seconds).
# JIT only: Native AOT comes with the serving issue and will be added here then.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
sample=samples/Spaceflights
dll="$sample/bin/Release/net10.0/Spaceflights.dll"

if [[ ! -x /usr/bin/time ]]; then
  echo "/usr/bin/time is missing: apt-get install -y time" >&2
  exit 1
fi

if [[ "${NO_BUILD:-0}" != 1 ]]; then
  dotnet build "$sample" -c Release -v quiet -nologo >/dev/null
fi

# From the sample's own directory, as a user would run it (the session finds conf/base there).
cd "$sample"
app="bin/Release/net10.0/Spaceflights.dll"
dotnet "$app" >/dev/null  # untimed: fills the OS file cache

out=$(mktemp)
trap 'rm -f "$out"' EXIT
times=()
for ((i = 1; i <= runs; i++)); do
  if ! /usr/bin/time -f %e -o "$out" dotnet "$app" >/dev/null 2>&1; then
    echo "run $i failed: $(cat "$out")" >&2
    exit 1
  fi
  t=$(tail -n 1 "$out")
  times+=("$t")
  echo "run $i: ${t} s"
done

median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "cold start ($dll, JIT, $runs runs): median ${median} s"
