#!/usr/bin/env python3
"""kill -9 in the middle of a load loses no acknowledged message.

Starts `mailsink serve` on a fresh store, drives it from several SMTP sessions at once (Python smtplib,
each message unique), kills the server with SIGKILL while they send, restarts it on the same store and
checks, byte for byte, that every message that got its 250 is in the store, and that every file in the
store is a complete message that was sent (nothing partial is ever visible). Several rounds, killed at
different moments.

Usage: kill9_durability.py MAILSINK_BINARY [--rounds N]
"""

import json
import os
import re
import signal
import smtplib
import subprocess
import sys
import tempfile
import threading
import time

SESSIONS = 6
BANNER = re.compile(r"SMTP on 127\.0\.0\.1:(\d+)")


def start(binary, store):
    proc = subprocess.Popen([binary, "serve", "--store", store, "--smtp", "127.0.0.1:0", "--no-pop3",
                             "--no-http", "--no-imap", "--max-connections", "64"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 20
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        found = BANNER.search(line)
        if found:
            threading.Thread(target=proc.stdout.read, daemon=True).start()  # keep the pipe drained
            return proc, int(found.group(1))
    proc.kill()
    raise RuntimeError("mailsink serve did not start: " + line)


def message(session, n):
    body = "".join(f"line {i} of message {n} from session {session}: {'x' * (i % 50)}\r\n" for i in range(40))
    return (f"From: load{session}@example.com\r\nTo: sink@example.com\r\n"
            f"Subject: kill9 {session}/{n}\r\nMessage-ID: <k9-{session}-{n}@example.com>\r\n\r\n"
            + body + ".leading dot stays\r\n").encode()


def sender(port, session, acked, sent, stop):
    n = 0
    try:
        client = smtplib.SMTP("127.0.0.1", port, timeout=10)
        client.ehlo("kill9.test")
        while not stop.is_set():
            raw = message(session, n)
            sent[(session, n)] = raw
            client.sendmail(f"load{session}@example.com", ["sink@example.com"], raw)
            acked[(session, n)] = raw  # sendmail() returned: the server replied 250
            n += 1
    except (OSError, smtplib.SMTPException):
        pass  # the server died under us: that is the test


def stored(binary, store):
    run = subprocess.run([binary, "list", "--store", store, "--json"], capture_output=True, text=True,
                         timeout=60)
    if run.returncode != 0:
        raise RuntimeError("mailsink list failed: " + run.stderr)
    out = {}
    for entry in json.loads(run.stdout):
        with open(os.path.join(store, entry["file"]), "rb") as f:
            raw = f.read()
        found = re.search(rb"Message-ID: <k9-(\d+)-(\d+)@example.com>", raw)
        key = (int(found.group(1)), int(found.group(2))) if found else None
        out.setdefault(key, []).append(raw)
    return out


def round_(binary, store, kill_after):
    proc, port = start(binary, store)
    acked, sent, stop = {}, {}, threading.Event()
    threads = [threading.Thread(target=sender, args=(port, s, acked, sent, stop)) for s in range(SESSIONS)]
    for thread in threads:
        thread.start()
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stop.set()
    for thread in threads:
        thread.join(15)
    acknowledged = dict(acked)

    # Restart on the same store: it recovers (stray tmp/ files removed, unknown files indexed).
    proc, _ = start(binary, store)
    try:
        found = stored(binary, store)
    finally:
        proc.terminate()
        proc.wait(20)

    failures = []
    for key, raw in acknowledged.items():
        copies = found.get(key, [])
        if not copies:
            failures.append(f"acknowledged message {key} is missing")
        elif copies[0] != raw:
            failures.append(f"acknowledged message {key} differs: {len(copies[0])} bytes, sent {len(raw)}")
    for key, copies in found.items():
        if key is None or key not in sent:
            failures.append(f"a stored file that was never sent: {key}")
            continue
        for raw in copies:
            if raw != sent[key]:
                failures.append(f"stored message {key} is partial or altered ({len(raw)} of {len(sent[key])})")
        if len(copies) > 1:
            failures.append(f"message {key} stored {len(copies)} times")
    return len(acknowledged), sum(len(c) for c in found.values()), failures


def main():
    binary = sys.argv[1]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    failed = 0
    with tempfile.TemporaryDirectory(prefix="mailsink-kill9-") as tmp:
        for r in range(rounds):
            store = os.path.join(tmp, f"Maildir{r}")
            kill_after = 0.4 + 0.45 * r  # different moments of the load
            acked, in_store, failures = round_(binary, store, kill_after)
            print(f"round {r + 1}: killed after {kill_after:.2f} s; {acked} acknowledged this round, "
                  f"{in_store} in the store")
            for failure in failures:
                print("    " + failure)
            if acked == 0:
                print("    no message was acknowledged before the kill: the round proves nothing")
                failures.append("no load")
            failed += bool(failures)
    print(f"{rounds - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
