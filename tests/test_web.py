"""The web app's routes, through FastAPI's test client, on a real KB built from corpus/ (with its vector index)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS, make_pdf
from fastapi.testclient import TestClient

from scrutineer.api import KnowledgeBase, open_kb
from scrutineer.compare_view import CSV_COLUMNS as COMPARE_COLUMNS
from scrutineer.exports import CSV_COLUMNS as METRIC_COLUMNS
from scrutineer.hits import render_hits
from scrutineer.web.app import create_app

NEET = "care_leavers_19_21_neet_percent"
NORTHMOOR = "Northmoor Borough Council"


@pytest.fixture(scope="module")
def client(web_kb: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_kb)) as c:
        yield c


@pytest.fixture(scope="module")
def kb(web_kb: Path) -> Iterator[KnowledgeBase]:
    with open_kb(web_kb) as k:
        yield k


def _doc_id(client: TestClient, source: str) -> str:
    return next(d["id"] for d in client.get("/api/documents").json() if d["source"] == source and d["doc_type"] != "pack")


def test_search_page_is_a_cited_timeline(client: TestClient) -> None:
    page = client.get("/", params={"q": "care leavers NEET"})
    assert page.status_code == 200
    html = page.text
    assert "<mark>" in html and "Download CSV" in html
    headings = re.findall(r'<section class="authority">\s*<h3>([^<]+)</h3>', html)
    assert headings == sorted(headings) and "Northmoor Borough Council" in headings
    links = re.findall(r'class="citation" href="/documents/([^"#]+)#page-(\d+)"', html)
    assert links
    ids = {d["id"] for d in client.get("/api/documents").json()}
    assert all(doc in ids for doc, _ in links)
    doc, pageno = links[0]
    assert f'id="page-{pageno}"' in client.get(f"/documents/{doc}").text


def test_search_api_matches_the_library_and_filters_apply(client: TestClient, kb: KnowledgeBase) -> None:
    got = client.get("/api/search", params={"q": "care leavers NEET", "authority": "Wexcombe County Council", "limit": 5})
    assert got.status_code == 200
    want = [h.model_dump(mode="json") for h in kb.search("care leavers NEET", limit=5, authorities=["Wexcombe County Council"])]
    assert got.json() == want and want
    assert {h["authority"] for h in want} == {"Wexcombe County Council"}


def test_filters_read_from_the_query_are_shown_and_can_be_dropped(client: TestClient) -> None:
    """corpus/ holds no Kent paper: the page says that the words "in Kent" became a filter that left nothing to
    search, and its link searches the words as typed."""
    html = client.get("/", params={"q": "care leavers NEET in Kent"}).text
    shown = re.search(r'<p class="query-filters" id="query-filters">(.*?)</p>', html, re.S)
    assert shown and "authority Kent County Council" in shown.group(1)
    assert 'id="unmatched"' in html and '<li class="hit"' not in html
    link = re.search(r'<a href="([^"]+)">Search the words as typed</a>', shown.group(1)).group(1).replace("&amp;", "&")
    typed = client.get(link).text
    assert 'id="query-filters"' not in typed and 'id="unmatched"' not in typed and '<li class="hit"' in typed
    assert '<input type="hidden" name="literal" value="true">' in typed  # searching again keeps the words as typed
    named = client.get("/", params={"q": "NEET minutes since 2024"}).text
    assert "type minutes" in named and 'id="unmatched"' not in named and '<li class="hit"' in named


def test_search_csv_is_the_rows_on_screen_in_cli_columns(client: TestClient, kb: KnowledgeBase) -> None:
    params = {"q": "fostering recruitment", "from": "2024", "limit": "7"}
    html = client.get("/", params=params).text
    shown = len(re.findall(r'<li class="hit"', html))
    got = client.get("/search.csv", params=params)
    assert got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert len(rows) == shown > 0
    assert got.text == render_hits(kb.search("fostering recruitment", limit=7, year_from=2024), "csv")
    assert all(r["meeting_date"] >= "2024" for r in rows)


def test_paper_text_is_escaped_everywhere(client: TestClient) -> None:
    doc = _doc_id(client, "hostile-markup.pdf")
    for url in ("/?q=staying+put+hostile+markup&limit=50", f"/documents/{doc}", "/documents"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>in a heading" not in html, url
    assert "&lt;script&gt;alert(" in client.get(f"/documents/{doc}").text


def test_original_file_by_document_id_only(client: TestClient, web_kb: Path) -> None:
    doc = _doc_id(client, "hostile-markup.pdf")
    got = client.get(f"/documents/{doc}/file")
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    assert got.content.startswith(b"%PDF")
    for bad in ("../records.sqlite", "..%2Frecords.sqlite", "..%252Frecords.sqlite", "%2e%2e%2frecords.sqlite",
                f"{doc}/../../records.sqlite", "..%5c..%5crecords.sqlite", "/etc/passwd", "%2Fetc%2Fpasswd"):
        r = client.get(f"/documents/{bad}/file")
        assert r.status_code == 404, bad
        assert b"SQLite format" not in r.content and b"root:" not in r.content


def test_a_file_changed_since_ingest_is_not_served(client: TestClient) -> None:
    doc = _doc_id(client, "changes-later.pdf")
    detail = client.get(f"/documents/{doc}").text
    assert "open the original file" in detail
    path = Path(client.app.state.owner.run(  # type: ignore[attr-defined]
        lambda k: k.records.db.execute("SELECT path FROM files WHERE source = 'changes-later.pdf'").fetchone()[0]))
    make_pdf(path, ["Wexcombe County Council", "Edited after ingest."])
    got = client.get(f"/documents/{doc}/file")
    assert got.status_code == 410 and "changed on disk" in got.text


def test_documents_page_lists_documents_and_failures(client: TestClient) -> None:
    html = client.get("/documents").text
    docs = client.get("/api/documents").json()
    assert all(f'href="/documents/{d["id"]}"' in html for d in docs)
    assert "broken.pdf" in html and "could not read" in html
    assert client.get("/api/failures").json()[0]["source"] == "broken.pdf"
    pack = next(d for d in docs if d["doc_type"] == "pack")
    assert "documents in this pack" in client.get(f"/documents/{pack['id']}").text


def test_document_api_is_show_json(client: TestClient) -> None:
    doc = _doc_id(client, "northmoor-scorecard-q2-2024-25.pdf")
    got = client.get(f"/api/documents/{doc}").json()
    assert set(got) == {"document", "sections", "statements", "tables"} and got["statements"] and got["tables"]
    html = client.get(f"/documents/{doc}").text
    assert "<table class=\"doc-table\">" in html and "Sections" in html


def test_metrics_page_filters_and_csv(client: TestClient, kb: KnowledgeBase) -> None:
    params = {"indicator": NEET, "authority": NORTHMOOR, "basis": "actual"}
    html = client.get("/metrics", params=params).text
    want = kb.metrics(NEET, NORTHMOOR, "actual")
    assert f"{len(want)} values" in html and want
    assert re.search(r'href="/documents/[^"]+#page-\d+"', html)
    rows = list(csv.DictReader(io.StringIO(client.get("/metrics.csv", params=params).text)))
    assert list(rows[0]) == METRIC_COLUMNS and len(rows) == len(want)
    assert {r["basis"] for r in rows} == {"actual"} and {r["indicator"] for r in rows} == {NEET}
    api = client.get("/api/metrics", params=params).json()
    assert api == [r.model_dump(mode="json") for r in want]
    dated = client.get("/api/metrics", params={**params, "period": "2024/25"}).json()
    assert dated and len(dated) < len(api)


def test_compare_page_table_chart_and_api(client: TestClient, kb: KnowledgeBase) -> None:
    html = client.get(f"/compare/{NEET}").text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and "<polyline" in html
    assert "Northmoor" in html and "Wexcombe" in html
    got = client.get(f"/api/compare/{NEET}", params={"authority": NORTHMOOR}).json()
    assert got == kb.compare(NEET, NORTHMOOR).model_dump(mode="json")
    rows = list(csv.DictReader(io.StringIO(client.get(f"/compare/{NEET}/csv").text)))
    assert list(rows[0]) == COMPARE_COLUMNS
    near = client.get(f"/compare/{NEET}", params={"authority": NORTHMOOR, "neighbours": "true"})
    assert near.status_code == 200
    redirect = client.get("/compare", params={"indicator": NEET, "authority": NORTHMOOR}, follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == f"/compare/{NEET}?authority=Northmoor+Borough+Council"


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/compare/no_such_indicator", 404, "unknown indicator"),
    ("/documents/no-such-document", 404, "no document"),
    ("/?q=care&from=20x4", 400, "must be a year"),
    ("/?q=care&from=2025&to=2023", 400, "after"),
    ("/?q=care&doc_type=poem", 400, "unknown document type"),
    ("/metrics?basis=guess", 400, "unknown basis"),
    (f"/compare/{NEET}?neighbours=true", 400, "exactly one authority"),
    ("/no/such/page", 404, "no such page"),
])
def test_bad_requests_get_a_clear_page(client: TestClient, url: str, status: int, words: str) -> None:
    got = client.get(url)
    assert got.status_code == status and words in got.text
    assert got.headers["content-type"].startswith("text/html") and "Traceback" not in got.text


@pytest.mark.parametrize(("url", "status"), [
    ("/api/search?q=", 400), ("/api/search?q=%20%20", 400), ("/api/search?q=care&to=next", 400),
    ("/api/documents/nope", 404), ("/api/compare/nope", 404), ("/api/metrics?indicator=nope", 404),
    ("/api/search?q=care&limit=-3", 400),
])
def test_bad_api_requests_get_4xx_json(client: TestClient, url: str, status: int) -> None:
    got = client.get(url)
    assert got.status_code == status and set(got.json()) == {"detail"}


def test_empty_search_page_is_the_form(client: TestClient) -> None:
    html = client.get("/").text
    assert 'name="q"' in html and "passages about" not in html


def test_every_control_is_labelled_and_assets_are_local(client: TestClient) -> None:
    for url in ("/", "/?q=NEET", "/metrics", "/compare", f"/compare/{NEET}", "/documents", "/api"):
        html = client.get(url).text
        for control in re.findall(r"<(?:input|select)\b[^>]*>", html):
            if 'type="hidden"' in control:
                continue
            name = re.search(r'id="([^"]+)"', control)
            assert name and f'for="{name.group(1)}"' in html, (url, control)
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), url
    assert client.get("/docs").status_code == 404  # the stock page loads Swagger from a CDN
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/metrics", "/api/compare/{indicator}"} <= set(
        spec["paths"])
    assert "/api/search" in client.get("/api").text


def test_new_documents_show_without_a_restart(corpus_kb: Path, tmp_path: Path) -> None:
    """Another process ingests into the KB the app is serving; the next request sees the new paper."""
    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    extra = tmp_path / "papers"
    extra.mkdir()
    make_pdf(extra / "late-paper.pdf", ["Northmoor Borough Council", "A late paper about kinship carers."])
    with TestClient(create_app(kb)) as c:
        before = c.get("/api/documents").json()
        assert "late-paper.pdf" not in c.get("/documents").text
        env = {**os.environ, "SCRUTINEER_EMBED": "false"}
        subprocess.run([sys.executable, "-m", "scrutineer.cli", "ingest", str(extra), "--kb", str(kb)], env=env,
                       check=True, capture_output=True)
        after = c.get("/api/documents").json()
        assert len(after) == len(before) + 1
        assert "late-paper.pdf" in c.get("/documents").text
        assert c.get("/api/search", params={"q": "kinship carers"}).json()[0]["source"] == "late-paper.pdf"


def test_serve_binds_loopback_by_default(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from scrutineer.cli import app

    runner = CliRunner()
    assert "127.0.0.1" in runner.invoke(app, ["serve", "--help"]).output
    missing = runner.invoke(app, ["serve", "--kb", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no knowledge base" in missing.output


def test_corpus_is_where_the_fixtures_expect() -> None:
    assert (CORPUS / "northmoor-agenda-pack-2025-03-03.pdf").is_file()


def test_metrics_pages_through_every_row(client: TestClient, kb: KnowledgeBase) -> None:
    total = len(kb.metrics())
    assert total > 50
    page = client.get("/metrics", params={"start": 50}).text
    assert f"{total} values (51–" in page and 'rel="prev"' in page and "start=0" in page
    assert page.count("<tr>") - 1 == min(total - 50, 200)
    assert f"{total} values" in client.get("/metrics", params={"start": "lots"}).text


def test_an_unexpected_error_is_a_page_not_a_trace(web_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scrutineer.web import service

    def broken(owner: object) -> list:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(service, "documents", broken)
    with TestClient(create_app(web_kb), raise_server_exceptions=False) as c:
        page, api = c.get("/documents"), c.get("/api/documents")
    assert page.status_code == 500 and "something went wrong" in page.text and "secret" not in page.text
    assert api.status_code == 500 and set(api.json()) == {"detail"} and "secret" not in api.text


def test_search_page_says_when_it_searched_by_keywords_only(corpus_kb: Path) -> None:
    """A KB ingested without its vector index: the page says why the hits come from keywords alone."""
    with TestClient(create_app(corpus_kb)) as c:
        html = c.get("/", params={"q": "care leavers NEET"}).text
        assert 'id="search-notice"' in html and "Keyword search only" in html and "reindex" in html
        assert '<li class="hit"' in html
        again = c.get("/", params={"q": "care leavers NEET"}).text  # not remembered: said again while it lasts
        assert 'id="search-notice"' in again


def test_search_page_with_vectors_has_no_notice(client: TestClient) -> None:
    assert 'id="search-notice"' not in client.get("/", params={"q": "placement stability"}).text


def test_search_takes_several_authorities(client: TestClient, kb: KnowledgeBase) -> None:
    both = ["Wexcombe County Council", NORTHMOOR]
    params = {"q": "care leavers", "authority": both, "limit": 30}
    got = client.get("/api/search", params=params).json()
    want = kb.search("care leavers", limit=30, authorities=both)
    assert got == [h.model_dump(mode="json") for h in want]
    assert {h["authority"] for h in got} == set(both)
    html = client.get("/", params=params).text
    assert re.search(r'<select id="authority" name="authority" multiple', html)
    assert all(f'<option value="{a}" selected>' in html for a in both)
    one = client.get("/api/search", params={**params, "authority": NORTHMOOR}).json()
    assert {h["authority"] for h in one} == {NORTHMOOR}


@pytest.mark.parametrize("only", ["mapped", "unmapped", "confident"])
def test_metrics_page_and_csv_take_only(client: TestClient, kb: KnowledgeBase, only: str) -> None:
    want = kb.metrics(only=only)
    everything = kb.metrics()
    assert 0 < len(want) < len(everything)
    html = client.get("/metrics", params={"only": only}).text
    assert f"{len(want)} values" in html and f'<option value="{only}" selected>' in html
    rows = list(csv.DictReader(io.StringIO(client.get("/metrics.csv", params={"only": only}).text)))
    assert len(rows) == len(want)
    assert all(bool(r["indicator"]) == (only != "unmapped") for r in rows)
    if only == "confident":
        assert {r["confidence"] for r in rows} <= {"high", "medium"}
    assert client.get("/api/metrics", params={"only": only}).json() == [r.model_dump(mode="json") for r in want]


def test_metrics_refuses_an_unknown_only(client: TestClient) -> None:
    page = client.get("/metrics", params={"only": "some"})
    assert page.status_code == 400 and "unknown only" in page.text
    assert client.get("/api/metrics", params={"only": "some"}).status_code == 400


def test_concurrent_searches_share_the_index_and_match_one_at_a_time(web_kb: Path, kb: KnowledgeBase) -> None:
    """Searches on several searcher threads at once (one vector index, a SQLite connection each) give what one
    search at a time gives."""
    from concurrent.futures import ThreadPoolExecutor

    from scrutineer.web.forms import SearchForm
    from scrutineer.web.owner import KBOwner
    from scrutineer.web.service import search_hits

    queries = ["care leavers NEET", "fostering recruitment", "placement stability", "kinship carers",
               "emergency accommodation", "health assessments", "missing from care", "adoption"]
    alone = {q: kb.search(q, limit=10) for q in queries}
    owner = KBOwner(web_kb)
    try:
        with ThreadPoolExecutor(8) as pool:
            found = list(pool.map(lambda q: (q, search_hits(owner, SearchForm(q=q, limit=10))), queries * 2))
    finally:
        owner.close()
    assert all(f.notice is None and f.hits == alone[q] for q, f in found)


def test_pages_carry_the_security_headers_and_the_original_file_no_page_policy(client: TestClient) -> None:
    page = client.get("/", params={"q": "care leavers"})
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "default-src 'self'" in client.get("/api/documents").headers["content-security-policy"]
    original = client.get(f"/documents/{_doc_id(client, 'hostile-markup.pdf')}/file")
    assert original.headers["x-content-type-options"] == "nosniff" and "content-security-policy" not in original.headers


def test_filter_options_are_escaped_and_show_the_choice_made() -> None:
    """The options are made once per list and choice (present.options): escaped, the chosen ones marked."""
    from scrutineer.web.present import options

    choices = (("a&b", "A & B"), ("<x>", "<script>x</script>"), ("plain", "plain"))
    html = str(options(choices, ("a&b", "plain")))
    assert html == ('<option value="a&amp;b" selected>A &amp; B</option><option value="&lt;x&gt;">'
                    '&lt;script&gt;x&lt;/script&gt;</option><option value="plain" selected>plain</option>')
    assert str(options(choices, "<x>")).count(" selected") == 1 and " selected" not in str(options(choices, None))


def test_the_answer_cache_keeps_rows_within_its_budget_least_recent_first(web_kb: Path) -> None:
    """Answers are remembered up to a budget of rows (a metrics table weighs its rows, a search its hits), the least
    recently used forgotten first."""
    from scrutineer.config import Settings
    from scrutineer.web.owner import KBOwner

    owner = KBOwner(web_kb, Settings(web_cache_rows=10))
    try:
        computed: list[str] = []

        def answer(name: str, rows: int):
            return lambda _kb: computed.append(name) or [name] * rows

        owner.cached("a", answer("a", 4))
        owner.cached("b", answer("b", 4))
        owner.cached("a", answer("a", 4))  # remembered, and now the most recent
        owner.cached("c", answer("c", 4))  # 12 rows: "b", the least recent, goes
        owner.cached("a", answer("a", 4))
        owner.cached("b", answer("b", 4))
    finally:
        owner.close()
    assert computed == ["a", "b", "c", "b"]


def test_the_latest_paper_of_each_authority(client: TestClient) -> None:
    """corpus/ holds each council's scorecards of Q2 2023-24 and Q2 2024-25: the latest is the second."""
    got = client.get("/api/search", params={"q": "care leavers", "doc_type": "scorecard", "latest": "true"}).json()
    assert got and {h["source"] for h in got} <= {"northmoor-scorecard-q2-2024-25.pdf", "wexcombe-scorecard-q2-2024-25.pdf"}
    every = client.get("/api/search", params={"q": "care leavers", "doc_type": "scorecard", "limit": 50}).json()
    assert any("2023-24" in h["source"] for h in every)
    html = client.get("/", params={"q": "care leavers in the latest scorecard"}).text
    assert "each authority&#39;s latest paper" in html or "each authority's latest paper" in html
    assert "2023-24" not in "".join(re.findall(r'<li class="hit".*?</li>', html, re.S))
