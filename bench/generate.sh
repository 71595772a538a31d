#!/usr/bin/env bash
# Fills a MariaDB (or MySQL) database with generated customers through the service's --generate command and
# prints how long it took. Creates the database and its user first when they are missing.
#
#   CUSTOMERS=1000000 SEED=7 THREADS=2   what to generate (defaults shown)
#   DB_HOST=127.0.0.1 DB_PORT=3306       the server
#   DB_NAME=tiering_bench DB_USER=tiering_bench DB_PASSWORD=tiering_bench
#                                        benchmark-only credentials for a throw-away database
#   DB_ADMIN="mariadb"                   a client allowed to create databases and users (as the OS root user,
#                                        Debian's `mariadb` is); empty: the database must already exist
#   FRESH=1                              drop and recreate the database first (default 0: an existing database
#                                        with customers is refused by the generator)
#   HEAP=512m                            the generator's -Xmx: it streams in chunks, memory stays flat
#   MAVEN_ARGS="-o"                      extra Maven arguments (Maven 3.9 reads this variable itself)
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS=${CUSTOMERS:-1000000}
SEED=${SEED:-7}
THREADS=${THREADS:-2}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-tiering_bench}
DB_USER=${DB_USER:-tiering_bench}
DB_PASSWORD=${DB_PASSWORD:-tiering_bench}
DB_ADMIN=${DB_ADMIN-mariadb}
FRESH=${FRESH:-0}
HEAP=${HEAP:-512m}

if [ -n "${DB_ADMIN}" ]; then
  FRESH_FLAG=()
  [ "${FRESH}" = 1 ] && FRESH_FLAG=(--fresh)
  DB_ADMIN="${DB_ADMIN}" bash .ci/mariadb-database "${FRESH_FLAG[@]}" --host "${DB_HOST}" "${DB_NAME}" "${DB_USER}" "${DB_PASSWORD}"
fi

export SPRING_DATASOURCE_URL="jdbc:mariadb://${DB_HOST}:${DB_PORT}/${DB_NAME}"
export SPRING_DATASOURCE_USERNAME="${DB_USER}" SPRING_DATASOURCE_PASSWORD="${DB_PASSWORD}"

./mvnw -q -B test-compile   # so that the timing below is the generator's, not the compiler's
started=$(date +%s.%N)
./mvnw -q -B spring-boot:run -Dspring-boot.run.jvmArguments="-Xmx${HEAP}" \
  -Dspring-boot.run.arguments="--generate --customers=${CUSTOMERS} --seed=${SEED} --threads=${THREADS}"
finished=$(date +%s.%N)
awk -v s="${started}" -v f="${finished}" 'BEGIN { printf "Wall time including Maven, JVM start and Flyway: %.1f s\n", f - s }'
