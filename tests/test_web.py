"""`saraban web` over a small real dataset: pages, the review round trip, Thai search, safety,
and a headless Chromium pass that renders the charts and writes the README screenshots."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import geothai
import pytest
from docx import Document as open_docx
from fastapi.testclient import TestClient
from web_home import LAMPHUN, build_web_home

from pipeline.home import Home, home_at
from web import labels
from web.app import create_app
from web.deadlines import next_monthly, recurring_day
from web.review import impact
from web.settings import WebSettings, is_loopback
from web.words import boundaries, clean, find_word

REPO = Path(__file__).resolve().parents[1]
BASE = "http://127.0.0.1"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TODAY = dt.date(2022, 7, 25)  # the sample letter asks for a report by 31 July 2022


@pytest.fixture(scope="module")
def web_home(tmp_path_factory) -> Home:
    return build_web_home(home_at(tmp_path_factory.mktemp("web") / "home"))


def _client(home: Home, **settings) -> TestClient:
    app = create_app(WebSettings(home=home, today=lambda: TODAY, **settings), build_index=False)
    return TestClient(app, base_url=BASE)


@pytest.fixture
def client(web_home: Home) -> TestClient:
    return _client(web_home)


@pytest.fixture
def own_home(web_home: Home, tmp_path: Path) -> Home:
    """A copy of the dataset a test may change."""
    shutil.copytree(web_home.root, tmp_path / "home")
    return home_at(tmp_path / "home")


def query(home: Home, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(home.database), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


def lamphun_row(home: Home) -> tuple[str, int, int, int]:
    return query(home, """SELECT r.file_id, page, table_index, row_index FROM report_rows r JOIN files USING (file_id)
                          WHERE source_name = ? AND district_code = '5101'""", [LAMPHUN])[0]


def progress_5101(home: Home) -> tuple:
    return query(home, "SELECT total, established, not_established, status FROM progress "
                       "WHERE indicator = 'help_centre' AND period = '2018-03' AND district_code = '5101'")[0]


def national_figures(home: Home) -> list[list[str]]:
    rows = query(home, """SELECT period, provinces_reporting, provinces_carried, total, established, not_established
                          FROM national WHERE indicator = 'help_centre' ORDER BY period""")
    return [[p, *(f"{v:,}" for v in rest)] for p, *rest in rows]


def table_figures(html: str) -> list[list[str]]:
    """Period and the first five numbers of each row of the national table."""
    rows = re.findall(r'<tr data-period="([0-9-]+)">(.*?)</tr>', html, re.S)
    cells = [[period, *re.findall(r'<td class="n">([^<]*)</td>', body)[:5]] for period, body in rows]
    return cells


def test_national_page_shows_the_national_table(client: TestClient, web_home: Home) -> None:
    html = client.get("/").text
    assert 'id="panel-help_centre"' in html and 'data-chart="spec-help_centre"' in html
    assert table_figures(html) == national_figures(web_home)


def test_indicator_table_filters_and_sorts_provinces(client: TestClient) -> None:
    html = client.get("/indicator/help_centre?period=2018-03").text
    statuses = dict(re.findall(r'data-province="(\d+)" data-status="(\w+)"', html))
    assert len(statuses) == 77
    assert statuses["51"] == "needs_review"  # Lamphun's sum_mismatch row
    assert statuses["58"] == "not_reporting"  # Mae Hong Son reported June 2017 only: carried forward
    behind = client.get("/indicator/help_centre?period=2018-03&status=not_reporting&sort=province").text
    assert set(re.findall(r'data-status="(\w+)"', behind)) == {"not_reporting"}
    by_pct = client.get("/indicator/help_centre?sort=pct&desc=true").text
    assert re.findall(r'data-province="(\d+)"', by_pct)[:1] != re.findall(r'data-province="(\d+)"', html)[:1]


def test_unknown_pages_answer_in_thai(client: TestClient) -> None:
    response = client.get("/letter/nope/0")
    assert response.status_code == 404 and "ไม่พบหน้าที่ขอ" in response.text


def test_province_page_shows_district_history(client: TestClient) -> None:
    html = client.get("/province/58").text
    assert "เมืองแม่ฮ่องสอน" in html and 'id="districts"' in html
    assert "/explain/help_centre/2017-06/58/5801" in html


def test_review_queue_lists_the_flagged_row_with_its_cells(client: TestClient, web_home: Home) -> None:
    key = "/".join(map(str, lamphun_row(web_home)))
    queue = client.get("/review").text
    assert f'data-key="{key}"' in queue and "ผลรวมไม่ตรง" in queue
    row = client.get(f"/row/{key}").text
    assert "ต้องตรวจสอบ" in row and 'id="sheet-hit"' in row  # an xlsx form: the sheet row is marked


def _post(client: TestClient, path: str, data: dict, origin: str = BASE) -> object:
    client.get(path)  # sets the CSRF cookie
    token = client.cookies.get("saraban_csrf")
    return client.post(path, data={"csrf": token, **data}, headers={"origin": origin}, follow_redirects=False)


def test_a_correction_is_recorded_rebuilt_and_leaves_the_queue(own_home: Home) -> None:
    client = _client(own_home)
    key = lamphun_row(own_home)
    path = "/row/" + "/".join(map(str, key))
    assert progress_5101(own_home) == (14, 13, 2, "needs_review")
    before = query(own_home, "SELECT established FROM national WHERE period = '2018-03'")[0][0]
    response = _post(client, path, {"established": "12", "total": "14", "not_established": "2",
                                    "author": "สมศรี", "reason": "ตรวจกับต้นฉบับ", "action": "save"})
    assert response.status_code == 303 and "ok" in response.headers["location"]
    assert progress_5101(own_home) == (14, 12, 2, "ok")
    assert query(own_home, "SELECT established FROM national WHERE period = '2018-03'")[0][0] == before - 1
    assert query(own_home, "SELECT field, old_value, new_value, author, reason FROM corrections") == [
        ("established", "13", "12", "สมศรี", "ตรวจกับต้นฉบับ")]
    assert f'data-key="{"/".join(map(str, key))}"' not in client.get("/review").text


def test_review_page_lists_a_table_whose_total_row_disagrees(own_home: Home) -> None:
    """A table-level finding is shown once, by the column that disagrees, linked to its page."""
    file_id, page, table, _ = lamphun_row(own_home)
    with duckdb.connect(str(own_home.database)) as conn:
        conn.execute("INSERT INTO table_findings VALUES (?, ?, ?, 'help_centre', '2018-03', '51', "
                     "'total_row_mismatch', '{\"total\": 990, \"established\": 50}', "
                     "'{\"total\": 980, \"established\": 50}')", [file_id, page, table])
    text = _client(own_home).get("/review").text
    assert text.count(f'data-table="{file_id}/{page}/{table}"') == 1
    listed = text.split('id="tables"')[1]
    assert ">990<" in listed and ">980<" in listed and f'href="/page/{file_id}/{page}"' in listed


def test_accept_marks_the_row_reviewed(own_home: Home) -> None:
    client = _client(own_home)
    path = "/row/" + "/".join(map(str, lamphun_row(own_home)))
    _post(client, path, {"author": "a", "reason": "ถูกต้องตามต้นฉบับ", "action": "accept"})
    assert query(own_home, "SELECT field, new_value FROM corrections") == [("reviewed", "true")]
    assert progress_5101(own_home)[3] == "ok"


def test_a_correction_during_a_run_is_refused_in_thai(own_home: Home) -> None:
    from pipeline.home import run_lock

    client = _client(own_home)
    path = "/row/" + "/".join(map(str, lamphun_row(own_home)))
    with run_lock(own_home):
        response = _post(client, path, {"author": "a", "reason": "r", "action": "accept"})
    assert response.status_code == 409 and "มีการประมวลผลอื่นกำลังทำงานอยู่" in response.text
    assert query(own_home, "SELECT count(*) FROM corrections") == [(0,)]


@pytest.mark.parametrize("case", ["other-origin", "no-token", "no-reason"])
def test_forged_or_incomplete_posts_change_nothing(own_home: Home, case: str) -> None:
    client = _client(own_home)
    path = "/row/" + "/".join(map(str, lamphun_row(own_home)))
    data = {"established": "12", "author": "x", "reason": "" if case == "no-reason" else "r", "action": "save"}
    if case == "no-token":
        response = client.post(path, data=data, headers={"origin": BASE}, follow_redirects=False)
    else:
        response = _post(client, path, data, origin="http://evil.example" if case == "other-origin" else BASE)
    assert response.status_code == (303 if case == "no-reason" else 403)
    assert query(own_home, "SELECT count(*) FROM corrections") == [(0,)]


def test_provenance_outlines_a_row_on_a_pdf_page(client: TestClient, web_home: Home) -> None:
    file_id, page, table, row = query(web_home, """SELECT r.file_id, page, table_index, row_index FROM report_rows r
        JOIN files USING (file_id) WHERE source_name = 'saraban_007.pdf' AND row_index = 3""")[0]
    html = client.get(f"/row/{file_id}/{page}/{table}/{row}").text
    assert 'id="row-outline"' in html and 'id="row-crop"' in html
    for url in (f"/page-image/{file_id}/{page}.png", f"/row-crop/{file_id}/{page}/{table}/{row}.png"):
        image = client.get(url)
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    explain = client.get("/explain/help_centre/2019-11/91").text
    assert f"/row/{file_id}/{page}/{table}/{row}" in explain


def test_the_page_view_shows_where_its_text_came_from(client: TestClient, web_home: Home) -> None:
    """A PDF page's text-layer verdict (pages.text_source, text_verdict_evidence) is on its page."""
    judged = query(web_home, """SELECT file_id, page, text_source, text_verdict_evidence FROM pages
                                WHERE text_verdict_evidence IS NOT NULL ORDER BY file_id, page""")
    assert "text_layer" in {row[2] for row in judged}  # the sample PDFs with sound layers
    for file_id, page_no, source, evidence in judged:
        html = client.get(f"/page/{file_id}/{page_no}").text
        verdict = re.search(r'<p id="text-verdict">(.*?)</p>', html, re.S)
        assert verdict is not None, html
        assert labels.TEXT_SOURCES[source] in verdict.group(1)
        assert f"<strong>{json.loads(evidence)['verdict']}</strong>" in verdict.group(1)


