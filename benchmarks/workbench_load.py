#!/usr/bin/env python3
"""The workbench's load check: SESSIONS concurrent sessions (each a thread with its own
connection, logged in as one of the township workers) list leads, open one and post an outcome,
for SECONDS; then every outcome the server accepted is looked up in the ledger's events.

Usage: workbench_load.py URL LEDGER USERS_FILE SESSIONS SECONDS
USERS_FILE: one "name<TAB>password" line per worker. Prints the figures; exits 1 on a lost update."""
import http.client
import json
import random
import sqlite3
import sys
import threading
import time
import urllib.parse


def percentile(values, p):
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


class Session(threading.Thread):
    def __init__(self, host, port, user, password, deadline, index):
        super().__init__(daemon=True)
        self.host, self.port, self.user, self.password, self.deadline, self.index = host, port, user, password, deadline, index
        self.latency = {"list": [], "detail": [], "outcome": []}
        self.errors = []
        self.posted = []  # (lead, note) the server accepted

    def request(self, conn, method, path, body=None):
        headers = {"Cookie": self.cookie} if getattr(self, "cookie", None) else {}
        if method == "POST":
            headers["Content-Type"] = "application/json"
            if getattr(self, "csrf", None):
                headers["X-CSRF-Token"] = self.csrf
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        payload = r.read()
        return r.status, r.getheader("Set-Cookie"), payload

    def run(self):
        rng = random.Random(self.index)
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        status, cookie, payload = self.request(conn, "POST", "/api/login", {"user": self.user, "password": self.password})
        if status != 200:
            self.errors.append(f"login {self.user}: {status} {payload[:200]!r}")
            return
        self.cookie = cookie.split(";")[0]
        self.csrf = json.loads(payload)["csrf"]
        pages = 1
        n = 0
        while time.monotonic() < self.deadline:
            t = time.monotonic()
            status, _, payload = self.request(conn, "GET", f"/api/leads?status=all&page={rng.randint(1, pages)}")
            self.latency["list"].append(time.monotonic() - t)
            if status != 200:
                self.errors.append(f"list: {status}")
                continue
            page = json.loads(payload)
            pages = max(1, page["pages"])
            if not page["leads"]:
                continue
            lead = rng.choice(page["leads"])["id"]
            t = time.monotonic()
            status, _, _ = self.request(conn, "GET", f"/api/leads/{lead}")
            self.latency["detail"].append(time.monotonic() - t)
            if status != 200:
                self.errors.append(f"detail: {status}")
            n += 1
            note = f"load {self.index}-{n}"
            t = time.monotonic()
            status, _, payload = self.request(conn, "POST", f"/api/leads/{lead}/outcome", {"status": "in-progress", "note": note})
            self.latency["outcome"].append(time.monotonic() - t)
            if status == 200 and json.loads(payload)["changed"]:
                self.posted.append((lead, note))
            elif status != 200:
                self.errors.append(f"outcome: {status} {payload[:200]!r}")
        conn.close()


def main():
    url, ledger, users_file, sessions, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    u = urllib.parse.urlparse(url)
    users = [line.rstrip("\n").split("\t") for line in open(users_file, encoding="utf-8") if line.strip()]
    start = time.monotonic()
    threads = [Session(u.hostname, u.port, *users[i % len(users)], start + seconds, i) for i in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    lat = {k: [x for t in threads for x in t.latency[k]] for k in ("list", "detail", "outcome")}
    every = [x for v in lat.values() for x in v]
    errors = [e for t in threads for e in t.errors]
    posted = [p for t in threads for p in t.posted]
    db = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
    notes = {(lead, note) for lead, note in db.execute("SELECT lead, note FROM events WHERE kind = 'set'")}
    lost = [p for p in posted if p not in notes]
    print(f"sessions {sessions}, {elapsed:.1f} s, {len(every)} requests: {len(every) / elapsed:.0f} requests/s")
    for k, v in lat.items():
        print(f"  {k:8} {len(v):6} requests, median {percentile(v, 50) * 1000:6.1f} ms, p95 {percentile(v, 95) * 1000:6.1f} ms")
    print(f"  all      p95 {percentile(every, 95) * 1000:.1f} ms")
    print(f"outcomes accepted: {len(posted)}, found in the ledger: {len(posted) - len(lost)}, lost: {len(lost)}")
    print(f"errors: {len(errors)}" + (": " + "; ".join(errors[:5]) if errors else ""))
    sys.exit(1 if lost or errors else 0)


if __name__ == "__main__":
    main()
