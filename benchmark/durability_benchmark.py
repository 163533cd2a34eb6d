#!/usr/bin/env python3
"""Durability and concurrency experiments against the packaged jar: what an operator sees from outside.

Usage (from the repository root; only the Python standard library is needed):
    ./mvnw package -DskipTests && python3 benchmark/durability_benchmark.py crash races bulk
    ./mvnw package -DskipTests -Ppostgresql && python3 benchmark/durability_benchmark.py \
        --jdbc-url jdbc:postgresql://127.0.0.1:5433/test_outage races bulk outage --cluster 15/outage

Experiments (each starts the jar itself on a free port; H2 in a fresh data directory unless --jdbc-url):
  crash   write streams (supplier creates, 20-offer bulk batches, plans, one supplier replaced again and again)
          for a few seconds, SIGKILL the JVM mid-stream, restart it and count the acknowledged writes present
  races   32 clients PUT one new supplier id at once; then 32 more with If-None-Match: * on another new id
  bulk    16 parallel POST /v1/offers batches of 100 offers over a pool of 300 ids (half JSON, half CSV;
          3 of them invalid): statuses, the slowest answer, and whether every batch was all-or-nothing and
          the accepted ones serializable
  outage  (PostgreSQL only) writes and readiness polls while the cluster is stopped and started again:
          statuses seen, Retry-After, readiness over time, acknowledged writes present afterwards.
          Stops the cluster named by --cluster (VERSION/NAME): never point it at a cluster others use.
"""
import argparse
import collections
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

# ---------------------------------------------------------------------------------------------------- HTTP


def call(url, method="GET", body=None, headers=None, timeout=150):
    """One request: (status, headers, body text, seconds); status 0 = no answer (timeout or refused)."""
    data = None
    headers = dict(headers or {})
    if body is not None:
        if isinstance(body, str):
            data = body.encode()
        else:
            data = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode(), time.perf_counter() - start
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode(errors="replace"), time.perf_counter() - start
    except Exception as e:  # refused, reset, timed out
        return 0, {}, repr(e), time.perf_counter() - start


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """The packaged jar in a child process, on H2 in data_dir or on the given JDBC URL."""

    def __init__(self, args, data_dir):
        self.args = args
        self.data_dir = data_dir
        self.process = None
        self.url = None
        self.log = None

    def start(self, wait=True):
        port = free_port()
        env = dict(os.environ, SOURCING_DATA_DIR=self.data_dir, SOURCING_DEMO_DATA="false",
                   QUARKUS_HTTP_PORT=str(port))
        if self.args.jdbc_url:
            env.update(QUARKUS_DATASOURCE_JDBC_URL=self.args.jdbc_url, QUARKUS_DATASOURCE_USERNAME="postgres",
                       QUARKUS_DATASOURCE_PASSWORD="")
        self.log = open(os.path.join(self.data_dir, "service.log"), "a")
        self.process = subprocess.Popen(["java", "-Xmx1g", "-jar", self.args.jar], env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}"
        if wait:
            for _ in range(600):
                status, _, _, _ = call(self.url + "/q/health/ready", timeout=5)
                if status == 200:
                    return self
                if self.process.poll() is not None:
                    sys.exit(f"the service stopped at start-up; see {self.log.name}")
                time.sleep(0.1)
            sys.exit("the service did not become ready")
        return self

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def master_data(url, tag):
    material, supplier = f"mat-{tag}", f"sup-{tag}"
    assert call(f"{url}/v1/materials/{material}", "PUT", {"name": "NdPr oxide", "unit": "t"})[0] in (200, 201)
    assert call(f"{url}/v1/suppliers/{supplier}", "PUT", {"name": "Lynas", "country": "AU"})[0] in (200, 201)
    return material, supplier


def offer(offer_id, supplier, material, price):
    return {"id": offer_id, "supplierId": supplier, "material": material, "country": "MY", "capacity": 500.0,
            "unitPrice": price, "currency": "USD", "origins": {"MINING": "AU", "SEPARATION": "MY"}}


