"""The dataset: DuckDB storage and schema, reconciliation into progress and national, corrections, explain, query."""
