#!/usr/bin/env python3
"""Side-by-side throughput of two builds: ERP-size stateless plans under concurrent load.

Usage (from the repository root; wrk from Debian: apt-get install wrk):
    python3 benchmark/throughput.py BASELINE_DIR_OR_JAR CANDIDATE_DIR_OR_JAR [--rounds 5] [--seconds 10]
    python3 benchmark/throughput.py BASELINE CANDIDATE --postgresql jdbc:postgresql://127.0.0.1:5432/postgres
        (both builds built with -Ppostgresql; each gets a fresh database of its own on that server)

Both jars start at once (each on a free port with a throw-away H2 database in a data directory of its
own, no demo data, the same JVM options). After a warm-up of each (90 s by default: until then the JIT is
still compiling the request path and a round measures mostly how far it got), the two are loaded in alternating
rounds (baseline, candidate, baseline, ...) with `wrk` holding --connections connections open and posting
the same ERP-size stateless plan (--offers inline offers over --materials materials, 65 % country cap),
so both see the same machine load. Each round prints plans/s and wrk's latency percentiles; at the end the
median of the rounds per build, and the ratio candidate / baseline. Any answer other than 201 fails the run.
Also prints the load average, since the machine may be shared.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from http_benchmark import instance  # noqa: E402

LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open("%s", "rb"))
wrk.body = f:read("*a")
f:close()
local statuses = {}
response = function(status, headers, body)
  if status ~= 201 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jar_path(path):
    return os.path.join(path, "quarkus-run.jar") if os.path.isdir(path) else path


def fresh_database(postgresql, name):
    """Drops and creates database sourcing_throughput_NAME on the server of the --postgresql URL; its JDBC URL."""
    database = f"sourcing_throughput_{name}"
    host_port = re.match(r"jdbc:postgresql://([^/]+)/", postgresql).group(1)
    host, _, port = host_port.partition(":")
    psql = ["psql", "-h", host, "-p", port or "5432", "-U", os.environ.get("PGUSER", "postgres"), "-d", "postgres",
            "-v", "ON_ERROR_STOP=1", "-q"]
    subprocess.run(psql + ["-c", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"], check=True)
    subprocess.run(psql + ["-c", f"CREATE DATABASE {database}"], check=True)
    return f"jdbc:postgresql://{host_port}/{database}"


def start(jar, jvm_options, name, postgresql=None):
    port = free_port()
    data_dir = tempfile.mkdtemp(prefix=f"sourcing-throughput-{name}-")
    env = dict(os.environ, SOURCING_DATA_DIR=data_dir, SOURCING_DEMO_DATA="false", QUARKUS_HTTP_PORT=str(port))
    if postgresql:
        env.update(QUARKUS_DATASOURCE_JDBC_URL=fresh_database(postgresql, name),
                   QUARKUS_DATASOURCE_USERNAME=os.environ.get("PGUSER", "postgres"),
                   SOURCING_AUTH_ENABLED="false")  # like the embedded default: the load carries no tokens
    log = open(os.path.join(data_dir, "log"), "w")
    process = subprocess.Popen(["java", *jvm_options.split(), "-jar", jar], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(url + "/q/health/ready") as r:
                if r.status == 200:
                    return process, url, data_dir
        except Exception:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    process.kill()
    sys.exit(f"{jar} did not become ready; its log: {data_dir}/log")


def plans_stored(url, body):
    """Posts once and reads the plan and its input back: what a plan stores must still be there."""
    req = urllib.request.Request(url + "/v1/allocation-plans", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        plan = json.loads(r.read())
        location = r.headers["Location"]
    with urllib.request.urlopen(location) as r:
        stored = json.loads(r.read())
    with urllib.request.urlopen(location + "/input") as r:
        snapshot = json.loads(r.read())
    assert stored == plan, "the stored plan differs from the answer"
    assert plan["inputDigest"].startswith("sha256:"), plan["inputDigest"]
    assert len(snapshot["offers"]) == len(json.loads(body)["offers"]), "the input snapshot lost offers"
    return plan


UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def run_wrk(url, lua, seconds, connections, threads):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", lua,
         url + "/v1/allocation-plans"], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentiles = {}
    for p, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        percentiles[int(p)] = float(value) * UNIT[unit]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if bad or errors:
        sys.exit(f"failed answers against {url}:\n{out}")
    return rate, percentiles


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("baseline", help="baseline quarkus-app directory or quarkus-run.jar")
    parser.add_argument("candidate", help="candidate quarkus-app directory or quarkus-run.jar")
    parser.add_argument("--rounds", type=int, default=5, help="measured rounds per build, alternating")
    parser.add_argument("--seconds", type=int, default=10, help="length of one round")
    parser.add_argument("--warmup", type=int, default=90,
                        help="seconds of warm-up per build: on 2 CPUs under this load the JIT's C2 compiler"
                             " works through its backlog for about 90 s, and rounds before that measure"
                             " the warm-up, not the build")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (the client shares the CPUs)")
    parser.add_argument("--offers", type=int, default=200)
    parser.add_argument("--materials", type=int, default=5)
    parser.add_argument("--jvm-options", default="-Xmx1g", help="options of both JVMs")
    parser.add_argument("--postgresql", metavar="JDBC_URL",
                        help="store on PostgreSQL (both builds built with -Ppostgresql): each build gets a fresh"
                             " database of its own on this server, e.g. jdbc:postgresql://127.0.0.1:5432/postgres"
                             " (user $PGUSER, default postgres; the databases are dropped and created with psql)")
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    work = tempfile.mkdtemp(prefix="sourcing-throughput-")
    body_file = os.path.join(work, "plan.json")
    body = json.dumps(instance(args.offers, args.materials, seed=7)).encode()
    with open(body_file, "wb") as f:
        f.write(body)
    lua = os.path.join(work, "post.lua")
    with open(lua, "w") as f:
        f.write(LUA % body_file)

    builds = {"baseline": jar_path(args.baseline), "candidate": jar_path(args.candidate)}
    servers = {}
    try:
        for name, jar in builds.items():
            servers[name] = start(jar, args.jvm_options, name, args.postgresql)
        print(f"ERP-size stateless plan: {args.offers} inline offers over {args.materials} materials,"
              f" {len(body) / 1000:.0f} kB of JSON; {args.connections} connections, wrk -t{args.threads};"
              f" JVM {args.jvm_options}; store {'PostgreSQL' if args.postgresql else 'embedded H2'}")
        for name, (_, url, _) in servers.items():
            plan = plans_stored(url, body)
            print(f"  {name}: {builds[name]} at {url}: {plan['status']}, cost {plan['totalCost']},"
                  f" engine {plan['solver']['engine']}")
        for name, (_, url, _) in servers.items():
            run_wrk(url, lua, args.warmup, args.connections, args.threads)
        results = {name: [] for name in servers}
        for round_ in range(1, args.rounds + 1):
            for name, (_, url, _) in servers.items():
                rate, p = run_wrk(url, lua, args.seconds, args.connections, args.threads)
                results[name].append((rate, p))
                print(f"  round {round_} {name:9s}: {rate:7.0f} plans/s, p50 {p[50]:6.2f} ms,"
                      f" p90 {p[90]:6.2f} ms, p99 {p[99]:6.2f} ms   (load average {load_average()})",
                      flush=True)
        print("median over the rounds:")
        medians = {}
        for name, rows in results.items():
            rate = statistics.median(r for r, _ in rows)
            p50 = statistics.median(p[50] for _, p in rows)
            p99 = statistics.median(p[99] for _, p in rows)
            worst = max(p[99] for _, p in rows)
            medians[name] = rate
            print(f"  {name:9s}: {rate:7.0f} plans/s, p50 {p50:6.2f} ms, p99 {p99:6.2f} ms"
                  f" (worst round's p99 {worst:.2f} ms)")
        print(f"  ratio candidate / baseline: {medians['candidate'] / medians['baseline']:.2f}x"
              f"   (load average {load_average()})")
        for name, (_, url, _) in servers.items():
            plans_stored(url, body)
    finally:
        for process, _, data_dir in servers.values():
            process.terminate()
            process.wait(timeout=30)
            shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
