"""Hostile inbox entries: links, FIFOs, devices, sockets, sub-folders, dotfiles and odd names.

Every case runs the real lifecycle over the inbox (plan → archive + process → record → publish →
tidy, as flows/ingest.py does, without Prefect) and checks the outcome's status and reason, that
the run completes, that nothing of a refused entry reaches raw/ or quarantine/, and that each
original is byte for byte where it should be: still in the inbox, or (processed and tidied) in
raw/, and in quarantine/ when it was quarantined.
"""

import errno
import json
import os
import shutil
import socket
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import SAMPLES, run_cli

from flows.process import process_file
from pipeline.dataset import storage
from pipeline.errors import DiskFullError, disk_full_error, disk_full_raised
from pipeline.home import Home
from pipeline.intake import lifecycle as ingest
from pipeline.intake.inbox import left_in_inbox
from pipeline.intake.quarantine import quarantine_path
from pipeline.intake.raw_store import raw_name, sha256_of

SECRET = b"tiger-lily-4471 root:x:0:0"  # what a link points at; must never be copied anywhere
XLSX = "รายงานศูนย์ช่วยเหลือ_มส_201706_05.xlsx"
THAI = "รายงานผลการดำเนินงานศูนย์ช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น"


def thai_name(size: int, extension: str = "") -> str:
    """A Thai file name of exactly `size` UTF-8 bytes (three per Thai character)."""
    room = size - len(extension.encode())
    text = ""
    for char in THAI * 10:
        if len((text + char).encode()) > room:
            break
        text += char
    return text + "_" * (room - len(text.encode())) + extension


def run_inbox(home: Home, settings) -> dict[str, ingest.FileOutcome]:
    """One run over the inbox, stage by stage as flows/ingest.py runs it; outcomes by source name."""
    with storage.writable_snapshot(home) as conn:
        candidates = ingest.plan(home, conn, settings)
        outcomes = [ingest.duplicate_outcome(c) if c.action == "duplicate" else
                    ingest.process_candidate(c, home, settings, process_file)
                    for c in candidates if c.action != "done"]
        for outcome in outcomes:
            ingest.record(conn, outcome)
    ingest.tidy_inbox(candidates)
    return {o.candidate.source_name: o for o in outcomes}


def recorded(home: Home) -> dict[str, tuple[str, str, str]]:
    """source_name → (file_id, status, reason) in the published dataset."""
    with storage.read_only(home) as conn:
        rows = conn.execute("SELECT source_name, file_id, status, reason FROM files").fetchall()
    return {name: (file_id, status, reason) for name, file_id, status, reason in rows}


def every_file(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]


def error_report(home: Home, name: str) -> dict:
    path = home.quarantine / f"{quarantine_path(name)}.error.json"
    return json.loads(path.read_text(encoding="utf-8"))


def assert_refused(home: Home, outcomes: dict, name: str) -> None:
    """Quarantined as not_a_regular_file with an error file alone, recorded without a file_id."""
    outcome = outcomes[name]
    assert (outcome.status, outcome.reason) == ("quarantined", "not_a_regular_file")
    assert recorded(home)[name] == ("", "quarantined", "not_a_regular_file")
    report = error_report(home, name)
    assert (report["file"], report["copy"], report["reason"]) == (name, None, "not_a_regular_file")
    assert not (home.quarantine / str(quarantine_path(name))).exists()


def assert_nothing_leaked(home: Home) -> None:
    for path in every_file(home.root):
        assert SECRET not in path.read_bytes(), path


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the home holding a secret, as /etc/passwd would be."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "passwd").write_bytes(SECRET)
    return folder


def test_symlinks_are_refused_and_never_followed(home, settings, outside: Path) -> None:
    (home.inbox / "passwd.pdf").symlink_to(outside / "passwd")
    (home.inbox / "etc").symlink_to(outside, target_is_directory=True)
    (home.inbox / "real.pdf").write_bytes(b"")
    (home.inbox / "link to real.pdf").symlink_to(home.inbox / "real.pdf")
    (home.inbox / "dangling.pdf").symlink_to(outside / "nothing here")
    outcomes = run_inbox(home, settings)
    for name in ("passwd.pdf", "etc", "link to real.pdf", "dangling.pdf"):
        assert_refused(home, outcomes, name)
        assert (home.inbox / name).is_symlink()  # refused entries are never tidied away
    assert "etc/passwd" not in outcomes  # a folder link is not walked into
    assert (outcomes["real.pdf"].status, outcomes["real.pdf"].reason) == ("quarantined", "empty_file")
    assert (outside / "passwd").read_bytes() == SECRET
    assert list(home.raw.iterdir()) == [home.raw / raw_name(sha256_of(home.quarantine / "real.pdf"), "real.pdf")]
    assert_nothing_leaked(home)


