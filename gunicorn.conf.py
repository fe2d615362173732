"""gunicorn reads this file from the working directory: warn when workers count apart."""

import os

from verify.config import memory_limit_warning


def on_starting(server):
    """Say so at start when several workers would each keep their own sign-in counts."""
    warning = memory_limit_warning(server.cfg.workers, os.environ)
    if warning:
        server.log.warning(warning)
