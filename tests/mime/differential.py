#!/usr/bin/env python3
"""Differential test: `mailsink inspect --json` against Python's email package (policy.default).

For every message file given (CPython's own MIME corpus, test/test_email/data/msg_*.txt, and
tests/data/mime/*.eml), both decoders are run and compared on:
  - the leaf parts (IMAP path, content type, file name, SHA-256 of the transfer-decoded bytes),
  - which leaves are shown as the text and the HTML body (`text_parts`, `html_parts`),
  - the text and HTML bodies themselves (decoded to Unicode).

Python's tree is read through the same *policy rules* Mailsink applies (RULES below), so where the
two differ on purpose the rule says why, with its RFC reference; a difference no rule explains is a
failure. Per-message exceptions (ALLOW) are for Python's own limits only and each says which.

Usage: differential.py MAILSINK_BINARY [FILE|DIR]... [--python-corpus] [--verbose]
Exit status 0 when every difference is explained; 1 otherwise (each unexplained difference printed).
"""

import email
import email.policy
import hashlib
import json
import os
import re
import subprocess
import sys

# ---------------------------------------------------------------------------------------------------
# Policy rules: Mailsink's reading of a message, applied to Python's parse tree.
#
# R1 Bodies. `text` is every inline text/plain leaf in document order, joined; `html` likewise for
#    text/html. A leaf is inline unless its Content-Disposition is "attachment" or a value unknown
#    to RFC 2183 (section 2.8: treat unknown as attachment). A file name does not make a part an
#    attachment (RFC 2183 section 2.3: "inline" means display it, the file name is a suggestion;
#    a Content-Type name= parameter alone is no disposition at all). Python's get_body() returns
#    only the first such part; Mailsink shows them all, as Thunderbird and mutt do.
# R2 multipart/alternative contributes one alternative per body kind: the last one that has it
#    (RFC 2046 section 5.1.4: the last alternative is the preferred one).
# R3 multipart/related contributes its root only: the part named by "start", else the first
#    (RFC 2387 section 3.2).
# R4 multipart/digest only changes the *default* type of its children to message/rfc822 (RFC 2046
#    section 5.1.5): an explicit text/plain child is text like any other, its message/rfc822 children
#    are attachments (both decoders agree; no exception needed).
# R5 message/rfc822 (and other message/* except partial) is a leaf whose content is the embedded
#    message as sent: Python re-serialises it (get_payload(decode=True) is None), so its hash is
#    compared against the bytes between its header and the next delimiter instead.
# R6 A multipart whose boundary is missing or never occurs is shown as text/plain with a warning
#    (Python keeps the multipart type and a string payload): the bytes are the same.
# R7 Children that reuse their parent's boundary: Mailsink recovers them by matching delimiter lines
#    exactly against every open boundary, innermost first (RFC 2046 section 5.1.1 forbids the reuse);
#    Python loses parts there. Where Mailsink warned about the structure, a difference in the number
#    of leaves is explained.
# R8 message/delivery-status and message/external-body: Mailsink keeps the body as raw bytes (a leaf);
#    Python parses them into header blocks and yields no payload.
# R9 Text is compared with '\n' line ends; format=flowed text (RFC 3676) is unwrapped by Mailsink as a
#    reader shows it; Python's text is unwrapped here by RFC 3676 section 4.2 before comparing.
# R10 Broken base64 / quoted-printable: both decoders recover what they can by different rules; where
#    Mailsink warned about the part's encoding, its hash is not compared.
# R13 An HTML part that declares no charset in its Content-Type is decoded by the charset of its <meta>
#    element, as a browser does (HTML 5 section 4.2.5.5, the prescan of the first 1024 bytes); Python
#    decodes it as US-ASCII. Python's bytes are decoded here the same way before comparing.
# R15 A delimiter line directly followed by the close-delimiter encloses nothing, as consecutive
#    delimiter lines do not (RFC 2046 section 5.1.1: the CRLF that would start the close-delimiter was
#    the previous delimiter's own). Python agrees for consecutive delimiters but makes an empty part,
#    without header or body, before a close-delimiter; such a Python part is dropped here.
# R14 x-uuencode (no RFC, but decoded by every common mail client) is decoded by both.
# R11 A part with an unknown charset: Mailsink shows it as UTF-8 (or Latin-1), Python as ASCII with
#    replacement characters; where Mailsink warned about the charset, its text is not compared.
# ---------------------------------------------------------------------------------------------------

# Python's own limits, per message (each names what Python does).
ALLOW = {
    # An embedded message/rfc822 whose multipart has only its closing delimiter: Python re-serialises
    # it without that line, so no byte comparison is possible; Mailsink keeps the bytes as sent.
    "msg_42.txt": "Python drops the closing delimiter of an empty embedded multipart when re-serialising",
}

