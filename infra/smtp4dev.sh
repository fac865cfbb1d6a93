#!/usr/bin/env bash
# Runs smtp4dev in the foreground: an SMTP server that accepts every mail (relaying none) and keeps it, in memory, for
# its web UI and REST API (/api/messages).
#
#   PORT      SMTP port, 127.0.0.1 only           (default 2525)
#   WEB_PORT  web UI and REST API port, 127.0.0.1 (default 5080)
#   DATA_DIR  working directory                   (default <repo>/.data/smtp4dev)
#
# Installs the tool into <repo>/.tools first if missing (infra/install-smtp4dev.sh).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-2525}"
web_port="${WEB_PORT:-5080}"
data_dir="${DATA_DIR:-$repo_root/.data/smtp4dev}"

"$repo_root/infra/install-smtp4dev.sh"
mkdir -p "$data_dir"
cd "$data_dir"

echo "smtp4dev.sh: starting smtp4dev, SMTP on 127.0.0.1:$port, web on 127.0.0.1:$web_port (dir: $data_dir)"
exec "$repo_root/.tools/smtp4dev/smtp4dev" \
  --smtpport="$port" \
  --urls="http://127.0.0.1:$web_port" \
  --db= \
  --hostname=localhost \
  --nousersettings \
  --tlsmode=None \
  --messagestokeep=100000 \
  --allowremoteconnections- \
  --imapport= \
  --pop3port=
