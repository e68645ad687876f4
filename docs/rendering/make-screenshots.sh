#!/bin/sh
# Renders tests/data/html/*.eml in Mailsink's Rendered tab (browser engine and Qt text engine fallback)
# and in headless Chromium, 800x1100 each, into docs/rendering/. Needs a build with Qt WebEngine
# (build/tests/ui-web/mailsink_render_shots), chromium and python3.
#   docs/rendering/make-screenshots.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
"$build/tests/ui-web/mailsink_render_shots" "$here" 800 1100 "$root"/tests/data/html/*.eml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for eml in "$root"/tests/data/html/*.eml; do
    name=$(basename "$eml" .eml)
    # Chromium cannot read a message: its HTML goes to a file, the cid: parts beside it.
    python3 - "$eml" "$work/$name" <<'PY'
import email, email.policy, pathlib, sys
message = email.message_from_bytes(pathlib.Path(sys.argv[1]).read_bytes(), policy=email.policy.default)
out = pathlib.Path(sys.argv[2]); out.mkdir()
html = ""
for part in message.walk():
    if part.get_content_type() == "text/html":
        html = part.get_content()
    elif part.get("Content-ID"):
        (out / part.get("Content-ID").strip("<>")).write_bytes(part.get_content())
(out / "index.html").write_text(html.replace("cid:", ""), encoding="utf-8")
PY
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=800,1100 \
        --screenshot="$here/$name-chromium.png" "file://$work/$name/index.html" 2>/dev/null
done
