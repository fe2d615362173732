"""The words verify's rules are written in, defined once: roles, statuses, kinds."""

ROLES = ("fact-checker", "editor", "admin")
STAFF = ROLES
REVIEWERS = ("fact-checker", "admin")
ASSIGNERS = ("editor", "admin")
EDITORS = ("editor", "admin")
ADMINS = ("admin",)

STATUSES = ("unverified", "verified", "disputed")
# How a status reads on a badge and in lists: text as well as colour, never colour alone.
STATUS_MARKS = {"verified": "✓", "unverified": "?", "disputed": "✗"}
# The order readers see statuses in: settled first.
STATUS_ORDER = ("verified", "disputed", "unverified")
CLAIM_KINDS = ("direct_quote", "reported", "unattributed")
EVIDENCE_STANCES = ("supports", "contradicts")
# The source kind shown for a claim that has no source.
NO_SOURCE_KIND = "unattributed"
SOURCE_KINDS = ("official", "person", "media", "social_media", "anonymous", NO_SOURCE_KIND)


def template_vocabulary() -> dict:
    """Give templates the same lists the code checks against."""
    return {
        "ROLES": ROLES,
        "STAFF": STAFF,
        "REVIEWERS": REVIEWERS,
        "ASSIGNERS": ASSIGNERS,
        "EDITORS": EDITORS,
        "ADMINS": ADMINS,
        "STATUSES": STATUSES,
        "STATUS_MARKS": STATUS_MARKS,
        "STATUS_ORDER": STATUS_ORDER,
        "SOURCE_KINDS": SOURCE_KINDS,
        "CLAIM_KINDS": CLAIM_KINDS,
    }
