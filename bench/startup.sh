#!/usr/bin/env bash
# Start-up benchmark (issue 13): seconds from launching the JVM to "Started LineaApplication" and to
# readiness (/actuator/health/readiness UP), on the embedded PostgreSQL with data in target/bench-startup.
#
# Usage: bench/startup.sh [runs] [jar|extracted|aot]   (default: 3 jar)
#   jar        java -jar target/linea-*.jar
#   extracted  the jar extracted by Spring Boot's jar tools (java -Djarmode=tools -jar ... extract), run from there
#   aot        extracted, plus the JDK's AOT cache (JEP 483/514) from a training run made first (-XX:AOTCacheOutput)
# Environment: JAVA (default $JAVA_HOME/bin/java), JAVA_OPTS (extra JVM options), PORT (default 18180),
#   REUSE=1 (aot: keep the cache of the last training run of the same jar), LINEA_ARGS (extra application arguments), JAR (another jar, e.g. an older build), BUILD=1 to build the jar first.
# The first start (a new data directory: initdb, every migration, the first administrator) is timed apart;
# the runs that follow are second starts on that directory. The machine's load is printed with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
MODE=${2:-jar}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
PORT=${PORT:-18180}
WORK=target/bench-startup
if [[ "${BUILD:-0}" == 1 || -z "$(ls target/linea-*.jar 2>/dev/null)" ]]; then
  ./mvnw -q -B package -DskipTests
fi
JAR=${JAR:-$(ls target/linea-*.jar | head -1)}
mkdir -p "$WORK"
rm -rf "$WORK/data"

LAUNCH=(-jar "$JAR")
if [[ "$MODE" == extracted || "$MODE" == aot ]]; then
  if ! [[ "$MODE" == aot && "${REUSE:-0}" == 1 && -s "$WORK/linea.aot" ]]; then
    rm -rf "$WORK/app"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  fi
  LAUNCH=(-jar "$WORK/app/$(basename "$JAR")")
fi

now_ms() { date +%s%3N; }

# one start: prints "<ms to Started> <ms to ready>"; stops the node gracefully after
start_once() {
  local log="$WORK/run.log" started=0 ready=0 t0 pid
  t0=$(now_ms)
  # shellcheck disable=SC2086
  "$JAVA" ${JAVA_OPTS:-} "$@" "${LAUNCH[@]}" --server.port="$PORT" --linea.data-dir="$WORK/data" ${LINEA_ARGS:-} >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the node ended before it was ready; see $log" >&2
      return 1
    fi
    if [[ $started == 0 ]] && grep -q 'Started LineaApplication' "$log"; then
      started=$(( $(now_ms) - t0 ))
    fi
    if curl -s -m 1 "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      ready=$(( $(now_ms) - t0 ))
      [[ $started == 0 ]] && started=$ready
      break
    fi
    sleep 0.05
  done
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$started $ready"
}

fmt() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

if [[ "$MODE" == aot && "${REUSE:-0}" == 1 && -s "$WORK/linea.aot" ]]; then
  AOT=(-XX:AOTCache="$WORK/linea.aot")   # the cache of an earlier training run of the same jar
elif [[ "$MODE" == aot ]]; then
  # training run: the JVM records which classes load and link and writes the cache when it exits
  rm -f "$WORK/linea.aot"
  read -r s r < <(start_once -XX:AOTCacheOutput="$WORK/linea.aot")
  echo "training run (writes $WORK/linea.aot): started $(fmt "$s") s, ready $(fmt "$r") s"
  rm -rf "$WORK/data"
  AOT=(-XX:AOTCache="$WORK/linea.aot")
else
  AOT=()
fi

echo "mode $MODE, $RUNS runs, $("$JAVA" -version 2>&1 | head -1), $(nproc) cores"
read -r s r < <(start_once "${AOT[@]}")
echo "first start (new data directory):  started $(fmt "$s") s  ready $(fmt "$r") s   |$(uptime)"
total_s=0; total_r=0
for i in $(seq 1 "$RUNS"); do
  read -r s r < <(start_once "${AOT[@]}")
  total_s=$((total_s + s)); total_r=$((total_r + r))
  echo "second start $i:                   started $(fmt "$s") s  ready $(fmt "$r") s   |$(uptime)"
done
echo "second starts, mean of $RUNS:         started $(fmt $((total_s / RUNS))) s  ready $(fmt $((total_r / RUNS))) s"
