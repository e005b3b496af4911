"""Retries: which failures are retried, how long we wait, and that a retried launch is the same launch."""

from __future__ import annotations

import email.utils
import random
import time
from typing import Any

import httpx
import pytest

import adaption
from adaption import Adaption
from adaption._retry import backoff, parse_retry_after

RUN = {"column_mapping": {"prompt": "question"}}


def error(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, json={"code": "x", "message": f"failure {status}", "request_id": "req_1"}, headers=headers
    )


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
@pytest.mark.parametrize("failures_before_success", [1, 2])
def test_retryable_statuses(
    status: int, failures_before_success: int, client: Adaption, recorder: Any, no_sleep: list[float]
) -> None:
    """408, 429 and 5xx are retried, and every attempt sends byte-identical JSON with the same key."""
    recorder.reply(*[error(status)] * failures_before_success)
    raw = client.datasets.with_raw_response.run("ds", **RUN)
    assert raw.retries_taken == failures_before_success
    assert len(recorder.requests) == failures_before_success + 1
    assert len({request.content for request in recorder.requests}) == 1
    assert recorder.bodies[0]["job_specification"]["idempotency_key"] == raw.idempotency_key
    assert len(no_sleep) == failures_before_success


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, adaption.BadRequestError),
        (401, adaption.AuthenticationError),
        (402, adaption.InsufficientCreditsError),
        (403, adaption.PermissionDeniedError),
        (404, adaption.NotFoundError),
        (409, adaption.ConflictError),
        (422, adaption.UnprocessableEntityError),
    ],
)
def test_client_errors_are_not_retried(
    status: int, error_class: type[Exception], client: Adaption, recorder: Any
) -> None:
    """4xx answers are final: one request, the matching error class, carrying the launch's key."""
    recorder.reply(error(status, **{"x-should-retry": "true"}))
    with pytest.raises(error_class) as info:
        client.datasets.run("ds", **RUN)
    assert len(recorder.requests) == 1
    assert info.value.idempotency_key == recorder.bodies[0]["job_specification"]["idempotency_key"]  # type: ignore[attr-defined]


def test_retries_run_out(client: Adaption, recorder: Any, no_sleep: list[float]) -> None:
    """After max_retries the last error is raised: 3 attempts in all by default."""
    recorder.reply(*[error(503)] * 3)
    with pytest.raises(adaption.InternalServerError):
        client.datasets.run("ds", **RUN)
    assert len(recorder.requests) == 3 and len(no_sleep) == 2


def test_per_call_max_retries(client: Adaption, recorder: Any, no_sleep: list[float]) -> None:
    recorder.reply(error(503))
    with pytest.raises(adaption.InternalServerError):
        client.datasets.run("ds", max_retries=0, **RUN)
    assert len(recorder.requests) == 1


def test_server_can_veto_a_retry(client: Adaption, recorder: Any) -> None:
    """x-should-retry: false stops the retry of a 503."""
    recorder.reply(error(503, **{"x-should-retry": "false"}))
    with pytest.raises(adaption.InternalServerError):
        client.datasets.run("ds", **RUN)
    assert len(recorder.requests) == 1


def test_connection_errors_are_retried_then_raised(client: Adaption, recorder: Any, no_sleep: list[float]) -> None:
    """Connection errors are retried; when they persist, APIConnectionError carries the key and the cause."""
    request = httpx.Request("POST", "https://x")
    recorder.reply(*[httpx.ConnectError("refused", request=request)] * 3)
    with pytest.raises(adaption.APIConnectionError) as info:
        client.datasets.run("ds", **RUN)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert info.value.idempotency_key == recorder.bodies[0]["job_specification"]["idempotency_key"]
    assert len({r.content for r in recorder.requests}) == 1 and len(recorder.requests) == 3


def test_timeouts_become_api_timeout_errors(client: Adaption, recorder: Any, no_sleep: list[float]) -> None:
    request = httpx.Request("POST", "https://x")
    recorder.reply(httpx.ReadTimeout("slow", request=request), httpx.ReadTimeout("slow", request=request))
    raw = client.datasets.with_raw_response.run("ds", **RUN)
    assert raw.retries_taken == 2
    recorder.reply(*[httpx.ReadTimeout("slow", request=request)] * 3)
    with pytest.raises(adaption.APITimeoutError):
        client.datasets.run("ds", **RUN)


def test_retry_after_is_honoured(client: Adaption, recorder: Any, no_sleep: list[float]) -> None:
    """The service's Retry-After (and retry-after-ms, which wins) sets the wait instead of the backoff."""
    recorder.reply(error(429, **{"retry-after": "1.5"}), error(503, **{"retry-after-ms": "250", "retry-after": "9"}))
    client.datasets.run("ds", **RUN)
    assert no_sleep == [1.5, 0.25]


