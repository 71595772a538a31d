#!/usr/bin/env bash
# HTTP lookups against the framework's ceiling (issue 8 item 2). Builds the jar, starts it on loopback with a
# throw-away H2 database and the demo dataset, waits for the demo evaluation run, warms up, then runs Debian's
# wrk against
#   - a trivial endpoint, GET /api/v1/ping, behind the same security chain as the lookups (the ceiling),
#   - single tier lookups, GET /api/v1/customers/{id}/tier, rotating over every demo customer,
#   - bulk lookups, POST /api/v1/tiers/lookup with 100 ids per request,
# all with the embedded default's DEMO sales-system API key, and prints requests/s, p50 and p99 with the
# ratios to the trivial endpoint and PASS/MISS against issue 8's targets. The trivial endpoint is measured
# before and after the lookups; the baseline is the mean of the two, so a neighbour's load that comes or goes
# during the run shows as a gap between them. Installs wrk with apt-get when it is missing.
#
#   CONNECTIONS=32   connections of the measured runs; a list ("8 32 64") prints a table for each
#   DURATION=30s     each measured run;  WARMUP=15s  each endpoint before measuring
#   THREADS=2        wrk threads;        HEAP=1g     the service's fixed heap (-Xms = -Xmx)
#   PORT=18082       BUILD_DIR=target (Maven's output folder);  SKIP_BUILD=1 uses the jar already built
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-15s}
THREADS=${THREADS:-2}
HEAP=${HEAP:-1g}
PORT=${PORT:-18082}
BUILD_DIR=${BUILD_DIR:-target}
BASE="http://127.0.0.1:${PORT}"
KEY="X-Api-Key: tk_DEMO-sales-system-embedded-only"   # the embedded default's DEMO sales-system key
OPS=ops:ops-demo                                       # DEMO credentials of the embedded default
BULK=100
TARGET_RATIO=0.70
TARGET_P99_MS=10
WORK=$(mktemp -d)

if ! command -v wrk >/dev/null; then
  echo "Installing Debian's wrk"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  ${SUDO} apt-get update -qq && ${SUDO} apt-get install -y -qq wrk >/dev/null
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -Dtiering.build.dir="${BUILD_DIR}" -DskipTests package
fi
JAR=$(ls "${BUILD_DIR}"/customer-tiering-*.jar | grep -v -- '-plain' | head -1)

java -Xms"${HEAP}" -Xmx"${HEAP}" -jar "${JAR}" --server.address=127.0.0.1 --server.port="${PORT}" \
  --spring.datasource.url="jdbc:h2:file:${WORK}/tiering;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  --tiering.rules.directory="$PWD/rules" --tiering.rule-tests.directory="$PWD/rule-tests" > "${WORK}/service.log" 2>&1 &
SERVICE=$!
trap 'kill ${SERVICE} 2>/dev/null || true; wait ${SERVICE} 2>/dev/null || true; rm -rf "${WORK}"' EXIT

echo "Waiting for the service and its demo evaluation run"
for _ in $(seq 1 300); do
  runs=$(curl -sf -u "${OPS}" "${BASE}/api/v1/evaluation-runs" 2>/dev/null || true)
  if [[ "${runs}" == *'"status":"COMPLETED"'* ]]; then break; fi
  if ! kill -0 ${SERVICE} 2>/dev/null; then tail -30 "${WORK}/service.log" >&2; exit 1; fi
  sleep 1
done
CUSTOMERS=$(echo "${runs}" | grep -o '"processed":[0-9]*' | head -1 | cut -d: -f2)
if [[ "${runs}" != *'"status":"COMPLETED"'* ]] || [ -z "${CUSTOMERS}" ]; then
  echo "The demo run did not complete: ${runs}" >&2
  exit 1
fi
for url in "${BASE}/api/v1/ping" "${BASE}/api/v1/customers/CUST-00001/tier"; do
  curl -sf -H "${KEY}" "${url}" >/dev/null || { echo "${url} did not answer 200" >&2; exit 1; }
done

# wrk's latency figures (e.g. 812.00us, 1.20ms, 1.05s) in milliseconds
in_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}

