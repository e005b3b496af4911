"""Retry policy as pure functions, shared by the sync and the async client."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import random

# 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s ...: long enough for a proxy to come back, short enough for a notebook.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# Without a deadline, a server-directed wait is honoured up to two minutes; beyond that the error is raised
# with `.retry_after` so that the caller decides.
MAX_SERVER_WAIT = 120.0

RETRY_STATUSES = frozenset({408, 429})
NEVER_RETRY_STATUSES = frozenset({400, 401, 402, 403, 404, 409, 422})


def should_retry(status_code: int, headers: Mapping[str, str]) -> bool:
    """Whether a response with this status may be retried (the body, frozen, makes a retried launch safe)."""
    if status_code in NEVER_RETRY_STATUSES:
        return False
    # The service may say otherwise, for statuses it knows more about than we do.
    hint = headers.get("x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return status_code in RETRY_STATUSES or status_code >= 500


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The wait in seconds that the response asks for, or None when it asks for none or makes no sense.

    `retry-after-ms` (milliseconds) wins over `Retry-After`, which is seconds or an HTTP date. Garbage, NaN,
    infinities and negative values count as no answer; a date in the past counts as 0.
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        seconds = _finite(raw_ms)
        if seconds is not None:
            return seconds / 1000.0
    raw = headers.get("retry-after")
    if raw is None:
        return None
    seconds = _finite(raw)
    if seconds is not None:
        return seconds
    import email.utils  # HTTP dates are rare; seconds are the common form

    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive one is read as such
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _finite(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return value


def backoff(retries_taken: int, rng: random.Random | None = None) -> float:
    """Exponential backoff 0.5 s * 2^n capped at 8 s, less up to 25 % jitter so that clients spread out."""
    import random as default_rng  # only when a retry happens

    delay = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 32), MAX_RETRY_DELAY)
    return delay * (1.0 - 0.25 * (rng or default_rng).random())
