"""One logical API call, without I/O: the frozen request, the deadline, and what to do after each attempt.

The sync and async clients share all of this; each only sends, reads and sleeps (`_client.py`). Keeping the
decisions here means both loops retry, time out and raise in exactly the same way.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any

import httpx

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    error_fields,
    status_error_class,
)
from ._logging import logger
from ._retry import MAX_SERVER_WAIT, backoff, parse_retry_after, should_retry


class Retry:
    """Sleep `wait` seconds, then send the same request again."""

    __slots__ = ("wait",)

    def __init__(self, wait: float) -> None:
        self.wait = wait


class Done:
    """The call succeeded with this response, its body already read."""

    __slots__ = ("response",)

    def __init__(self, response: httpx.Response) -> None:
        self.response = response


class Call:
    """The state of one call across its attempts. Not shared between calls, so clients are thread-safe."""

    def __init__(
        self,
        *,
        method: str,
        url: httpx.URL,
        content: bytes,
        headers: httpx.Headers,
        timeout: httpx.Timeout,
        deadline: float | None,
        max_retries: int,
        idempotency_key: str | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.method = method
        self.url = url
        self.content = content  # frozen: every attempt sends these exact bytes
        self.headers = headers
        self.timeout: dict[str, float | None] = timeout.as_dict()
        self.max_retries = max_retries
        self.idempotency_key = idempotency_key
        self.retries_taken = 0
        self.clock = clock
        self.started = clock()
        self.deadline = None if deadline is None else self.started + deadline
        self.last_request: httpx.Request | None = None

    # --- before an attempt -------------------------------------------------------------------------------
    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - self.clock()

    def build(self) -> httpx.Request:
        """The request for the next attempt, its timeouts capped by what remains of the deadline.

        Built directly rather than with `Client.build_request`: the headers were merged once per client, and the
        URL was parsed once per dataset, so an attempt only pays for the request object itself.
        """
        timeout = self.timeout
        remaining = self.remaining()
        if remaining is not None:
            if remaining <= 0:
                raise self.timed_out()
            timeout = {key: remaining if value is None else min(value, remaining) for key, value in timeout.items()}
        request = httpx.Request(
            self.method, self.url, headers=self.headers, content=self.content, extensions={"timeout": timeout}
        )
        self.last_request = request
        return request

    def check_deadline(self) -> None:
        """Raise APITimeoutError once the deadline has passed; called between body chunks against trickling."""
        if self.deadline is not None and self.clock() >= self.deadline:
            raise self.timed_out()

    # --- after an attempt --------------------------------------------------------------------------------
    def after_response(self, response: httpx.Response) -> Retry | Done:
        """Decide on a complete response: done, retry, or raise the error it maps to."""
        status = response.status_code
        if logger.isEnabledFor(logging.INFO):
            self._log(status=status, request_id=response.headers.get("x-request-id"))
        if 200 <= status < 300:
            return Done(response)
        error = self.status_error(response)
        if not should_retry(status, response.headers) or self.retries_taken >= self.max_retries:
            raise error
        wait = error.retry_after if error.retry_after is not None else backoff(self.retries_taken)
        return self._retry_or_raise(wait, error, server_directed=error.retry_after is not None)

    def after_transport_error(self, exc: httpx.TransportError) -> Retry:
        """A connection error or timeout: retry within the deadline, else raise what it maps to."""
        request = self.last_request or httpx.Request(self.method, self.url)
        error: APIConnectionError
        if isinstance(exc, httpx.TimeoutException):
            error = APITimeoutError(request, idempotency_key=self.idempotency_key)
        else:
            error = APIConnectionError(
                request, message=f"Connection error: {type(exc).__name__}.", idempotency_key=self.idempotency_key
            )
        if logger.isEnabledFor(logging.INFO):
            self._log(error=type(exc).__name__)
        if self.retries_taken >= self.max_retries:
            raise error from exc
        return self._retry_or_raise(backoff(self.retries_taken), error, server_directed=False, cause=exc)

    def _retry_or_raise(
        self, wait: float, error: APIError, *, server_directed: bool, cause: BaseException | None = None
    ) -> Retry:
        remaining = self.remaining()
        if server_directed and wait > (MAX_SERVER_WAIT if remaining is None else remaining):
            # The service asked for a longer wait than the call may take: say so (`retry_after`) rather than sleep.
            raise error from cause
        if remaining is not None and wait >= remaining:
            # Sleeping into the deadline would only hide this error behind a timeout.
            raise error from cause
        self.retries_taken += 1
        logger.info(
            "retrying %s %s in %.2f s (attempt %d of %d)",
            self.method,
            _path(self.url),
            wait,
            self.retries_taken + 1,
            self.max_retries + 1,
        )
        return Retry(wait)

    def timed_out(self) -> APITimeoutError:
        request = self.last_request or httpx.Request(self.method, self.url)
        return APITimeoutError(
            request,
            message="Request timed out: the call's deadline passed"
            + (" (the launch may have started; retry with the same idempotency key)." if self.idempotency_key else "."),
            idempotency_key=self.idempotency_key,
        )

    def status_error(self, response: httpx.Response) -> APIStatusError:
        body = decode_body(response)
        code, message, param, request_id = error_fields(body)
        request_id = request_id or response.headers.get("x-request-id")
        status = response.status_code
        if message is None:
            if 300 <= status < 400:
                message = (
                    f"Redirect to {response.headers.get('location', '?')} not followed: the API key is only "
                    "sent to the configured base URL."
                )
            else:
                message = response.reason_phrase or "HTTP error"
                if isinstance(body, str) and (title := _html_title(body)) is not None:
                    message += f": an HTML page ({title!r}), probably from a proxy in front of the API"
                elif body:
                    message += f": {_snippet(body)}"
        retry_after = parse_retry_after(response.headers)
        return status_error_class(status)(
            message,
            response=response,
            body=body,
            code=code,
            param=param,
            request_id=request_id,
            retry_after=retry_after,
            idempotency_key=self.idempotency_key,
        )

    def _log(self, **facts: object) -> None:
        """One INFO line per attempt; callers check the level first, so a quiet logger costs nothing."""
        elapsed = (self.clock() - self.started) * 1000
        details = " ".join(f"{key}={value}" for key, value in facts.items() if value is not None)
        logger.info(
            "%s %s attempt=%d elapsed_ms=%.1f %s",
            self.method,
            _path(self.url),
            self.retries_taken + 1,
            elapsed,
            details,
        )


def parse_json_response(response: httpx.Response, schema: str, idempotency_key: str | None) -> dict[str, Any]:
    """The JSON body of a 2xx response, checked against the named response schema."""
    try:
        body = json.loads(response.content)
    except ValueError:
        text = response.content.decode("utf-8", "replace")
        kind = response.headers.get("content-type", "no content type")
        raise APIResponseValidationError(
            response,
            f"The response to a successful request is not JSON ({kind}): {_snippet(text)!r}",
            body=text,
            idempotency_key=idempotency_key,
        ) from None
    from ._spec import validator  # the spec's tables load on the first call, not on `import adaption`
    from ._validation import SchemaViolation

    try:
        converted: dict[str, Any] = validator().convert(body, {"$ref": schema}, "")
    except SchemaViolation as exc:
        raise APIResponseValidationError(
            response,
            f"The response breaks the API's {schema} schema: {exc}",
            body=body,
            field=exc.path or None,
            idempotency_key=idempotency_key,
        ) from None
    return converted


def decode_body(response: httpx.Response) -> object | None:
    """The body as JSON where it is JSON, else as text, else None."""
    if not response.content:
        return None
    try:
        body: object = json.loads(response.content)
    except ValueError:
        return response.content.decode("utf-8", "replace")
    return body


def _snippet(body: object, limit: int = 200) -> str:
    text = " ".join(str(body).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _html_title(text: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    if match is not None:
        return " ".join(match.group(1).split())
    return "untitled" if re.match(r"\s*<(!doctype\s+)?html", text, re.IGNORECASE) else None


def _path(url: httpx.URL) -> str:
    return url.raw_path.decode("ascii")
