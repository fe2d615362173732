"""Roles, statuses and source kinds are written once and templates read them from there."""

import re
from pathlib import Path

from verify.vocabulary import SOURCE_KINDS, STATUSES

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LITERAL_LIST = re.compile(r"\(\s*'(?:unverified|verified|disputed|official|person)'\s*,")
LITERAL_ROLE = re.compile(r"has_role\(\s*'")


def test_templates_hard_code_no_status_kind_or_role_list():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not LITERAL_LIST.search(text), path
        assert not LITERAL_ROLE.search(text), path


def test_templates_see_the_vocabulary(app):
    assert app.jinja_env.globals["STATUSES"] == STATUSES
    assert app.jinja_env.globals["SOURCE_KINDS"] == SOURCE_KINDS