UNKNOWN_DISPOSITION_IS_ATTACHMENT = True


def py_leaves(msg, path=""):
    """Yields (path, part, parent) for every leaf, numbered as IMAP does (RFC 3501 6.4.5)."""
    out = []

    def walk(part, path, parent):
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            children = part.get_payload()
            if R15[0] and children and not children[-1].keys() and children[-1].get_payload() == "":
                children = children[:-1]
            for i, child in enumerate(children, 1):
                walk(child, f"{path}.{i}" if path else str(i), part)
        else:
            out.append((path or "1", part, parent))

    walk(msg, path, None)
    return out


def disposition(part):
    value = part.get("content-disposition")
    if value is None:
        return None
    return part.get_content_disposition()


def is_inline(part):
    d = disposition(part)
    if d is None or d == "inline":
        return True
    return False


# R15: whether the message has a delimiter line directly followed by a close-delimiter (set in run()).
R15 = [False]
DELIMITER_THEN_CLOSE = re.compile(rb"^--([^\r\n]+?)[ \t]*\r?\n--\1--", re.M)

# R6: leaves Mailsink shows as text/plain although they say multipart (set per message in run()).
TYPE_OVERRIDES = {}


def content_type(part):
    return TYPE_OVERRIDES.get(id(part), part.get_content_type())


def select_bodies(part, kind):
    """Rules R1-R4 on Python's tree: the parts joined into the `kind` body ('plain' or 'html')."""
    ctype = content_type(part)
    if part.get_content_maintype() == "multipart" and part.is_multipart():
        children = part.get_payload()
        if R15[0] and children and not children[-1].keys() and children[-1].get_payload() == "":
            children = children[:-1]
        sub = part.get_content_subtype()
        if sub == "alternative":
            chosen = []
            for child in children:
                found = select_bodies(child, kind)
                if found:
                    chosen = found
            return chosen
        if sub == "related" and children:
            start = part.get_param("start")
            root = children[0]
            if start:
                want = start.strip().strip("<>").strip()
                for child in children:
                    cid = (child.get("content-id") or "").strip().strip("<>").strip()
                    if cid == want:
                        root = child
            return select_bodies(root, kind)
        chosen = []
        for child in children:
            chosen += select_bodies(child, kind)
        return chosen
    if ctype == "text/" + kind and is_inline(part):
        return [part]
    return []


META_CHARSET = re.compile(rb"charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)", re.I)


def unwrap_flowed(text, delsp):
    """RFC 3676 section 4.2: join soft-broken lines of the same quote depth, undo space-stuffing."""
    out, current, current_depth = [], None, 0
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        if body.startswith(" "):
            body = body[1:]  # space-stuffing (section 4.4)
        soft = body.endswith(" ") and body != "-- "
        if soft and delsp:
            body = body[:-1]
        if current is not None and depth == current_depth:
            current += body
        else:
            if current is not None:
                out.append(">" * current_depth + (" " if current_depth else "") + current
                           if current_depth else current)
            current, current_depth = body, depth
        if not soft:
            out.append(">" * current_depth + (" " if current_depth else "") + current
                       if current_depth else current)
            current = None
    if current is not None:
        out.append(current)
    return "\n".join(out)


