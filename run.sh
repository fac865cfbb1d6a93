#!/usr/bin/env bash
# Starts the whole Executive Dashboard on this machine: PostgreSQL, Redis, RabbitMQ, the services
# and the gateway, through the Aspire AppHost. Stays in the foreground; Ctrl-C stops everything.
#
#   ./run.sh            with demo data (the simulator backfills 90 days, then keeps a live trickle)
#   ./run.sh --no-demo  an empty system
#   ./run.sh --release  Release builds (for benchmarks)
#   ./run.sh --replicas N  N instances of every service and of the gateway (default 1), behind Aspire's proxy
#
# Needs the .NET 10 SDK, and Node.js 20+ with npm for the web page. Without a container engine it installs the servers from the OS packages
# (postgresql, redis-server, rabbitmq-server) and runs them as local processes, data in .data/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

demo=true
configuration=Debug
replicas=1
while (( $# > 0 )); do
  case "$1" in
    --no-demo) demo=false ;;
    --release) configuration=Release ;;
    --replicas)
      if [[ "${2:-}" =~ ^[1-9][0-9]*$ ]]; then replicas="$2"; shift
      else echo "run.sh: --replicas needs a whole number of 1 or more (e.g. --replicas 2)" >&2; exit 2; fi ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

infra/check-prerequisites.sh run.sh

gateway_port="${Gateway__Port:-8080}"
gateway="http://localhost:$gateway_port"
aspire_dashboard="http://localhost:18888"
log_dir="$repo/.data"
log="$log_dir/apphost.log"

say() { printf '\033[1m%s\033[0m\n' "$*"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for port in "$gateway_port" 18888 18889 18890; do
  if port_in_use "$port"; then
    echo "run.sh: port $port is already in use (another ./run.sh?). Stop it first; the gateway port can be changed with Gateway__Port=…" >&2
    exit 1
  fi
done

# Servers: Aspire's containers when an engine answers, otherwise local processes from OS packages.
case "${EXECUTIVE_DASHBOARD_INFRA:-}" in
  containers) infra=containers ;;
  local) infra=local ;;
  *) if timeout 5 "${ASPIRE_CONTAINER_RUNTIME:-docker}" info >/dev/null 2>&1; then infra=containers; else infra=local; fi ;;
esac
if [[ "$infra" == local ]]; then
  say "Infrastructure: local PostgreSQL, Redis and RabbitMQ processes"
  infra/install-packages.sh postgresql redis-server rabbitmq-server
else
  say "Infrastructure: containers"
fi
export EXECUTIVE_DASHBOARD_INFRA="$infra"
# The fonts the exports service embeds in its PDFs (DejaVu Sans), read from the OS, never downloaded at run time.
infra/install-packages.sh fonts-dejavu-core
# smtp4dev (the Rnwood.Smtp4dev dotnet tool) into .tools/: the local SMTP server whose web UI shows every digest sent.
infra/install-smtp4dev.sh
# Read by the AppHost as Demo:Enabled (demo-data simulator).
export Demo__Enabled="$demo"
# Read by the AppHost as Replicas (instances of every service and of the gateway).
export Replicas="$replicas"

mkdir -p "$log_dir"
say "Building the web page…"
web/build.sh >"$log_dir/web-build.log" 2>&1 || { tail -n 40 "$log_dir/web-build.log" >&2; exit 1; }
say "Building the services…"
dotnet build ExecutiveDashboard.AppHost -c "$configuration" -nologo -v quiet -clp:"ErrorsOnly;NoSummary"

say "Starting the AppHost (log: ${log#"$repo"/})…"
started=$SECONDS
dotnet run --no-build -c "$configuration" --project ExecutiveDashboard.AppHost --launch-profile http >"$log" 2>&1 &
apphost=$!

stop() {
  trap - EXIT INT TERM
  if kill -0 "$apphost" 2>/dev/null; then
    say "Stopping…"
    # `dotnet run` and the AppHost below it; SIGTERM, since SIGINT may be ignored in the background.
    for pid in $(pgrep -P "$apphost" || true) "$apphost"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 60); do kill -0 "$apphost" 2>/dev/null || break; sleep 1; done
    for pid in $(pgrep -P "$apphost" || true) "$apphost"; do kill -KILL "$pid" 2>/dev/null || true; done
  fi
  # The orchestrator stops the servers and services shortly after the AppHost exits; its proxy
  # holds the gateway port until it is done.
  for _ in $(seq 1 30); do
    pgrep -f "$repo/\.data/" >/dev/null || port_in_use "$gateway_port" || break
    sleep 1
  done
}
trap stop EXIT
trap 'exit 130' INT TERM

# Every wait is bounded: the orchestrator's proxy accepts connections before the gateway behind it answers, and
# the AppHost reports a resource that exits or stays unhealthy ("Resource failed:", StartupWatchdog) with its own
# last log lines, which are shown here.
say "Waiting for the gateway at $gateway/health…"
until curl -sf --connect-timeout 2 --max-time 5 -o /dev/null "$gateway/health"; do
  if ! kill -0 "$apphost" 2>/dev/null; then
    echo "run.sh: the AppHost exited. Last lines of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if grep -q 'Resource failed:' "$log"; then
    echo "run.sh: the system cannot start:" >&2
    sed -n '/Resource failed:/,$p' "$log" | head -n 80 >&2
    exit 1
  fi
  if (( SECONDS - started > 170 )); then
    echo "run.sh: the gateway did not answer within 170 s of the AppHost's start. Last lines of $log:" >&2
    tail -n 40 "$log" >&2
    echo "run.sh: the Aspire dashboard ($aspire_dashboard) shows every resource's state and logs while it runs" >&2
    exit 1
  fi
  sleep 1
done
elapsed=$((SECONDS - started))

token="$(curl -s --max-time 10 -X POST "$gateway/api/dev/token" -H 'content-type: application/json' \
  -d '{"role":"ceo","workspaces":"*","name":"Demo CEO"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"

echo
say "Executive Dashboard is running (started in ${elapsed} s)"
echo "  Dashboard:        $gateway   (open it and sign in; the CEO of every workspace is the default)"
echo "  Aspire dashboard: $aspire_dashboard   (logs, traces, metrics of every service)"
echo "  CEO token:        ${token:-(not available: POST $gateway/api/dev/token failed)}"
echo "  Try:"
echo "    TOKEN='$token'"
echo "    curl -s -H \"Authorization: Bearer \$TOKEN\" '$gateway/api/executive/overview?workspace_id=all&timeframe=30d'"
echo
echo "Press Ctrl-C to stop."
wait "$apphost"
