"""The fact-checkers' workspace: the queue, adding articles, reviewing, correcting, assigning."""

from verify.web.workspace import articles, assign, corrections, queue, review

WORKSPACE_BLUEPRINTS = (review.bp, queue.bp, corrections.bp, assign.bp, articles.bp)
