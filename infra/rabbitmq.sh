#!/usr/bin/env bash
# Runs a local RabbitMQ broker in the foreground (no container needed).
#
#   PORT       AMQP port, 127.0.0.1 only                        (default 5672)
#   DIST_PORT  Erlang distribution port, 127.0.0.1 only          (default PORT+20000, or PORT-20000)
#   DATA_DIR   home, database, logs and config of the broker     (default <repo>/.data/rabbitmq)
#
# The user guest/guest may connect from localhost. No plugins (no management UI).
# The Erlang VM replaces this process, so stopping it stops the broker: SIGTERM stops it
# cleanly, SIGINT and SIGKILL at once. epmd, the Erlang port mapper, is shared and stays up.
#
# Each start uses a new node name, because epmd can still hold the name of a node that was
# just killed. The broker's database is tied to its node name, so queues do not survive a
# restart: fine for a development broker whose clients declare their topology at start.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-5672}"
data_dir="${DATA_DIR:-$repo_root/.data/rabbitmq}"
if [[ -n "${DIST_PORT:-}" ]]; then
  dist_port="$DIST_PORT"
elif (( port + 20000 <= 65535 )); then
  dist_port=$((port + 20000))
else
  dist_port=$((port - 20000))
fi
rabbit_bin=/usr/lib/rabbitmq/bin/rabbitmq-server

if [[ ! -x "$rabbit_bin" ]]; then
  echo "rabbitmq.sh: $rabbit_bin not found (apt-get install rabbitmq-server)" >&2
  exit 127
fi

mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"
mkdir -p "$data_dir/home" "$data_dir/log" "$data_dir/mnesia"
# Databases of earlier node names can never be reopened (see above).
find "$data_dir/mnesia" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
echo '[].' > "$data_dir/enabled_plugins"
cat > "$data_dir/rabbitmq.conf" <<CONF
loopback_users.guest = true
log.console = true
log.console.level = info
log.file = false
# The second storage version of classic queues (opt-in in 3.10, the default from 4.0): fewer reductions per
# persistent message, and every notification reaches several durable queues (docs/performance.md, Ingest).
classic_queue.default_version = 2
CONF

export HOME="$data_dir/home"
export RABBITMQ_NODENAME="rabbit-$port-$$@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="$dist_port"
export RABBITMQ_MNESIA_BASE="$data_dir/mnesia"
export RABBITMQ_LOG_BASE="$data_dir/log"
export RABBITMQ_LOGS=-
export RABBITMQ_PID_FILE="$data_dir/rabbitmq.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$data_dir/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$data_dir/rabbitmq.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$data_dir/advanced.config"
export RABBITMQ_CONF_ENV_FILE="$data_dir/rabbitmq-env.conf"
export ERL_CRASH_DUMP="$data_dir/log/erl_crash.dump"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
# Without ALLOW_INPUT, rabbitmq-server runs the VM as a background child of a shell that only
# forwards signals, and killing that shell would orphan the broker. With it, the VM takes over
# this process; -noinput keeps the Erlang shell closed and +B lets SIGINT stop the VM.
export RABBITMQ_ALLOW_INPUT=true
export RABBITMQ_SERVER_START_ARGS="-noinput +B"

echo "rabbitmq.sh: starting RabbitMQ node $RABBITMQ_NODENAME on 127.0.0.1:$port (dist $dist_port, data: $data_dir)"
exec "$rabbit_bin"
