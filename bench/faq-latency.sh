#!/usr/bin/env bash
# Latency of the automatic-answer decision, 74 and 1,000 entries: see bench/README.md ("Automatic answers").
# Usage: bench/faq-latency.sh [faq-eval dir] [--jfr]   (JAVA_HOME: a JDK 21 or newer, as for ./mvnw)
# WARMUP=5 ROUNDS=5 by default. --jfr records target/faq-latency.jfr and prints the hottest frames.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-../shared/faq-eval}"
JFR=""
if [[ "${2:-}" == "--jfr" ]]; then
  JFR="-XX:StartFlightRecording=filename=target/faq-latency.jfr,settings=profile"
fi
rm -rf target/bench-postgres target/bench-data
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
uptime
"$JAVA_HOME/bin/java" $JFR -Dwarmup="${WARMUP:-5}" -Drounds="${ROUNDS:-5}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.linea.bot.FaqLatency "$(realpath "$DIR")" 2>&1 \
  | grep -v -E '^(WARNING|SLF4J)|^\s+at |\bINFO\b|\bWARN\b'
uptime
if [[ -n "$JFR" ]]; then
  # the top frame of each sample taken on the benchmark's thread, most frequent first
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample target/faq-latency.jfr \
    | awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' | sort | uniq -c | sort -rn | head -40
fi
