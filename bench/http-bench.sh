#!/usr/bin/env bash
# HTTP lookups against the framework's ceiling (issue 8 item 2). Builds the jar, starts it on loopback with a
# throw-away H2 database and the demo dataset, waits for the demo evaluation run, warms up, then runs Debian's
# wrk against
#   - a trivial endpoint, GET /api/v1/ping, behind the same security chain as the lookups (the ceiling),
#   - single tier lookups, GET /api/v1/customers/{id}/tier, rotating over every demo customer,
#   - bulk lookups, POST /api/v1/tiers/lookup with 100 ids per request,
# all with the embedded default's DEMO sales-system API key, and prints requests/s, p50 and p99 with the
# ratios to the trivial endpoint and PASS/MISS against issue 8's targets. The three are measured in turn in
# rounds, and each ratio is taken within a round, because other work on the machine comes and goes.
# Installs wrk with apt-get when it is missing.
#
#   CONNECTIONS=32   connections of the measured runs; a list ("8 32 64") prints a table for each
#   ROUNDS=3         DURATION=10s  each endpoint in each round;  WARMUP=15s  each endpoint before measuring
#   THREADS=2        wrk threads;        HEAP=1g     the service's fixed heap (-Xms = -Xmx)
#   PORT=18082       BUILD_DIR=target (Maven's output folder);  SKIP_BUILD=1 uses the jar already built
#   JAVA_OPTS, SERVICE_ARGS  more JVM options and service arguments, for experiments (e.g. -Xlog:gc)
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
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

# shellcheck disable=SC2086 # JAVA_OPTS and SERVICE_ARGS are lists of words
java -Xms"${HEAP}" -Xmx"${HEAP}" ${JAVA_OPTS:-} -jar "${JAR}" ${SERVICE_ARGS:-} --server.address=127.0.0.1 --server.port="${PORT}" \
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

# CPU time the service has used so far (user + system, in clock ticks)
service_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${SERVICE}/stat"; }

# Runs wrk and sets RPS, P50, P99 and CPU (the service's CPU microseconds per request); a non-2xx answer or a socket error makes the figures meaningless.
measure() {
  local name=$1 duration=$2 connections=$3
  shift 3
  local out="${WORK}/${name}-${connections}.txt"
  local cpu_before
  cpu_before=$(service_cpu_ticks)
  wrk -t"${THREADS}" -c"${connections}" -d"${duration}" --latency -H "${KEY}" "$@" > "${out}"
  CPU=$(awk -v before="${cpu_before}" -v after="$(service_cpu_ticks)" -v hz="$(getconf CLK_TCK)" \
    -v requests="$(awk '/ requests in / { print $1 }' "${out}")" 'BEGIN { printf "%.0f", (after - before) / hz * 1e6 / requests }')
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

# One table from the rounds' figures (lines: endpoint round requests/s p50 p99): mean requests/s, median p50
# and p99 over the rounds and the worst p99; ratios are the median of each round's ratio to the trivial run
# next to it, so that load coming and going on the machine touches both sides of a ratio alike.
summary() {
  awk -v bulk="${BULK}" -v target_ratio="${TARGET_RATIO}" -v target_p99="${TARGET_P99_MS}" -v c="$1" '
    function median(values, n,   i, j, t, sorted) {
      for (i = 1; i <= n; i++) sorted[i] = values[i]
      for (i = 2; i <= n; i++) for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) {
        t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
      return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
    }
    function verdict(ok) { return ok ? "PASS" : "MISS" }
    { rps[$1, $2] = $3; p50[$1, $2] = $4; p99[$1, $2] = $5; cpu[$1, $2] = $6; if ($2 > rounds) rounds = $2 }
    END {
      split("trivial single bulk", names, " ")
      label["trivial"] = "trivial GET /api/v1/ping"
      label["single"] = "single GET /api/v1/customers/{id}/tier"
      label["bulk"] = "bulk POST /api/v1/tiers/lookup (" bulk " ids)"
      printf "\n%-44s %11s %9s %9s %11s %13s\n", c " connections, " rounds " rounds", "requests/s", "p50 ms", "p99 ms",
        "worst p99", "CPU us/req"
      for (k = 1; k <= 3; k++) {
        e = names[k]; sum = 0; worst = 0
        for (r = 1; r <= rounds; r++) {
          sum += rps[e, r]; a[r] = p50[e, r]; b[r] = p99[e, r]; d[r] = cpu[e, r]; if (p99[e, r] > worst) worst = p99[e, r]
          ratio[e, r] = rps[e, r] / rps["trivial", r]
        }
        mean[e] = sum / rounds; med50[e] = median(a, rounds); med99[e] = median(b, rounds); medcpu[e] = median(d, rounds)
        printf "%-44s %11.1f %9.2f %9.2f %11.2f %13.0f\n", label[e], mean[e], med50[e], med99[e], worst, medcpu[e]
        for (r = 1; r <= rounds; r++) x[r] = ratio[e, r]
        rmed[e] = median(x, rounds)
      }
      printf "trivial requests/s per round:             "
      for (r = 1; r <= rounds; r++) printf " %.0f", rps["trivial", r]
      printf "\nsingle lookup / trivial requests/s:        %.2f  target >= %.2f: %s\n", rmed["single"], target_ratio,
        verdict(rmed["single"] >= target_ratio)
      printf "single lookup p99:                         %.2f ms  target < %d ms: %s\n", med99["single"], target_p99,
        verdict(med99["single"] < target_p99)
      printf "trivial p99 (the framework'"'"'s own):         %.2f ms\n", med99["trivial"]
      printf "service CPU per request, trivial / single: %.2f  (the ratio were the service'"'"'s CPU the only limit)\n",
        medcpu["trivial"] / medcpu["single"]
      printf "bulk requests/s / trivial requests/s:      %.3f\n", rmed["bulk"]
      printf "bulk ids/s / trivial requests/s:           %.2f  (%.0f ids/s)\n", rmed["bulk"] * bulk, mean["bulk"] * bulk
    }' "${WORK}/results-$1.txt"
}

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "service: $(java -version 2>&1 | head -1), -Xms${HEAP} -Xmx${HEAP} ${JAVA_OPTS:-}${SERVICE_ARGS:-}, embedded H2, ${CUSTOMERS} demo customers, loopback"
echo "load:    wrk -t${THREADS} --latency, ${ROUNDS} rounds of ${DURATION} per endpoint after ${WARMUP} of warm-up each"
for c in ${CONNECTIONS}; do
  trivial warmup-trivial "${WARMUP}" "${c}"
  single warmup-single "${WARMUP}" "${c}"
  bulk warmup-bulk "${WARMUP}" "${c}"
  for round in $(seq 1 "${ROUNDS}"); do
    for endpoint in trivial single bulk; do
      "${endpoint}" "${endpoint}-${round}" "${DURATION}" "${c}"
      echo "${endpoint} ${round} ${RPS} ${P50} ${P99} ${CPU}" >> "${WORK}/results-${c}.txt"
    done
  done
  summary "${c}"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
