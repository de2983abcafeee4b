#!/usr/bin/env bash
# Report benchmark (issue 6): dashboard, weekly report and .xlsx export over 100,000 interactions / 1,000,000 messages.
# Usage: bench/report.sh [-Dbench.conversations=N] [-Dbench.rounds=N]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.linea.bench.ReportLoadHarness -Dexec.cleanupDaemonThreads=false -Dbench.rounds=50 "$@"
