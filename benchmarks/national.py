"""Generate a national-scale synthetic workbook: 150 councils x 40 measures x 20 quarters.

120,000 rows in the shape of published statistical-neighbour data (an ``Area`` column), with a
matching pledge definition. Everything is synthetic and seeded, so runs are comparable.

    python benchmarks/national.py benchmarks/data        # writes national.xlsx and pledge.yaml
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Iterator
from pathlib import Path

COUNCILS = 150
MEASURES = 40
QUARTERS = 20
FIRST_YEAR = 2021
HOME = "E09000999"


def area_codes(count: int = COUNCILS) -> list[str]:
    """Fictional council codes; the home council is the last one."""
    return [f"E0{8000000 + i:07d}" for i in range(count - 1)] + [HOME]


def periods(count: int = QUARTERS) -> list[str]:
    """Consecutive financial-year quarters, oldest first."""
    labels = []
    for i in range(count):
        year, quarter = FIRST_YEAR + i // 4, i % 4 + 1
        labels.append(f"{year}-{(year + 1) % 100:02d} Q{quarter}")
    return labels


def write_definition(path: Path, measures: int = MEASURES) -> None:
    """A pledge.yaml with ``measures`` percent measures in 5 pledges."""
    lines = [
        "# Synthetic definition for benchmarks: not any real council.",
        "council: Benchmark Borough (synthetic)",
        f"area: {HOME}",
        "pledges:",
    ]
    per_pledge = measures // 5
    for p in range(5):
        lines += [f'  - id: "{p + 1}"', f"    title: Pledge {p + 1}", "    measures:"]
        for m in range(per_pledge):
            polarity = "higher" if m % 2 == 0 else "lower"
            target = 75 if polarity == "higher" else 20
            lines += [
                f'      - id: "{p + 1}.{m + 1}"',
                f"        title: Measure {p + 1}.{m + 1}",
                "        unit: percent",
                f"        polarity: {polarity}",
                f"        target: {target}",
            ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


HEADER = ["Area", "Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"]


def table(
    councils: int = COUNCILS, measures: int = MEASURES, quarters: int = QUARTERS
) -> Iterator[list[object]]:
    """The data rows, seeded: the same every time for the same sizes."""
    rng = random.Random(20261123)
    ids = [f"{p + 1}.{m + 1}" for p in range(5) for m in range(measures // 5)]
    for area in area_codes(councils):
        for measure in ids:
            base = rng.uniform(10, 90)
            for label in periods(quarters):
                denominator = rng.randint(20, 400)
                numerator = min(denominator, max(0, round(denominator * base / 100)))
                value = round(100 * numerator / denominator, 1)
                comment = "Within expected range." if rng.random() < 0.1 else None
                yield [area, measure, label, value, numerator, denominator, comment]
                base = min(99.0, max(1.0, base + rng.uniform(-3, 3)))


def generate(
    path: Path, councils: int = COUNCILS, measures: int = MEASURES, quarters: int = QUARTERS
) -> int:
    """Write the workbook with openpyxl's write-only mode; return the number of data rows."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Indicators")
    sheet.append(HEADER)
    rows = 0
    for row in table(councils, measures, quarters):
        sheet.append(row)
        rows += 1
    book.save(path)
    return rows


def generate_csv(
    path: Path, councils: int = COUNCILS, measures: int = MEASURES, quarters: int = QUARTERS
) -> None:
    """The same rows as :func:`generate`, as CSV (for the contenders that read CSV)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for row in table(councils, measures, quarters):
            out.writerow(["" if cell is None else cell for cell in row])


def ensure_sized(
    folder: Path, councils: int, measures: int, quarters: int = QUARTERS, csv_too: bool = False
) -> tuple[Path, Path]:
    """A workbook (and CSV) of the given size and its definition in ``folder``, made once."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"national-{councils}x{measures}x{quarters}"
    workbook, definition = folder / f"{stem}.xlsx", folder / f"pledge-{measures}.yaml"
    if not workbook.exists():
        print(f"  generating {workbook.name} ...", file=sys.stderr, flush=True)
        generate(workbook, councils, measures, quarters)
    if csv_too and not workbook.with_suffix(".csv").exists():
        generate_csv(workbook.with_suffix(".csv"), councils, measures, quarters)
    if not definition.exists():
        write_definition(definition, measures)
    return workbook, definition


def ensure(folder: Path) -> tuple[Path, Path]:
    """The workbook and definition in ``folder``, generated once and reused."""
    folder.mkdir(parents=True, exist_ok=True)
    workbook, definition = folder / "national.xlsx", folder / "pledge.yaml"
    if not workbook.exists():
        generate(workbook)
    if not definition.exists():
        write_definition(definition)
    return workbook, definition


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/data")
    book, pledge = ensure(target)
    print(f"{book} and {pledge}")
