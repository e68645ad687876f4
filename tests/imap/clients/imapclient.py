#!/usr/bin/env python3
"""Drives Mailsink's IMAP server with Python's imaplib, as a user's own IMAP code would.

usage: imapclient.py SCENARIO HOST PORT [ARGS...]; prints one JSON object on stdout.
Message bytes are base64 so the test can compare them byte for byte.
"""
import base64
import imaplib
import json
import re
import socket
import ssl
import sys


def b64(data):
    return base64.b64encode(data).decode("ascii")


def text(data):
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)


def insecure_context():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def check(result):
    typ, data = result
    if typ != "OK":
        raise SystemExit("command failed: %r %r" % (typ, data))
    return data


def fetch_all(box, user, password):
    out = {}
    out["login"] = text(check(box.login(user, password))[0])
    out["capabilities"] = sorted(text(c) for c in box.capabilities)
    out["list"] = [text(line) for line in check(box.list())]
    typ, data = box.select("INBOX")
    out["exists"] = int(data[0])
    out["uidvalidity"] = text(box.response("UIDVALIDITY")[1][0])
    uids = text(check(box.uid("SEARCH", None, "ALL"))[0]).split()
    out["uids"] = [int(u) for u in uids]
    messages = []
    for uid in uids:
        data = check(box.uid("FETCH", uid, "(UID FLAGS RFC822.SIZE BODY.PEEK[] ENVELOPE)"))
        raw = data[0][1]
        meta = text(data[0][0]) + text(data[1]) if len(data) > 1 else text(data[0][0])
        size = int(re.search(r"RFC822\.SIZE (\d+)", meta).group(1))
        messages.append({"uid": int(uid), "size": size, "raw": b64(raw), "meta": meta})
    out["messages"] = messages
    out["search_unseen"] = text(check(box.search(None, "UNSEEN"))[0])
    out["search_from"] = text(check(box.search("UTF-8", "FROM", "ann"))[0])
    check(box.store("1", "+FLAGS", "(\\Seen \\Flagged)"))
    out["flags_after_store"] = text(check(box.fetch("1", "(FLAGS)"))[0])
    out["search_flagged"] = text(check(box.search(None, "FLAGGED"))[0])
    out["structure"] = text(check(box.fetch("2", "(BODYSTRUCTURE)"))[0])
    check(box.store("2", "+FLAGS", "(\\Deleted)"))
    out["expunged"] = [text(x) for x in check(box.expunge()) if x]
    out["status"] = text(check(box.status("INBOX", "(MESSAGES UNSEEN UIDNEXT)"))[0])
    box.logout()
    return out


def main():
    scenario, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    args = sys.argv[4:]
    if scenario == "fetch":
        box = imaplib.IMAP4(host, port)
        result = fetch_all(box, args[0], args[1])
        result["welcome"] = text(box.welcome)
    elif scenario == "starttls":
        box = imaplib.IMAP4(host, port)
        before = sorted(text(c) for c in box.capabilities)
        check(box.starttls(ssl_context=insecure_context()))
        result = {"before": before, "tls": box.sock.version()}
        result.update(fetch_all(box, args[0], args[1]))
    elif scenario == "imaps":
        box = imaplib.IMAP4_SSL(host, port, ssl_context=insecure_context())
        result = {"tls": box.sock.version()}
        result.update(fetch_all(box, args[0], args[1]))
    elif scenario == "login-fails":
        box = imaplib.IMAP4(host, port)
        try:
            box.login(args[0], args[1])
            result = {"error": None}
        except imaplib.IMAP4.error as error:
            result = {"error": str(error)}
    elif scenario == "idle":
        # imaplib has no IDLE before Python 3.14: speak it on the socket, as mail clients do.
        box = imaplib.IMAP4(host, port)
        check(box.login(args[0], args[1]))
        typ, data = box.select("INBOX")
        result = {"before": int(data[0])}
        box.send(b"i1 IDLE\r\n")
        result["continuation"] = text(box.readline().strip())
        print("IDLING", flush=True)  # the test now catches a message over SMTP
        box.sock.settimeout(20)
        pushed = []
        while True:
            line = text(box.readline().strip())
            pushed.append(line)
            if line.endswith("EXISTS"):
                break
        box.send(b"DONE\r\n")
        while True:
            line = text(box.readline().strip())
            if line.startswith("i1 "):
                result["done"] = line
                break
            pushed.append(line)
        result["pushed"] = pushed
        data = check(box.fetch(str(result["before"] + 1), "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])"))
        result["subject"] = text(data[0][1]).strip()
        data = check(box.fetch(str(result["before"] + 1), "(BODY.PEEK[])"))
        result["raw"] = b64(data[0][1])
        box.logout()
    else:
        raise SystemExit("unknown scenario " + scenario)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
