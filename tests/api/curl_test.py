#!/usr/bin/env python3
"""The HTTP API with curl: every endpoint the mailpit-api test does not reach, the Mailsink extras, bad
input (404/400/405/413 with a JSON error and the store unchanged), no file path in any answer, Basic auth."""
import argparse
import base64
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apitest import Serve, check, message  # noqa: E402

FAILURES = []


def curl(url, *args, data=None):
    """(status, headers lower-cased, body bytes) of one curl call."""
    head = tempfile.NamedTemporaryFile(delete=False)
    head.close()
    command = ["curl", "-s", "-S", "-D", head.name, "-o", "-", "--max-time", "30", *args]
    if data is not None:
        command += ["--data-binary", "@-"]
    command.append(url)
    result = subprocess.run(command, input=data, capture_output=True, timeout=60)
    with open(head.name, "rb") as f:
        lines = f.read().decode("latin-1").split("\r\n")
    os.unlink(head.name)
    if result.returncode != 0:
        raise RuntimeError("curl failed: %s" % result.stderr.decode())
    status_lines = [line for line in lines if line.startswith("HTTP/")]
    headers = {}
    for line in lines:
        if ":" in line and not line.startswith("HTTP/"):
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    return int(status_lines[-1].split()[1]), headers, result.stdout


def expect(what, condition):
    if not condition:
        FAILURES.append(what)
        print("FAIL: " + what)
    else:
        print("ok: " + what)


def expect_error(what, status, body, code):
    try:
        error = json.loads(body)["Error"]
    except (ValueError, KeyError, TypeError):
        error = None
    expect("%s -> %d with a JSON error (got %d %r)" % (what, code, status, body[:120]), status == code and error)


INLINE = ("From: News <news@example.com>\r\nTo: reader@example.com\r\nSubject: Picture inside\r\n"
          "Message-ID: <pic-1@example.com>\r\nMIME-Version: 1.0\r\n"
          "Content-Type: multipart/related; boundary=r\r\n\r\n"
          "--r\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Look: <img src=\"cid:dot@x\"></p>\r\n"
          "--r\r\nContent-Type: image/png\r\nContent-ID: <dot@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
          + base64.b64encode(b"\x89PNG fake").decode() + "\r\n--r--\r\n")


