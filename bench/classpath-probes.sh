#!/usr/bin/env bash
# How far java -jar searches the nested jars for the classes a start loads (issue 13, bench/README "Start-up").
# The launcher's class loader looks for each class in BOOT-INF/classes, then in the nested jars in the order of
# BOOT-INF/classpath.idx (Maven's order, set by pom.xml), one after the other: a class from the 100th jar costs
# 100 looks. This prints, for a start's class-loading log, the classes loaded from each jar, its place, the looks
# it costs, and the total against the best order (most-loaded first).
#
# Usage: JAVA_OPTS=-Xlog:class+load:file=target/classload.log bench/startup.sh 1   # a start that logs its classes
#        bench/classpath-probes.sh target/classload.log [jar]                      # default jar: target/linea-*.jar
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=${1:?usage: bench/classpath-probes.sh <class+load log> [jar]}
JAR=${2:-$(ls target/linea-*.jar | head -1)}
unzip -p "$JAR" BOOT-INF/classpath.idx | sed -E 's#^- "BOOT-INF/lib/(.*)"$#\1#' >"${TMPDIR:-/tmp}/classpath.$$"
grep -o 'source: jar:nested:[^ ]*' "$LOG" | sed -E 's#.*BOOT-INF/lib/([^!]*)!/.*#\1#; s#.*BOOT-INF/classes/.*#(classes)#' \
  | awk -v index_file="${TMPDIR:-/tmp}/classpath.$$" '
    BEGIN { while ((getline jar < index_file) > 0) place[jar] = ++n; place["(classes)"] = 0 }
    { count[$1]++ }
    END {
      for (jar in count) {
        looks = (place[jar] + 1) * count[jar]; total += looks; classes += count[jar]
        printf "%6d classes  place %3d  looks %7d  %s\n", count[jar], place[jar], looks, jar | "sort -n -r | head -20"
      }
      close("sort -n -r | head -20")
      # the best order: most-loaded first (BOOT-INF/classes is always first)
      k = 0
      for (jar in count) if (jar != "(classes)") sorted[++k] = count[jar]
      m = k; while (m > 1) { for (i = 1; i < m; i++) if (sorted[i] < sorted[i + 1]) { t = sorted[i]; sorted[i] = sorted[i + 1]; sorted[i + 1] = t } m-- }
      best = count["(classes)"]; for (i = 1; i <= k; i++) best += (i + 1) * sorted[i]
      printf "%d classes from the jar, %d jars on its class path: %d looks (%.1f a class); most-loaded first: %d\n", classes, n, total, total / classes, best
    }'
rm -f "${TMPDIR:-/tmp}/classpath.$$"
