"""How the Word report's column widths are shared out (render/report/docx_layout.py)."""

from __future__ import annotations

from pledgekit.render.report.docx_layout import share, share_by_rows


def test_room_goes_to_the_column_whose_rows_are_tallest() -> None:
    # Two text columns, each needing 60 pt for its longest word. The first holds 600 pt of
    # text a row, the second 120: the first must widen most, and the widths add up.
    least, most = [60.0, 60.0], [600.0, 120.0]
    rows = [[600.0, 120.0]] * 5
    widths = share_by_rows(300.0, least, most, rows)
    assert abs(sum(widths) - 300.0) < 1e-6
    assert widths[0] > 2 * widths[1]
    assert all(w >= lo for w, lo in zip(widths, least, strict=True))


def test_with_room_for_every_line_it_shares_as_before() -> None:
    assert share_by_rows(400.0, [50.0, 50.0], [100.0, 100.0], [[100.0, 100.0]]) == share(
        400.0, [50.0, 50.0], [100.0, 100.0]
    )
    # Too narrow even for the longest words: shared in proportion to them.
    assert share_by_rows(50.0, [50.0, 50.0], [100.0, 100.0], [[100.0, 100.0]]) == [25.0, 25.0]
