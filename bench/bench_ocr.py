"""OCR of one scanned A4 page at 200 dpi (issue 21): time, CPU time and number accuracy.

    python bench/bench_ocr.py [runs]

Draws an A4 page at 200 dpi (1654 × 2339 pixels) of a statistical communiqué — paragraphs
with decimals, %, 万/亿 and a table — with Noto Sans CJK SC, saves it as a PDF without a
text layer (what a scanner writes), and reads it as an import does (render at 200 dpi,
recognise, lay out the reading text). Prints the median wall time and CPU time (the machine
may be shared: CPU time over wall time shows how many cores it got) and the accuracy on
digits, decimal points, % and 万/亿. Target: ≤ 3 s a page on a 2-core machine, ≥ 99.5%.
Then the same page smudged (blurred, shrunk to 45%, noise, JPEG quality 25) shows how many
characters are misread and how many of those the low-confidence mark catches.
Needs the OCR extra (pip install -e ".[ocr]") and fonts-noto-cjk.
"""

from __future__ import annotations

import difflib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))
NUMBER_CHARS = set("0123456789.%万亿")
PHRASES = [
    "全市地区生产总值{a}亿元，同比增长{p}%",
    "规模以上工业增加值增长{p}%，其中高技术制造业增长{q}%",
    "社会消费品零售总额{a}亿元，下降{p}%",
    "一般公共预算收入{a}亿元，税收占比{q}%",
    "新增城镇就业{w}万人，城镇调查失业率{p}%",
    "金融机构本外币存款余额{y}万亿元，增长{q}%",
]


def page_lines(seed: int = 0) -> list[str | list[str]]:
    rng = random.Random(seed)
    lines: list[str | list[str]] = ["二〇二五年国民经济和社会发展统计公报"]
    for _ in range(22):
        lines.append(
            "，".join(
                rng.choice(PHRASES).format(
                    a=f"{rng.uniform(100, 20000):.2f}",
                    p=f"{rng.uniform(0.1, 15):.1f}",
                    q=f"{rng.uniform(10, 90):.1f}",
                    w=f"{rng.uniform(1, 60):.2f}",
                    y=f"{rng.uniform(1, 9):.2f}",
                )
                for _ in range(1)
            )
            + "。"
        )
    lines.append(["指标", "绝对值", "增长%"])
    for name in (
        "地区生产总值（亿元）",
        "工业增加值（亿元）",
        "固定资产投资（亿元）",
        "出口（亿元）",
    ):
        lines.append([name, f"{rng.uniform(100, 20000):.2f}", f"{rng.uniform(-5, 15):.1f}"])
    return lines


def cjk_font() -> str:
    """Noto Sans CJK SC's file, as fontconfig finds it (apt-get install fonts-noto-cjk)."""
    fc_match = shutil.which("fc-match") or "/usr/bin/fc-match"
    found = subprocess.run(
        [fc_match, "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True
    ).stdout
    if "CJK" not in found:
        sys.exit("Noto Sans CJK is not installed: apt-get install fonts-noto-cjk")
    return found


def draw(lines) -> object:
    from PIL import Image, ImageDraw, ImageFont

    size = 36  # about 13 pt at 200 dpi
    font = ImageFont.truetype(cjk_font(), size, index=2)
    image = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(image)
    top = 160
    for line in lines:
        cells = line if isinstance(line, list) else [line]
        for number, cell in enumerate(cells):
            draw.text((160 + number * 520, top), cell, font=font, fill=0)
        top += int(size * 1.9)
    return image


def accuracy(expected: str, got: str) -> tuple[int, int]:
    expected, got = "".join(expected.split()), "".join(got.split())
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    right = sum(
        ch in NUMBER_CHARS
        for tag, i1, i2, _, _ in matcher.get_opcodes()
        if tag == "equal"
        for ch in expected[i1:i2]
    )
    return right, sum(ch in NUMBER_CHARS for ch in expected)


def smudged_check(image, expected: str) -> str:
    """Misread characters of a smudged copy of the page, and how many are marked uncertain."""
    import io

    import numpy
    from PIL import Image, ImageFilter

    from indicite.io.ocr import recognise

    small = image.filter(ImageFilter.GaussianBlur(1.6))
    small = small.resize((int(small.width * 0.45), int(small.height * 0.45)))
    noise = numpy.random.default_rng(0).normal(0, 18, (small.height, small.width))
    noisy = Image.fromarray(numpy.clip(numpy.asarray(small) + noise, 0, 255).astype("uint8"))
    buffer = io.BytesIO()
    noisy.save(buffer, "JPEG", quality=25)
    rgb = numpy.asarray(Image.open(buffer).convert("RGB"))
    page = recognise(rgb, 1.0, rgb.shape[0])
    kept = [i for i, ch in enumerate(page.chars) if not ch.isspace()]
    got = "".join(page.chars[i] for i in kept)
    matcher = difflib.SequenceMatcher(None, "".join(expected.split()), got, autojunk=False)
    right = {
        j for tag, _, _, j1, j2 in matcher.get_opcodes() if tag == "equal" for j in range(j1, j2)
    }
    wrong = set(range(len(got))) - right
    low = {k for k, i in enumerate(kept) if page.low(i)}
    return (
        f"smudged copy: {len(wrong)} of {len(got)} characters misread, {len(wrong & low)} of "
        f"them marked low-confidence; {len(low - wrong)} right ones marked too"
    )


def main() -> None:
    from indicite.io.ocr import _recogniser
    from indicite.io.readers import read_file

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    lines = page_lines()
    expected = "".join("".join(line) if isinstance(line, list) else line for line in lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scan.pdf"
        image = draw(lines)
        image.save(path, "PDF", resolution=float(DPI))
        started = time.perf_counter()
        _recogniser()
        print(f"engine load: {time.perf_counter() - started:.2f} s (once per process)")
        walls, cpus, text = [], [], ""
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            text = read_file(path).text
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    right, total = accuracy(expected, text)
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    print(f"A4 page at {DPI} dpi ({A4[0]}x{A4[1]} px), {len(expected)} characters drawn")
    print(
        f"OCR import of the page: median {statistics.median(walls):.2f} s wall, "
        f"{statistics.median(cpus):.2f} s CPU (runs: {', '.join(f'{w:.2f}' for w in walls)})"
    )
    print(f"numbers (digits . % 万 亿): {right} of {total} right = {right / total:.2%}")
    print(smudged_check(image, expected))


if __name__ == "__main__":
    main()