def test_a_scanned_row_is_found_in_the_ruled_table() -> None:
    """Scans keep few word boxes in the table: the row is the grid row below the two-row header."""
    import numpy as np

    from pipeline.synth.tables import FormRow, render_report_form
    from web.ruledrows import row_band, table_bands

    rows = [FormRow(str(i + 1), name, 9, 5, 4) for i, name in enumerate(["เมืองสตูล", "ควนโดน", "ละงู"])]
    gray = np.asarray(render_report_form(rows, ["แบบรายงาน"], totals=(27, 15, 12)))
    bands = table_bands(gray)
    assert len(bands) == 1 and len(bands[0]["rows"]) == 4  # three districts and the รวม row
    first, third = row_band(bands, 0, 0), row_band(bands, 0, 2)
    assert first.top < third.top and abs((first.bottom - first.top) - (third.bottom - third.top)) <= 4
    ink = gray[int(third.top) + 4:int(third.bottom) - 4, int(third.left) + 4:int(third.right) - 4]
    assert (ink < 128).mean() > 0.01  # the band holds the printed row, not a gap
    assert row_band(bands, 0, 9) is None and row_band(bands, 1, 0) is None


def test_search_finds_a_word_inside_a_run_of_thai(client: TestClient, web_home: Home) -> None:
    client.app.state.index.ensure()
    [(file_id,)] = query(web_home, "SELECT file_id FROM letters")
    found = client.get("/letters", params={"q": "ฐานข้อมูล"}).text  # in "การจัดทำฐานข้อมูลกลาง"
    assert f'data-key="{file_id}/0"' in found and "<mark>ฐานข้อมูล</mark>" in found
    assert 'data-key="' not in client.get("/letters", params={"q": "านข้อ"}).text  # not a word
    assert 'data-key="' not in client.get("/letters", params={"q": "ฐานข้อมูล", "sender": "สำนักอื่น"}).text


