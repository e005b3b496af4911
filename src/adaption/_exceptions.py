"""Every error the SDK raises. Class names match the Stainless-generated SDKs, so `except` clauses carry over.

    AdaptionError
    ├── InvalidParameterError          bad input, raised before any request is sent (also a ValueError)
    ├── BudgetExceededError            the quote is above `max_credits`; nothing was launched
    └── APIError                       something happened on the wire
        ├── APIConnectionError         no response: the launch may or may not have started
        │   └── APITimeoutError
        ├── APIResponseValidationError a 2xx whose body breaks the spec (the launch happened)
        └── APIStatusError             a non-2xx response
            ├── BadRequestError                400
            ├── AuthenticationError            401
            ├── InsufficientCreditsError       402
            ├── PermissionDeniedError          403
            ├── NotFoundError                  404
            ├── ConflictError                  409
            ├── UnprocessableEntityError       422
            ├── RateLimitError                 429
            └── InternalServerError            >= 500

Every `APIError` raised by a launch carries `idempotency_key`: call `run` again with it
(`job_specification={"idempotency_key": err.idempotency_key}`) and the service returns the original run instead of
starting a second one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AdaptionError",
    "AuthenticationError",
    "BadRequestError",
    "BudgetExceededError",
    "ConflictError",
    "InsufficientCreditsError",
    "InternalServerError",
    "InvalidParameterError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]


def _one_line(text: str) -> str:
    return " ".join(text.split())


class AdaptionError(Exception):
    """The base of every error the SDK raises."""


class InvalidParameterError(AdaptionError, ValueError):
    """A parameter breaks the API's contract; raised before any request is sent.

    Attributes:
        param: the dotted path of the offending field (`brand_controls.length`).
        allowed: the allowed values or keys, where the contract lists them.
    """

    def __init__(self, param: str, message: str, allowed: Sequence[object] | None = None) -> None:
        self.param = param
        self.allowed = tuple(allowed) if allowed is not None else None
        super().__init__(f"{param}: {message}" if param else message)


class BudgetExceededError(AdaptionError):
    """The estimate for a run is above the caller's `max_credits`; the run was not launched."""

    def __init__(self, *, estimated_credits: float, max_credits: float, dataset_id: str) -> None:
        self.estimated_credits = estimated_credits
        self.max_credits = max_credits
        self.dataset_id = dataset_id
        super().__init__(
            f"run on dataset {dataset_id!r} not launched: the estimate is {estimated_credits:g} credits, "
            f"above max_credits={max_credits:g}"
        )


class APIError(AdaptionError):
    """Something went wrong on the wire.

    Attributes:
        message: what went wrong, in one line.
        request: the last HTTP request sent.
        body: the decoded JSON body of the response, or its text when it is not JSON, or None.
        idempotency_key: the key the launch was sent with (None for estimates); reuse it to retry safely.
    """

    def __init__(
        self,
        message: str,
        request: httpx.Request,
        *,
        body: object | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        self.message = _one_line(message)
        self.request = request
        self.body = body
        self.idempotency_key = idempotency_key
        super().__init__(self.message)

    def __str__(self) -> str:
        if self.idempotency_key is None:
            return self.message
        return f"{self.message} [idempotency_key={self.idempotency_key}]"


class APIConnectionError(APIError):
    """No response was received; for a launch, the run may or may not have started."""

    def __init__(
        self, request: httpx.Request, *, message: str = "Connection error.", idempotency_key: str | None = None
    ) -> None:
        super().__init__(message, request, idempotency_key=idempotency_key)


class APITimeoutError(APIConnectionError):
    """The call's deadline passed before a complete response arrived."""

    def __init__(
        self, request: httpx.Request, *, message: str = "Request timed out.", idempotency_key: str | None = None
    ) -> None:
        super().__init__(request, message=message, idempotency_key=idempotency_key)


class APIResponseValidationError(APIError):
    """A 2xx response whose body breaks the spec. The request succeeded, so it is never retried.

    Attributes:
        response: the HTTP response.
        status_code: its status.
        field: the dotted path of the offending field, or None when the body is not JSON at all.
    """

    def __init__(
        self,
        response: httpx.Response,
        message: str,
        *,
        body: object | None,
        field: str | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.field = field
        super().__init__(message, response.request, body=body, idempotency_key=idempotency_key)


class APIStatusError(APIError):
    """The API answered with a non-2xx status.

    Attributes:
        response: the HTTP response.
        status_code: its status.
        code: the machine-readable error code from the body (`insufficient_credits`), or None.
        param: the offending parameter named by the body, or None.
        request_id: the service's id for the request (body or `X-Request-Id`), or None.
        retry_after: the wait in seconds the service asked for, where it asked for one.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None,
        code: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.code = code
        self.param = param
        self.request_id = request_id
        self.retry_after = retry_after
        super().__init__(message, response.request, body=body, idempotency_key=idempotency_key)

    def __str__(self) -> str:
        facts = [f"status {self.status_code}"]
        if self.code:
            facts.append(f"code {self.code}")
        if self.param:
            facts.append(f"param {self.param}")
        if self.request_id:
            facts.append(f"request_id {self.request_id}")
        if self.retry_after is not None:
            facts.append(f"retry after {self.retry_after:g} s")
        if self.idempotency_key:
            facts.append(f"idempotency_key {self.idempotency_key}")
        return f"{self.message} ({', '.join(facts)})"


class BadRequestError(APIStatusError):
    """400: the request is malformed, names a column the dataset lacks, or a real run has no column mapping."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or unknown."""


class InsufficientCreditsError(APIStatusError):
    """402: the balance cannot cover the run; `body["details"]` says what is required and available."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this."""


class NotFoundError(APIStatusError):
    """404: no dataset has this id."""


class ConflictError(APIStatusError):
    """409: the idempotency key was already used with a different request body."""


class UnprocessableEntityError(APIStatusError):
    """422: the body breaks the API's schema."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` says how long the service asked to wait."""


class InternalServerError(APIStatusError):
    """>= 500: the service failed; a launch's outcome is unknown, so retry with the same idempotency key."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    if status_code >= 500:
        return InternalServerError
    return STATUS_ERRORS.get(status_code, APIStatusError)


def error_fields(body: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """(code, message, param, request_id) from an error body shaped as the spec's ErrorResponse, else Nones."""
    if not isinstance(body, dict):
        return None, None, None, None

    def text(key: str) -> str | None:
        value = body.get(key)
        return value if isinstance(value, str) and value else None

    return text("code"), text("message"), text("param"), text("request_id")
