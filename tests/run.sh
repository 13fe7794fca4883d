#!/usr/bin/env bash
# The test command: installs what the tests need and this machine lacks, then runs every test of the solution.
#   - Chromium (Debian's package), for the visualisation's browser tests (tests/Compiled.Viz.Tests);
#   - the object store emulators Azurite and s3rver (npm, tests/servers/package-lock.json), for tests/Compiled.Storage.Tests;
#   - redis-server (Debian's package), the membership table of the multi-process Orleans cluster tests (tests/Compiled.Cluster.Tests);
# Servers and browsers are started and stopped by the tests themselves, on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]} (Debian packages)..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

debian=()
if [ -z "${COMPILED_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then debian+=(chromium); fi
if ! command -v redis-server >/dev/null 2>&1; then debian+=(redis-server); fi
if [ ${#debian[@]} -gt 0 ]; then apt_install "${debian[@]}"; fi

if [ ! -d tests/servers/node_modules ]; then
  echo "Installing the object store emulators (npm ci in tests/servers)..."
  (cd tests/servers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

dotnet test Compiled.sln -c Release "$@"