def plan_request(tag, i):
    return {"demand": [{"material": "NDPR_OXIDE", "quantity": 100}], "policy": {"maxCountryShare": 0.65},
            "offers": [{"id": f"o{k}", "material": "NDPR_OXIDE",
                        "supplier": {"id": f"s{k}", "name": f"s{k}", "country": c},
                        "capacity": 80, "unitPrice": 60 + k, "currency": "USD"}
                       for k, c in enumerate(["CN", "AU", "US", "MY"])]}


# --------------------------------------------------------------------------------------------------- crash


def crash(args):
    data_dir = tempfile.mkdtemp(prefix="sourcing-crash-")
    service = Service(args, data_dir).start()
    run = random.randrange(1 << 30)
    material, supplier = master_data(service.url, f"crash{run}")
    totals = collections.Counter()
    fallbacks = []
    try:
        for round_no in range(args.rounds):
            acked = collections.defaultdict(list)
            last_version = [0]
            stop = threading.Event()
            url = service.url

            def suppliers(worker):
                i = 0
                while not stop.is_set():
                    sid = f"c{run}-{round_no}-w{worker}-{i}"
                    if call(f"{url}/v1/suppliers/{sid}", "PUT", {"name": sid, "country": "AU"}, timeout=10)[0] == 201:
                        acked["suppliers"].append(sid)
                    i += 1

            def batches():
                i = 0
                while not stop.is_set():
                    ids = [f"b{run}-{round_no}-{i}-{k}" for k in range(20)]
                    body = [offer(x, supplier, material, 80.0) for x in ids]
                    if call(f"{url}/v1/offers", "POST", body, timeout=10)[0] == 200:
                        acked["batches"].append(ids)
                    i += 1

            def plans():
                i = 0
                while not stop.is_set():
                    status, _, text, _ = call(f"{url}/v1/allocation-plans", "POST", plan_request("crash", i),
                                              timeout=10)
                    if status == 201:
                        acked["plans"].append(json.loads(text)["id"])
                    i += 1

            def replaces():
                n = 0
                while not stop.is_set():
                    n += 1
                    status = call(f"{url}/v1/suppliers/replaced{run}", "PUT", {"name": f"v{n}", "country": "AU"},
                                  timeout=10)[0]
                    if status in (200, 201):
                        last_version[0] = n

            threads = [threading.Thread(target=suppliers, args=(w,)) for w in range(4)]
            threads += [threading.Thread(target=f) for f in (batches, plans, replaces)]
            for t in threads:
                t.start()
            time.sleep(args.stream_seconds + random.uniform(0, 0.5))
            service.kill()
            stop.set()
            for t in threads:
                t.join()
            service.start()
            url = service.url
            present_suppliers = sum(call(f"{url}/v1/suppliers/{s}")[0] == 200 for s in acked["suppliers"])
            present_batches = sum(all(call(f"{url}/v1/offers/{x}")[0] == 200 for x in ids)
                                  for ids in acked["batches"])
            present_plans = sum(call(f"{url}/v1/allocation-plans/{p}")[0] == 200 for p in acked["plans"])
            status, _, text, _ = call(f"{url}/v1/suppliers/replaced{run}")
            stored = int(json.loads(text)["name"][1:]) if status == 200 else 0
            fallbacks.append(last_version[0] - stored)
            for kind, present in (("suppliers", present_suppliers), ("batches", present_batches),
                                  ("plans", present_plans)):
                totals[kind + " acknowledged"] += len(acked[kind])
                totals[kind + " present"] += present
            print(f"  round {round_no + 1}: suppliers {present_suppliers}/{len(acked['suppliers'])},"
                  f" batches {present_batches}/{len(acked['batches'])}, plans {present_plans}/{len(acked['plans'])}"
                  f" present after SIGKILL; replaced supplier acknowledged v{last_version[0]}, stored v{stored}")
        print(f"crash ({args.rounds} SIGKILLs, {'PostgreSQL' if args.jdbc_url else 'H2 file'}):")
        lost = 0
        for kind in ("suppliers", "batches", "plans"):
            acked_n, present = totals[kind + " acknowledged"], totals[kind + " present"]
            lost += acked_n - present
            print(f"  {kind}: {present} of {acked_n} acknowledged present, {acked_n - present} lost")
        print(f"  replaced supplier fell back {fallbacks} acknowledged versions")
        print(f"  acknowledged writes lost per SIGKILL: {lost / args.rounds:.1f}")
    finally:
        service.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


