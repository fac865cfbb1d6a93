#!/usr/bin/env bash
# Installs the given Debian/Ubuntu packages that are not installed yet, e.g.
#   infra/install-packages.sh postgresql redis-server rabbitmq-server
# Uses sudo when not root; refreshes the package lists only when a package is unknown to them.
set -euo pipefail

missing=()
for package in "$@"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done
(( ${#missing[@]} == 0 )) && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-packages.sh: please install ${missing[*]} (no apt-get on this machine)" >&2
  exit 1
fi

as_root=()
if [[ "$(id -u)" != 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-packages.sh: ${missing[*]} must be installed, as root (no sudo here)" >&2
    exit 1
  fi
  as_root=(sudo)
fi

has_candidate() {
  apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'
}

for package in "${missing[@]}"; do
  if ! has_candidate "$package"; then
    echo "install-packages.sh: apt-get update"
    "${as_root[@]}" apt-get update -qq
    break
  fi
done

echo "install-packages.sh: apt-get install ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
