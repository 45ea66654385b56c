"""Renderers: a Scorecard (or report, or findings) in, text or bytes out. None reads a workbook."""
