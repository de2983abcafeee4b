#!/usr/bin/env bash
# The safeguarding benchmark: see bench/README.md.
# Usage: bench/safeguarding.sh [faq-eval dir] [more labelled .csv files...] [--misses]
# Scores the dev file (all, odd and even rows) and our own files (own_heldout.csv, own_heldout_b.csv and
# own_dev_d.csv, own_train_f.csv, own_train_g.csv: in-sample, learned by the model; own_dev_e.csv: tuned on, not learned;
# own_heldout_c.csv, own_heldout_d.csv, own_heldout_e.csv, own_heldout_f.csv and bench/safeguarding_blind.csv: held out, totals only even with --misses), with faq_es.csv
# imported.
# Needs JAVA_HOME pointing at a JDK 21 or newer, as for ./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-../shared/faq-eval}"
shift || true
FILES=("$(realpath "$DIR")/safeguarding_dev.csv" "$(realpath src/test/resources/safeguarding/own_heldout.csv)"
  "$(realpath src/test/resources/safeguarding/own_heldout_b.csv)" "$(realpath src/test/resources/safeguarding/own_dev_d.csv)"
  "$(realpath src/test/resources/safeguarding/own_train_f.csv)" "$(realpath src/test/resources/safeguarding/own_train_g.csv)"
  "$(realpath src/test/resources/safeguarding/own_dev_e.csv)"
  "$(realpath src/test/resources/safeguarding/own_heldout_c.csv)" "$(realpath src/test/resources/safeguarding/own_heldout_d.csv)"
  "$(realpath src/test/resources/safeguarding/own_heldout_e.csv)" "$(realpath src/test/resources/safeguarding/own_heldout_f.csv)"
  "$(realpath bench/safeguarding_blind.csv)")
rm -rf target/bench-postgres target/bench-data
./mvnw -B -q test-compile
./mvnw -B -q org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.mainClass=org.linea.bot.SafeguardingBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="$(realpath "$DIR") ${FILES[*]} $*" 2>&1 | grep -v -E '^(WARNING|SLF4J)|^\s+at |\bINFO\b|\bWARN\b'
