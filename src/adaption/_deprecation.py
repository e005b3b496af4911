"""Deprecation warnings driven by the spec (`deprecated: true` with `x-replacement`): once per process each."""

from __future__ import annotations

import sys
import threading
import warnings

_warned: set[str] = set()
_lock = threading.Lock()


class AdaptionDeprecationWarning(DeprecationWarning):
    """An operation or parameter the API has deprecated; the message names what replaces it."""


def warn_once(key: str, message: str) -> None:
    """Warn with message the first time key is seen in this process, pointing at the caller's line."""
    with _lock:
        if key in _warned:
            return
        _warned.add(key)
    warnings.warn(message, AdaptionDeprecationWarning, stacklevel=_caller_stacklevel())


def _caller_stacklevel() -> int:
    """How many frames up the first frame outside this SDK is, so the warning names the user's line."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] in ("adaption", "adaption_api"):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level
