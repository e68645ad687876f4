#!/bin/sh
# Regenerates tests/data/html/*.eml from src/: installs the generators (pinned versions) with npm into
# a temporary folder, renders the MJML, Inky/Foundation and plain templates (src/build.js) and wraps
# them with their text parts and cid: images into messages (src/make_eml.py). Needs node, npm, python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent mjml@5.4.1 inky@1.5.0 foundation-emails@2.5.1 juice@11.1.1
mkdir html
NODE_PATH="$work/node_modules" node "$here/src/build.js" "$work/html"
python3 "$here/src/make_eml.py" "$work/html" "$here"
