#!/usr/bin/env bash
# Ruleset changes under load: lookups on loopback for 45 s (wrk) while ten publications and activations
# happen through the API. Passes when wrk saw no non-2xx answer and no socket error.
# Needs Debian's wrk (apt-get install wrk). Starts its own service on port 18080 with a throw-away H2
# database and the demo dataset; stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d)
AUTH=ops:ops-demo   # DEMO credentials of the embedded default
REVIEWER=reviewer:reviewer-demo   # the DEMO second person who approves each draft
KEY="X-Api-Key: tk_DEMO-sales-system-embedded-only"   # the embedded default's DEMO sales-system key

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

./mvnw -q -B -DskipTests package
java -jar target/customer-tiering-*.jar --server.port="${PORT}" \
  --spring.datasource.url="jdbc:h2:file:${WORK}/tiering;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  --tiering.rules.directory="$PWD/rules" --tiering.rule-tests.directory="$PWD/rule-tests" > "${WORK}/service.log" 2>&1 &
SERVICE=$!
trap 'kill ${SERVICE} 2>/dev/null || true; rm -rf "${WORK}"' EXIT

for _ in $(seq 1 120); do
  curl -sf -H "${KEY}" "${BASE}/api/v1/customers/CUST-00003/tier" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf -H "${KEY}" "${BASE}/api/v1/customers/CUST-00003/tier" >/dev/null || { echo "service did not answer" >&2; exit 1; }

wrk -t2 -c16 -d45s --latency -H "${KEY}" "${BASE}/api/v1/customers/CUST-00003/tier" > "${WORK}/wrk.txt" &
LOAD=$!
sleep 3

changes=0
first=$(curl -sf -u "${AUTH}" "${BASE}/api/v1/rulesets" | grep -o '"id":[0-9]*' | tail -1 | cut -d: -f2)
for i in 1 2 3 4 5; do
  draft=$(curl -sf -u "${AUTH}" -F files=@rules/tiers.xlsx -F "comment=load test ${i}" "${BASE}/api/v1/rulesets" \
    | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  curl -sf -u "${AUTH}" -X POST "${BASE}/api/v1/rulesets/${draft}/simulation" >/dev/null
  curl -sf -u "${REVIEWER}" -X POST "${BASE}/api/v1/rulesets/${draft}/approval" >/dev/null   # four eyes
  curl -sf -u "${AUTH}" -X POST "${BASE}/api/v1/rulesets/${draft}/publish" >/dev/null && changes=$((changes + 1))
  curl -sf -u "${AUTH}" -X POST "${BASE}/api/v1/rulesets/${first}/activate" >/dev/null && changes=$((changes + 1))
done
wait ${LOAD}

cat "${WORK}/wrk.txt"
echo "ruleset publications and activations during the load: ${changes}"
if grep -q "Non-2xx" "${WORK}/wrk.txt" || grep -q "Socket errors" "${WORK}/wrk.txt" || [ "${changes}" -ne 10 ]; then
  echo "FAILED: some lookups were not answered 2xx, or a change did not go through" >&2
  exit 1
fi
echo "OK: no lookup failed while the rules changed ${changes} times"
