#!/usr/bin/env bash
# Cold start of samples/Spaceflights: whole process, from start to exit after the first (and only)
# pipeline result — `Spaceflights run` (the CLI's run of the default pipeline): runtime start, JIT,
# session creation (config read), and the real run (xlsx/csv loads, parquet saves, the regression,
# the versioned model and metrics saves).
#
#   benchmarks/coldstart.sh [RUNS]                          # JIT: dotnet Spaceflights.dll, default 10 runs
#   NATIVE=path/to/Spaceflights benchmarks/coldstart.sh 10  # a Native AOT executable of the same sample
#   R2R=1 benchmarks/coldstart.sh 10                        # the JIT deployment of the CLI: publishes the sample with its
#                                                           # ReadyToRun profile (self-contained, one composite ReadyToRun
#                                                           # image of framework, libraries and app; 1-3 min of crossgen)
#                                                           # into a temporary folder and runs its apphost
#   R2R=DIR benchmarks/coldstart.sh 10                      # the same, from a folder already published with the profile
#
# Builds the sample in Release once (skip with NO_BUILD=1; never for NATIVE), runs it once untimed (to
# warm the OS file cache, not the process), then RUNS times under /usr/bin/time -f '%e %U %S %M', and prints
# every run's wall-clock seconds, CPU seconds (user + sys) and peak resident set (MB), then the medians. On a
# shared machine wall clock waits for the other processes; CPU is the steadier figure (quote `uptime` with both).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
sample=samples/Spaceflights
dll="$sample/bin/Release/net10.0/Spaceflights.dll"

if [[ ! -x /usr/bin/time ]]; then
  echo "/usr/bin/time is missing: apt-get install -y time" >&2
  exit 1
fi

native="${NATIVE:-}"
r2r=""
if [[ -n "$native" ]]; then
  native="$(realpath "$native")"
elif [[ -n "${R2R:-}" && "${R2R}" != 0 && "${R2R}" != 1 ]]; then
  r2r="$(realpath "$R2R")"
  keep_r2r=1
elif [[ "${R2R:-0}" == 1 ]]; then
  r2r="$(mktemp -d)"
  # samples/Spaceflights/Properties/PublishProfiles/ReadyToRun.pubxml: the documented way to ship the CLI for JIT.
  dotnet publish "$sample" -c Release -r linux-x64 -p:PublishProfile=ReadyToRun -o "$r2r" -v quiet -nologo >/dev/null
elif [[ "${NO_BUILD:-0}" != 1 ]]; then
  dotnet build "$sample" -c Release -v quiet -nologo >/dev/null
fi

# From the sample's own directory, as a user would run it (the session finds conf/base there).
cd "$sample"
if [[ -n "$native" ]]; then
  command=("$native" run)
  label="$native, Native AOT"
elif [[ -n "$r2r" ]]; then
  command=("$r2r/Spaceflights" run)
  label="composite ReadyToRun publish (PublishProfile=ReadyToRun), JIT for the rest"
else
  command=(dotnet bin/Release/net10.0/Spaceflights.dll run)
  label="$dll, JIT"
fi
"${command[@]}" >/dev/null  # untimed: fills the OS file cache

out=$(mktemp)
trap 'rm -f "$out"; [[ -z "$r2r" || -n "${keep_r2r:-}" ]] || rm -rf "$r2r"' EXIT
walls=()
cpus=()
for ((i = 1; i <= runs; i++)); do
  if ! /usr/bin/time -f '%e %U %S %M' -o "$out" "${command[@]}" >/dev/null 2>&1; then
    echo "run $i failed: $(cat "$out")" >&2
    exit 1
  fi
  read -r wall user sys rss < <(tail -n 1 "$out")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  walls+=("$wall")
  cpus+=("$cpu")
  echo "run $i: wall ${wall} s, cpu ${cpu} s (user ${user}, sys ${sys}), max rss $((rss / 1024)) MB"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "cold start ($label, $runs runs): median wall $(median "${walls[@]}") s, median cpu $(median "${cpus[@]}") s; $(uptime | sed 's/.*load/load/')"
