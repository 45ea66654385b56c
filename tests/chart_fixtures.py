"""A trend chart to test with: eight quarters, the third suppressed, a target and two comparators."""

from __future__ import annotations

from pledgekit.report.exception_items import ChartData

QUARTERS = tuple(f"20{24 + j // 4}-{25 + j // 4} Q{j % 4 + 1}" for j in range(12))
YEARS = tuple(f"20{10 + j}-{11 + j}" for j in range(12))

EET = ChartData(
    ref="3.1",
    title="Care leavers in education, employment or training",
    labels=QUARTERS[:8],
    values=(52.0, 54.1, None, 55.0, 56.2, 53.3, 51.0, 49.8),
    target=60.0,
    target_label="Target ≥ 60.0%",
    suffix="%",
    alt="a line chart",
    texts=("52.0%", "54.1%", "c", "55.0%", "56.2%", "53.3%", "51.0%", "49.8%"),
    comparators=(
        ("england", "England 56.0% (2024-25)", 56.0),
        ("statistical_neighbours", "Statistical neighbours 54.0% (2024-25)", 54.0),
    ),
)
