#!/usr/bin/env python3
"""End-to-end HTTP benchmark of POST /v1/allocation-plans, with scipy's HiGHS on the same LP as reference.

Usage (from the repository root; scipy from Debian: apt-get install python3-scipy):
    ./mvnw package -DskipTests && /usr/bin/python3 benchmark/http_benchmark.py

It starts the packaged jar on a free port with a throw-away H2 database (or uses --url), then prints:
  * a 100,000-offer stateless request (100 materials, stages SUPPLY/MINING/SEPARATION, 65 % country cap):
    client wall time and server time (Server-Timing header) per request, median of several, and
    scipy.optimize.linprog(method="highs") solving the same LP alone, with the ratio;
  * ERP-size plans (200 offers over 4 materials): median and p90 server time over many warm requests.
Only the Python standard library is needed for the HTTP part; scipy only for the reference.
"""
import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

COUNTRIES = ["CN", "US", "AU", "MM", "TH", "IN", "MG", "RU", "BR", "NG", "VN", "MY"]
# USGS MCS 2026 mine production weights (t REO, 2025).
WEIGHTS = [270000, 51000, 29000, 22000, 4800, 2900, 2700, 2600, 2000, 1500, 150, 110]


def instance(offers, materials, seed):
    """A seeded stateless plan request: offers spread over materials, SEPARATION mostly in China; feasible."""
    rng = random.Random(seed)
    names = [f"M{m:03d}" for m in range(materials)]
    suppliers = {}
    items = []
    for i in range(offers):
        material = names[i % materials]
        supplier = f"s{rng.randrange(max(1, offers // 20))}"
        country = suppliers.setdefault(supplier, rng.choices(COUNTRIES, WEIGHTS)[0])
        mining = rng.choices(COUNTRIES, WEIGHTS)[0]
        # China separates most; the others are the few separators outside it (Lynas MY, MP US, Solvay FR...).
        separation = "CN" if rng.random() < 0.6 else rng.choice(["MY", "US", "FR", "EE", "JP", "VN"])
        items.append({
            "id": f"o{i}", "material": material,
            "supplier": {"id": supplier, "name": supplier, "country": country},
            "capacity": round(rng.uniform(5, 60), 3), "unitPrice": round(rng.uniform(50, 120), 3),
            "currency": "USD", "origins": {"MINING": mining, "SEPARATION": separation}})
    per_material = offers / materials
    demand = [{"material": m, "quantity": round(per_material * 32.5 * 0.3, 3)} for m in names]
    return {"demand": demand, "policy": {"maxCountryShare": 0.65}, "offers": items}


def highs_seconds(request):
    """Builds the same LP (capacity bounds, demand rows, a 65 % cap per material, stage and country) and
    times scipy's HiGHS solving it."""
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix
    offers = request["offers"]
    cap = request["policy"]["maxCountryShare"]
    demand = {d["material"]: d["quantity"] for d in request["demand"]}
    materials = {m: k for k, m in enumerate(demand)}
    n = len(offers)
    cost = np.array([o["unitPrice"] for o in offers])
    bounds = [(0, o["capacity"]) for o in offers]
    eq_rows, eq_cols = [], []
    for j, o in enumerate(offers):
        eq_rows.append(materials[o["material"]])
        eq_cols.append(j)
    a_eq = coo_matrix((np.ones(n), (eq_rows, eq_cols)), shape=(len(materials), n)).tocsr()
    b_eq = np.array([demand[m] for m in materials])
    rows = {}
    ub_rows, ub_cols = [], []
    for j, o in enumerate(offers):
        stages = {"SUPPLY": o.get("country") or o["supplier"]["country"], **o["origins"]}
        for stage, country in stages.items():
            key = (o["material"], stage, country)
            r = rows.setdefault(key, len(rows))
            ub_rows.append(r)
            ub_cols.append(j)
    a_ub = coo_matrix((np.ones(len(ub_rows)), (ub_rows, ub_cols)), shape=(len(rows), n)).tocsr()
    b_ub = np.array([cap * demand[key[0]] for key in rows])
    start = time.perf_counter()
    result = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    elapsed = time.perf_counter() - start
    return elapsed, result.status, result.fun


