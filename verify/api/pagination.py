"""Paging that never asks the database for an offset past the last row."""

from sqlalchemy import Select, func, select

from verify.extensions import db


def page_items(query: Select, pagination_parameters) -> list:
    """Return one page of query's rows and record the total for X-Pagination."""
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    pagination_parameters.item_count = total
    offset = (pagination_parameters.page - 1) * pagination_parameters.page_size
    if offset >= total:
        return []
    page = query.limit(pagination_parameters.page_size).offset(offset)
    return list(db.session.scalars(page))
