#!/usr/bin/env python3
"""Derives core/lint/caniemail.json from a checkout of the public caniemail.com data.

    python3 core/lint/derive_caniemail.py CANIEMAIL_CHECKOUT > core/lint/caniemail.json

caniemail (https://www.caniemail.com, data in its repository's _features/*.md, MIT licence,
Copyright (c) 2019 Rémi Parmentier) records, per feature, client and platform, the result of each
test by version. For the features Mailsink checks we keep the latest tested result of each platform
and summarise a client family: "yes" when every platform supports it, "no" when none does, else
"partial", with the notes caniemail attaches to the partial or missing results.
"""

import json
import re
import subprocess
import sys

# Mailsink check feature -> caniemail feature file, with the title the checks show.
FEATURES = [
    ("style-element", "html-style", "<style> element"),
    ("flexbox", "css-display-flex", "display:flex (flexbox)"),
    ("grid", "css-display-grid", "display:grid (CSS grid)"),
    ("position", "css-position", "position"),
    ("font-face", "css-at-font-face", "@font-face web fonts"),
    ("link-stylesheet", "html-link", "<link> style sheets (web fonts)"),
    ("svg-element", "html-svg", "inline <svg>"),
    ("svg-image", "image-svg", "SVG images"),
    ("background-image", "css-background-image", "background-image"),
]

# Client families as a developer thinks of them -> (caniemail client, platform) pairs.
FAMILIES = [
    ("gmail", "Gmail", [("gmail", p) for p in ("desktop-webmail", "mobile-webmail", "ios", "android")]),
    ("outlook-windows", "Outlook (Windows)", [("outlook", "windows"), ("outlook", "windows-mail")]),
    ("outlook-com", "Outlook.com and new Outlook",
     [("outlook", p) for p in ("outlook-com", "macos", "ios", "android")]),
    ("apple-mail", "Apple Mail", [("apple-mail", "macos"), ("apple-mail", "ios")]),
    ("yahoo", "Yahoo Mail", [("yahoo", p) for p in ("desktop-webmail", "ios", "android")]),
    ("samsung-email", "Samsung Email", [("samsung-email", "android")]),
    ("thunderbird", "Thunderbird", [("thunderbird", "windows"), ("thunderbird", "macos")]),
]


def git_show(checkout, path):
    return subprocess.run(["git", "-C", checkout, "show", "HEAD:" + path], check=True,
                          capture_output=True, text=True).stdout


def object_after(text, key):
    """The brace-balanced object literal that follows `key:` in a feature's front matter."""
    start = text.find(key + ":")
    if start < 0:
        return None
    begin = text.index("{", start)
    depth = 0
    for at in range(begin, len(text)):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        if depth == 0:
            literal = text[begin:at + 1]
            # The front matter is YAML flow style: bare keys, trailing commas. Make it JSON.
            literal = re.sub(r'([{,]\s*)([A-Za-z0-9_.-]+)\s*:', r'\1"\2":', literal)
            literal = re.sub(r',(\s*})', r'\1', literal)
            return json.loads(literal)
    raise ValueError("unbalanced object after " + key)


def main():
    checkout = sys.argv[1]
    commit = subprocess.run(["git", "-C", checkout, "log", "-1", "--format=%H %cs"], check=True,
                            capture_output=True, text=True).stdout.split()
    features = []
    for feature_id, source, title in FEATURES:
        text = git_show(checkout, "_features/%s.md" % source)
        stats = object_after(text, "stats")
        notes = object_after(text, "notes_by_num") or {}
        support = {}
        for family_id, _, platforms in FAMILIES:
            results = {}
            family_notes = []
            for client, platform in platforms:
                versions = stats.get(client, {}).get(platform)
                if not versions:
                    continue
                value = list(versions.values())[-1].split()
                if value[0] not in ("y", "n", "a"):
                    continue  # "u": not tested
                results[platform] = value[0]
                if value[0] != "y":
                    for ref in value[1:]:
                        note = notes.get(ref.lstrip("#"))
                        if note and note not in family_notes:
                            family_notes.append(note)
            if not results:
                continue
            values = set(results.values())
            summary = "yes" if values == {"y"} else "no" if values == {"n"} else "partial"
            support[family_id] = {"summary": summary, "platforms": results, "notes": family_notes}
        features.append({"id": feature_id, "title": title, "caniemail": source, "support": support})
    json.dump({
        "comment": "Derived by core/lint/derive_caniemail.py from the public caniemail.com data "
                   "(MIT licence, Copyright (c) 2019 Remi Parmentier): the latest tested result per "
                   "platform, summarised per client family. Do not edit by hand; re-run the script.",
        "source": {"data": "caniemail _features/*.md", "commit": commit[0], "date": commit[1]},
        "families": [{"id": f, "name": name, "platforms": ["%s/%s" % p for p in platforms]}
                     for f, name, platforms in FAMILIES],
        "features": features,
    }, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
