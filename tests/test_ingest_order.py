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


HEAD_START_RUN = """
import json, sys
import flows.file_workers as workers  # patched before flows.ingest binds start_early

started, taken = [], []
start_early, take_early = workers.start_early, workers._take_early

def recorded_start(key, *args, **kwargs):
    started.append(key.source_name)
    return start_early(key, *args, **kwargs)

def recorded_take(key):
    found = take_early(key)
    if found is not None:
        taken.append(key.source_name)
    return found

workers.start_early, workers._take_early = recorded_start, recorded_take
from cli.main import app
try:
    app(["ingest", "--quiet", "--home", sys.argv[1]], standalone_mode=False)
finally:
    print(json.dumps({"started": started, "taken": taken, "left": len(workers._early)}))
"""


def test_the_first_files_are_read_before_the_flow_asks_and_each_file_once(tmp_path: Path) -> None:
    """`saraban ingest` starts its biggest files in the workers while Prefect's temporary server
    comes up; their tasks take those readings instead of reading the files again."""
    import json
    import os
    import subprocess
    import sys

    import duckdb
    import geothai

    from pipeline.synth.demo import write_xlsx_form

    home, forms = tmp_path / "home", tmp_path / "forms"
    (home / "inbox").mkdir(parents=True)
    forms.mkdir()
    for province in geothai.provinces()[:3]:
        form = write_xlsx_form(forms / f"รายงาน_{province.code}.xlsx", province.code)
        (home / "inbox" / form.name).write_bytes(form.read_bytes())
    biggest = [c.source_name for c in _by_size(home / "inbox")][:2]
    env = {**os.environ, "SARABAN_STABLE_SECONDS": "0", "SARABAN_OCR_WORKERS": "2"}
    env.pop("PREFECT_API_URL", None)
    run = subprocess.run([sys.executable, "-c", HEAD_START_RUN, str(home)], capture_output=True, text=True,
                         timeout=600, env=env, check=True)
    record = json.loads(run.stdout.strip().splitlines()[-1])
    assert record == {"started": biggest, "taken": biggest, "left": 0}
    with duckdb.connect(str(home / "processed" / "saraban.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*), count(*) FILTER (status = 'processed') FROM files").fetchone() == (3, 3)


def _by_size(inbox: Path) -> list:
    from flows.ingest import largest_first
    from pipeline.intake.lifecycle import Candidate

    return largest_first([Candidate(p, p.name, p.name, p.stat().st_size, 0.0, "process")
                          for p in sorted(inbox.iterdir())])