def run(binary):
    with Serve(binary, ["--max-size", "1000"]) as sink:
        api = sink.url + "/api/v1"
        for path in ("/livez", "/readyz"):
            status, _, _ = curl(sink.url + path)
            expect(path + " is 200", status == 200)
        status, _, body = curl(api + "/messages")
        expect("an empty store lists nothing", status == 200 and json.loads(body)["total"] == 0)
        status, _, body = curl(api + "/message/latest")
        expect_error("latest of an empty store", status, body, 404)

        sink.send("news@example.com", ["reader@example.com", "hidden@example.com"], INLINE)
        sink.send("bob@example.com", ["alice@example.com"],
                  message("Plain one", sender="bob@example.com", to="alice@example.com", body="just text"))
        listed = json.loads(curl(api + "/messages")[2])
        ids = {m["Subject"]: m["ID"] for m in listed["messages"]}
        pic = ids["Picture inside"]

        status, headers, body = curl(api + "/message/%s/raw?dl=1" % pic)
        expect("raw is the exact bytes", status == 200 and body.decode() == INLINE)
        expect("raw ?dl=1 is an attachment", "attachment" in headers.get("content-disposition", ""))
        status, _, body = curl(api + "/message/%s/headers" % pic)
        headers_json = json.loads(body)
        expect("headers keyed as Go canonicalizes them", headers_json.get("Message-Id") == ["<pic-1@example.com>"]
               and headers_json.get("Content-Type") == ["multipart/related; boundary=r"])
        summary = json.loads(curl(api + "/message/%s" % pic)[2])
        expect("an inline image is listed as Inline", len(summary["Inline"]) == 1
               and summary["Inline"][0]["ContentID"] == "dot@x" and summary["Attachments"] == [])
        expect("HTML body", "<img src=\"cid:dot@x\">" in summary["HTML"])
        expect("checksums", summary["Inline"][0]["Checksums"]["SHA256"] == hashlib.sha256(b"\x89PNG fake").hexdigest()
               and summary["Inline"][0]["Checksums"]["MD5"] == hashlib.md5(b"\x89PNG fake").hexdigest())
        part = summary["Inline"][0]["PartID"]
        status, headers, body = curl(api + "/message/%s/part/%s" % (pic, part))
        expect("part content and type", status == 200 and body == b"\x89PNG fake"
               and headers.get("content-type", "").startswith("image/png"))
        status, _, body = curl(api + "/message/%s/part/9.9" % pic)
        expect_error("unknown part", status, body, 404)
        status, _, body = curl(api + "/message/%s/part/%s/thumb" % (pic, part))
        expect_error("thumbnails (omitted)", status, body, 404)
        for bad in ("999999", "abc", "-1"):
            status, _, body = curl(api + "/message/" + bad)
            expect_error("message " + bad, status, body, 404)
        status, _, body = curl(api + "/message/%s/html-check" % pic)
        expect_error("html-check (not in Mailsink)", status, body, 404)

        # Mailsink extras.
        envelope = json.loads(curl(api + "/mailsink/message/%s/envelope" % pic)[2])
        expect("envelope has every RCPT TO", envelope["rcpt_to"] == ["reader@example.com", "hidden@example.com"])
        expect("envelope names the Bcc recipient", envelope["bcc"] == ["hidden@example.com"])
        trace = json.loads(curl(api + "/mailsink/message/%s/session" % pic)[2])
        expect("session trace has the conversation", any(e["dir"] == "client" and e["text"].upper() == "DATA" for e in trace))
        recipients = json.loads(curl(api + "/mailsink/recipients")[2])
        expect("per-recipient counts", {r["Address"]: r["Messages"] for r in recipients}
               == {"reader@example.com": 1, "hidden@example.com": 1, "alice@example.com": 1})
        mine = json.loads(curl(api + "/mailsink/recipient/hidden@example.com/messages")[2])
        expect("per-recipient listing", mine["messages_count"] == 1 and mine["messages"][0]["ID"] == pic)

        # Search syntax.
        def count(query):
            status, _, body = curl(api + "/search", "-G", "--data-urlencode", "query=" + query)
            return json.loads(body)["messages_count"] if status == 200 else None
        expect("subject:", count("subject:picture") == 1)
        expect("negated", count("-subject:picture") == 1)
        expect("quoted phrase", count('"plain one"') == 1)
        expect("has:inline", count("has:inline") == 1)
        expect("message-id:", count("message-id:pic-1") == 1)
        expect("is:unread", count("is:unread") == 1)  # fetching the summary above marked it read
        expect("before: in the past", count("before:2001-01-01") == 0)
        expect("larger:", count("larger:300") == 1)
        status, _, body = curl(api + "/search")
        expect_error("search without a query", status, body, 400)

        # Bad input changes nothing.
        before = curl(api + "/messages")[2]
        for method, path, data, code in [
            ("PUT", "/messages", b"{not json", 400),
            ("PUT", "/messages", b'{"IDs": ["999999"], "Read": true}', 404),
            ("PUT", "/messages", b'{"IDs": "1", "Read": true}', 400),
            ("PUT", "/messages", b'{"Read": "yes"}', 400),
            ("DELETE", "/messages", b"[1, 2]", 400),
            ("DELETE", "/messages", b"{bad", 400),
            ("DELETE", "/messages", ('{"IDs": ["%s", "999999"]}' % pic).encode(), 404),
            ("DELETE", "/search", None, 400),
            ("POST", "/send", b'{"To": [{"Email": "x@example.com"}]}', 400),
            ("POST", "/send", b'{"From": {"Email": "a@example.com"}, "To": [{"Email": "x@example.com"}],'
                              b' "Attachments": [{"Filename": "a", "Content": "***"}]}', 400),
            ("POST", "/send", b'{"From": {"Email": "a@example.com"}, "To": [{"Email": "x@example.com"}],'
                              b' "Headers": {"Subject": "no"}}', 400),
            ("POST", "/message/%s/release" % pic, b'{"To": ["x@example.com"]}', 400),  # no --relay
            ("PUT", "/chaos", b'{"Sender": {"ErrorCode": 200, "Probability": 10}}', 400),
            ("PUT", "/chaos", b'{"Sender": {"ErrorCode": 451, "Probability": 101}}', 400),
            ("POST", "/messages", b"{}", 405),
            ("GET", "/nonsense", None, 404),
        ]:
            status, _, body = curl(api + path, "-X", method, data=data)
            expect_error("%s %s %r" % (method, path, data), status, body, code)
        expect("nothing changed after the failed requests", curl(api + "/messages")[2] == before)
        chaos = json.loads(curl(api + "/chaos")[2])
        expect("chaos unchanged after refused settings", chaos["Sender"] == {"ErrorCode": 451, "Probability": 0})
        status, _, body = curl(api + "/send", "-X", "POST", "-H", "Content-Type: application/json",
                               data=b'{"Subject": "' + b"x" * (2 * 1024 * 1024) + b'"}')
        expect_error("an oversized body", status, body, 413)
        expect("nothing stored by the oversized body", curl(api + "/messages")[2] == before)

        # Never a file path.
        store = os.path.realpath(sink.store)
        answers = b"".join(curl(api + path)[2] for path in
                           ("/info", "/webui", "/messages", "/message/%s" % pic,
                            "/mailsink/message/%s/envelope" % pic, "/mailsink/message/%s/session" % pic))
        expect("no answer contains the store path", store.encode() not in answers and b"/new/" not in answers
               and b"/cur/" not in answers)
        info = json.loads(curl(api + "/info")[2])
        expect("info counts", info["Messages"] == 2 and "Version" in info and "Uptime" in info["RuntimeStats"])
        webui = json.loads(curl(api + "/webui")[2])
        expect("webui: no relay, chaos on", webui["MessageRelay"]["Enabled"] is False and webui["ChaosEnabled"] is True)

        # Delete by search, read by search.
        status, _, _ = curl(api + "/search", "-G", "-X", "DELETE", "--data-urlencode", "query=from:bob")
        expect("delete by search", status == 200 and json.loads(curl(api + "/messages")[2])["total"] == 1)


