#!/usr/bin/env python3
"""The `mailpit-api` npm client (installed from npm into the build folder) against `mailsink serve`:
lists, searches, reads, marks read, sends, releases (to a second Mailsink as the relay) and deletes."""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apitest import SKIP, Serve, check, message, npm_packages  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--npm-dir", required=True)
    args = parser.parse_args()
    modules = npm_packages(args.npm_dir, ["mailpit-api@2", "ws@8"])
    if not modules:
        print("SKIP: node/npm or the npm registry is not available")
        return SKIP
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mailpit_client.mjs")
    with Serve(args.binary) as relay:
        with Serve(args.binary, ["--relay", "127.0.0.1:%d" % relay.smtp_port]) as sink:
            sink.send("hello@example.com", ["dev@example.com"],
                      message("Welcome aboard", to="Dev <dev@example.com>", body="Welcome!").replace(
                          "Welcomeaboard@example.com", "welcome-1@example.com"))
            sink.send("carol@example.com", ["boss@example.com"],
                      message("Weekly report", sender="Carol <carol@example.com>", to="boss@example.com",
                              body="tracking-code-7781 inside"))
            invoice = ("From: Shop Billing <billing@shop.example>\r\nTo: dev@example.com\r\n"
                       "Subject: Invoice 42 attached\r\nMessage-ID: <invoice-42@shop.example>\r\n"
                       "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                       "--b\r\nContent-Type: text/plain\r\n\r\nPlease find your invoice attached.\r\n"
                       "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=invoice-42.txt\r\n"
                       "\r\nTotal: 42.00 EUR\r\n\r\n--b--\r\n")
            sink.send("billing@shop.example", ["dev@example.com", "audit@example.com"], invoice)
            env = dict(os.environ, MAILPIT_URL=sink.url, MAILPIT_MODULES=modules)
            result = subprocess.run(["node", script], env=env, capture_output=True, text=True, timeout=120)
            print(result.stdout)
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1
        # The release arrived at the relay byte for byte (Bcc header aside: there was none), to the given rcpt.
        status, listed = relay.json("GET", "/api/v1/messages")
        check(status == 200 and listed["total"] == 1, "relay got %r" % listed)
        status, envelope = relay.json("GET", "/api/v1/mailsink/message/%s/envelope" % listed["messages"][0]["ID"])
        check(envelope["rcpt_to"] == ["accounting@relay.example"], "relay envelope %r" % envelope)
        check(envelope["mail_from"] == "billing@shop.example", "relay sender %r" % envelope)
        status, _, raw = relay.http("GET", "/api/v1/message/latest/raw")
        check(raw.decode() == invoice, "released bytes differ")
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
