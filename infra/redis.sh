#!/usr/bin/env bash
# Runs a local Redis server in the foreground (no container needed).
#
#   PORT      TCP port to listen on, 127.0.0.1 only (default 6379)
#   DATA_DIR  working directory of the server       (default <repo>/.data/redis)
#
# Redis is a cache here: nothing is persisted (no RDB snapshots, no AOF).
# The script execs redis-server, so stopping this process stops the server.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-6379}"
data_dir="${DATA_DIR:-$repo_root/.data/redis}"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis.sh: redis-server not found (apt-get install redis-server)" >&2
  exit 127
fi

mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"

echo "redis.sh: starting Redis on 127.0.0.1:$port (dir: $data_dir)"
exec redis-server \
  --port "$port" \
  --bind 127.0.0.1 \
  --protected-mode yes \
  --dir "$data_dir" \
  --save '' \
  --appendonly no \
  --daemonize no \
  --logfile '' \
  --loglevel notice