def test_retry_after_beyond_the_deadline_raises_at_once(recorder: Any, no_sleep: list[float]) -> None:
    """A wait longer than what remains of the deadline raises RateLimitError with retry_after; no sleep."""
    client = Adaption(api_key="k", timeout=5, http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    recorder.reply(error(429, **{"retry-after": "30"}))
    with pytest.raises(adaption.RateLimitError) as info:
        client.datasets.run("ds", **RUN)
    assert info.value.retry_after == 30 and no_sleep == []
    assert "retry after 30 s" in str(info.value)


def test_backoff_that_would_outlast_the_deadline_raises(recorder: Any, no_sleep: list[float]) -> None:
    """With 0.3 s left, a 0.5 s backoff is pointless: the 503 is raised instead of a later timeout."""
    client = Adaption(api_key="k", timeout=0.3, http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    recorder.reply(error(503))
    with pytest.raises(adaption.InternalServerError):
        client.datasets.run("ds", **RUN)
    assert no_sleep == [] and len(recorder.requests) == 1


def test_estimates_carry_no_key(client: Adaption, recorder: Any) -> None:
    raw = client.datasets.with_raw_response.run("ds", estimate=True, column_mapping={"prompt": "q"})
    assert raw.idempotency_key is None
    assert "job_specification" not in recorder.bodies[0]


def test_each_call_gets_its_own_key(client: Adaption, recorder: Any) -> None:
    """Two launches are two runs: a key is made per call, not per client."""
    client.datasets.run("ds", **RUN)
    client.datasets.run("ds", **RUN)
    keys = [body["job_specification"]["idempotency_key"] for body in recorder.bodies]
    assert len(set(keys)) == 2


def test_callers_key_is_kept(client: Adaption, recorder: Any) -> None:
    raw = client.datasets.with_raw_response.run("ds", job_specification={"idempotency_key": "mine"}, **RUN)
    assert raw.idempotency_key == "mine"
    assert recorder.bodies[0]["job_specification"] == {"idempotency_key": "mine"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"estimate": True, "estimatedMinutes": 1, "run_id": None}, "estimatedCreditsConsumed"),
        ({"estimate": "yes", "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": None}, "estimate"),
        (
            {"estimate": False, "estimatedCreditsConsumed": None, "estimatedMinutes": 1, "run_id": "r"},
            "estimatedCreditsConsumed",
        ),
        ({"estimate": False, "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": 7}, "run_id"),
    ],
)
def test_2xx_breaking_the_spec_names_the_field(
    body: dict[str, Any], field: str, client: Adaption, recorder: Any
) -> None:
    """A 2xx body missing a field or with a wrong type raises APIResponseValidationError naming it; no retry."""
    recorder.reply(httpx.Response(200, json=body))
    with pytest.raises(adaption.APIResponseValidationError) as info:
        client.datasets.run("ds", **RUN)
    assert info.value.field == field and field in str(info.value)
    assert info.value.idempotency_key and len(recorder.requests) == 1


def test_2xx_html_page(client: Adaption, recorder: Any) -> None:
    recorder.reply(httpx.Response(200, text="<html><title>Login</title></html>", headers={"content-type": "text/html"}))
    with pytest.raises(adaption.APIResponseValidationError, match=r"not JSON \(text/html\)") as info:
        client.datasets.run("ds", **RUN)
    assert info.value.body == "<html><title>Login</title></html>"


NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": " 0.5 "}, 0.5),
        ({"retry-after": email.utils.formatdate(NOW + 30, usegmt=True)}, 30.0),
        ({"retry-after": email.utils.formatdate(NOW - 30, usegmt=True)}, 0.0),
        ({"retry-after-ms": "garbage", "retry-after": "3"}, 3.0),
        ({"retry-after": "garbage"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "-5"}, None),
        ({"retry-after": "1e400"}, None),
        ({"retry-after": "Wed, 99 Foo 2025 99:99:99 GMT"}, None),
        ({"retry-after": ""}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    """Milliseconds, seconds and HTTP dates are read; garbage, inf, nan, negative and overflow are ignored."""
    assert parse_retry_after(httpx.Headers(headers), now=NOW) == expected


def test_huge_retry_after_does_not_crash(client: Adaption, recorder: Any, no_sleep: list[float]) -> None:
    """A 1e308-second Retry-After is reported, not slept on."""
    recorder.reply(error(429, **{"retry-after": "1e308"}))
    with pytest.raises(adaption.RateLimitError) as info:
        client.datasets.run("ds", **RUN)
    assert info.value.retry_after == 1e308 and no_sleep == []


def test_backoff_doubles_with_jitter_and_caps_at_8s() -> None:
    rng = random.Random(0)
    for retries, full in enumerate([0.5, 1, 2, 4, 8, 8, 8]):
        waits = [backoff(retries, rng) for _ in range(200)]
        assert all(0.75 * full <= wait <= full for wait in waits)
        assert max(waits) - min(waits) > 0.1 * full  # jitter spreads clients out
    assert backoff(10_000) <= 8


def test_sleep_is_real_time_sleep(client: Adaption, recorder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loop sleeps through time.sleep (what the other tests record)."""
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    recorder.reply(error(503, **{"retry-after": "0.01"}))
    client.datasets.run("ds", **RUN)
    assert slept == [0.01]


@pytest.mark.parametrize("extra", [{"x": float("nan")}, {"x": object()}])
def test_extra_body_that_is_not_json_fails_before_sending(
    extra: dict[str, Any], client: Adaption, recorder: Any
) -> None:
    with pytest.raises(adaption.InvalidParameterError, match="extra_body: is not JSON"):
        client.datasets.run("ds", extra_body=extra, **RUN)
    assert recorder.requests == []


def test_max_credits_with_an_estimate_checks_that_one_quote(client: Adaption, recorder: Any) -> None:
    """With estimate=True, max_credits checks the quote itself: one request, over budget raises, within returns it."""
    with pytest.raises(adaption.BudgetExceededError, match=r"12\.5 credits, above max_credits=10"):
        client.datasets.run("ds", estimate=True, max_credits=10)
    quote = client.datasets.run("ds", estimate=True, max_credits=20)
    assert quote.estimated_credits_consumed == 12.5 and len(recorder.requests) == 2
