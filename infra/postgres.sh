#!/usr/bin/env bash
# Runs a local PostgreSQL 15 server in the foreground (no container needed).
#
#   PORT      TCP port to listen on, 127.0.0.1 only       (default 5432)
#   DATA_DIR  cluster directory, initialised on first use (default <repo>/.data/postgres); as root, when user
#             postgres cannot reach it, a link to /var/lib/postgresql/executive-dashboard/<hash of its path>
#   PG_BIN    server binaries                            (default: newest /usr/lib/postgresql/*/bin)
#   SHARED_BUFFERS  PostgreSQL's own page cache          (default 256MB, enough for the tests' small databases)
#
# The script execs the postmaster, so stopping this process stops the server:
# SIGINT = fast shutdown, SIGTERM = smart shutdown (waits for clients), SIGKILL = immediate.
# Authentication is `trust` for user postgres from 127.0.0.1 only: a local dev server, no secrets.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-5432}"
data_dir="${DATA_DIR:-$repo_root/.data/postgres}"
pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

if [[ ! -x "$pg_bin/postgres" ]]; then
  echo "postgres.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 127
fi

# PostgreSQL refuses to run as root: as root, run it as the `postgres` system user.
as_pg=()
if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

# As root, the server runs as `postgres`, which cannot pass through a private home directory (a clone in
# /root, mode 700). Rather than opening the home to everyone, the cluster then lives in the postgres user's own
# home, one per data directory asked for, and DATA_DIR becomes a symbolic link to it.
if [[ ${#as_pg[@]} -gt 0 && ! -L "$data_dir" ]]; then
  mkdir -p "$data_dir"
  if ! "${as_pg[@]}" test -x "$data_dir"; then
    asked="$(cd "$data_dir" && pwd)"
    reachable="/var/lib/postgresql/executive-dashboard/$(printf '%s' "$asked" | sha256sum | cut -c1-16)"
    echo "postgres.sh: user postgres cannot reach $asked (a parent directory is private); the cluster lives in $reachable"
    mkdir -p "$reachable"
    chown postgres:postgres "$(dirname "$reachable")"
    rmdir "$data_dir" 2>/dev/null || true
    if [[ -e "$data_dir" ]]; then
      echo "postgres.sh: $asked is not empty; move it away, or clone the repository where user postgres can reach it" >&2
      exit 1
    fi
    ln -s "$reachable" "$data_dir"
  fi
fi

[[ -L "$data_dir" ]] && mkdir -p "$(readlink "$data_dir")"
mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd -P)"
if [[ ${#as_pg[@]} -gt 0 ]]; then
  chown postgres:postgres "$data_dir"
  if ! "${as_pg[@]}" test -x "$data_dir"; then
    echo "postgres.sh: user postgres cannot reach $data_dir (a parent directory is not searchable)" >&2
    exit 1
  fi
fi
chmod 700 "$data_dir"

if [[ ! -s "$data_dir/PG_VERSION" ]]; then
  echo "postgres.sh: initialising a new cluster in $data_dir"
  "${as_pg[@]}" "$pg_bin/initdb" --pgdata="$data_dir" --username=postgres \
    --auth-local=trust --auth-host=reject --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat > "$data_dir/pg_hba.conf" <<'HBA'
# Local development server: only the postgres user, only from this machine.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 trust
host    all       postgres  127.0.0.1/32   trust
host    all       postgres  ::1/128        trust
HBA
  [[ ${#as_pg[@]} -gt 0 ]] && chown postgres:postgres "$data_dir/pg_hba.conf"
fi

# A server killed with SIGKILL leaves its lock file behind; drop it unless that process still runs.
if [[ -f "$data_dir/postmaster.pid" ]]; then
  old_pid="$(head -n 1 "$data_dir/postmaster.pid" || true)"
  if [[ -z "$old_pid" || "$(cat "/proc/$old_pid/comm" 2>/dev/null || true)" != postgres ]]; then
    rm -f "$data_dir/postmaster.pid"
  fi
fi

# The unix socket lives in the data dir when the path is short enough (sockets are limited to
# 107 bytes); clients here connect over TCP anyway.
socket_dir="$data_dir"
if (( ${#data_dir} > 80 )); then socket_dir=""; fi

# Checkpoints at most every 15 minutes or 4 GB of WAL: under a bulk ingest the defaults (5 min, 1 GB)
# checkpoint every minute or so, and every page touched after a checkpoint is written to the WAL in full.
echo "postgres.sh: starting PostgreSQL on 127.0.0.1:$port (data: $data_dir)"
exec "${as_pg[@]}" "$pg_bin/postgres" -D "$data_dir" -p "$port" -k "$socket_dir" \
  -c listen_addresses=127.0.0.1 \
  -c max_connections=200 \
  -c shared_buffers="${SHARED_BUFFERS:-256MB}" \
  -c fsync=on \
  -c max_wal_size=4GB \
  -c checkpoint_timeout=15min \
  -c logging_collector=off \
  -c log_checkpoints=off \
  -c log_min_messages=warning \
  -c log_line_prefix='%m [%p] '
