#!/usr/bin/env python3
"""Live events on /api/events (new, stats, update, delete, truncate) with the `ws` npm client; the first
event comes from an SMTP delivery by smtplib. Also: a websocket without credentials is refused when
--http-auth-file is set."""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apitest import SKIP, Serve, check, message, npm_packages  # noqa: E402


def run(binary, modules, auth):
    extra = []
    if auth:
        credentials = tempfile.NamedTemporaryFile("w", suffix=".auth", delete=False)
        credentials.write("# test\ntester:s3cret\n")
        credentials.close()
        extra = ["--http-auth-file", credentials.name]
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "events.mjs")
    with Serve(binary, extra) as sink:
        if auth:
            # Without credentials the upgrade is refused.
            probe = subprocess.run(
                ["node", "-e", "const W=require(process.argv[1]);const s=new W(process.argv[2]);"
                 "s.on('open',()=>{s.on('close',(c)=>{console.log('closed '+c);process.exit(0)});"
                 "setTimeout(()=>{console.log('stayed open');process.exit(1)},3000)});"
                 "s.on('error',(e)=>{console.log('refused '+e.message);process.exit(0)})",
                 os.path.join(modules, "ws"), sink.url.replace("http", "ws") + "/api/events"],
                capture_output=True, text=True, timeout=30)
            check(probe.returncode == 0, "unauthenticated websocket: " + probe.stdout + probe.stderr)
        env = dict(os.environ, MAILPIT_URL=sink.url, MAILPIT_MODULES=modules,
                   MAILPIT_AUTH="tester:s3cret" if auth else "")
        node = subprocess.Popen(["node", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        line = node.stdout.readline()
        check(line.strip() == "connected", "events client: %r %s" % (line, node.stderr.read() if not line else ""))
        sink.send("live@example.com", ["dev@example.com"],
                  message("Live event", sender="live@example.com", to="dev@example.com"))
        out, err = node.communicate(timeout=60)
        print(line + out)
        if node.returncode != 0:
            print(err, file=sys.stderr)
            return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--npm-dir", required=True)
    args = parser.parse_args()
    modules = npm_packages(args.npm_dir, ["mailpit-api@2", "ws@8"])
    if not modules:
        print("SKIP: node/npm or the npm registry is not available")
        return SKIP
    ok = run(args.binary, modules, auth=False) and run(args.binary, modules, auth=True)
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
