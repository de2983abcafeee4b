#!/usr/bin/env bash
# Broadcast benchmark (issue 11): 100,000 recipients against a local fake Graph API, at 80/s and 1,000/s.
# Usage: bench/broadcast.sh [-Dbench.people=N] [-Dbench.seconds=N]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.linea.bench.BroadcastLoadHarness -Dexec.cleanupDaemonThreads=false "$@"
