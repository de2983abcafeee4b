#!/usr/bin/env bash
# The automatic-answer benchmark: see bench/README.md. Usage: bench/faq.sh [faq-eval dir] [--misses]
# Needs JAVA_HOME pointing at a JDK 21 or newer, as for ./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-../shared/faq-eval}"
shift || true
rm -rf target/bench-postgres target/bench-data
./mvnw -B -q test-compile
./mvnw -B -q org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.mainClass=org.linea.bot.FaqBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="$(realpath "$DIR") $*" 2>&1 | grep -v -E '^(WARNING|SLF4J)|^\s+at |\bINFO\b|\bWARN\b'