def test_a_file_swapped_for_a_link_after_planning_is_refused(home, settings, outside: Path) -> None:
    """The walk judged a regular file; by the time it is archived it is a link to a secret."""
    path = home.inbox / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 planned")
    with storage.writable_snapshot(home) as conn:
        [candidate] = ingest.plan(home, conn, settings)
        path.unlink()
        path.symlink_to(outside / "passwd")
        outcome = ingest.process_candidate(candidate, home, settings, process_file)
        ingest.record(conn, outcome)
    assert (outcome.status, outcome.reason) == ("quarantined", "not_a_regular_file")
    assert ingest.tidy_inbox([candidate]) == [] and path.is_symlink()
    assert list(home.raw.iterdir()) == []
    assert_nothing_leaked(home)


@pytest.mark.timeout(120)
def test_a_fifo_is_refused_without_waiting_for_a_writer(home, settings) -> None:
    os.mkfifo(home.inbox / "scan.pdf")
    outcomes = run_inbox(home, settings)
    assert_refused(home, outcomes, "scan.pdf")
    assert stat.S_ISFIFO((home.inbox / "scan.pdf").lstat().st_mode)
    assert list(home.raw.iterdir()) == []


def test_a_socket_is_refused(home, settings, monkeypatch) -> None:
    monkeypatch.chdir(home.inbox)  # AF_UNIX paths are limited to 108 bytes; bind by a short relative one
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("scanner.sock")
        outcomes = run_inbox(home, settings)
    assert_refused(home, outcomes, "scanner.sock")