# Runs wrk and sets RPS, P50, P99; a non-2xx answer or a socket error makes the figures meaningless.
measure() {
  local name=$1 duration=$2 connections=$3
  shift 3
  local out="${WORK}/${name}-${connections}.txt"
  wrk -t"${THREADS}" -c"${connections}" -d"${duration}" --latency -H "${KEY}" "$@" > "${out}"
  if grep -q -e "Non-2xx" -e "Socket errors" "${out}"; then
    cat "${out}" >&2
    echo "FAILED: ${name} had errors; the figures would not be lookups" >&2
    exit 1
  fi
  RPS=$(awk '/^Requests\/sec:/ { print $2 }' "${out}")
  P50=$(in_ms "$(awk '$1 == "50%" { print $2 }' "${out}")")
  P99=$(in_ms "$(awk '$1 == "99%" { print $2 }' "${out}")")
}

trivial() { measure "$1" "$2" "$3" "${BASE}/api/v1/ping"; }
single() { measure "$1" "$2" "$3" -s bench/http-lookup.lua "${BASE}" -- "${CUSTOMERS}"; }
bulk() { measure "$1" "$2" "$3" -s bench/http-bulk-lookup.lua "${BASE}" -- "${CUSTOMERS}" "${BULK}"; }

row() { printf '%-44s %11.1f %9.2f %9.2f\n' "$1" "$2" "$3" "$4"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "PASS" : "MISS") }'; }

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "service: $(java -version 2>&1 | head -1), -Xms${HEAP} -Xmx${HEAP}, embedded H2, ${CUSTOMERS} demo customers, loopback"
echo "load:    wrk -t${THREADS} -d${DURATION} --latency, after ${WARMUP} of warm-up per endpoint"
for c in ${CONNECTIONS}; do
  trivial warmup-trivial "${WARMUP}" "${c}"
  single warmup-single "${WARMUP}" "${c}"
  bulk warmup-bulk "${WARMUP}" "${c}"

  trivial trivial-before "${DURATION}" "${c}"; T1=(${RPS} ${P50} ${P99})
  single single "${DURATION}" "${c}"; S=(${RPS} ${P50} ${P99})
  bulk bulk "${DURATION}" "${c}"; B=(${RPS} ${P50} ${P99})
  trivial trivial-after "${DURATION}" "${c}"; T2=(${RPS} ${P50} ${P99})
  BASELINE=$(awk -v a="${T1[0]}" -v b="${T2[0]}" 'BEGIN { printf "%.1f", (a + b) / 2 }')
  IDS=$(awk -v r="${B[0]}" -v n="${BULK}" 'BEGIN { printf "%.1f", r * n }')

  echo
  printf '%-44s %11s %9s %9s\n' "${c} connections" "requests/s" "p50 ms" "p99 ms"
  row "trivial GET /api/v1/ping (before)" "${T1[@]}"
  row "single GET /api/v1/customers/{id}/tier" "${S[@]}"
  row "bulk POST /api/v1/tiers/lookup (${BULK} ids)" "${B[@]}"
  row "trivial GET /api/v1/ping (after)" "${T2[@]}"
  printf '%-44s %11.1f\n' "trivial baseline (mean of before and after)" "${BASELINE}"
  printf '%-44s %11.1f\n' "bulk: ids/s" "${IDS}"
  SR=$(ratio "${S[0]}" "${BASELINE}")
  echo "single lookup / trivial requests/s:       ${SR}  target >= ${TARGET_RATIO}: $(verdict "$(awk -v r="${SR}" -v t="${TARGET_RATIO}" 'BEGIN { print r >= t }')")"
  echo "single lookup p99:                        ${S[2]} ms  target < ${TARGET_P99_MS} ms: $(verdict "$(awk -v p="${S[2]}" -v t="${TARGET_P99_MS}" 'BEGIN { print p < t }')")"
  echo "bulk requests/s / trivial requests/s:     $(ratio "${B[0]}" "${BASELINE}")"
  echo "bulk ids/s / trivial requests/s:          $(ratio "${IDS}" "${BASELINE}")"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
