#!/usr/bin/env python3
# Usage: python3 benchmark/side_by_side.py MAIN.jar BRANCH.jar [requests-per-side] [materials]  (BENCH_PORT: first of two ports)
"""Side by side: two jars started at once (H2, no demo data, auth off on H2), ERP-size stateless plans
(200 inline offers over N materials, inline policy) posted alternately to each; Server-Timing median/p90."""
import json, os, statistics, subprocess, sys, tempfile, time, urllib.request
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from http_benchmark import instance

def start(jar, port):
    d = tempfile.mkdtemp(prefix="i9-ab-")
    env = dict(os.environ, SOURCING_DATA_DIR=d, SOURCING_DEMO_DATA="false", QUARKUS_HTTP_PORT=str(port))
    p = subprocess.Popen(["java", "-Xmx512m", "-jar", jar], env=env, stdout=open(d + "/log", "w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(900):
        try:
            with urllib.request.urlopen(url + "/q/health/ready") as r:
                if r.status == 200:
                    return p, url
        except Exception:
            time.sleep(0.2)
    p.kill(); sys.exit("not ready " + jar + " log " + d)

def post(url, data):
    req = urllib.request.Request(url + "/v1/allocation-plans", data=data, method="POST", headers={"Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = r.read(); timing = r.headers.get("Server-Timing")
    wall = time.perf_counter() - t
    return wall, float(timing.split("dur=")[1].split(",")[0]), json.loads(body)["status"]

jars = {"main": sys.argv[1], "branch": sys.argv[2]}
base_port = int(os.environ.get("BENCH_PORT", "18092"))
n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
materials = int(sys.argv[4]) if len(sys.argv) > 4 else 4
servers = {k: start(j, base_port + i) for i, (k, j) in enumerate(jars.items())}
try:
    bodies = [json.dumps(instance(200, materials, s)).encode() for s in range(20)]
    for k, (_, url) in servers.items():
        for b in bodies * 5:
            post(url, b)  # warm up
    server = {k: [] for k in jars}; wall = {k: [] for k in jars}; statuses = set()
    for i in range(n):
        order = list(jars) if i % 2 == 0 else list(reversed(list(jars)))
        for k in order:
            w, s, st = post(servers[k][1], bodies[i % len(bodies)])
            server[k].append(s); wall[k].append(w * 1000); statuses.add(st)
    def q(xs, p): return sorted(xs)[int(p * (len(xs) - 1))]
    for k in jars:
        print(f"{k:7s} server ms median {statistics.median(server[k]):6.2f} p90 {q(server[k], .9):6.2f}   client wall ms median {statistics.median(wall[k]):6.2f} p90 {q(wall[k], .9):6.2f}")
    print(f"ratio branch/main server median {statistics.median(server['branch'])/statistics.median(server['main']):.2f}  wall median {statistics.median(wall['branch'])/statistics.median(wall['main']):.2f}  statuses {statuses}  requests/side {n}  materials {materials}")
finally:
    for p, _ in servers.values():
        p.terminate()
    for p, _ in servers.values():
        p.wait()
