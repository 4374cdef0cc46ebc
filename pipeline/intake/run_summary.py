"""What a run keeps of its files until the end: one short line each, never the documents.

A document (pages, OCR words, table cells) lives from its task until its batch is published;
the summary keeps only the row the console table and the Prefect artifact print, so a run of
thousands of files holds no more than a batch of documents at a time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.records import Document, Extraction, FileStatus


class _Named(Protocol):
    source_name: str


class FileOutcome(Protocol):
    """What a summary line is made of: lifecycle.FileOutcome, named here by its shape so that
    this module does not import the one that imports it."""

    candidate: _Named
    status: FileStatus
    reason: str
    document: Document | None
    extraction: Extraction | None
    seconds: float


@dataclass(frozen=True)
class FileLine:
    """A file's line in the run summary. Counts are None where the file was never read."""

    source_name: str
    status: FileStatus
    reason: str = ""
    pages: int | None = None
    letters: int | None = None
    rows: int | None = None
    flagged: int = 0  # report rows carrying a flag
    seconds: float = 0.0

    @classmethod
    def of(cls, outcome: FileOutcome) -> FileLine:
        doc, extraction = outcome.document, outcome.extraction
        rows = extraction.report_rows if extraction else []
        return cls(outcome.candidate.source_name, outcome.status, outcome.reason,
                   len(doc.pages) if doc else None, len(extraction.letters) if extraction else None,
                   len(rows) if extraction else None, sum(1 for r in rows if r.flags), outcome.seconds)


@dataclass
class RunSummary:
    lines: list[FileLine] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)  # already recorded under that name: only tidied
    seconds: float = 0.0
    batches: int = 0  # snapshots published by this run
    rebuild_failed: bool = False  # some batch kept the last progress/national (meta rebuild_error)

    def add(self, outcome: FileOutcome) -> FileLine:
        line = FileLine.of(outcome)
        self.lines.append(line)
        return line

    def count(self, status: str) -> int:
        return Counter(line.status for line in self.lines)[status]

    def merged(self, later: RunSummary) -> RunSummary:
        """This summary followed by `later` (files settled before a flow, then the flow's own)."""
        return RunSummary(self.lines + later.lines, self.finished + later.finished, self.seconds + later.seconds,
                          self.batches + later.batches, self.rebuild_failed or later.rebuild_failed)
