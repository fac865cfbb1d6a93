#!/usr/bin/env bash
# Runs every test: the web page's component tests (vitest), and the solution's unit, integration (real
# PostgreSQL, Redis, RabbitMQ started from infra/*.sh) and end-to-end tests (the whole app model through
# Aspire.Hosting.Testing, and the built page in Debian's headless Chromium).
# Installs the servers and Chromium from the OS packages when missing. Ends with one line
#   N passed, N failed, N skipped
# summed over every test project, and exits non-zero when anything failed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

infra/check-prerequisites.sh test.sh
# fonts-dejavu-core: the fonts the exports service embeds in its PDFs.
infra/install-packages.sh postgresql redis-server rabbitmq-server chromium fonts-dejavu-core
# smtp4dev into .tools/: the real SMTP server of the digests' tests.
infra/install-smtp4dev.sh

results="$repo/TestResults"
rm -rf "$results"

# The page: built for the gateway to serve (the browser tests use it), then its component tests.
web/build.sh
set +e
(cd web && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$results/web/vitest.xml")
web_status=$?
set -e

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

# The page's tests: one JUnit report.
if [[ -f "$results/web/vitest.xml" ]]; then
  junit="$results/web/vitest.xml"
  web_tests="$(sed -n 's/.*<testsuites [^>]*\btests="\([0-9]*\)".*/\1/p' "$junit" | head -n 1)"
  web_failed="$(sed -n 's/.*<testsuites [^>]*\bfailures="\([0-9]*\)".*/\1/p' "$junit" | head -n 1)"
  web_errors="$(sed -n 's/.*<testsuites [^>]*\berrors="\([0-9]*\)".*/\1/p' "$junit" | head -n 1)"
  web_skipped="$(grep -c '<skipped' "$junit" || true)"
  failed=$((failed + ${web_failed:-0} + ${web_errors:-0}))
  skipped=$((skipped + web_skipped))
  passed=$((passed + ${web_tests:-0} - ${web_failed:-0} - ${web_errors:-0} - web_skipped))
fi
if (( web_status != 0 )); then
  echo "test.sh: the web page's tests (vitest) exited with $web_status" >&2
  status=1
  (( failed > 0 )) || failed=1
fi

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
