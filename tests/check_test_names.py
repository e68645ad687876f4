#!/usr/bin/env python3
"""Fails when a Catch2 test name holds ';', which catch_discover_tests cannot pass through ctest.

ctest splits a discovered test name at ';' (a CMake list separator) into fragments that match no test and
so, without the "No test cases matched" check in mailsink_add_test, report "Passed" while running
nothing. This check names the test at fault before anything is built.
usage: check_test_names.py TESTS_DIR
"""
import pathlib
import re
import sys

NAME = re.compile(r'\b(?:TEST_CASE|SCENARIO|TEMPLATE_TEST_CASE)\s*\(\s*"((?:[^"\\]|\\.)*)"', re.S)


def problems(root):
    for path in sorted(pathlib.Path(root).rglob("*.cpp")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in NAME.finditer(text):
            name = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            if ";" in name:
                yield f"{path}:{line}: test name has ';' (ctest splits it and runs nothing): {name}"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent
    found = list(problems(root))
    for problem in found:
        print(problem)
    count = sum(len(NAME.findall(p.read_text(encoding="utf-8", errors="replace")))
                for p in pathlib.Path(root).rglob("*.cpp"))
    print(f"{count} test names checked, {len(found)} problems")
    return 1 if found or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