def test_a_device_is_refused_without_being_read(home, settings) -> None:
    if os.geteuid() != 0:  # CI and the README's setup run as root, so there this always runs
        pytest.skip("creating a device node needs root")
    os.mknod(home.inbox / "zero.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero
    outcomes = run_inbox(home, settings)  # reading /dev/zero would never end
    assert_refused(home, outcomes, "zero.pdf")
    assert "character device" in outcomes["zero.pdf"].message


def test_a_refused_entry_is_reported_again_on_every_run(home, settings, outside: Path) -> None:
    (home.inbox / "passwd.pdf").symlink_to(outside / "passwd")
    run_inbox(home, settings)
    again = run_inbox(home, settings)
    assert_refused(home, again, "passwd.pdf")
    assert [(e.name, e.reason) for e in left_in_inbox(home.inbox)] == [("passwd.pdf", "not_a_regular_file")]


def test_sub_folders_are_walked_and_mirrored_in_quarantine(home, settings) -> None:
    """Same file name in two sub-folders: two source names, two quarantine copies, no overwrite."""
    for folder, body in (("ตาก", b"not a document 1"), ("แพร่", b"not a document 2")):
        (home.inbox / folder).mkdir()
        (home.inbox / folder / "รายงาน.pdf").write_bytes(body)
    outcomes = run_inbox(home, settings)
    for name, body in (("ตาก/รายงาน.pdf", b"not a document 1"), ("แพร่/รายงาน.pdf", b"not a document 2")):
        assert (outcomes[name].status, outcomes[name].reason) == ("quarantined", "unsupported_type")
        assert (home.quarantine / name).read_bytes() == body
        assert error_report(home, name)["copy"] == name
        assert not (home.inbox / name).exists()  # processed and tidied; the raw copy keeps it
        assert (home.raw / raw_name(sha256_of(home.quarantine / name), name)).read_bytes() == body


def test_dotfiles_and_hidden_folders_stay_and_are_reported(home, settings) -> None:
    (home.inbox / ".รายงาน.pdf").write_bytes(b"%PDF-1.4 hidden")
    (home.inbox / "~$form.xlsx").write_bytes(b"lock")
    (home.inbox / ".git").mkdir()
    (home.inbox / ".git" / "config.pdf").write_bytes(b"%PDF-1.4 inside a hidden folder")
    (home.inbox / "scan.pdf.part").write_bytes(b"%PDF-1.4 still copying")
    before = {p: p.read_bytes() for p in every_file(home.inbox)}
    for _ in range(2):  # not ignored once and forgotten: every run reports them
        assert run_inbox(home, settings) == {}
        left = {e.name: e.reason for e in left_in_inbox(home.inbox)}
        assert left == {".git": "ignored_name", ".รายงาน.pdf": "ignored_name", "~$form.xlsx": "ignored_name",
                        "scan.pdf.part": "ignored_name"}
    assert {p: p.read_bytes() for p in every_file(home.inbox)} == before
    assert every_file(home.quarantine) == [] and list(home.raw.iterdir()) == []


ODD_NAMES = [
    "two\nlines.pdf",
    "-rf --help.pdf",
    "--.pdf",
    " leading and trailing space .pdf ",
    "ก.ข" + "ค" * 70 + ".pdf",  # a dot early in a long Thai name: not an extension for raw/
    thai_name(246),  # the empty one crashed runs with 'File name too long'
    thai_name(250, ".pdf"),
    thai_name(255),
]


def test_an_empty_file_with_a_246_byte_thai_name(home, settings) -> None:
    """The case that stopped whole runs with 'File name too long': its .error.json has 257 bytes."""
    name = thai_name(246)
    (home.inbox / name).write_bytes(b"")
    outcomes = run_inbox(home, settings)
    assert (outcomes[name].status, outcomes[name].reason) == ("quarantined", "empty_file")
    assert recorded(home)[name][1:] == ("quarantined", "empty_file")
    report = error_report(home, name)
    assert report["file"] == name and report["copy"] != name
    assert (home.quarantine / report["copy"]).read_bytes() == b""
    assert list(home.inbox.iterdir()) == []  # recorded, so tidied; the raw copy keeps the bytes
    assert [p.read_bytes() for p in home.raw.iterdir()] == [b""]
    assert run_inbox(home, settings) == {}


def test_each_odd_name_alone(home, settings) -> None:
    """Different bytes per name, so every one is quarantined under a name of its own."""
    for i, name in enumerate(ODD_NAMES):
        (home.inbox / name).write_bytes(f"not a document {i}".encode())
    outcomes = run_inbox(home, settings)
    copies = set()
    for i, name in enumerate(ODD_NAMES):
        assert (outcomes[name].status, outcomes[name].reason) == ("quarantined", "unsupported_type")
        report = error_report(home, name)
        assert (home.quarantine / report["copy"]).read_bytes() == f"not a document {i}".encode()
        copies.add(report["copy"])
    assert len(copies) == len(ODD_NAMES)
    assert report["copy"] != name and len(os.fsencode(report["copy"])) <= 255 - len(".tmp-.error.json")
    assert list(home.inbox.iterdir()) == []  # all recorded, so all tidied
    for path in [*home.quarantine.rglob("*"), *home.raw.rglob("*")]:
        assert len(os.fsencode(path.name)) <= 255 and not path.name.startswith(".tmp-")
    assert all("\n" not in p.name for p in home.raw.iterdir())


def test_a_name_in_the_thai_windows_code_page_is_read_as_thai(home, settings) -> None:
    """A zip made on Thai Windows gives TIS-620 (cp874) names; they used to crash the record step."""
    raw_bytes = "รายงาน มิ.ย.".encode("cp874") + b".pdf"
    with open(os.path.join(os.fsencode(home.inbox), raw_bytes), "wb") as handle:
        handle.write(b"not a document")
    outcomes = run_inbox(home, settings)
    assert (outcomes["รายงาน มิ.ย..pdf"].status, outcomes["รายงาน มิ.ย..pdf"].reason) == ("quarantined",
                                                                                     "unsupported_type")
    assert recorded(home)["รายงาน มิ.ย..pdf"][1:] == ("quarantined", "unsupported_type")
    assert (home.quarantine / "รายงาน มิ.ย..pdf").read_bytes() == b"not a document"


def test_a_real_form_with_a_hostile_name_is_processed_and_tidied(home, settings) -> None:
    name = "-\n" + thai_name(230, ".xlsx")
    original = (SAMPLES / "inbox" / XLSX).read_bytes()
    (home.inbox / name).write_bytes(original)
    outcomes = run_inbox(home, settings)
    assert outcomes[name].status == "processed" and outcomes[name].extraction.report_rows
    assert not (home.inbox / name).exists()
    assert (home.root / outcomes[name].raw_path).read_bytes() == original
    assert outcomes[name].raw_path.endswith(".xlsx")


@pytest.mark.slow
def test_saraban_ingest_completes_over_a_hostile_inbox(tmp_path: Path, outside: Path) -> None:
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    inbox = home / "inbox"
    (inbox / thai_name(246)).write_bytes(b"")
    (inbox / "passwd.pdf").symlink_to(outside / "passwd")
    os.mkfifo(inbox / "pipe.pdf")
    (inbox / ".hidden.pdf").write_bytes(b"%PDF-1.4")
    shutil.copy(SAMPLES / "inbox" / XLSX, inbox / "-rf.xlsx")
    result = run_cli("ingest", "--quiet", home=home, timeout=1200)
    assert "left in inbox" in result.stdout
    assert "not_a_regular_file" in result.stdout and "ignored_name" in result.stdout
    statuses = {name: status for name, (_, status, _) in recorded(Home(home)).items()}
    assert statuses == {thai_name(246): "quarantined", "passwd.pdf": "quarantined", "pipe.pdf": "quarantined",
                        "-rf.xlsx": "processed"}
    assert sorted(p.name for p in inbox.iterdir()) == [".hidden.pdf", "passwd.pdf", "pipe.pdf"]
    assert (outside / "passwd").read_bytes() == SECRET


def test_enospc_from_the_kernel_becomes_one_line_disk_full() -> None:
    with pytest.raises(DiskFullError) as caught:
        with disk_full_raised():
            with open("/dev/full", "wb", buffering=0) as full:  # the kernel's always-full device
                full.write(b"x")
    error = caught.value
    assert error.reason == "disk_full" and "\n" not in str(error) and "ดิสก์เต็ม" in error.message_th
    assert disk_full_error(RuntimeError("wrapped")) is None
    try:
        raise RuntimeError("a task failed") from caught.value.__cause__
    except RuntimeError as wrapped:
        assert disk_full_error(wrapped).reason == "disk_full"  # found in the cause chain
    assert disk_full_error(OSError(errno.EACCES, "Permission denied")) is None


@contextmanager
def tiny_disk(folder: Path) -> Iterator[None]:
    """`folder` on a 64 KiB tmpfs: writes past that fail with a real ENOSPC."""
    if os.geteuid() != 0:  # CI and the README's setup run as root: there a failed mount fails the test
        pytest.skip("mounting a small tmpfs needs root")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("full", ["raw", "quarantine"])
def test_a_full_disk_stops_the_run_and_keeps_the_original(home, settings, full: str) -> None:
    body = os.urandom(200_000)  # more than the tiny disk holds; not a document, so it is quarantined
    (home.inbox / "scan.pdf").write_bytes(body)
    with tiny_disk(getattr(home, full)):
        with pytest.raises(DiskFullError) as caught:
            run_inbox(home, settings)
        assert list(getattr(home, full).iterdir()) == []  # no half-written temp file left
    assert caught.value.reason == "disk_full" and "\n" not in str(caught.value)
    assert str(getattr(home, full)) in str(caught.value)  # the operator learns which disk
    assert (home.inbox / "scan.pdf").read_bytes() == body
    assert every_file(home.quarantine) == [] and not home.database.exists()  # nothing published


def test_failed_outcome_does_not_quarantine_for_a_full_disk(home, settings) -> None:
    (home.inbox / "scan.pdf").write_bytes(b"%PDF-1.4")
    with storage.writable_snapshot(home) as conn:
        [candidate] = ingest.plan(home, conn, settings)
    try:
        with open("/dev/full", "wb", buffering=0) as device:
            device.write(b"x")
    except OSError as error:
        enospc = error
    with pytest.raises(DiskFullError):
        ingest.failed_outcome(candidate, home, enospc)
    assert every_file(home.quarantine) == []


@pytest.mark.slow
def test_saraban_ingest_on_a_full_disk_says_so_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for folder in ("inbox", "raw"):
        (home / folder).mkdir(parents=True)
    (home / "inbox" / "scan.pdf").write_bytes(os.urandom(200_000))
    with tiny_disk(home / "raw"):
        result = run_cli("ingest", "--quiet", home=home, check=False, timeout=1200)
    assert result.returncode == 1  # ExitCode.NOTHING: the run stopped with work not done
    [line] = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert line.startswith("disk_full: ") and "ดิสก์เต็ม" in line
    assert "Traceback" not in result.stdout
    assert (home / "inbox" / "scan.pdf").exists()
