#!/usr/bin/env python3
"""Drives Mailsink's POP3 server with Python's poplib, as a user's own POP3 code would.

usage: pop3client.py SCENARIO HOST PORT [ARGS...]; prints one JSON object on stdout.
Message bytes are base64 so the test can compare them byte for byte.
"""
import base64
import json
import poplib
import socket
import ssl
import sys
import time


def b64(data):
    return base64.b64encode(data).decode("ascii")


def text(data):
    return data.decode("utf-8", "replace")


def insecure_context():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def fetch_all(box):
    """STAT, LIST, UIDL, every RETR and TOP n 0, as a dict."""
    count, octets = box.stat()
    _, listing, _ = box.list()
    _, uidl, _ = box.uidl()
    messages = []
    for number in range(1, count + 1):
        _, lines, _ = box.retr(number)
        _, top, _ = box.top(number, 0)
        messages.append({"retr": b64(b"\r\n".join(lines) + b"\r\n"),
                         "top": b64(b"\r\n".join(top) + b"\r\n")})
    return {"stat": [count, octets], "list": [text(l) for l in listing],
            "uidl": [text(l) for l in uidl], "messages": messages}


def login(box, user, password):
    return text(box.user(user)) + " / " + text(box.pass_(password))


def main():
    scenario, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    args = sys.argv[4:]
    result = {}
    if scenario == "fetch":  # USER/PASS, everything, DELE the listed numbers, QUIT
        user, password, deletions = args[0], args[1], args[2:]
        box = poplib.POP3(host, port, timeout=30)
        result["welcome"] = text(box.getwelcome())
        result["capa"] = sorted(box.capa().keys())
        result["login"] = login(box, user, password)
        result.update(fetch_all(box))
        for number in deletions:
            result.setdefault("dele", []).append(text(box.dele(int(number))))
        result["quit"] = text(box.quit())
    elif scenario == "apop":
        user, secret = args
        box = poplib.POP3(host, port, timeout=30)
        try:
            box.apop(user, "wrong " + secret)
            result["wrong"] = "accepted"
        except poplib.error_proto as error:
            result["wrong"] = text(error.args[0])
        result["login"] = text(box.apop(user, secret))
        result["stat"] = list(box.stat())
        result["quit"] = text(box.quit())
    elif scenario == "stls":
        user, password = args
        box = poplib.POP3(host, port, timeout=30)
        result["capa_before"] = sorted(box.capa().keys())
        result["stls"] = text(box.stls(context=insecure_context()))
        result["cipher"] = box.sock.cipher()[0]
        result["capa_after"] = sorted(box.capa().keys())
        result["login"] = login(box, user, password)
        result.update(fetch_all(box))
        result["quit"] = text(box.quit())
    elif scenario == "pop3s":
        user, password = args
        box = poplib.POP3_SSL(host, port, timeout=30, context=insecure_context())
        result["welcome"] = text(box.getwelcome())
        result["capa"] = sorted(box.capa().keys())
        result["login"] = login(box, user, password)
        result.update(fetch_all(box))
        result["quit"] = text(box.quit())
    elif scenario == "lock":  # a second session is refused while the first is in TRANSACTION
        user = args[0]
        first = poplib.POP3(host, port, timeout=30)
        result["first"] = login(first, user, "x")
        second = poplib.POP3(host, port, timeout=30)
        second.user(user)
        try:
            second.pass_("x")
            result["second"] = "accepted"
        except poplib.error_proto as error:
            result["second"] = text(error.args[0])
        result["first_quit"] = text(first.quit())
        result["second_retry"] = login(second, user, "x")
        result["second_quit"] = text(second.quit())
    elif scenario == "drop":  # DELE then drop the connection without QUIT
        user = args[0]
        box = poplib.POP3(host, port, timeout=30)
        login(box, user, "x")
        result["dele"] = text(box.dele(1))
        box.sock.shutdown(socket.SHUT_RDWR)
        box.sock.close()
        # The server notices the drop and frees the lock; a new session sees everything again.
        for _ in range(100):
            again = poplib.POP3(host, port, timeout=30)
            again.user(user)
            try:
                again.pass_("x")
                break
            except poplib.error_proto:
                again.quit()
                time.sleep(0.05)
        result["stat_after"] = list(again.stat())
        again.quit()
    elif scenario == "raw":  # send bytes, read until the server closes; for cut-offs and idle timeouts
        payload = args[0].encode().decode("unicode_escape").encode("latin-1")
        sock = socket.create_connection((host, port), timeout=30)
        sock.sendall(payload)
        received = b""
        start = time.time()
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        result["received"] = text(received)
        result["seconds"] = time.time() - start
    else:
        raise SystemExit("unknown scenario " + scenario)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
