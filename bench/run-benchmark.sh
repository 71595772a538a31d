#!/usr/bin/env bash
# Evaluation-run benchmark on MariaDB/MySQL: generates N customers (default 1,000,000, about ten orders
# each) with the data generator, then runs the service with -Xmx512m and times four full runs:
#   1. the shipped rules, first run (every customer gets its first decision and history row)
#   2. the shipped rules again, nothing changed (must write no history row)
#   3. a ruleset that does nothing (bench/noop-rules), first run with it
#   4. the same again, nothing changed: the baseline
# and prints customers per second for each, the ratios 2/4 and 1/3, and where each run spent its time
# (reading facts, rules, recording). The service and the database share this machine's cores.
#
# Database: DB_HOST (127.0.0.1), DB_PORT (3306), DB_NAME (tiering_bench), DB_USER/DB_PASSWORD
# (tiering_bench/tiering_bench), dropped and created again through the local `mariadb` client as the OS
# root user unless DB_CREATE=no. GENERATE=no reuses the customers already in the database.
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-1000000}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-tiering_bench}
DB_USER=${DB_USER:-tiering_bench}
DB_PASSWORD=${DB_PASSWORD:-tiering_bench}
PORT=${PORT:-18083}
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d)
SQL=(mariadb -h "${DB_HOST}" -P "${DB_PORT}" -u "${DB_USER}" "-p${DB_PASSWORD}" -N "${DB_NAME}")
export SPRING_DATASOURCE_URL="jdbc:mariadb://${DB_HOST}:${DB_PORT}/${DB_NAME}"
export SPRING_DATASOURCE_USERNAME="${DB_USER}" SPRING_DATASOURCE_PASSWORD="${DB_PASSWORD}"
export TIERING_RUN_CRON=- TIERING_EVENTS_ENABLED=false TIERING_DEMO_ENABLED=false
# A throw-away operations manager for this script's own requests (demo users exist only on the embedded H2).
BENCH_USER=(--tiering.security.users[0].name=bench "--tiering.security.users[0].password={noop}bench-throwaway"
  --tiering.security.users[0].roles[0]=OPS_MANAGER)
CURL=(curl -sf -u bench:bench-throwaway)
SERVICE=
trap '[ -n "${SERVICE}" ] && kill "${SERVICE}" 2>/dev/null; echo "logs: ${WORK}"' EXIT

if [ "${DB_CREATE:-yes}" = yes ] && [ "${GENERATE:-yes}" = yes ]; then
  bash .ci/mariadb-database --fresh "${DB_NAME}" "${DB_USER}" "${DB_PASSWORD}"
fi

./mvnw -q -B -DskipTests package
JAR=$(ls target/customer-tiering-*.jar)
if [ "${GENERATE:-yes}" = yes ]; then
  echo "== Generating ${CUSTOMERS} customers"
  java -jar "${JAR}" --generate --customers="${CUSTOMERS}" --seed=7
fi
echo "customers $("${SQL[@]}" -e 'SELECT COUNT(*) FROM customer'), orders $("${SQL[@]}" -e 'SELECT COUNT(*) FROM customer_order'), interactions $("${SQL[@]}" -e 'SELECT COUNT(*) FROM interaction')"

start_service() { # rules directory, rule-tests directory
  LOG="${WORK}/service-$(basename "$1").log"
  java -Xmx512m -jar "${JAR}" --server.port="${PORT}" --tiering.rules.directory="$1" \
    --tiering.rule-tests.directory="$2" "${BENCH_USER[@]}" > "${LOG}" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 180); do curl -sf "${BASE}/actuator/health" >/dev/null 2>&1 && return; sleep 1; done
  echo "service did not start" >&2; exit 1
}
stop_service() { kill "${SERVICE}"; wait "${SERVICE}" 2>/dev/null || true; SERVICE=; }

declare -A RATE
run() { # label
  local before after location json
  before=$("${SQL[@]}" -e "SELECT COUNT(*) FROM decision_history")
  location=$("${CURL[@]}" -i -X POST "${BASE}/api/v1/evaluation-runs" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
  until json=$("${CURL[@]}" "${BASE}${location}") && ! grep -q '"RUNNING"' <<< "${json}"; do sleep 2; done
  after=$("${SQL[@]}" -e "SELECT COUNT(*) FROM decision_history")
  RATE[$1]=$(python3 - "${json}" "$1" "$((after - before))" <<'PY'
import json, sys
from datetime import datetime
run = json.loads(sys.argv[1])
seconds = (datetime.fromisoformat(run["finishedAt"].replace("Z", "+00:00"))
           - datetime.fromisoformat(run["startedAt"].replace("Z", "+00:00"))).total_seconds()
rate = run["processed"] / seconds
print(f"{rate:.1f}")
print(f"{sys.argv[2]:<34} {run['status']:<9} {run['processed']:>9} customers {seconds:8.1f} s {rate:9.1f}/s"
      f"  changed {run['changed']:>9}  history rows written {sys.argv[3]:>9}", file=sys.stderr)
PY
)
  grep -o "time in chunks: .*" "${LOG}" | tail -1 | sed 's/^/    /'
}

echo "== Shipped rules"
start_service "$PWD/rules" "$PWD/rule-tests"
run "1 shipped rules, first run"
run "2 shipped rules, unchanged re-run"
stop_service
echo "== Baseline: a ruleset that does nothing"
start_service "$PWD/bench/noop-rules" "$PWD/bench/noop-rules"
run "3 no-op ruleset, first run"
run "4 no-op ruleset, unchanged re-run"
stop_service

python3 - "${RATE[2 shipped rules, unchanged re-run]}" "${RATE[4 no-op ruleset, unchanged re-run]}" \
  "${RATE[1 shipped rules, first run]}" "${RATE[3 no-op ruleset, first run]}" <<'PY'
import sys
rerun, base_rerun, first, base_first = map(float, sys.argv[1:])
print(f"re-run with the shipped rules / re-run with the no-op ruleset: {rerun:.1f} / {base_rerun:.1f} = {rerun / base_rerun:.2f}")
print(f"first run with the shipped rules / first no-op run:            {first:.1f} / {base_first:.1f} = {first / base_first:.2f}")
print(f"target: 15,000 customers/s end to end; measured {rerun:.0f}/s on the re-run ({rerun / 15000:.2f} of it)")
PY
