"""Benchmarks from published statistics, rendered: terminal table, JSON, CSV, Markdown, Excel."""
