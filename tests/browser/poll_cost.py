#!/usr/bin/python3
"""Benchmark (docs/performance.md, "Browser client"): what 40 browser trainees cost the seminar
server while they sit idle. The page polls GET /api/casefile every 2 s (sim/web/web_host.cpp,
kPollMs) with its browser's Accept-Encoding: gzip; this script does the same from 40 threads
against a real `moneytrail serve` on 127.0.0.1, after each trainee has explored two addresses so
that the casefile is the size of one early in the exercise, and reports the server's CPU time
(from /proc), requests per second, the reply sizes and the latency.

usage: poll_cost.py --moneytrail BIN --scenario YAML [--trainees 40] [--seconds 30]
Not a test: it prints figures and fails only when the server does not answer.
"""
import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

RANSOM = "bc1qtc5kqy2kx9ljgqzc7l5e6kj6vetpwj02k5h8eu"
AFFILIATE = "bc1q0ja4xdjqjh8gff6yyw66h60fnh52mkga9j8usd"
POLL_S = 2.0


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def call(port, method, path, body=None, headers=None):
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers=dict({"Content-Type": "application/json"},
                                                  **(headers or {})))
    with urllib.request.urlopen(request, timeout=10) as reply:
        return reply.read(), reply.headers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--moneytrail", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--trainees", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="moneytrail-poll-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [args.moneytrail, "serve", args.scenario, "--bind", "127.0.0.1", "--port", str(port),
         "--db", os.path.join(work, "s.sqlite")], stdout=subprocess.PIPE, text=True)
    code = secret = None
    for line in server.stdout:
        if "JOIN CODE:" in line:
            code = line.split(":", 1)[1].strip()
        if "instructor secret:" in line:
            secret = line.split(":", 1)[1].split()[0]
        if "Ctrl+C" in line:
            break
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    try:
        call(port, "POST", "/api/instructor/start", {}, {"X-Instructor-Secret": secret})
        tokens = []
        for i in range(args.trainees):
            reply, _ = call(port, "POST", "/api/join", {"code": code, "name": "Trainee %d" % i})
            token = json.loads(reply)["token"]
            for target in (RANSOM, AFFILIATE):
                call(port, "POST", "/api/action", {"action": {
                    "type": "explore_address", "target": target, "direction": "out"}},
                    {"X-Trainee-Token": token})
            tokens.append(token)
        plain, _ = call(port, "GET", "/api/casefile", headers={"X-Trainee-Token": tokens[0]})
        packed, headers = call(port, "GET", "/api/casefile",
                               headers={"X-Trainee-Token": tokens[0], "Accept-Encoding": "gzip"})
        if headers.get("Content-Encoding") == "gzip":
            gzip.decompress(packed)

        latencies, failures = [], []
        lock = threading.Lock()
        start = time.monotonic()
        stop_at = start + args.seconds

        def trainee(index, token):
            # Spread the first polls over the interval, as pages opened at different moments.
            next_poll = start + POLL_S * index / args.trainees
            while True:
                time.sleep(max(0.0, next_poll - time.monotonic()))
                if time.monotonic() >= stop_at:
                    return
                sent = time.monotonic()
                try:
                    call(port, "GET", "/api/casefile",
                         headers={"X-Trainee-Token": token, "Accept-Encoding": "gzip"})
                    with lock:
                        latencies.append(time.monotonic() - sent)
                except OSError as error:
                    with lock:
                        failures.append(str(error))
                next_poll += POLL_S

        cpu_before = cpu_seconds(server.pid)
        threads = [threading.Thread(target=trainee, args=(i, t)) for i, t in enumerate(tokens)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start
        cpu = cpu_seconds(server.pid) - cpu_before
        latencies.sort()
        if not latencies:
            print("no poll was answered: " + "; ".join(failures[:3]), file=sys.stderr)
            return 1
        pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
        print("%d trainees polling every %.0f s for %.1f s: %d requests (%.1f/s), %d failed"
              % (args.trainees, POLL_S, elapsed, len(latencies), len(latencies) / elapsed,
                 len(failures)))
        print("server CPU: %.2f s = %.1f%% of one core; %.2f ms per request"
              % (cpu, 100 * cpu / elapsed, 1000 * cpu / len(latencies)))
        print("casefile reply: %d bytes plain, %d bytes as sent with gzip (%s)"
              % (len(plain), len(packed), headers.get("Content-Encoding") or "not compressed"))
        print("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (pick(0.5), pick(0.99),
                                                                  latencies[-1] * 1000))
        return 0 if not failures else 1
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    sys.exit(main())
