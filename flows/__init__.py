"""Thin Prefect orchestration over pipeline/ and extractors/. Prefect is imported only here."""
