#!/usr/bin/env python3
"""CPU samples of a JFR recording, aggregated (bench/README "Ingest").

Usage: bench/jfr-frames.py target/ingest.jfr [filter ...]
Prints the samples per thread group, the top frames (self), and the share of samples whose stack
holds each of the given substrings (inclusive), e.g. FilterChainProxy HmacSHA256 WebhookBatchStore.
"""
import collections
import re
import subprocess
import sys

jfr = sys.argv[1]
filters = sys.argv[2:]
text = subprocess.run(["jfr", "print", "--stack-depth", "200", "--events", "jdk.ExecutionSample", jfr],
                      capture_output=True, text=True, check=True).stdout

samples = []
for block in text.split("jdk.ExecutionSample {")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', block)
    frames = re.findall(r"^\s{4,}([\w$./<>]+\.[\w$<>]+)\(", block, re.M)
    samples.append((thread.group(1) if thread else "?", frames))

total = len(samples)
print(f"{total} samples")
groups = collections.Counter(re.sub(r"[-#]?\d+$", "", thread) for thread, _ in samples)
print("\nby thread (numbers folded):")
for name, n in groups.most_common(15):
    print(f"  {100 * n / total:5.1f} %  {name}")
self_frames = collections.Counter(frames[0] for _, frames in samples if frames)
print("\ntop frames (self):")
for frame, n in self_frames.most_common(25):
    print(f"  {100 * n / total:5.1f} %  {frame}")
if filters:
    print("\ninclusive (a frame containing the text anywhere in the stack):")
    for f in filters:
        n = sum(1 for _, frames in samples if any(f in frame for frame in frames))
        print(f"  {100 * n / total:5.1f} %  {f}")
inclusive = collections.Counter()
for _, frames in samples:
    for frame in set(f for f in frames if f.startswith("org.linea.")):
        inclusive[frame] += 1
print("\nLinea methods on the stack (inclusive):")
for frame, n in inclusive.most_common(40):
    print(f"  {100 * n / total:5.1f} %  {frame}")
