#!/usr/bin/env python3
"""Checks a heatmap SVG (or the grid inside an HTML page) against the long-form CSV of the same
log: one g.cell per (cohort, age) the CSV has and none other, in the CSV's order (the all row
last), each a shaded rect and a text whose ink contrasts with it; with --show pct (the default)
the text is the CSV's retention_pct, '%' and a '*' on partial cells, which are also dashed.
Python stdlib only.

    svg_check.py FILE.svg|FILE.html COHORT.csv
"""
import csv
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def fail(message):
    print(f"svg_check: {message}", file=sys.stderr)
    sys.exit(1)


def luminance(colour):
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a, b):
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    x, y = luminance(a) + 0.05, luminance(b) + 0.05
    return max(x, y) / min(x, y)


def grid_document(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        # The page is HTML, not XML; its heatmap is one inline <svg> element, which is.
        match = re.search(r'<svg [^>]*class="heatmap".*?</svg>', text, re.S)
        if not match:
            fail(f"{path}: no <svg class=\"heatmap\"> in the page")
        text = match.group(0)
    try:
        return ET.fromstring(text)
    except ET.ParseError as e:
        fail(f"{path}: not well-formed XML: {e}")


def main():
    if len(sys.argv) != 3:
        fail("usage: svg_check.py FILE.svg|FILE.html COHORT.csv")
    svg_path, csv_path = sys.argv[1:]
    root = grid_document(svg_path)
    if root.tag != SVG + "svg":
        fail(f"the root is {root.tag}, not an SVG element")
    for attr in ("width", "height", "viewBox"):
        if not root.get(attr):
            fail(f"the <svg> has no {attr}")

    with open(csv_path, newline="", encoding="utf-8") as f:
        expected = [(r["cohort"], r["age"], r) for r in csv.DictReader(f)]
    if not expected:
        fail(f"{csv_path}: no cells")

    cells = [g for g in root.iter(SVG + "g") if "cell" in g.get("class", "").split()]
    found = [(g.get("data-cohort"), g.get("data-age")) for g in cells]
    want = [(c, a) for c, a, _ in expected]
    if len(set(found)) != len(found):
        fail("a (cohort, age) has more than one cell group")
    if found != want:
        missing = sorted(set(want) - set(found))[:5]
        extra = sorted(set(found) - set(want))[:5]
        fail(f"cells differ from the CSV: {len(found)} drawn, {len(want)} expected, "
             f"missing {missing}, extra {extra}" + ("" if missing or extra else ", out of order"))

    for g, (cohort, age, row) in zip(cells, expected):
        where = f"cell {cohort} age {age}"
        rect, text, title = g.find(SVG + "rect"), g.find(SVG + "text"), g.find(SVG + "title")
        if rect is None or not re.fullmatch(r"#[0-9a-f]{6}", rect.get("fill", "")):
            fail(f"{where}: no rect with a #rrggbb fill")
        if text is None or not re.fullmatch(r"#[0-9a-f]{6}", text.get("fill", "")):
            fail(f"{where}: no text with a #rrggbb ink")
        # Black or white ink, whichever reads better, holds WCAG AA (4.5) on every shade.
        ratio = contrast(rect.get("fill"), text.get("fill"))
        if ratio < 4.5:
            fail(f"{where}: ink {text.get('fill')} on {rect.get('fill')} contrasts {ratio:.2f} < 4.5 (WCAG AA)")
        if title is None or not (title.text or "").startswith(f"{cohort}, age {age}: "):
            fail(f"{where}: no <title> tooltip naming it")
        partial = row["partial"] == "true"
        shown = "".join(text.itertext())
        if shown != row["retention_pct"] + "%" + ("*" if partial else ""):
            fail(f"{where}: shows {shown!r}, the CSV says {row['retention_pct']}% "
                 f"(partial {row['partial']})")
        if partial != bool(rect.get("stroke-dasharray")):
            fail(f"{where}: partial is {row['partial']} but the outline says otherwise")

    texts = ["".join(t.itertext()) for t in root.iter(SVG + "text")]
    if not any(re.fullmatch(r"age \(\w+s\)", t) for t in texts):
        fail("no axis label 'age (…s)'")
    if not any(t == "all" for t in texts):
        fail("no 'all' row label")
    if root.find(f".//{SVG}linearGradient") is None:
        fail("no colour legend (linearGradient)")
    print(f"svg_check: {len(cells)} cells match {csv_path}")


if __name__ == "__main__":
    main()
