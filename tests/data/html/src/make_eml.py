#!/usr/bin/env python3
"""Wraps the rendered HTML bodies (from build.js) into the .eml files of tests/data/html.

usage: make_eml.py HTML_DIR OUT_DIR. Each message is multipart/alternative (text, then
multipart/related with the HTML and its cid: images), with fixed headers and boundaries so that
regenerating gives the same bytes when the generators give the same HTML.
"""
import sys
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

SRC = Path(__file__).resolve().parent

MESSAGES = [
    {
        "name": "mjml-welcome",
        "html": "welcome.html",
        "text": "welcome.txt",
        "from": "Acme <hello@acme.test>",
        "to": "Ada Lovelace <ada@example.test>",
        "subject": "Welcome to Acme, Ada!",
        "date": "Tue, 01 Dec 2026 09:00:00 +0000",
        "images": [("logo.png", "logo@acme.test"), ("hero.png", "hero@acme.test")],
    },
    {
        "name": "foundation-shipped",
        "html": "shipped.html",
        "text": "shipped.txt",
        "from": "Northwind Outfitters <orders@northwind.test>",
        "to": "Grace Hopper <grace@example.test>",
        "subject": "Your order #10482 has shipped",
        "date": "Tue, 01 Dec 2026 10:30:00 +0000",
        "images": [("banner.png", "banner@northwind.test")],
    },
    {
        "name": "plain-newsletter",
        "html": "newsletter.html",
        "text": "newsletter.txt",
        "from": "The Kernel Gazette <news@gazette.test>",
        "to": "reader@example.test",
        "subject": "The Kernel Gazette, December: Release 2.0, Lisbon meetup",
        "date": "Tue, 01 Dec 2026 12:00:00 +0000",
        "images": [("article1.png", "article1@gazette.test"), ("article2.png", "article2@gazette.test")],
    },
]


def build(spec, html_dir):
    message = EmailMessage(policy=SMTP)
    message["From"] = spec["from"]
    message["To"] = spec["to"]
    message["Subject"] = spec["subject"]
    message["Date"] = spec["date"]
    message["Message-ID"] = "<%s@mailsink.test>" % spec["name"]
    message.set_content((SRC / spec["text"]).read_text(encoding="utf-8"), cte="quoted-printable")
    message.add_alternative((html_dir / spec["html"]).read_text(encoding="utf-8"), subtype="html",
                            cte="quoted-printable")
    html_part = message.get_payload()[1]
    del html_part["MIME-Version"]
    for file_name, content_id in spec["images"]:
        html_part.add_related((SRC / file_name).read_bytes(), maintype="image", subtype="png",
                              cid="<%s>" % content_id, filename=file_name, disposition="inline")
    message.set_boundary("=_alt_%s" % spec["name"])
    html_part.set_boundary("=_rel_%s" % spec["name"])
    return message.as_bytes(policy=SMTP)


def main():
    html_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    for spec in MESSAGES:
        path = out_dir / ("%s.eml" % spec["name"])
        path.write_bytes(build(spec, html_dir))
        print("wrote", path)


if __name__ == "__main__":
    main()
