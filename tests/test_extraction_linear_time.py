"""No input costs more than linear time: pathological bodies, pages and corrections at two sizes."""

import io
import time
from functools import partial

import pytest
from sqlalchemy import func, select

from bench.pathological import NAME_LOOK_UPS, UNITS, body, html_cases, text_cases
from verify.extensions import db
from verify.extraction import (
    ExtractedClaim,
    ExtractionTimeout,
    PageTooComplex,
    content_spans,
    extract_claims,
    html_to_text,
)
from verify.extraction.deadline import clock
from verify.extraction.segment import sentences
from verify.extraction.speakers import ArticleNames
from verify.models import Article
from verify.services.corrections import find_span
from verify.services.ingest import ExtractionFailed, ingest_article, ingest_limits

SMALL, LARGE = 16_000, 64_000
# Four times the input is four times the time when linear, sixteen when quadratic; 8 leaves
# room for a loaded machine. Below FLOOR CPU seconds the large input is fast enough anyway.
MAX_RATIO = 8
FLOOR = 0.05
TEXT_CASES = text_cases()
HTML_CASES = html_cases()


def cpu_seconds(call, argument) -> float:
    """Return the CPU time of call(argument), so other processes' load does not count."""
    started = time.process_time()
    call(argument)
    return time.process_time() - started


def assert_linear(call, make) -> None:
    """Fail when call(make(LARGE)) takes more than MAX_RATIO times call(make(SMALL))."""
    small_input, large_input = make(SMALL), make(LARGE)
    small = min(cpu_seconds(call, small_input) for _ in range(2))
    limit = max(MAX_RATIO * small, FLOOR)
    large = cpu_seconds(call, large_input)
    if large > limit:  # measure once more before calling it superlinear
        large = min(large, cpu_seconds(call, large_input))
    assert large <= limit, f"{SMALL} chars: {small:.3f} s, {LARGE} chars: {large:.3f} s"


@pytest.mark.parametrize("name", sorted(TEXT_CASES))
def test_extraction_time_grows_linearly(name):
    assert_linear(extract_claims, TEXT_CASES[name])


def test_reading_an_articles_names_grows_linearly():
    assert_linear(ArticleNames, partial(body, "A", prefix=NAME_LOOK_UPS))


def test_the_deadline_is_checked_inside_one_paragraph():
    text = "He said it. " * 1_000
    with pytest.raises(ExtractionTimeout):
        sentences(text, 0, len(text), deadline=clock() - 1)
    assert len(sentences(text, 0, len(text), deadline=clock() + 60)) == 1_000


def text_or_refusal(page: str) -> str:
    try:
        return html_to_text(page)
    except PageTooComplex as exc:
        return str(exc)


@pytest.mark.parametrize("name", sorted(HTML_CASES))
def test_html_to_text_time_grows_linearly(name):
    assert_linear(text_or_refusal, HTML_CASES[name])


def repeated_prefix(size: int) -> tuple[str, str]:
    """A body of "a a a …" and a text of many "a" then "b": every position almost matches."""
    return body("a ", size), body("a ", size // 10) + "b"


def test_find_span_time_grows_linearly():
    assert_linear(lambda arguments: find_span(*arguments), repeated_prefix)


def quote_claim(text: str) -> ExtractedClaim:
    return ExtractedClaim(
        text, 0, len(text), "X", None, None, "person", "said", 0, 0, "direct_quote", "quote_after"
    )


@pytest.mark.parametrize("unit", ["``", "“", '"“a', "'' a ``"])
def test_quoted_fragments_time_grows_linearly(unit):
    assert_linear(content_spans, lambda size: quote_claim(body(unit, size)))


def test_quoted_fragments_are_the_marked_parts():
    text = '"We will," she said, "open the port." ``And'
    assert content_spans(quote_claim(text)) == [(0, 10), (21, 37)]


def test_find_span_ignores_how_whitespace_is_broken_and_picks_the_nearest():
    text = "The port said it.\nThe   port\nsaid it again."
    assert find_span(text, "the port", 0) is None
    assert find_span(text, "The port said", 0) == (0, 13)
    assert find_span(text, "The port said", 20) == (18, 33)
    assert find_span(text, "  ", 0) is None


def test_a_page_of_100000_links_is_refused_quickly():
    page = "<html><body><p>" + '<a href="/x">link</a> ' * 100_000 + "</p></body></html>"
    started = time.process_time()
    with pytest.raises(PageTooComplex, match="over 15,000 HTML elements"):
        html_to_text(page)
    assert time.process_time() - started < 1


def test_a_page_of_too_many_links_names_the_links():
    page = "<p>" + '<a href="/x">link</a> ' * 3_500 + "</p>"
    with pytest.raises(PageTooComplex, match="over 3,000 links; save the article's text"):
        html_to_text(page)


def test_a_page_over_six_million_characters_is_refused():
    with pytest.raises(PageTooComplex, match="over 6,000,000 characters"):
        html_to_text("<p>" + "The minister said so. " * 300_000 + "</p>")


def test_markup_inside_scripts_is_not_counted():
    page = "<script>" + "var a = '<p>said</p>';" * 20_000 + "</script><p>Text here.</p>"
    html_to_text(page)  # 20,000 <p> inside a script would be over the element budget


def test_an_uploaded_page_over_the_budget_is_refused_with_advice(sign_in):
    page = "<html><body><p>" + '<a href="/x">link</a> ' * 20_000 + "</p></body></html>"
    response = sign_in().post(
        "/articles/new",
        data={"file": (io.BytesIO(page.encode()), "links.html")},
        content_type="multipart/form-data",
    )
    assert "links.html: the page has over 15,000 HTML elements" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Article.id))) == 0


