#!/usr/bin/env bash
# Ingest benchmark (issue 13): N signed WhatsApp webhooks from distinct people, C in flight, processing on.
# Usage: bench/ingest.sh [-Dbench.messages=20000] [-Dbench.inFlight=32]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.linea.bench.IngestLoadHarness -Dexec.cleanupDaemonThreads=false "$@"
