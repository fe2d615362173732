"""The fact-checkers' workspace in a real browser: Debian's chromium driven by Playwright.

The app runs in a thread on 127.0.0.1 with CSRF on, as in production. Without chromium these
tests are skipped with a reason, unless REQUIRE_BROWSER_TESTS is set (CI sets it), in which
case they fail. SCREENSHOT_DIR (default: a temporary folder) receives the screenshots;
`make screenshots` points it at docs/.
"""

import logging
import os
import re
import threading
import uuid
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import (
    OWN_ARTICLE,
    OWN_ARTICLE_TITLE,
    PASSWORD,
    PASSWORD_HASH,
    TEST_DATABASE_URL,
)
from verify import create_app
from verify.config import as_bool
from verify.extensions import db
from verify.models import Claim, User

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
VERIFIED_PHRASE = "gate mechanism was damaged by debris"
DISPUTED_PHRASE = "households were reportedly evacuated"

if not CHROMIUM.exists() and not as_bool(os.environ.get("REQUIRE_BROWSER_TESTS")):
    pytestmark = pytest.mark.skip(
        reason=f"{CHROMIUM} not found: browser tests skipped (apt-get install chromium)"
    )

playwright_api = pytest.importorskip("playwright.sync_api")


class LiveServer:
    """The app served on a free loopback port from a background thread."""

    def __init__(self, database_url: str):
        self.app = create_app({"SECRET_KEY": "browser-tests", "DATABASE_URL": database_url})
        with self.app.app_context():
            db.drop_all()
            db.create_all()
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def add_user(self, username: str, role: str) -> None:
        with self.app.app_context():
            db.session.add(User(username=username, role=role, password_hash=PASSWORD_HASH))
            db.session.commit()

    def claim_containing(self, phrase: str) -> Claim:
        with self.app.app_context():
            query = db.select(Claim).where(Claim.text.contains(phrase))
            claim = db.session.scalars(query).first()
            assert claim is not None, f"no claim contains {phrase!r}"
            db.session.expunge(claim)
            return claim

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(5)
        with self.app.app_context():
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


