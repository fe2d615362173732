"""Paging that never asks the database for an offset past the last row."""

from sqlalchemy import Select, func, select
from werkzeug.routing import IntegerConverter

from verify.extensions import db
from verify.schemas import MAX_ID


class IdConverter(IntegerConverter):
    """Integer ids in URLs, bounded so out-of-range numbers are a 404, not an overflow."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def id_parameter_schema(converter) -> dict:
    return {"type": "integer", "minimum": 1, "maximum": MAX_ID}


def page_items(query: Select, pagination_parameters) -> list:
    """Return one page of query's rows and record the total for X-Pagination."""
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    pagination_parameters.item_count = total
    offset = (pagination_parameters.page - 1) * pagination_parameters.page_size
    if offset >= total:
        return []
    page = query.limit(pagination_parameters.page_size).offset(offset)
    return list(db.session.scalars(page))
