#!/usr/bin/env python3
"""Mailpit's chaos triggers set over the API (PUT /api/v1/chaos) and felt by real SMTP clients (smtplib):
Sender at MAIL, Recipient at RCPT, Authentication at AUTH, each with its code and probability; refused
messages are not stored; turning the triggers off restores normal service without a restart."""
import argparse
import os
import smtplib
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apitest import Serve, check, message  # noqa: E402


def attempt(sink, subject):
    """'ok' or the refusing stage with its code."""
    try:
        with smtplib.SMTP("127.0.0.1", sink.smtp_port, timeout=20) as smtp:
            smtp.sendmail("chaos@example.com", ["dev@example.com"], message(subject, sender="chaos@example.com"))
        return "ok"
    except smtplib.SMTPSenderRefused as error:
        return "sender %d" % error.smtp_code
    except smtplib.SMTPRecipientsRefused as error:
        return "recipient %d" % list(error.recipients.values())[0][0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    args = parser.parse_args()
    with Serve(args.binary) as sink:
        total = lambda: sink.json("GET", "/api/v1/messages")[1]["total"]  # noqa: E731
        check(attempt(sink, "before") == "ok" and total() == 1, "mail flows before chaos")

        status, body = sink.json("PUT", "/api/v1/chaos", {"Sender": {"ErrorCode": 451, "Probability": 100}})
        check(status == 200 and body["Sender"] == {"ErrorCode": 451, "Probability": 100}, "set %r" % body)
        results = {attempt(sink, "s%d" % i) for i in range(5)}
        check(results == {"sender 451"}, "sender trigger: %r" % results)

        sink.json("PUT", "/api/v1/chaos", {"Recipient": {"ErrorCode": 550, "Probability": 100}})
        results = {attempt(sink, "r%d" % i) for i in range(5)}
        check(results == {"recipient 550"}, "recipient trigger (and the sender one gone): %r" % results)

        sink.json("PUT", "/api/v1/chaos", {"Authentication": {"Probability": 100}})  # default code 535
        with smtplib.SMTP("127.0.0.1", sink.smtp_port, timeout=20) as smtp:
            try:
                smtp.login("user", "password")
                check(False, "AUTH should have been refused")
            except smtplib.SMTPAuthenticationError as error:
                check(error.smtp_code == 535 and b"Chaos" in error.smtp_error, "auth trigger: %r" % error)
            # The session goes on: mail without AUTH is still accepted (no trigger on MAIL now).
            smtp.sendmail("chaos@example.com", ["dev@example.com"], message("after auth", sender="chaos@example.com"))

        sink.json("PUT", "/api/v1/chaos", {"Sender": {"ErrorCode": 421, "Probability": 50}})
        outcomes = [attempt(sink, "p%d" % i) for i in range(120)]
        refused = outcomes.count("sender 421")
        check(refused + outcomes.count("ok") == 120, "only 421 or ok: %r" % set(outcomes))
        # Binomial(120, 0.5): outside 30..90 has probability below 1e-7.
        check(30 <= refused <= 90, "probability 50%%: %d of 120 refused" % refused)

        status, body = sink.json("PUT", "/api/v1/chaos", {})
        check(status == 200 and all(t["Probability"] == 0 for t in body.values()), "reset %r" % body)
        check(attempt(sink, "after") == "ok", "mail flows after chaos")
        check(total() == 1 + 1 + (120 - refused) + 1, "only accepted mail is stored: %d" % total())
        trace_ok = False
        status, listing = sink.json("GET", "/api/v1/search?query=subject:after")
        check(listing["messages_count"] == 2, "search after chaos")
        for item in listing["messages"]:
            status, trace = sink.json("GET", "/api/v1/mailsink/message/%s/session" % item["ID"])
            trace_ok = trace_ok or any("chaos: injected 535" in e["text"] for e in trace)
        check(trace_ok, "the session trace names the injected fault")
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
