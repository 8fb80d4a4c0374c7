#!/usr/bin/env python3
"""Throughput of the Python module on one shared Pipeline, 1 thread against N threads
(the GIL is released while svodka works). Input: the example wire story (5,004 bytes).
  PYTHONPATH=build/python /usr/bin/python3 bench/python_threads.py [SECONDS=5] [THREADS=4]"""
import concurrent.futures
import os
import sys
import time

import svodka

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 4
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
path = os.path.join(src, "examples", "tass-2017-03-20-lavrov-kishida.txt")
with open(path, encoding="utf-8") as f:
    text = f.read()
pipeline = svodka.Pipeline()
name = os.path.basename(path)


def work(deadline):
    n = 0
    while time.monotonic() < deadline:
        pipeline.analyze(text, name=name)
        n += 1
    return n


def rate(k):
    deadline = time.monotonic() + seconds
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=k) as pool:
        done = sum(pool.map(work, [deadline] * k))
    return done / (time.monotonic() - start)


one = rate(1)
many = rate(threads)
print(f"svodka Python module, {len(text.encode())}-byte story: 1 thread {one:.0f} stories/s, "
      f"{threads} threads {many:.0f} stories/s ({many / one:.2f}x, {os.cpu_count()} cores)")
