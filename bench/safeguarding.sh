#!/usr/bin/env bash
# The safeguarding benchmark: see bench/README.md.
# Usage: bench/safeguarding.sh [faq-eval dir] [more labelled .csv files...] [--misses]
# Scores the dev file (all, odd and even rows) and our own files (own_heldout.csv, and own_heldout_b.csv,
# the block never looked at), with faq_es.csv imported.
# Needs JAVA_HOME pointing at a JDK 21 or newer, as for ./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-../shared/faq-eval}"
shift || true
FILES=("$(realpath "$DIR")/safeguarding_dev.csv" "$(realpath src/test/resources/safeguarding/own_heldout.csv)"
  "$(realpath src/test/resources/safeguarding/own_heldout_b.csv)")
rm -rf target/bench-postgres target/bench-data
./mvnw -B -q test-compile
./mvnw -B -q org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.mainClass=org.linea.bot.SafeguardingBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="$(realpath "$DIR") ${FILES[*]} $*" 2>&1 | grep -v -E '^(WARNING|SLF4J)|^\s+at |\bINFO\b|\bWARN\b'
