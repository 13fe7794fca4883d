#!/usr/bin/env bash
# The pipeline page at scale, and its size on the sample:
#   1. `viz --pipeline chain1000` of the benchmark project (Chains/Chain1000.cs: 1,000 nodes, 1,001 datasets, 2,000
#      arrows; the page also holds the project's four other pipelines): the layout time `viz` prints (MSAGL, when
#      the page is written) and the whole process's wall-clock time;
#   2. the time the page's own script takes to draw the chain in headless Chromium: the page records
#      performance.now() when its first drawing is done (html[data-render-ms], from navigation start: HTML and
#      JSON parsing included), read with chromium --dump-dom;
#   3. the size of samples/Spaceflights' page.
#
#   benchmarks/viz.sh [RUNS]        # default 5 runs of 1 and 2; prints every time and the medians
#
# Needs Debian's chromium (apt-get install -y chromium) or CHROMIUM=path/to/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-5}"
chromium="${CHROMIUM:-$(command -v chromium || echo /usr/lib/chromium/chromium)}"
if [[ ! -x "$chromium" ]]; then
  echo "Chromium is missing: apt-get install -y chromium (or set CHROMIUM)" >&2
  exit 1
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build benchmarks/Compiled.Benchmarks -c Release -v quiet -nologo >/dev/null
dotnet build samples/Spaceflights -c Release -v quiet -nologo >/dev/null
bench=benchmarks/Compiled.Benchmarks/bin/Release/net10.0/Compiled.Benchmarks.dll

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

layouts=(); walls=(); renders=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s.%N)
  line=$(dotnet "$bench" viz --pipeline chain1000 --output "$out/chain1000.html")
  end=$(date +%s.%N)
  layouts+=("$(sed -n 's/.* laid out in \([0-9.]*\) s\./\1/p' <<<"$line")")
  walls+=("$(awk "BEGIN { printf \"%.2f\", $end - $start }")")
  render=$("$chromium" --headless --no-sandbox --disable-gpu --dump-dom "file://$out/chain1000.html" 2>/dev/null \
    | sed -n 's/.*data-render-ms="\([0-9]*\)".*/\1/p' | head -1)
  renders+=("$render")
  echo "run $i: $line | viz process ${walls[-1]} s | drawn in Chromium ${render} ms"
done

echo "chain1000 page: $(stat -c %s "$out/chain1000.html") bytes"
echo "median layout (viz, MSAGL): $(printf '%s\n' "${layouts[@]}" | median) s"
echo "median viz process (start to exit): $(printf '%s\n' "${walls[@]}" | median) s"
echo "median drawing in Chromium: $(printf '%s\n' "${renders[@]}" | median) ms"

dotnet samples/Spaceflights/bin/Release/net10.0/Spaceflights.dll viz --output "$out/spaceflights.html" >/dev/null
echo "Spaceflights page: $(stat -c %s "$out/spaceflights.html") bytes"
