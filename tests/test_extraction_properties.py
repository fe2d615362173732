"""Properties extraction keeps for any text at all."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_token
from verify.extraction import extract_claims

NEWSY = st.sampled_from(
    [
        ' "',
        '" ',
        "“",
        "”",
        "''",
        "``",
        ", ",
        ". ",
        "\n\n",
        " said ",
        " told reporters ",
        " according to ",
        " reportedly ",
        " the ministry ",
        " she ",
        " He ",
        " that ",
        " claimed ",
        " Officials ",
        " could not verify ",
        ":",
        "'s ",
        "(",
        ")",
    ]
)
WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
ARTICLE_TEXT = st.lists(st.one_of(NEWSY, WORDS), max_size=60).map("".join)
ANY_TEXT = st.one_of(ARTICLE_TEXT, st.text(), st.text(alphabet="\"“”' \n.,", max_size=300))
PROPERTY_SETTINGS = settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def assert_offsets_hold(text, claims):
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert 0 <= claim.cue_start <= claim.cue_end <= len(text)
        cue_text = text[claim.cue_start : claim.cue_end]
        assert cue_text == claim.cue or claim.cue_start == claim.cue_end
        if claim.source_start is not None:
            assert 0 <= claim.source_start <= claim.source_end <= len(text)
        assert claim.kind in {"direct_quote", "reported", "unattributed"}


@PROPERTY_SETTINGS
@given(ANY_TEXT)
def test_extraction_never_raises_and_offsets_index_the_text(text):
    assert_offsets_hold(text, extract_claims(text))


@settings(max_examples=25, derandomize=True, deadline=None)
@given(st.text(min_size=1, max_size=20), st.integers(min_value=1000, max_value=5000))
def test_very_long_lines_are_handled(fragment, repeat):
    text = f'"{fragment * repeat}," the minister said ' * 2
    assert_offsets_hold(text, extract_claims(text))


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=ARTICLE_TEXT.filter(lambda text: text.strip()))
def test_ingest_then_read_back_returns_the_same_body(app, body):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {make_token_once(app)}"}
    response = client.post("/api/articles", json={"title": "T", "body": body}, headers=headers)
    assert response.status_code in (200, 201), response.get_json()
    stored = client.get(f"/api/articles/{response.get_json()['id']}").get_json()
    assert stored["body"] == body
    for claim in stored["claims"]:
        assert body[claim["start"] : claim["end"]] == claim["text"]


def make_token_once(app) -> str:
    if not hasattr(app, "property_token"):
        app.property_token = make_token("property-user", "fact-checker")
    return app.property_token
