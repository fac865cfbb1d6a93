#!/usr/bin/env bash
# Fails at once, saying what is missing, when this machine lacks what run.sh and test.sh need beyond the
# packages they install themselves: the .NET 10 SDK, and Node.js 20+ with npm (for the web page).
set -euo pipefail

problems=()
if ! command -v dotnet >/dev/null 2>&1; then
  problems+=("the .NET 10 SDK is not installed (no 'dotnet' on PATH)")
elif ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  problems+=("the .NET 10 SDK is missing (dotnet --list-sdks: $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' '))")
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  problems+=("Node.js 20+ with npm is not installed (needed to build the web page)")
elif (( $(node --version | sed 's/^v//' | cut -d. -f1) < 20 )); then
  problems+=("Node.js $(node --version) is too old; 20 or newer is needed")
fi

if (( ${#problems[@]} > 0 )); then
  for problem in "${problems[@]}"; do echo "$(basename "${1:-check-prerequisites}"): $problem" >&2; done
  exit 1
fi