def run_auth(binary):
    folder = tempfile.mkdtemp()
    auth = os.path.join(folder, "users")
    with open(auth, "w") as f:
        f.write("# users\nplain:pa55word\nhashed:{SHA}%s\n"
                % base64.b64encode(hashlib.sha1(b"other").digest()).decode())
    with Serve(binary, ["--http-auth-file", auth]) as sink:
        api = sink.url + "/api/v1/messages"
        status, headers, body = curl(api)
        expect_error("no credentials", status, body, 401)
        expect("WWW-Authenticate asks for Basic", headers.get("www-authenticate", "").startswith("Basic"))
        status, _, body = curl(api, "-u", "plain:wrong")
        expect_error("a wrong password", status, body, 401)
        expect("plain credentials", curl(api, "-u", "plain:pa55word")[0] == 200)
        expect("{SHA} credentials", curl(api, "-u", "hashed:other")[0] == 200)
        expect("/livez needs none", curl(sink.url + "/livez")[0] == 200)
    with open(auth, "w") as f:
        f.write("broken line\n")
    result = subprocess.run([binary, "serve", "--store", os.path.join(folder, "s"), "--smtp", "127.0.0.1:0",
                             "--no-pop3", "--no-imap", "--http", "127.0.0.1:0", "--http-auth-file", auth],
                            capture_output=True, text=True, timeout=30)
    expect("a bad auth file: exit 2, one line (%r)" % result.stderr,
           result.returncode == 2 and result.stderr.count("\n") == 1 and "user:password" in result.stderr)
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    result = subprocess.run([binary, "serve", "--store", os.path.join(folder, "s"), "--smtp", "127.0.0.1:0",
                             "--no-pop3", "--no-imap", "--http", "127.0.0.1:%d" % busy.getsockname()[1]],
                            capture_output=True, text=True, timeout=30)
    expect("HTTP port in use: exit 2 (%r)" % result.stderr,
           result.returncode == 2 and "cannot listen for HTTP" in result.stderr)
    busy.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    args = parser.parse_args()
    run(args.binary)
    run_auth(args.binary)
    print("%d failures" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
