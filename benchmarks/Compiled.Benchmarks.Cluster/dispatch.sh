#!/usr/bin/env bash
# The dispatch benchmark (issue #13: one remote run <= 1.2x a bare grain call carrying the same payload) with several
# launches per case (default 5): each launch is a process of its own, 40 warm-up and 15 measured iterations, as the
# single-launch command. A blocked call's latency settles, per process, in one of a few levels (whether the waiting threads
# are woken on a busy or an idle core), so one process per case draws one level each. Prints BenchmarkDotNet's table (its
# Ratio is that of the means over all launches), then each launch's mean, and the ratios of the cases' median launches: the
# remote run against the bare call (pre-serialized bytes both ways) and against the typed call (TypedScoreGrain: the
# scoring on Orleans alone, with Orleans' codecs).
# Five launches did not settle the ratio on this 2-core machine either (1.13, 1.27, 1.65 in three quiet runs: see
# benchmarks/README.md, "Quiet re-runs by the lead after session 11"); it shows where a run's spread comes from.
#   benchmarks/Compiled.Benchmarks.Cluster/dispatch.sh [launches]
set -euo pipefail
cd "$(dirname "$0")/../.."
launches=${1:-5}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "start: $(uptime)"
dotnet run -c Release --project benchmarks/Compiled.Benchmarks.Cluster -- --filter '*DispatchBenchmarks*' \
  --iterationCount 15 --warmupCount 40 --launchCount "$launches" | tee "$log" | grep -E '^\||^// \* (Summary|Legends)' || true
echo "end: $(uptime)"
# Each launch's mean (us/op) of its measured iterations, per case; then the median launch of each case and their ratio.
awk '
  /^\/\/ Benchmark: DispatchBenchmarks\./ { kind = ($0 ~ /typed/) ? "typed" : ($0 ~ /bare grain call/) ? "bare" : "remote" }
  /^\/\/ Launch: / { launch = $3 }
  /^WorkloadActual / {
    value = $(NF - 1); unit = $NF
    if (unit == "ns/op") value /= 1000; else if (unit == "ms/op") value *= 1000
    key = kind " " launch; sum[key] += value; count[key]++
  }
  function median(kind,    n, i, j, t, v) {
    n = 0
    for (key in sum) if (split(key, part, " ") && part[1] == kind) v[++n] = sum[key] / count[key]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n == 0 ? 0 : (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2)
  }
  END {
    for (key in sum) { split(key, part, " "); printf "%-6s launch %s: mean %7.2f us (%d iterations)\n", part[1], part[2], sum[key] / count[key], count[key] | "sort" }
    close("sort")
    bare = median("bare"); typed = median("typed"); remote = median("remote")
    if (bare == 0 || typed == 0 || remote == 0) { print "no measurements found in the output"; exit 1 }
    printf "median launch: bare %.2f us, typed %.2f us, remote %.2f us; remote/bare %.2f, remote/typed %.2f\n", bare, typed, remote, remote / bare, remote / typed
  }' "$log"