def post(url, body, parse=True):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url + "/v1/allocation-plans", data=data, method="POST",
                                 headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as response:
        payload = response.read()
        timing = response.headers.get("Server-Timing", "app;dur=nan")
    wall = time.perf_counter() - start
    server = float(timing.split("dur=")[1].split(",")[0]) / 1000
    return wall, server, json.loads(payload) if parse else None


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(jar, jvm_options):
    port = free_port()
    data_dir = tempfile.mkdtemp(prefix="sourcing-bench-")
    env = dict(os.environ, SOURCING_DATA_DIR=data_dir, SOURCING_DEMO_DATA="false", QUARKUS_HTTP_PORT=str(port))
    process = subprocess.Popen(["java", *jvm_options.split(), "-jar", jar], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(url + "/q/health/ready") as r:
                if r.status == 200:
                    return process, url, data_dir
        except Exception:
            time.sleep(0.1)
    process.kill()
    sys.exit("the service did not become ready")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="use a running service instead of starting the packaged jar")
    parser.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--jvm-options", default="-XX:G1HeapRegionSize=32m",
                        help="options of the started JVM; the default keeps a 20 MB request out of G1's"
                             " humongous regions (pass '' for the JVM's defaults)")
    parser.add_argument("--erp-requests", type=int, default=1000)
    parser.add_argument("--soak", type=int, default=10000,
                        help="ERP-size plans in the memory soak (0 skips it; needs the jar started here)")
    parser.add_argument("--baseline-jar",
                        help="also start this jar and time the 100,000-offer request on both, alternately,"
                             " against the same HiGHS figure (then only the large case runs; the ERP-size"
                             " throughput of two builds is benchmark/throughput.py)")
    args = parser.parse_args()
    if args.baseline_jar:
        compare_large(args)
        return

    process = data_dir = None
    url = args.url
    if url is None:
        process, url, data_dir = start_server(args.jar, args.jvm_options)
        print(f"service: java {args.jvm_options} -jar {args.jar}")
    try:
        big = instance(100_000, 100, seed=42)
        body = json.dumps(big).encode()
        print(f"100,000-offer request: {len(body) / 1e6:.1f} MB of JSON")
        for _ in range(5):  # JIT warm-up
            post(url, body, parse=False)
        walls, servers = [], []
        for _ in range(args.runs):
            wall, server, _ = post(url, body, parse=False)
            walls.append(wall)
            servers.append(server)
        _, _, plan = post(url, body)
        print(f"  service: status {plan['status']}, cost {plan['totalCost']}, engine {plan['solver']['engine']},"
              f" solver {plan['solver']['wallTimeMillis']} ms")
        print(f"  end to end over HTTP: median {statistics.median(walls) * 1000:.0f} ms"
              f" (server {statistics.median(servers) * 1000:.0f} ms), best {min(walls) * 1000:.0f} ms,"
              f" worst {max(walls) * 1000:.0f} ms over {args.runs} runs")
        try:
            highs = [highs_seconds(big) for _ in range(2)]
            best = min(h[0] for h in highs)
            print(f"  scipy HiGHS, same LP, solve only: {best * 1000:.0f} ms (status {highs[0][1]},"
                  f" cost {highs[0][2]:.2f})")
            print(f"  ratio HTTP end to end / HiGHS solve alone: {statistics.median(walls) / best:.2f}"
                  f" (below 1 means faster)")
        except ImportError:
            print("  scipy is not installed: apt-get install python3-scipy for the HiGHS reference")

        erp = instance(200, 4, seed=7)
        erp_body = json.dumps(erp).encode()
        for _ in range(300):
            post(url, erp_body, parse=False)
        walls, servers = [], []
        for _ in range(args.erp_requests):
            wall, server, _ = post(url, erp_body, parse=False)
            walls.append(wall)
            servers.append(server)
        servers.sort()
        walls.sort()
        print(f"ERP-size plans (200 offers, 4 materials), {args.erp_requests} warm requests:")
        print(f"  server time median {statistics.median(servers) * 1000:.2f} ms,"
              f" p90 {servers[int(len(servers) * 0.9)] * 1000:.2f} ms;"
              f" client round trip median {statistics.median(walls) * 1000:.2f} ms (target: server median < 5 ms)")
        if process is not None and args.soak > 0:
            before = rss_mb(process.pid)
            start = time.perf_counter()
            for i in range(args.soak):
                post(url, erp_body, parse=False)
                if i == args.soak // 2:
                    middle = rss_mb(process.pid)
            after = rss_mb(process.pid)
            print(f"Memory soak: {args.soak} ERP-size plans in {time.perf_counter() - start:.0f} s;"
                  f" server RSS {before:.0f} MB before, {middle:.0f} MB halfway, {after:.0f} MB after")
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
            shutil.rmtree(data_dir, ignore_errors=True)


def compare_large(args):
    """The 100,000-offer request on two builds started at once, posted alternately, and HiGHS alone."""
    servers = {}
    try:
        for name, jar in (("baseline", args.baseline_jar), ("candidate", args.jar)):
            servers[name] = start_server(jar, args.jvm_options)
        big = instance(100_000, 100, seed=42)
        body = json.dumps(big).encode()
        print(f"100,000-offer request: {len(body) / 1e6:.1f} MB of JSON; JVM options {args.jvm_options!r}")
        for _ in range(5):  # JIT warm-up
            for _, url, _ in servers.values():
                post(url, body, parse=False)
        walls = {name: [] for name in servers}
        for _ in range(args.runs):
            for name, (_, url, _) in servers.items():
                walls[name].append(post(url, body, parse=False)[0])
        highs = min(highs_seconds(big)[0] for _ in range(3))
        print(f"  scipy HiGHS, same LP, solve only: best of 3 {highs * 1000:.0f} ms")
        for name, (_, url, _) in servers.items():
            _, _, plan = post(url, body)
            median = statistics.median(walls[name])
            print(f"  {name:9s}: {plan['status']}, cost {plan['totalCost']}, end to end median {median * 1000:.0f} ms"
                  f" over {args.runs} runs (best {min(walls[name]) * 1000:.0f} ms);"
                  f" ratio to HiGHS {median / highs:.2f}")
        with open("/proc/loadavg") as f:
            print(f"  load average {' '.join(f.read().split()[:3])}")
    finally:
        for process, _, data_dir in servers.values():
            process.terminate()
            process.wait(timeout=30)
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
