#!/usr/bin/env bash
# Runs every test of the solution: unit, integration (real PostgreSQL, Redis, RabbitMQ started
# from infra/*.sh) and end to end (the whole app model through Aspire.Hosting.Testing).
# Installs the servers from the OS packages when missing. Ends with one line
#   N passed, N failed, N skipped
# summed over every test project, and exits non-zero when anything failed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

infra/install-packages.sh postgresql redis-server rabbitmq-server

results="$repo/TestResults"
rm -rf "$results"

dotnet build ExecutiveDashboard.sln -c Release -nologo

set +e
dotnet test ExecutiveDashboard.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" \
  --logger trx \
  --results-directory "$results" \
  --blame-hang-timeout 15m --blame-hang-dump-type none
status=$?
set -e

# One TRX per test project: sum their counters.
passed=0 failed=0 skipped=0 reports=0
counter() {
  local value
  value="$(sed -n "s/.*<Counters [^>]*\b$1=\"\([0-9]*\)\".*/\1/p" "$2" | head -n 1)"
  echo "${value:-0}"
}
while IFS= read -r -d '' trx; do
  reports=$((reports + 1))
  passed=$((passed + $(counter passed "$trx")))
  failed=$((failed + $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  skipped=$((skipped + $(counter notExecuted "$trx")))
done < <(find "$results" -name '*.trx' -print0 2>/dev/null)

# Test projects of the solution: those referencing the test SDK.
projects=0
while IFS= read -r project; do
  grep -q -E 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>true' "$project" && projects=$((projects + 1))
done < <(dotnet sln ExecutiveDashboard.sln list | grep -E '\.csproj$' | tr '\\' '/')
if (( reports < projects )); then
  echo "test.sh: $((projects - reports)) of $projects test projects produced no results (crashed or did not run)" >&2
  status=1
elif (( status != 0 && failed == 0 )); then
  echo "test.sh: dotnet test exited with $status" >&2
fi
(( failed > 0 )) && status=1

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
