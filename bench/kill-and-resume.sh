#!/usr/bin/env bash
# Crash in the middle of a run: fills a MariaDB/MySQL database with N demo customers (default 100,000),
# lets the service's first evaluation run get about a third of the way, kills the service with SIGKILL,
# starts it again and waits for the run to be resumed (after tiering.run.stale-after, 15 s here) and
# to finish. Then checks in SQL: every customer has exactly one current decision, from that run; no
# customer has a duplicated history row; the history hash chains verify.
#
# Database: DB_HOST (127.0.0.1), DB_PORT (3306), DB_NAME (tiering_kill), DB_USER/DB_PASSWORD
# (tiering_kill/tiering_kill, created through the local `mariadb` client as the OS root user when
# DB_CREATE=yes, the default). The database is dropped and created again: use a throw-away one.
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-100000}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-tiering_kill}
DB_USER=${DB_USER:-tiering_kill}
DB_PASSWORD=${DB_PASSWORD:-tiering_kill}
PORT=${PORT:-18081}
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d)
# A throw-away auditor for this script's own reads (demo users exist only on the embedded H2 database).
BENCH_USER=(--tiering.security.users[0].name=bench "--tiering.security.users[0].password={noop}bench-throwaway"
  --tiering.security.users[0].roles[0]=AUDITOR)
CURL=(curl -sf -u bench:bench-throwaway)
SQL=(mariadb -h "${DB_HOST}" -P "${DB_PORT}" -u "${DB_USER}" "-p${DB_PASSWORD}" -N "${DB_NAME}")

if [ "${DB_CREATE:-yes}" = yes ]; then
  bash .ci/mariadb-database --fresh "${DB_NAME}" "${DB_USER}" "${DB_PASSWORD}"
fi

./mvnw -q -B -DskipTests package
start_service() {
  SPRING_DATASOURCE_URL="jdbc:mariadb://${DB_HOST}:${DB_PORT}/${DB_NAME}" \
  SPRING_DATASOURCE_USERNAME="${DB_USER}" SPRING_DATASOURCE_PASSWORD="${DB_PASSWORD}" \
  TIERING_DEMO_ENABLED=true TIERING_DEMO_CUSTOMERS="${CUSTOMERS}" TIERING_RUN_STALE_AFTER=PT15S \
  java -Xmx512m -jar target/customer-tiering-*.jar --server.port="${PORT}" "${BENCH_USER[@]}" >> "${WORK}/service.log" 2>&1 &
  SERVICE=$!
}
run_field() { "${CURL[@]}" "${BASE}/api/v1/evaluation-runs?limit=1" | python3 -c "import json,sys; r=json.load(sys.stdin); print(r[0]['$1'] if r else '')"; }
trap 'kill -9 ${SERVICE} 2>/dev/null || true; echo "service log: ${WORK}/service.log"' EXIT

start_service
echo "Loading ${CUSTOMERS} demo customers and starting the first run..."
until [ -n "$(run_field id 2>/dev/null)" ]; do sleep 2; done
RUN=$(run_field id)
until [ "$(run_field processed)" -ge $((CUSTOMERS / 3)) ]; do sleep 1; done
echo "Run ${RUN}: $(run_field processed) of ${CUSTOMERS} done; killing the service (SIGKILL)"
kill -9 "${SERVICE}"; wait "${SERVICE}" 2>/dev/null || true
BEFORE=$("${SQL[@]}" -e "SELECT processed_customers FROM evaluation_run WHERE id = ${RUN}")
echo "Committed before the kill: ${BEFORE} customers"

start_service
echo "Service restarted; waiting for the run to resume and finish..."
until [ "$(run_field status 2>/dev/null)" = COMPLETED ] || [ "$(run_field status 2>/dev/null)" = FAILED ]; do sleep 2; done
grep -E "Resuming evaluation run|Evaluation run ${RUN} completed" "${WORK}/service.log" || true

customers=$("${SQL[@]}" -e "SELECT COUNT(*) FROM customer")
from_run=$("${SQL[@]}" -e "SELECT COUNT(*) FROM current_decision WHERE run_id = ${RUN}")
decisions=$("${SQL[@]}" -e "SELECT COUNT(*) FROM current_decision")
processed=$("${SQL[@]}" -e "SELECT processed_customers FROM evaluation_run WHERE id = ${RUN}")
restarts=$("${SQL[@]}" -e "SELECT restarts FROM evaluation_run WHERE id = ${RUN}")
duplicated=$("${SQL[@]}" -e "SELECT COUNT(*) FROM (SELECT customer_id FROM decision_history GROUP BY customer_id, as_of, tier, plan_code, lifecycle_stage, rfm_segment, churn_triggers HAVING COUNT(*) > 1) d")
history=$("${SQL[@]}" -e "SELECT COUNT(*) FROM decision_history")
broken=$("${CURL[@]}" "${BASE}/api/v1/audit/verification" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['broken']))")
echo "run ${RUN}: status $(run_field status), processed ${processed}, restarts ${restarts}"
echo "customers ${customers}; current decisions ${decisions}, of which from run ${RUN}: ${from_run}"
echo "history rows ${history} (a fresh database: one per customer); customers with a duplicated history row: ${duplicated}; broken history chains: ${broken}"
if [ "$(run_field status)" = COMPLETED ] && [ "${from_run}" -eq "${customers}" ] && [ "${decisions}" -eq "${customers}" ] \
   && [ "${processed}" -eq "${customers}" ] && [ "${duplicated}" -eq 0 ] && [ "${history}" -eq "${customers}" ] && [ "${broken}" -eq 0 ] && [ "${restarts}" -ge 1 ]; then
  echo "OK: the run resumed after the kill and every customer has exactly one decision from it"
else
  echo "FAILED" >&2; exit 1
fi
