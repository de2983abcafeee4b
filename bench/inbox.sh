#!/usr/bin/env bash
# Inbox benchmark (issue 5): 100,000 conversations and 1,000,000 messages, timed over real HTTP.
# Usage: bench/inbox.sh [-Dbench.conversations=N] [-Dbench.rounds=N]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.linea.bench.InboxLoadHarness -Dexec.cleanupDaemonThreads=false "$@"
