#!/usr/bin/env python3
"""Renders a heatmap page with headless Chromium, light and dark (an SVG: light only, its
background is its own), and checks each screenshot: the window's size, not blank (a fair share of pixels differ from the background),
several distinct colours (the shades), and a light or dark background as asked. Exit 77 (a
ctest skip) when no Chromium is installed. Python stdlib only: the PNG is decoded here.

    html_render.py FILE.html|FILE.svg OUT_PREFIX      writes OUT_PREFIX-light.png (, -dark.png)
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 1200, 1600


def fail(message):
    print(f"html_render: {message}", file=sys.stderr)
    sys.exit(1)


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail(f"{path}: an 8-bit RGB(A), non-interlaced PNG expected (depth {depth}, type {colour})")
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            fail(f"{path}: unknown PNG filter {kind} on row {y}")
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return width, height, rows


def render(chromium, page, png, dark):
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                   "--hide-scrollbars", f"--user-data-dir={profile}",
                   f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}"]
        if dark:
            command.append("--force-dark-mode")
        command.append("file://" + os.path.abspath(page))
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0 or not os.path.exists(png):
            fail(f"chromium failed ({result.returncode}): {result.stderr[-2000:]}")


def check(png, dark):
    width, height, rows = read_png(png)
    if (width, height) != (WIDTH, HEIGHT):
        fail(f"{png}: {width}x{height}, the window is {WIDTH}x{HEIGHT}")
    background = rows[2][2]
    brightness = sum(background) / 3
    if dark and brightness > 80 or not dark and brightness < 200:
        fail(f"{png}: background {background} is not {'dark' if dark else 'light'}")
    colours, drawn, total = set(), 0, 0
    for row in rows:
        for pixel in row:
            total += 1
            if pixel != background:
                drawn += 1
                colours.add(pixel)
    share = drawn / total
    # A small log's heatmap fills little of the window; blank is below one pixel in a hundred.
    if share < 0.01:
        fail(f"{png}: nearly blank, {share:.1%} of pixels drawn")
    # The scale's shades, antialiased text and the curves: far more than a handful.
    if len(colours) < 32:
        fail(f"{png}: only {len(colours)} colours")
    print(f"html_render: {png}: {share:.1%} drawn, {len(colours)} colours, "
          f"background {background}")


def main():
    if len(sys.argv) != 3:
        fail("usage: html_render.py FILE.html|FILE.svg OUT_PREFIX")
    page, prefix = sys.argv[1:]
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                     if shutil.which(n)), None)
    if chromium is None:
        print("html_render: skipped, no chromium on PATH (scripts/bootstrap.sh --test installs it)")
        sys.exit(77)
    for dark in (False, True) if page.endswith(".html") else (False,):
        png = f"{prefix}-{'dark' if dark else 'light'}.png"
        render(chromium, page, png, dark)
        check(png, dark)


if __name__ == "__main__":
    main()
