#!/usr/bin/env python3
"""HTTP API benchmark (not a test): a store of N messages (default 100,000) written as Maildir files and
indexed by `mailsink serve` at start, then timings of Mailpit's list and search calls over HTTP.

    python3 tests/bench/api_bench.py --binary build/app/mailsink [--messages 100000] [--reps 5]

Prints one line per call: median and max wall time over the repetitions (first, cold call shown apart
where a cache matters), the answer's messages_count, and the server's peak RSS at the end."""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar "
         "papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()


def make_store(root, count):
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    now = int(time.time())
    for i in range(count):
        w = WORDS[i % len(WORDS)]
        body = "Hello %d, this is message %d about %s.\r\n" % (i, i, w)
        if i % 1000 == 7:
            body += "needle-%d is here\r\n" % (i // 1000)
        data = ("Return-Path: <sender%d@example.com>\r\nFrom: Sender %d <sender%d@example.com>\r\n"
                "To: user%d@example.org\r\nSubject: %s report %d\r\nMessage-ID: <m%d@bench.example>\r\n"
                "Date: Thu, 03 Dec 2026 06:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n%s" % (i % 500, i % 500, i % 500, i % 2000, w, i, i, body))
        name = "%d.M%dP1Q%d.bench" % (now - count + i, i, i)
        with open(os.path.join(root, "new", name), "w") as f:
            f.write(data)


def peak_rss_mib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0


def get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        body = response.read()
    return time.perf_counter() - start, json.loads(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--messages", type=int, default=100000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--keep", help="reuse/keep the store in this folder")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="mailsink-api-bench-")
    store = os.path.join(folder, "store")
    if not os.path.isdir(os.path.join(store, "new")):
        start = time.perf_counter()
        make_store(store, args.messages)
        print("wrote %d Maildir files in %.1f s" % (args.messages, time.perf_counter() - start))
    start = time.perf_counter()
    server = subprocess.Popen([args.binary, "serve", "--store", store, "--smtp", "127.0.0.1:0", "--no-pop3",
                               "--no-imap", "--no-tls", "--http", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = re.search(r"HTTP on 127\.0\.0\.1:(\d+)", line).group(1)
        print(server.stdout.readline().strip().replace(folder, "<tmp>"))
        print("serve started (index reconciled) in %.1f s" % (time.perf_counter() - start))
        base = "http://127.0.0.1:%s/api/v1" % port
        calls = [
            ("list first page (limit 50)", "/messages?limit=50"),
            ("list page at start=99950", "/messages?start=99950&limit=50"),
            ("search subject:\"tango report 9\"", "/search?query=" + urllib.parse.quote('subject:"tango report 9"')),
            ("search from:sender42@", "/search?query=" + urllib.parse.quote("from:sender42@")),
            ("search is:unread", "/search?query=is:unread"),
            ("search word in subject (xray)", "/search?query=xray"),
            ("search word only in bodies (needle-42)", "/search?query=needle-42"),
            ("search message-id:m77777@", "/search?query=" + urllib.parse.quote("message-id:m77777@")),
        ]
        print("%-42s %10s %10s %10s %8s" % ("call", "first ms", "median ms", "max ms", "matches"))
        for name, path in calls:
            times = []
            count = None
            for _ in range(args.reps):
                elapsed, answer = get(base + path)
                times.append(elapsed * 1000)
                count = answer["messages_count"]
            print("%-42s %10.1f %10.1f %10.1f %8d" % (name, times[0], statistics.median(times[1:] or times),
                                                     max(times), count))
        print("server peak RSS: %.0f MiB" % peak_rss_mib(server.pid))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
