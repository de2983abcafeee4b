#!/usr/bin/env bash
# Status callbacks (issue 13): a broadcast to N people through the outbox, then sent/delivered/read for each, C in flight.
# Backlog: -Dbench.backlog=B stores B messages with processing stopped, restarts it and sends N fresh webhooks meanwhile.
# Usage: bench/statuses.sh [-Dbench.messages=10000] [-Dbench.inFlight=32] [-Dbench.inbound=0] [-Dbench.backlog=B]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.linea.bench.StatusLoadHarness -Dexec.cleanupDaemonThreads=false "$@"