def py_text(part):
    payload = part.get_payload(decode=True) or b""
    charset = part.get_param("charset")
    if part.get_content_type() == "text/html" and not charset:
        found = META_CHARSET.search(payload[:2048])
        if found:  # R13
            try:
                text = payload.decode(found.group(1).decode().lower())
                return text.replace("\r\n", "\n").replace("\r", "\n")
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        text = part.get_content()
    except Exception:  # noqa: BLE001 - Python fails on some charsets; compared as bytes instead
        text = payload.decode("utf-8", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_type() == "text/plain" and (part.get_param("format") or "").lower() == "flowed":
        text = unwrap_flowed(text, (part.get_param("delsp") or "").lower() == "yes")  # R9
    return text


def joined(texts):
    out = ""
    for text in texts:
        if out and not out.endswith("\n"):
            out += "\n"
        out += text
    return out


def collapse(text):
    return " ".join(text.split())


class Comparison:
    def __init__(self, name, ours, msg, raw):
        self.name = name
        self.ours = ours
        self.msg = msg
        self.raw = raw
        self.failures = []
        self.explained = []

    def warned(self, path, needle):
        label = "the message" if path in ("", None) else "part " + path
        for warning in self.ours.get("warnings", []):
            if needle in warning and (path is None or warning.startswith(label)):
                return True
        return False

    def reused_boundary(self):
        return any("reuses the boundary of an enclosing multipart" in w
                   for w in self.ours.get("warnings", []))

    def differ(self, what, rule=None):
        if rule:
            self.explained.append(f"{what}  [{rule}]")
        else:
            self.failures.append(what)

    def run(self):
        R15[0] = bool(DELIMITER_THEN_CLOSE.search(self.raw))
        if R15[0]:
            self.explained.append("no part between a delimiter and the close-delimiter  [R15]")
        ours_parts = {p["path"]: p for p in self.ours["parts"]}
        leaves = py_leaves(self.msg)
        TYPE_OVERRIDES.clear()
        for path, part, _ in leaves:
            mine = ours_parts.get(path)
            label = None if path == "1" else path
            if part.get_content_maintype() == "multipart" and mine is not None \
                    and mine["content_type"] == "text/plain" and self.warned(label, "shown as plain text"):
                TYPE_OVERRIDES[id(part)] = "text/plain"
                self.explained.append(f"{path}: {part.get_content_type()} shown as text/plain  [R6]")
        if self.reused_boundary():
            self.compare_recovered(leaves)
            return self
        if list(ours_parts) != [p for p, _, _ in leaves]:
            self.differ(f"leaf paths: mailsink {list(ours_parts)} python {[p for p, _, _ in leaves]}")
        for path, part, parent in leaves:
            mine = ours_parts.get(path)
            if mine is not None:
                self.compare_leaf(path, mine, part, parent)
        self.compare_bodies("plain", "text", "text_parts")
        self.compare_bodies("html", "html", "html_parts")
        self.compare_attachments(leaves)
        return self

    def compare_recovered(self, leaves):
        """R7: Mailsink recovered the children of a multipart that reuses its parent's boundary, which
        Python does not: the trees differ. Nothing Python found may be missing from Mailsink (same type,
        same decoded bytes), and the bodies must read the same."""
        ours = [(p["content_type"], p["sha256"]) for p in self.ours["parts"]]
        for path, part, _ in leaves:
            if part.get_content_maintype() in ("multipart", "message"):
                continue  # Python's empty shell of the multipart it could not split
            payload = part.get_payload(decode=True) or b""
            key = (content_type(part), hashlib.sha256(payload).hexdigest())
            if key not in ours and not self.warned(None, "invalid"):
                self.differ(f"{path}: python's {key[0]} ({len(payload)} bytes) not among mailsink's parts")
        for kind, field in (("plain", "text"), ("html", "html")):
            expected = joined(py_text(p) for p in select_bodies(self.msg, kind)).strip()
            mine = (self.ours.get(field) or "").strip()
            if expected and mine != expected:
                self.differ(f"{field} differs: mailsink {mine[:80]!r} python {expected[:80]!r}")
        self.explained.append("tree differs: parts recovered under a reused boundary  [R7]")

    def compare_attachments(self, leaves):
        """R12: the attachments are the leaves that are not shown as a body, except resources of a
        multipart/related (a Content-ID or Content-Location, not marked "attachment"; RFC 2387), plus
        the body leaves that carry a file name (shown as text and offered as that file)."""
        bodies = {id(p) for p in select_bodies(self.msg, "plain") + select_bodies(self.msg, "html")}
        expected = []
        for path, part, parent in leaves:
            if id(part) in bodies:
                if part.get_filename():
                    expected.append(path)
                continue
            in_related = parent is not None and content_type(parent) == "multipart/related"
            resource = in_related and disposition(part) != "attachment" and (
                part.get("content-id") or part.get("content-location"))
            if not resource:
                expected.append(path)
        ours = [a["path"] for a in self.ours["attachments"]]
        if ours != expected:
            self.differ(f"attachments: mailsink {ours} python {expected}")

    def compare_leaf(self, path, mine, part, parent):
        ctype = content_type(part)
        if mine["content_type"] != ctype:
            self.differ(f"{path}: type mailsink {mine['content_type']} python {ctype}")
            return
        name = part.get_filename()
        if (mine["filename"] or None) != (name.strip() if name else None):
            self.differ(f"{path}: filename mailsink {mine['filename']!r} python {name!r}")
        if ctype.startswith("message/") and ctype != "message/partial":
            self.compare_message_leaf(path, mine, part)
            return
        payload = part.get_payload(decode=True)
        if payload is None:
            payload = b""
        digest = hashlib.sha256(payload).hexdigest()
        if digest != mine["sha256"]:
            rule = None
            if self.warned(path if path != "1" or self.ours["parts"][0]["path"] != "1" else "1",
                           "invalid"):
                rule = "R10: broken transfer encoding, decoded with a warning"
            self.differ(f"{path}: sha256 of {ctype} differs (mailsink {mine['size']} bytes, "
                        f"python {len(payload)})", rule)

    def compare_message_leaf(self, path, mine, part):
        """R5/R8: Mailsink's content of a message/* leaf is the embedded bytes as sent. Python parses
        them; its compat32 re-serialisation is usually byte-identical. Where it is not, Mailsink's bytes
        must be one contiguous slice of the file, starting at the embedded header, that reads the same
        as Python's re-serialisation but for white space."""
        linesep = "\r\n" if b"\r\n" in self.raw else "\n"
        policy = email.policy.compat32.clone(linesep=linesep)
        payload = part.get_payload()
        blocks = payload if isinstance(payload, list) else []
        if blocks:
            ours_bytes = linesep.encode().join(b.as_bytes(policy=policy) for b in blocks) \
                if part.get_content_type() == "message/delivery-status" \
                else b"".join(b.as_bytes(policy=policy) for b in blocks)
        else:
            ours_bytes = payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""
        if hashlib.sha256(ours_bytes).hexdigest() == mine["sha256"]:
            return
        first = ours_bytes.split(b"\n", 1)[0].rstrip(b"\r")
        start = self.raw.find(first) if first else -1
        while start >= 0:
            piece = self.raw[start:start + mine["size"]]
            if hashlib.sha256(piece).hexdigest() == mine["sha256"]:
                if collapse(piece.decode("latin-1")) == collapse(ours_bytes.decode("latin-1")):
                    self.explained.append(f"{path}: {part.get_content_type()} kept as sent, Python "
                                          f"re-serialises it  [R5/R8]")
                    return
                break
            start = self.raw.find(first, start + 1)
        self.differ(f"{path}: {part.get_content_type()} content differs (mailsink {mine['size']} bytes, "
                    f"python's re-serialisation {len(ours_bytes)})")

    def compare_bodies(self, kind, field, paths_field):
        chosen = select_bodies(self.msg, kind)
        leaves = {id(part): path for path, part, _ in py_leaves(self.msg)}
        expected_paths = [leaves.get(id(p), "?") for p in chosen]
        ours_paths = self.ours.get(paths_field)
        if ours_paths is None:
            self.differ(f"no {paths_field} in the JSON")
        elif ours_paths != expected_paths:
            self.differ(f"{paths_field}: mailsink {ours_paths} python {expected_paths}")
            return
        ours_text = self.ours.get(field)
        if not chosen:
            if ours_text is not None:
                self.differ(f"{field}: mailsink has one, python none")
            return
        if ours_text is None:
            self.differ(f"{field}: mailsink has none, python has {expected_paths}")
            return
        expected = joined(py_text(p) for p in chosen)
        if ours_text == expected:
            return
        rule = None
        if any(self.warned(path, "unknown charset") for path in expected_paths):
            rule = "R11: unknown charset"
        self.differ(f"{field} differs: mailsink {ours_text[:80]!r}... python {expected[:80]!r}...",
                    rule)


def inspect(binary, path):
    run = subprocess.run([binary, "inspect", path, "--json"], capture_output=True, timeout=60)
    if run.returncode != 0:
        raise RuntimeError(f"mailsink inspect {path} exited {run.returncode}: "
                           f"{run.stderr.decode(errors='replace')}")
    return json.loads(run.stdout)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    binary, files = args[0], []
    sources = args[1:]
    if "--python-corpus" in sys.argv:
        try:
            import test.test_email  # Debian: libpython3.11-testsuite
        except ImportError:
            print("differential.py: CPython's email test corpus is missing "
                  "(apt-get install libpython3.11-testsuite)", file=sys.stderr)
            return 2
        sources.append(os.path.join(os.path.dirname(test.test_email.__file__), "data"))
    for source in sources:
        if os.path.isdir(source):
            files += sorted(os.path.join(source, n) for n in os.listdir(source)
                            if n.endswith(".eml") or re.fullmatch(r"msg_\w+\.txt", n))
        else:
            files.append(source)
    if not files:
        print("differential.py: no message files given", file=sys.stderr)
        return 2
    agree = explained = failed = 0
    for path in files:
        name = os.path.basename(path)
        with open(path, "rb") as f:
            raw = f.read()
        if raw.startswith(b"From "):
            raw = raw[raw.find(b"\n") + 1:]  # Mailsink strips an mbox separator line too
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        result = Comparison(name, inspect(binary, path), msg, raw).run()
        if result.failures:
            allowed = ALLOW.get(name)
            if allowed:
                result.explained += [f"{f}  [per message: {allowed}]" for f in result.failures]
                result.failures = []
        if result.failures:
            failed += 1
            print(f"FAIL {name}")
            for line in result.failures:
                print(f"    {line}")
        elif result.explained:
            explained += 1
        else:
            agree += 1
        if verbose and result.explained:
            print(f"explained {name}")
            for line in result.explained:
                print(f"    {line}")
    total = len(files)
    print(f"{total} files: {agree} agree, {explained} differ as the rules explain, {failed} differ unexplained")
    print(f"{agree + explained} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