def live_database_url(tmp_path_factory) -> str:
    """A file SQLite database the server thread and the test share, or the suite's PostgreSQL."""
    if TEST_DATABASE_URL.startswith("postgresql"):
        return TEST_DATABASE_URL
    return f"sqlite:///{tmp_path_factory.mktemp('live') / f'{uuid.uuid4().hex}.sqlite'}"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = LiveServer(live_database_url(tmp_path_factory))
    server.thread.start()
    server.add_user("ana", "fact-checker")
    server.add_user("ben", "fact-checker")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found, and REQUIRE_BROWSER_TESTS says these tests must run")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_page(browser, live, width=1280, height=900):
    context = browser.new_context(base_url=live.url, viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("pageerror", lambda error: pytest.fail(f"JavaScript error: {error}"))
    return page


def sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Remember me").check()
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/my-claims$"))


def open_claim(page, phrase: str) -> None:
    """Click a claim in the article text and wait for htmx to show its panel."""
    settled(page)
    page.locator("#article-body mark a", has_text=phrase).click()
    playwright_api.expect(page.locator("#panel blockquote")).to_contain_text(phrase)


def settled(page) -> None:
    """Wait until htmx has no request, swap or settle under way, so new links are live."""
    busy = page.locator(".htmx-request, .htmx-swapping, .htmx-settling")
    playwright_api.expect(busy).to_have_count(0)


def panel_button(page, name: str):
    return page.locator("#panel").get_by_role("button", name=name, exact=True)


def note_field(page):
    return page.locator("#panel").get_by_label("Verification note")


@pytest.fixture(scope="module")
def seeded(browser, live):
    """Ana signs in and adds the tests' own article by uploading it; return its review URL."""
    page = new_page(browser, live)
    sign_in(page, "ana")
    page.get_by_role("link", name="Add article").click()
    page.get_by_label("Title").fill(OWN_ARTICLE_TITLE)
    page.get_by_label("upload a .txt or .html file").set_input_files(str(OWN_ARTICLE))
    page.get_by_role("button", name="Add article").click()
    page.wait_for_url(re.compile(r"/review/articles/\d+"))
    playwright_api.expect(page.locator("#article-body mark").first).to_be_visible()
    yield page
    page.context.close()


def test_fact_checker_verifies_disputes_and_meets_a_conflict(browser, live, seeded, shots):
    expect = playwright_api.expect
    page = seeded
    review_url = page.url.split("?")[0]

    open_claim(page, VERIFIED_PHRASE)
    note_field(page).fill("The authority's photos of the gate show the debris.")
    panel_button(page, "Verified").click()
    expect(page.locator("#panel")).to_contain_text("Saved as verified.")
    verified = live.claim_containing(VERIFIED_PHRASE)
    expect(page.locator(f"#text-{verified.id}")).to_have_class(re.compile("claim-verified"))

    open_claim(page, DISPUTED_PHRASE)
    note_field(page).fill("The council's shelter list names 60 households.")
    panel_button(page, "Disputed").click()
    expect(page.locator("#panel")).to_contain_text("Saved as disputed.")
    expect(page.locator("#claim-summary")).to_contain_text("1 verified · 1 disputed")

    # Ben opens the same claim, then Ana saves first: Ben is told, and shown both.
    other = new_page(browser, live)
    sign_in(other, "ben")
    disputed = live.claim_containing(DISPUTED_PHRASE)
    other.goto(f"{review_url}?claim={disputed.id}")
    note_field(page).fill("The council's shelter list and the fire service name 60 households.")
    panel_button(page, "Disputed").click()
    expect(page.locator("#panel")).to_contain_text("Saved as disputed.")
    note_field(other).fill("Looks right to me.")
    panel_button(other, "Verified").click()
    conflict = other.locator("#panel .conflict")
    expect(conflict).to_contain_text("Someone else saved this claim first")
    expect(conflict).to_contain_text("fire service")
    expect(conflict).to_contain_text("Looks right to me.")
    other.locator("#panel").screenshot(path=str(shots / "conflict.png"))
    other.context.close()
    with live.app.app_context():
        assert db.session.get(Claim, disputed.id).status == "disputed"

    page.goto(f"{review_url}?claim={verified.id}")
    page.screenshot(path=str(shots / "review-page.png"))

    reader = new_page(browser, live, height=1400)
    reader.goto(review_url.replace("/review/articles/", "/articles/"))
    expect(reader.locator(f"#text-{verified.id}")).to_contain_text("Verified")
    expect(reader.locator(f"#text-{disputed.id}")).to_contain_text("Disputed")
    expect(reader.locator(".summary")).to_contain_text(re.compile(r"verified · 1 disputed"))
    reader.screenshot(path=str(shots / "reader-page.png"))
    reader.context.close()


def test_keyboard_moves_between_claims_and_sets_statuses(seeded, live):
    expect = playwright_api.expect
    page = seeded
    page.bring_to_front()  # another test's second browser window may have taken the focus
    first = page.locator("#article-body mark").first
    first_id = first.get_attribute("id").removeprefix("text-")
    first.locator("a").click()
    expect(page.locator("#panel [data-claim]")).to_have_attribute("data-claim", first_id)
    settled(page)
    expect(page.locator("#panel-heading")).to_be_focused()
    page.keyboard.press("j")
    expect(page.locator("#panel [data-claim]")).not_to_have_attribute("data-claim", first_id)
    second_id = page.locator("#panel [data-claim]").get_attribute("data-claim")
    expect(page.locator(f"#text-{second_id}")).to_have_class(re.compile("selected"))
    settled(page)
    page.keyboard.press("u")
    expect(page.locator("#panel")).to_contain_text("Saved as unverified.")
    settled(page)
    page.keyboard.press("k")
    expect(page.locator("#panel [data-claim]")).to_have_attribute("data-claim", first_id)
    settled(page)
    expect(page.locator("#panel-heading")).to_be_focused()
    # Typing in the note never triggers a shortcut.
    note_field(page).press_sequentially("judged")
    expect(note_field(page)).to_have_value(re.compile("judged$"))
    expect(page.locator("#panel [data-claim]")).to_have_attribute("data-claim", first_id)


def test_a_missed_claim_is_added_by_selecting_text(seeded, live):
    expect = playwright_api.expect
    page = seeded
    page.bring_to_front()
    phrase = "The dam was last refurbished in 2019"
    page.evaluate(
        """(phrase) => {
            document.activeElement.blur();
            const span = [...document.querySelectorAll('#article-body span[data-start]')]
                .find((element) => element.textContent.includes(phrase));
            const node = span.firstChild;
            const at = node.data.indexOf(phrase);
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + phrase.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
        }""",
        phrase,
    )
    page.keyboard.press("a")
    form = page.locator("#add-claim")
    expect(form.get_by_label("Claim text")).to_have_value(phrase)
    form.get_by_label("Source (blank").fill("The Valley Ledger")
    form.get_by_label("Kind of source").select_option("media")
    form.get_by_label("Kind of claim").select_option("unattributed")
    form.get_by_role("button", name="Add claim").click()
    expect(page.locator("#panel blockquote")).to_have_text(phrase)
    expect(page.locator("#panel")).to_contain_text("added by hand")
    claim = live.claim_containing(phrase)
    with live.app.app_context():
        body = db.session.get(Claim, claim.id).article.body
    assert body[claim.start : claim.end] == phrase


def test_the_review_page_fits_a_phone(seeded, browser, live, shots):
    page = new_page(browser, live, width=390, height=844)
    sign_in(page, "ben")
    page.goto(seeded.url.split("?")[0])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
    open_claim(page, VERIFIED_PHRASE)
    playwright_api.expect(panel_button(page, "Disputed")).to_be_in_viewport()
    page.screenshot(path=str(shots / "review-phone.png"))
    page.context.close()


def test_a_fact_checker_moves_a_claim_to_another_speaker(seeded, browser, live, shots):
    expect = playwright_api.expect
    page = new_page(browser, live)
    sign_in(page, "ben")
    page.goto("/sources")
    page.locator("table.list tbody tr td a").first.click()
    page.wait_for_url(re.compile(r"/sources/\d+$"))
    first_box = page.locator("#split-form input[name=claim]").first
    claim_id = int(first_box.get_attribute("value"))
    first_box.check()
    page.get_by_label("Full name of their speaker").fill("Olena Kovalenko")
    page.get_by_role("button", name="Move the ticked claims").click()
    expect(page.locator(".flash").first).to_contain_text("moved to “Olena Kovalenko”")
    with live.app.app_context():
        assert db.session.get(Claim, claim_id).source.name == "Olena Kovalenko"
    page.goto("/sources")
    page.get_by_role("link", name="Olena Kovalenko").click()
    expect(page.locator("h2", has_text="Claims moved to this source")).to_be_visible()
    page.screenshot(path=str(shots / "source-page.png"), full_page=True)
    page.context.close()
