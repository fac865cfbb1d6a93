#!/usr/bin/env bash
# Installs smtp4dev (the Rnwood.Smtp4dev dotnet tool: a real SMTP server that keeps every mail and shows it in a web UI)
# into <repo>/.tools/smtp4dev unless that version is already there. run.sh and test.sh call it; the app model and the
# tests run the tool from there (no global install, no container).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="3.15.0"
tool_path="$repo_root/.tools/smtp4dev"

if [[ -x "$tool_path/smtp4dev" ]] && grep -qs "$version" "$tool_path/.version"; then
  exit 0
fi
rm -rf "$tool_path"
dotnet tool install Rnwood.Smtp4dev --version "$version" --tool-path "$tool_path" >/dev/null
echo "$version" > "$tool_path/.version"
