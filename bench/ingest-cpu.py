#!/usr/bin/env python3
"""The ingest harness with the CPU it costs: runs IngestLoadHarness in DIR (a built checkout, absolute path; no
test-compile) and appends to LOG, after the harness's own lines, the CPU seconds that the JVM (node and harness) and
its embedded PostgreSQL (postmaster and backends, found by DIR/target/bench-postgres) spent from the 'warm-up:' line
to the 'Ingest:' line, in all and per message. On a machine shared with other work the rate moves with their load;
the CPU per message much less (bench/README "Ingest", session 11).

usage: bench/ingest-cpu.py DIR LOG -Dbench.messages=20000 "-Dexec.args=--linea.pipeline.enabled=false+--linea.outbox.enabled=false"
('+' in -Dexec.args stands for a space)."""
import os, subprocess, sys, threading, time
d, log = sys.argv[1], sys.argv[2]
args = [a.replace("+", " ") if a.startswith("-Dexec.args=") else a for a in sys.argv[3:]]
tick = os.sysconf("SC_CLK_TCK")
samples = []  # (t, java, pg)
done = False
def cpu():
    java = pg = 0.0
    post = set()
    procs = {}
    for p in os.listdir("/proc"):
        if not p.isdigit(): continue
        try:
            st = open(f"/proc/{p}/stat").read()
            cmd = open(f"/proc/{p}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        rest = st[st.rindex(")") + 2:].split()
        procs[int(p)] = (int(rest[1]), (int(rest[11]) + int(rest[12])) / tick, cmd)
    for pid, (ppid, t, cmd) in procs.items():
        if d + "/target/bench-postgres" in cmd: post.add(pid)
    for pid, (ppid, t, cmd) in procs.items():
        if pid in post or ppid in post: pg += t
        elif "java" in cmd and ("multiModuleProjectDirectory=" + d) in cmd: java += t
    return java, pg
def poll():
    while not done:
        j, p = cpu(); samples.append((time.time(), j, p)); time.sleep(0.2)
th = threading.Thread(target=poll, daemon=True); th.start()
marks = {}
env = dict(os.environ, JAVA_HOME="/usr/lib/jvm/temurin-25-jdk-amd64")
with open(log, "a") as out:
    proc = subprocess.Popen(["./mvnw", "-q", "-B", "-o", "org.codehaus.mojo:exec-maven-plugin:3.6.2:java", "-Dexec.classpathScope=test",
                             "-Dexec.mainClass=org.linea.bench.IngestLoadHarness", "-Dexec.cleanupDaemonThreads=false"] + args,
                            cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    for line in proc.stdout:
        out.write(line)
        if line.startswith("warm-up:"): marks["start"] = time.time()
        if line.startswith("Ingest:"): marks["end"] = time.time()
        if line.startswith("acknowledged ") and "msg/s" in line and "ack" not in marks: marks["ack"] = line.strip()
    proc.wait()
    done = True; th.join()
    def at(t):
        best = min(samples, key=lambda s: abs(s[0] - t)); return best
    if "start" in marks and "end" in marks:
        a, b = at(marks["start"]), at(marks["end"])
        n = int([x for x in args if x.startswith("-Dbench.messages=")][0].split("=")[1]) if any(x.startswith("-Dbench.messages=") for x in args) else 0
        secs = b[0] - a[0]
        out.write(f"CPU during the load ({secs:.1f} s): node JVM (with the harness) {b[1]-a[1]:.1f} s, its PostgreSQL {b[2]-a[2]:.1f} s;"
                  f" per message {1000*(b[1]-a[1])/n:.2f} + {1000*(b[2]-a[2])/n:.2f} ms\n")