@pytest.mark.parametrize(("term", "found"), [
    pytest.param("ศูนย์ปฏิบัติการร่วม", True, id="compound-across-newmm-words"),
    pytest.param("ปฏิบัติการ", True, id="inside-a-compound"),
    pytest.param("ช่วยเหลือประชาชน", True, id="two-words"),
    pytest.param("ารร่วม", False, id="not-a-word-start"),
])
def test_word_boundaries(term: str, found: bool) -> None:
    text = clean("ขอให้เร่งรัดการจัดตั้งศูนย์ปฏิบัติการร่วมในการช่วยเหลือประชาชนขององค์กรปกครองส่วนท้องถิ่น")
    assert (find_word(text, bytes(boundaries(text)), term) >= 0) is found


@pytest.mark.parametrize(("text", "today", "due"), [
    pytest.param("ทุกวันที่ ๑๕ ของเดือน", dt.date(2024, 3, 10), dt.date(2024, 3, 15), id="this-month"),
    pytest.param("ทุกวันที่ 15 ของทุกเดือน", dt.date(2024, 3, 16), dt.date(2024, 4, 15), id="next-month"),
    pytest.param("ทุกวันที่ 31 ของเดือน", dt.date(2024, 2, 1), dt.date(2024, 2, 29), id="short-month"),
    pytest.param("ทุกวันที่ 5 ของเดือน", dt.date(2024, 12, 20), dt.date(2025, 1, 5), id="new-year"),
])
def test_recurring_deadlines_fall_due_on_their_next_day(text: str, today: dt.date, due: dt.date) -> None:
    assert next_monthly(recurring_day(text), today) == due


