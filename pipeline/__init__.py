"""Saraban machinery: the stages a dropped file passes through (inbox → raw → pages → text → records → DuckDB)."""
