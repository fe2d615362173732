"""Marshmallow schemas for every API input and output."""

from datetime import UTC

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from verify.vocabulary import CLAIM_KINDS, EVIDENCE_STANCES, SOURCE_KINDS, STATUSES


class UtcDateTime(fields.DateTime):
    """Stored times are naive UTC; say so in the output (RFC 3339 with +00:00)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


def not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must not be empty.")


NUL = "\x00"
NUL_MESSAGE = "Must not contain NUL characters."


def no_surrogates(value: str) -> None:
    """Lone UTF-16 surrogates and NUL cannot be stored as text; refuse them up front."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError("Must be valid Unicode text (no lone surrogates).") from exc
    if NUL in value:
        raise ValidationError(NUL_MESSAGE)


class Text(fields.String):
    """A string that can be stored on every database: no NUL, no lone surrogates."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        no_surrogates(text)
        return text


class UtcInstant(fields.AwareDateTime):
    """An aware time, converted to UTC here so an unrepresentable one names its field."""

    def _deserialize(self, value, attr, data, **kwargs):
        moment = super()._deserialize(value, attr, data, **kwargs)
        try:
            return moment.astimezone(UTC)
        except OverflowError as exc:
            raise ValidationError("Must be a time between years 1 and 9999 in UTC.") from exc


MAX_ID = 2_147_483_647
MAX_EVIDENCE = 50  # links per claim, for the API and the review form alike
ID_RANGE = validate.Range(min=1, max=MAX_ID)


def is_id(number: int) -> bool:
    """Whether a number can be a row id (and fits the database's integer column)."""
    return 1 <= number <= MAX_ID


def parse_id(text: str) -> int | None:
    """An id or version written in ASCII digits and in range, else None."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10:
        return None
    number = int(text)
    return number if is_id(number) else None


NOT_BLANK = not_blank
HTTP_URL = validate.URL(schemes={"http", "https"}, error="Must be an http(s) URL.")


class ArticleInSchema(Schema):
    title = Text(
        required=True,
        validate=[validate.Length(min=1, max=500), NOT_BLANK],
        metadata={"pattern": r"\S"},
    )
    body = Text(
        required=True,
        validate=[validate.Length(min=1), NOT_BLANK],
        metadata={"pattern": r"\S"},
    )
    url = Text(
        load_default=None,
        allow_none=True,
        validate=[HTTP_URL, validate.Length(max=2000)],
        metadata={"pattern": "^https?://"},
    )
    outlet = Text(
        load_default=None,
        allow_none=True,
        validate=[validate.Length(max=200)],
    )
    author = Text(
        load_default=None,
        allow_none=True,
        validate=[validate.Length(max=200)],
    )
    published_at = UtcInstant(load_default=None, allow_none=True, default_timezone=None)


class EvidenceSchema(Schema):
    """A source a reviewer relied on, and whether it supports or contradicts the claim."""

    url = Text(required=True, validate=[validate.Length(max=2048), HTTP_URL])
    title = Text(validate=validate.Length(max=500))
    excerpt = Text(validate=validate.Length(max=5000))
    stance = Text(validate=validate.OneOf(EVIDENCE_STANCES))


class ClaimSchema(Schema):
    """What anyone may see of a claim."""

    id = fields.Integer(dump_only=True)
    article_id = fields.Integer(dump_only=True)
    text = fields.String(dump_only=True)
    source = fields.String(attribute="source_name", dump_only=True, allow_none=True)
    source_kind = fields.String(dump_only=True)
    source_text = fields.String(dump_only=True, allow_none=True)
    cue = fields.String(dump_only=True)
    kind = fields.String(dump_only=True)
    status = fields.String(dump_only=True)
    note = fields.String(dump_only=True, allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceSchema), dump_only=True)
    start = fields.Integer(dump_only=True)
    end = fields.Integer(dump_only=True)
    version = fields.Integer(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class ArticleSummarySchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(dump_only=True)
    url = fields.String(dump_only=True, allow_none=True)
    outlet = fields.String(dump_only=True, allow_none=True)
    author = fields.String(dump_only=True, allow_none=True)
    published_at = UtcDateTime(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)


class ArticleSchema(ArticleSummarySchema):
    body = fields.String(dump_only=True)
    content_hash = fields.String(dump_only=True)
    claims = fields.List(fields.Nested(ClaimSchema), attribute="public_claims", dump_only=True)


class ClaimUpdateSchema(Schema):
    status = Text(validate=validate.OneOf(STATUSES))
    note = Text(allow_none=True, validate=[validate.Length(max=10000)])
    evidence = fields.List(
        fields.Nested(EvidenceSchema), validate=validate.Length(max=MAX_EVIDENCE)
    )


class ClaimFieldsSchema(Schema):
    """A fact-checker's correction of a claim, or a claim added by hand."""

    text = Text(required=True, validate=[validate.Length(min=1, max=20000), NOT_BLANK])
    start = fields.Integer(validate=validate.Range(min=0, max=MAX_ID))
    source = Text(load_default="", validate=validate.Length(max=300))
    source_kind = Text(load_default="person", validate=validate.OneOf(SOURCE_KINDS))
    cue = Text(load_default="", validate=validate.Length(max=100))
    kind = Text(required=True, validate=validate.OneOf(CLAIM_KINDS))


class DismissalSchema(Schema):
    reason = Text(load_default=None, allow_none=True, validate=validate.Length(max=500))


class ClaimQuerySchema(Schema):
    status = Text(validate=validate.OneOf(STATUSES))
    article = fields.Integer(validate=ID_RANGE)
    source = Text(validate=validate.Length(min=1, max=300))


class ClaimEventSchema(Schema):
    id = fields.Integer(dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    action = fields.String(dump_only=True)
    from_status = fields.String(dump_only=True, allow_none=True)
    to_status = fields.String(dump_only=True)
    note = fields.String(dump_only=True, allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceSchema), dump_only=True, allow_none=True)
    changes = fields.Dict(dump_only=True, allow_none=True)


class ReportQuerySchema(Schema):
    """Filters, grouping and keyset position of the unverified report."""

    article = fields.Integer(validate=ID_RANGE)
    source = Text(validate=validate.Length(min=1, max=300))
    outlet = Text(validate=validate.Length(min=1, max=200))
    author = Text(validate=validate.Length(min=1, max=200))
    source_kind = Text(validate=validate.OneOf(SOURCE_KINDS))
    older_than_days = fields.Integer(validate=validate.Range(min=0, max=36500))
    overdue = fields.Boolean()
    overdue_hours = fields.Integer(validate=validate.Range(min=1, max=876000))
    group = Text(validate=validate.OneOf(("outlet", "author", "source", "source_kind")))
    after = fields.Integer(validate=ID_RANGE)
    before = fields.Integer(validate=ID_RANGE)

    @validates_schema
    def one_direction(self, data, **kwargs):
        if "after" in data and "before" in data:
            raise ValidationError("Give after or before, not both.", "before")


class DashboardQuerySchema(Schema):
    weeks = fields.Integer(load_default=12, validate=validate.Range(min=1, max=104))


class OEmbedQuerySchema(Schema):
    url = Text(required=True, validate=validate.Length(min=1, max=2000))
    format = Text(load_default="json")
    maxwidth = fields.Integer(validate=validate.Range(min=1))
    maxheight = fields.Integer(validate=validate.Range(min=1))


class TokenRequestSchema(Schema):
    username = Text(required=True, validate=[validate.Length(min=1, max=64)])
    password = Text(required=True, load_only=True, validate=[validate.Length(min=1)])


class TokenSchema(Schema):
    token = fields.String(dump_only=True)
    expires_at = UtcDateTime(dump_only=True, allow_none=True)
    role = fields.String(dump_only=True)


class ErrorDetailSchema(Schema):
    code = fields.Integer()
    message = fields.String()
    fields = fields.Dict()


class ErrorSchema(Schema):
    error = fields.Nested(ErrorDetailSchema)
