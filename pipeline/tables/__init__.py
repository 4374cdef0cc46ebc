"""Table machinery: ruled scans (OpenCV), word clustering, born-digital PDFs, sheets, rendering."""

from pipeline.tables.model import Box, Grid, Table

__all__ = ["Box", "Grid", "Table"]
