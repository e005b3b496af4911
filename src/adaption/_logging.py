"""The SDK's logger. It never configures the root logger; `ADAPTION_LOG=info|debug` opts in to a stderr handler."""

from __future__ import annotations

import logging
import os

logger = logging.getLogger("adaption")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_configured = False


def setup_from_env() -> None:
    """Attach one stderr handler to the `adaption` logger when ADAPTION_LOG asks for it; once per process."""
    global _configured  # noqa: PLW0603 - one process-wide switch, as logging itself is process-wide
    if _configured:
        return
    _configured = True
    level = _LEVELS.get(os.environ.get("ADAPTION_LOG", "").strip().lower())
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(levelname)s %(name)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
