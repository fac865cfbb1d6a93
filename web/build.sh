#!/usr/bin/env bash
# Installs the page's npm packages (exact versions of package-lock.json) when they changed, and builds the
# page into web/dist, which the gateway serves at /. Used by run.sh and test.sh; needs Node.js 20+ and npm.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v npm >/dev/null 2>&1; then
  echo "web/build.sh: Node.js 20+ and npm are needed to build the page (web/)" >&2
  exit 1
fi
# Vite 8 does not install with npm 10: bring npm up to 11 when the machine has an older one.
if (( $(npm --version | cut -d. -f1) < 11 )); then
  echo "web/build.sh: npm $(npm --version) is too old for Vite 8; installing npm 11"
  npm install --global --no-audit --no-fund npm@11
fi

# npm ci starts from scratch: skip it while node_modules matches the lock file.
if ! cmp -s package-lock.json node_modules/.package-lock.json.installed 2>/dev/null; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.package-lock.json.installed
fi
npm run build --silent
