"""Faults the local API can inject: programmable, one request at a time, or drawn from a seeded RNG.

A fault acts either before the API sees the request (nothing is launched) or after it (the launch is recorded in
the ledger, then the answer goes wrong): the second kind is what makes idempotency keys matter.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass

BEFORE = "before"
AFTER = "after"


@dataclass(frozen=True)
class Fault:
    """One injected fault. Build it with the class methods; `kind` names it in `FaultPlan.history`."""

    kind: str
    phase: str
    status: int = 0
    retry_after: str | None = None
    seconds: float = 0.0
    location: str = ""

    @classmethod
    def status_code(cls, status: int, retry_after: str | None = None) -> Fault:
        """Answer `status` (with `Retry-After` if given) before the API sees the request."""
        return cls(f"status_{status}", BEFORE, status=status, retry_after=retry_after)

    @classmethod
    def html_502(cls) -> Fault:
        """An HTML 502 page, as a proxy in front of the API sends it."""
        return cls("html_502", BEFORE, status=502)

    @classmethod
    def reset_before(cls) -> Fault:
        """Reset the connection before the launch is recorded."""
        return cls("reset_before", BEFORE)

    @classmethod
    def reset_after(cls) -> Fault:
        """Record the launch, then reset the connection without answering."""
        return cls("reset_after", AFTER)

    @classmethod
    def delay_after(cls, seconds: float) -> Fault:
        """Record the launch, then wait before answering (the client times out although the run started)."""
        return cls("delay_after", AFTER, seconds=seconds)

    @classmethod
    def trickle(cls, seconds_per_byte: float) -> Fault:
        """Record the launch, then send the answer one byte at a time."""
        return cls("trickle", AFTER, seconds=seconds_per_byte)

    @classmethod
    def malformed_json(cls) -> Fault:
        """Record the launch, then answer 200 with a body that is not JSON."""
        return cls("malformed_json", AFTER)

    @classmethod
    def truncated_json(cls) -> Fault:
        """Record the launch, then answer 200 with the JSON cut in half."""
        return cls("truncated_json", AFTER)

    @classmethod
    def redirect(cls, location: str) -> Fault:
        """Answer 307 to another origin before the API sees the request."""
        return cls("redirect", BEFORE, status=307, location=location)

    def reply_before(self, request_id: str) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
        """The answer of a fault that acts before the API: (status, headers, body)."""
        headers: tuple[tuple[str, str], ...] = (("x-request-id", request_id),)
        if self.kind == "html_502":
            page = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"  # noqa: E501
            return 502, (("content-type", "text/html"), *headers), page
        if self.kind == "redirect":
            return 307, (("location", self.location), ("content-length", "0"), *headers), b""
        if self.retry_after is not None:
            headers += (("retry-after", self.retry_after),)
        code = {429: "rate_limited", 503: "unavailable"}.get(self.status, "injected_fault")
        body = {"code": code, "message": f"Injected fault: {self.status}.", "param": None, "request_id": request_id}
        return self.status, (("content-type", "application/json"), *headers), json.dumps(body).encode()

    def alter_body(self, body: bytes) -> bytes:
        """The body a fault that acts after the API sends instead of the real one."""
        if self.kind == "malformed_json":
            return b'{"estimate": false, "run_id": <oops>'
        if self.kind == "truncated_json":
            return body[: len(body) // 2]
        return body


class FaultPlan:
    """The faults to inject, in order; thread-safe.

    `add(fault, times=n)` queues a fault for the next n requests; `chaos(probability, kinds)` draws a fault for
    each request from a seeded RNG once the queue is empty, so that a failing run can be replayed exactly.
    """

    def __init__(self, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._queue: list[Fault] = []
        self._rng = random.Random(seed)
        self._chaos: tuple[float, tuple[Fault, ...]] | None = None
        self.history: list[str] = []

    def add(self, *faults: Fault, times: int = 1) -> FaultPlan:
        with self._lock:
            for _ in range(times):
                self._queue.extend(faults)
        return self

    def chaos(self, probability: float, kinds: Iterable[Fault], seed: int | None = None) -> FaultPlan:
        with self._lock:
            if seed is not None:
                self._rng = random.Random(seed)
            self._chaos = (probability, tuple(kinds))
        return self

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self._chaos = None

    def next(self) -> Fault | None:
        """The fault for the next request, or None."""
        with self._lock:
            fault: Fault | None = None
            if self._queue:
                fault = self._queue.pop(0)
            elif self._chaos is not None and self._rng.random() < self._chaos[0]:
                fault = self._rng.choice(self._chaos[1])
            self.history.append(fault.kind if fault else "none")
            return fault
