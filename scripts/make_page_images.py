"""Make the page images of the sample report in docs/: the Word document (through its tagged
PDF) pages 1 to 3, and the web page at 1280 and at 320 CSS px as Chromium draws it (the top of
the page, and the exceptions with their charts).

Run from the repository root after changing a template or the charts' look, then look at them:

    python scripts/make_page_images.py

Needs LibreOffice, poppler-utils (pdftoppm), Chromium, node and ``npm ci`` in tests/a11y.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pledgekit.api import load_report
from pledgekit.render.report.markup import render_html
from pledgekit.render.report.pdf import render_pdf
from pledgekit.render.resources import sample_data_dir

DOCS = Path(__file__).resolve().parents[1] / "docs"
SCREENSHOT = Path(__file__).resolve().parents[1] / "tests" / "a11y" / "screenshot.js"
#: Each web-page image: its name, width and height in CSS px, and the h2 it starts at.
SHOTS = (
    ("report-html-1280.png", 1280, 1300, ""),
    ("report-html-320.png", 320, 1800, ""),
    ("report-html-1280-exceptions.png", 1280, 1500, "5. Exceptions"),
    ("report-html-320-exceptions.png", 320, 1800, "5. Exceptions"),
)


def main() -> int:
    folder = sample_data_dir()
    report, _, blocking = load_report(
        sorted(folder.glob("*.xlsx")), meeting=folder / "meeting.yaml"
    )
    if blocking:
        print("the sample report is blocked by personal data", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        tmp = Path(work)
        pdf = tmp / "report.pdf"
        pdf.write_bytes(render_pdf(report))
        for page in (1, 2, 3):
            stem = tmp / f"page{page}"
            pages = ["-r", "70", "-f", str(page), "-l", str(page), "-singlefile"]
            subprocess.run(["pdftoppm", "-png", *pages, str(pdf), str(stem)], check=True)
            shutil.copyfile(f"{stem}.png", DOCS / f"report-docx-page{page}.png")
        page_file = tmp / "report.html"
        page_file.write_text(render_html(report), encoding="utf-8")
        for name, width, height, heading in SHOTS:
            command = ["node", str(SCREENSHOT), str(page_file), str(width), str(DOCS / name)]
            subprocess.run([*command, heading, str(height)], check=True)
    for name in sorted(DOCS.glob("report-*.png")):
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
