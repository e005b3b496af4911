"""`RawResponse`: the HTTP response behind a call, for `with_raw_response`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import httpx

T = TypeVar("T")

__all__ = ["RawResponse"]


class RawResponse(Generic[T]):
    """The HTTP response of a successful call, with what the SDK knows about how it got there.

    Attributes:
        http_response: the httpx response, its body read.
        retries_taken: how many retries the call needed (0 when the first attempt succeeded).
        idempotency_key: the key the launch was sent with, or None for an estimate.
    """

    def __init__(
        self,
        http_response: httpx.Response,
        *,
        parser: Callable[[httpx.Response], T],
        retries_taken: int,
        idempotency_key: str | None,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        self.idempotency_key = idempotency_key
        self._parser = parser
        self._parsed: T | None = None

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.http_response.headers.get("x-request-id")
        return request_id

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def parse(self) -> T:
        """The typed result, validated against the spec (parsed once, then cached)."""
        if self._parsed is None:
            self._parsed = self._parser(self.http_response)
        return self._parsed

    def __repr__(self) -> str:
        return (
            f"<RawResponse [{self.status_code}] retries_taken={self.retries_taken} "
            f"idempotency_key={self.idempotency_key!r}>"
        )