# --------------------------------------------------------------------------------------------------- races


def at_once(n, action):
    """Runs action(i) on n threads released together; the results in order."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        barrier.wait()
        results[i] = action(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def races(args, service):
    url = service.url
    for attempt in range(args.rounds):
        sid = f"race-{attempt}-{random.randrange(1 << 30)}"
        results = at_once(32, lambda i: call(f"{url}/v1/suppliers/{sid}", "PUT",
                                             {"name": f"client {i}", "country": "AU"}))
        print(f"races: 32 PUTs of one new id: {dict(collections.Counter(r[0] for r in results))}"
              f" slowest {max(r[3] for r in results):.2f} s")
        sid = f"race-inm-{attempt}-{random.randrange(1 << 30)}"
        results = at_once(32, lambda i: call(f"{url}/v1/suppliers/{sid}", "PUT",
                                             {"name": f"client {i}", "country": "AU"},
                                             headers={"If-None-Match": "*"}))
        statuses = collections.Counter(r[0] for r in results)
        stored = json.loads(call(f"{url}/v1/suppliers/{sid}")[2])["name"]
        creators = [f"client {i}" for i, r in enumerate(results) if r[0] == 201]
        print(f"races: 32 PUTs with If-None-Match: * of one new id: {dict(statuses)};"
              f" stored body is the creator's: {creators == [stored]}")


# ---------------------------------------------------------------------------------------------------- bulk


def bulk(args, service):
    url = service.url
    for round_no in range(args.rounds):
        tag = f"bulk{round_no}-{random.randrange(1 << 30)}"
        material, supplier = master_data(url, tag)
        pool = [f"{tag}-o{k:03d}" for k in range(300)]
        rng = random.Random(round_no)
        invalid = {3, 8, 13}
        batches = []
        for b in range(16):
            ids = sorted(rng.sample(pool, 100))
            rng.shuffle(ids)
            items = [offer(x, supplier, material, 100.0 + b) for x in ids]
            if b in invalid:
                items[-1]["supplierId"] = "no-such-supplier"
            batches.append((ids, items))

        def send(b):
            ids, items = batches[b]
            if b % 2:
                rows = ["id,supplierId,material,country,capacity,unitPrice,currency,origin.MINING,origin.SEPARATION"]
                rows += [f"{o['id']},{o['supplierId']},{o['material']},MY,500,{o['unitPrice']},USD,AU,MY"
                         for o in items]
                return call(f"{url}/v1/offers", "POST", "\n".join(rows) + "\n", {"Content-Type": "text/csv"})
            return call(f"{url}/v1/offers", "POST", items)

        results = at_once(16, send)
        statuses = collections.Counter(r[0] for r in results)
        slowest = max(r[3] for r in results)
        # What is stored: each offer's price names the batch that wrote it last.
        writer = {}
        for x in pool:
            status, _, text, _ = call(f"{url}/v1/offers/{x}")
            if status == 200:
                writer[x] = int(round(json.loads(text)["unitPrice"] - 100))
        accepted = {b for b, r in enumerate(results) if r[0] == 200}
        partial = []
        for b, r in enumerate(results):
            ids = batches[b][0]
            mine = sum(writer.get(x) == b for x in ids)
            if b not in accepted and mine:
                partial.append(f"batch {b} answered {r[0]} but {mine} of its offers are stored")
            if b in accepted and any(x not in writer or writer[x] not in accepted or x not in batches[writer[x]][0]
                                     for x in ids):
                partial.append(f"batch {b} answered 200 but not all its offers are stored")
        # Serializable: "the last writer of a shared id came after every other accepted batch with it" is acyclic.
        after = collections.defaultdict(set)
        for x, w in writer.items():
            for b in accepted:
                if b != w and x in batches[b][0]:
                    after[b].add(w)
        print(f"bulk round {round_no + 1}: statuses {dict(sorted(statuses.items()))}, accepted {len(accepted)} of"
              f" {16 - len(invalid)} valid, rejected invalid {sum(results[b][0] == 422 for b in invalid)} of"
              f" {len(invalid)}; slowest answer {slowest:.2f} s; all-or-nothing: {not partial};"
              f" serializable: {not has_cycle(after)}")
        for line in partial[:5]:
            print("   ", line)


def has_cycle(edges):
    state = {}

    def visit(node):
        state[node] = 1
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1 or (nxt not in state and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(node not in state and visit(node) for node in list(edges))


# -------------------------------------------------------------------------------------------------- outage


def pg_ctl(cluster, action):
    version, name = cluster.split("/")
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action]
    if action == "stop":
        command += ["-m", "fast"]
    subprocess.run(command, check=True)


def outage(args, service):
    if not args.jdbc_url or not args.cluster:
        sys.exit("outage needs --jdbc-url and --cluster VERSION/NAME of a cluster only this run uses")
    url = service.url
    stop = threading.Event()
    seen = collections.Counter()
    retry_after = collections.Counter()
    acked = []
    ready = []
    start = time.perf_counter()

    def writer(w):
        i = 0
        while not stop.is_set():
            sid = f"outage-{w}-{i}-{random.randrange(1 << 30)}"
            status, headers, _, _ = call(f"{url}/v1/suppliers/{sid}", "PUT", {"name": sid, "country": "AU"},
                                         timeout=30)
            seen[("PUT supplier", status)] += 1
            if status >= 500:
                retry_after[("PUT supplier", status, "Retry-After" in headers)] += 1
            if status == 201:
                acked.append(sid)
            i += 1
            time.sleep(0.02)

    def planner():
        i = 0
        while not stop.is_set():
            status, headers, _, _ = call(f"{url}/v1/allocation-plans", "POST", plan_request("outage", i), timeout=30)
            seen[("POST plan", status)] += 1
            if status >= 500:
                retry_after[("POST plan", status, "Retry-After" in headers)] += 1
            i += 1
            time.sleep(0.05)

    def poller():
        while not stop.is_set():
            status = call(f"{url}/q/health/ready", timeout=10)[0]
            ready.append((time.perf_counter() - start, status))
            time.sleep(0.25)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    threads += [threading.Thread(target=planner), threading.Thread(target=poller)]
    for t in threads:
        t.start()
    try:
        time.sleep(3)
        stopped_at = time.perf_counter() - start
        pg_ctl(args.cluster, "stop")
        time.sleep(args.outage_seconds)
        started_at = time.perf_counter() - start
    finally:
        pg_ctl(args.cluster, "start")
    time.sleep(8)
    stop.set()
    for t in threads:
        t.join()
    present = sum(call(f"{url}/v1/suppliers/{s}")[0] == 200 for s in acked)
    down = [t for t, s in ready if s != 200 and stopped_at <= t]
    up_again = [t for t, s in ready if s == 200 and t > started_at]
    print(f"outage ({args.outage_seconds} s, cluster {args.cluster}):")
    print(f"  statuses: {dict(sorted(seen.items()))}")
    print(f"  5xx answers (operation, status, Retry-After present): {dict(sorted(retry_after.items()))}")
    print(f"  readiness: DOWN first {min(down) - stopped_at:.1f} s after the stop" if down else
          "  readiness: never DOWN")
    print(f"  readiness: UP again {min(up_again) - started_at:.1f} s after the start" if up_again else
          "  readiness: not UP again")
    print(f"  acknowledged creates present afterwards: {present} of {len(acked)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("experiments", nargs="+", choices=["crash", "races", "bulk", "outage"])
    parser.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar")
    parser.add_argument("--jdbc-url", help="a PostgreSQL database (the jar must be a -Ppostgresql build)")
    parser.add_argument("--cluster", help="VERSION/NAME of the PostgreSQL cluster the outage stops, e.g. 15/outage")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stream-seconds", type=float, default=3.0, help="crash: writing time before SIGKILL")
    parser.add_argument("--outage-seconds", type=float, default=6.0)
    args = parser.parse_args()
    for experiment in args.experiments:
        if experiment == "crash":
            crash(args)
            continue
        data_dir = tempfile.mkdtemp(prefix="sourcing-exp-")
        service = Service(args, data_dir).start()
        try:
            {"races": races, "bulk": bulk, "outage": outage}[experiment](args, service)
        finally:
            service.stop()
            shutil.copy(os.path.join(data_dir, "service.log"), os.path.join(tempfile.gettempdir(),
                                                                            f"sourcing-{experiment}.log"))
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
