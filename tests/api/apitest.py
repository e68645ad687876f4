"""Helpers for the HTTP API tests: a `mailsink serve` on free ports, HTTP calls, and npm packages
installed once into the build folder (mailpit-api, ws)."""
import fcntl
import json
import os
import re
import shutil
import signal
import smtplib
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SKIP = 77  # ctest SKIP_RETURN_CODE


class Serve:
    """`mailsink serve` on port 0 for SMTP and HTTP; the bound ports are read from its first log line."""

    def __init__(self, binary, extra=(), store=None):
        self.tmp = tempfile.mkdtemp(prefix="mailsink-api-")
        self.store = store or os.path.join(self.tmp, "store")
        self.proc = subprocess.Popen(
            [binary, "serve", "--store", self.store, "--smtp", "127.0.0.1:0", "--no-pop3", "--no-imap", "--no-tls",
             "--http", "127.0.0.1:0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"SMTP on 127\.0\.0\.1:(\d+).*HTTP on 127\.0\.0\.1:(\d+)", line)
        if not match:
            self.proc.kill()
            raise RuntimeError("serve did not start: %r %r" % (line, self.proc.stderr.read()))
        self.smtp_port = int(match.group(1))
        self.http_port = int(match.group(2))
        self.url = "http://127.0.0.1:%d" % self.http_port
        self.proc.stdout.readline()  # "Storing mail in ..."

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                code = self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                raise
            if code != 0:
                raise RuntimeError("serve exited with %d: %s" % (code, self.proc.stderr.read()))
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def send(self, sender, recipients, message):
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=20) as smtp:
            smtp.sendmail(sender, recipients, message)

    def http(self, method, path, body=None, headers=None, raw=None):
        """Returns (status, headers, body bytes); never raises on HTTP errors."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, method, path, body=None, headers=None):
        status, _, data = self.http(method, path, body, headers)
        return status, json.loads(data) if data else None


def message(subject, sender="Alice <alice@example.com>", to="Bob <bob@example.com>", body="hello",
            extra=""):
    return ("From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: <%s@example.com>\r\n%s\r\n%s\r\n"
            % (sender, to, subject, re.sub(r"\W", "", subject) or "x", extra, body))


def npm_packages(folder, packages):
    """Installs npm packages into `folder` once (locked: tests run in parallel). Returns the
    node_modules path, or None when node/npm are missing or the registry is unreachable."""
    if not shutil.which("node") or not shutil.which("npm"):
        return None
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        modules = os.path.join(folder, "node_modules")
        if not all(os.path.isdir(os.path.join(modules, p.split("@")[0])) for p in packages):
            result = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", folder,
                                     *packages], capture_output=True, text=True, timeout=300)
            if result.returncode != 0:
                print("npm install failed: " + result.stderr, file=sys.stderr)
                return None
    return modules


def check(condition, what):
    if not condition:
        raise AssertionError(what)