def test_claims_extract_reports_a_page_over_the_budget(runner, tmp_path):
    path = tmp_path / "links.html"
    path.write_text("<p>" + '<a href="/x">link</a> ' * 4_000 + "</p>", encoding="utf-8")
    result = runner.invoke(args=["claims", "extract", str(path)])
    assert result.exit_code == 1
    assert "over 3,000 links" in result.stdout


@pytest.mark.parametrize(
    "unit, prefix", [("!", ""), (".", ""), ("/", "("), (" ,", ""), (" and", "He said")]
)
def test_two_megabytes_of_an_attack_body_are_answered_quickly(client, auth_header, unit, prefix):
    text = body(unit, 2 * 1024 * 1024 - 100, prefix)
    started = time.process_time()
    response = client.post(
        "/api/articles", json={"title": "T", "body": text}, headers=auth_header()
    )
    assert response.status_code == 201
    assert time.process_time() - started < 5


@pytest.mark.parametrize("unit", ["sentences", "said bullets"])
def test_the_densest_bodies_are_extracted_or_refused_within_two_seconds(
    app, client, auth_header, unit
):
    app.config["EXTRACTION_TIMEOUT_SECONDS"] = 1.0
    text = body(UNITS[unit], 2 * 1024 * 1024 - 100)
    started = clock()
    response = client.post(
        "/api/articles", json={"title": "T", "body": text}, headers=auth_header()
    )
    elapsed = clock() - started
    assert response.status_code in (201, 422), response.get_json()
    assert elapsed < 2, f"answered in {elapsed:.2f} s"


def test_reading_a_page_counts_against_the_extraction_time_limit(app, sign_in):
    app.config["EXTRACTION_TIMEOUT_SECONDS"] = 0
    page = "<html><body><article><p>" + "The minister said it would rain. " * 200
    response = sign_in().post(
        "/articles/new",
        data={"file": (io.BytesIO((page + "</p></article></body></html>").encode()), "a.html")},
        content_type="multipart/form-data",
    )
    assert "a.html: reading this page took longer than the extraction time limit" in (
        response.get_data(as_text=True)
    )
    assert db.session.scalar(select(func.count(Article.id))) == 0


def test_extraction_gets_only_what_reading_the_page_left(app):
    body = "The minister said it would rain. " * 200
    with app.app_context():
        fresh = ingest_limits(app.config)
        assert fresh["deadline"] - clock() <= app.config["EXTRACTION_TIMEOUT_SECONDS"]
        # A page read up to its deadline leaves nothing, on a retry as on the first try.
        spent = ingest_limits(app.config, clock() - 0.01)
        for _ in range(2):
            with pytest.raises(ExtractionFailed):
                ingest_article({"title": "T", "body": body}, **spent)
        assert db.session.scalar(select(func.count(Article.id))) == 0


def test_decoding_a_pasted_form_counts_against_the_extraction_time_limit(app, sign_in):
    # Two million newlines are 6 MB of %0A: about 0.4 s to decode, 0.08 s to extract.
    app.config["EXTRACTION_TIMEOUT_SECONDS"] = 0.15
    text = "The mayor said the bridge is closed.\n" + "\n" * 2_000_000
    client = sign_in()
    started = clock()
    response = client.post("/articles/new", data={"title": "Paste", "body": text})
    elapsed = clock() - started
    assert response.status_code == 200
    assert "longer than" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Article.id))) == 0
    assert elapsed < 2, f"answered in {elapsed:.2f} s"