def test_impact_is_how_far_a_row_could_move_the_total() -> None:
    row = {"total": 14, "established": 13, "not_established": 2, "flags": "sum_mismatch"}
    assert impact(row) == 1
    assert impact({**row, "flags": "low_confidence", "alternatives": '{"established": [18]}'}) == 5
    assert impact({**row, "flags": "duplicate_row_number"}) == 14
    assert impact({**row, "established": None, "flags": "low_confidence"}) == 14


def test_letter_page_links_fields_and_references(client: TestClient, web_home: Home) -> None:
    [(file_id,)] = query(web_home, "SELECT file_id FROM letters")
    html = client.get(f"/letter/{file_id}/0").text
    assert "มท 0809.2/ว 801" in html and "มท 0810.5/ว 941" in html and "ไม่มีในชุดข้อมูล" in html
    assert "2.3" in html and "6,500" in html


def test_deadlines_and_runs(client: TestClient) -> None:
    deadlines = client.get("/deadlines").text
    soon = deadlines.split('id="soon"')[1].split("</section>")[0]
    assert "มท 0809.2/ว 801" in soon and "31 ก.ค. 2565" in soon
    assert "แม่ฮ่องสอน" in deadlines.split('id="not-reporting"')[1]
    runs = client.get("/runs").text
    assert "ไฟล์ PDF มีรหัสผ่าน" in runs and "ไฟล์ว่างเปล่า" in runs and "ไม่มี Prefect UI" in runs


def test_only_this_machine_or_a_token_gets_in(web_home: Home) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")
    local = _client(web_home)
    assert local.get("/", headers={"host": "evil.example"}).status_code == 400  # DNS rebinding
    remote = _client(web_home, token="s3cret-token-0123456789", loopback=False)
    assert remote.get("/").status_code == 401
    entry = remote.get("/?token=s3cret-token-0123456789", follow_redirects=False)
    assert entry.status_code == 303 and entry.headers["location"] == "/"
    assert remote.get("/").status_code == 200  # the cookie now carries the token


