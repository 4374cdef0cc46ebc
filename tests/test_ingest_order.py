"""The order a run hands its files to the workers: the biggest first, so it does not end on one
long scan read on one core while the other idles (issue F11)."""

from pathlib import Path


def test_the_biggest_files_are_handed_out_first_and_ties_keep_inbox_order() -> None:
    from flows.ingest import largest_first
    from pipeline.intake.lifecycle import Candidate

    sizes = {"SCAN_0007.pdf": 43_103, "saraban_034.pdf": 1_133_751, "รายงาน_ลบ.xlsx": 6_151,
             "img021.pdf": 1_128_703, "memo_a.pdf": 43_103}
    todo = [Candidate(Path(name), name, name, size, 0.0, "process") for name, size in sizes.items()]
    assert [c.source_name for c in largest_first(todo)] == [
        "saraban_034.pdf", "img021.pdf", "SCAN_0007.pdf", "memo_a.pdf", "รายงาน_ลบ.xlsx"]
