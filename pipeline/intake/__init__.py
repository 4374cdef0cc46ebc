"""Intake: the inbox, what a file is, the byte-for-byte raw store, quarantine, and the per-run lifecycle."""