def test_cli_refuses_an_open_host_without_a_token(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    result = CliRunner().invoke(app, ["web", "--home", str(tmp_path), "--host", "0.0.0.0"], env={})
    assert result.exit_code == 2 and "--token" in result.output


# --- a real browser ---------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(web_home: Home, tmp_path_factory) -> Iterator[tuple[str, Home]]:
    """The app under uvicorn on a free loopback port, over its own copy of the dataset."""
    import uvicorn

    home = home_at(shutil.copytree(web_home.root, tmp_path_factory.mktemp("served") / "home"))
    port = _free_port()
    settings = WebSettings(home=home, today=lambda: TODAY)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", home
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _shot(page, name: str) -> None:  # noqa: ANN001 - a Playwright page
    out = REPO / "docs" / "images" / f"web-{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out), full_page=True)


@pytest.mark.slow
def test_browser_renders_charts_and_walks_every_page(served, browser) -> None:  # noqa: ANN001
    base, home = served
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="th-TH")
    offline = []
    page.on("request", lambda r: offline.append(r.url) if not r.url.startswith(base) else None)
    page.goto(f"{base}/")
    page.wait_for_selector("#chart-help_centre[data-rendered=true] svg .mark-line", timeout=30_000)
    page.click("#panel-help_centre summary")
    shown = page.eval_on_selector_all("table.national tr[data-period]", """rows => rows.map(r =>
        [r.dataset.period, ...[...r.querySelectorAll('td.n')].slice(0, 5).map(td => td.textContent.trim())])""")
    assert shown == national_figures(home)
    _shot(page, "national")
    for name, url in [("indicator", "/indicator/help_centre?period=2018-03"), ("province", "/province/58"),
                      ("letters", "/letters?q=ฐานข้อมูล"), ("deadlines", "/deadlines"), ("runs", "/runs")]:
        page.goto(base + url)
        if name in ("indicator", "province"):
            page.wait_for_selector(".chart[data-rendered=true] svg", timeout=30_000)
        _shot(page, name)
    assert offline == [], "every script, style and font is served by the app itself"
    page.close()


@pytest.mark.slow
def test_browser_corrects_a_flagged_row_through_the_review_page(served, browser) -> None:  # noqa: ANN001
    base, home = served
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/review")
    _shot(page, "review")
    key = "/".join(map(str, lamphun_row(home)))
    page.click(f'tr[data-key="{key}"] a')
    page.wait_for_selector("#correct")
    page.fill("input[name=established]", "12")
    page.fill("input[name=author]", "สมศรี ใจดี")
    page.fill("input[name=reason]", "ตรวจกับต้นฉบับ")
    _shot(page, "row")
    page.click("#save")
    page.wait_for_selector("#saved")
    assert "บันทึกการแก้ไขแล้ว" in page.inner_text("#saved")
    assert progress_5101(home) == (14, 12, 2, "ok")
    page.goto(f"{base}/review")
    assert page.query_selector(f'tr[data-key="{key}"]') is None
    page.close()


def test_the_indicator_page_downloads_the_follow_up_draft(client: TestClient, web_home: Home) -> None:
    assert 'action="/draft/followup/help_centre"' in client.get("/indicator/help_centre").text
    behind = query(web_home, """SELECT DISTINCT period, province_code FROM progress WHERE indicator = 'help_centre'
                                AND established < total ORDER BY period DESC""")
    period, province = behind[0]
    answer = client.get(f"/draft/followup/help_centre?period={period}&provinces=behind&format=docx")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-disposition"].endswith(f"followup_help_centre_{period}.docx")
    cells = [c.text for t in open_docx(io.BytesIO(answer.content)).tables for row in t.rows for c in row.cells]
    assert any(geothai.province(province).name_th in cell for cell in cells), cells
    nobody = client.get("/draft/followup/help_centre?period=1999-01&provinces=behind")
    assert nobody.status_code in (404, 409) and "text/html" in nobody.headers["content-type"]
