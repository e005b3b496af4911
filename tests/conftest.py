"""Fixtures shared by every test: a recording in-process transport and clients wired to it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from adaption import Adaption, AsyncAdaption

API_KEY = "sk-test-0123456789"
OK_ESTIMATE = {"estimate": True, "estimatedCreditsConsumed": 12.5, "estimatedMinutes": 3, "run_id": None}
OK_RUN = {
    "estimate": False,
    "estimatedCreditsConsumed": 12.5,
    "estimatedMinutes": 3,
    "run_id": "dataset-550e8400-e29b-41d4-a716-446655440000-1712234567890",
}

Reply = httpx.Response | Callable[[httpx.Request], httpx.Response] | Exception


class Recorder:
    """An httpx transport that records each request and answers from a script (then with a 200 run)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.script: list[Reply] = []

    def reply(self, *replies: Reply) -> Recorder:
        self.script.extend(replies)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        reply: Reply
        if self.script:
            reply = self.script.pop(0)
        else:
            body = json.loads(request.content or b"{}")
            reply = httpx.Response(200, json=OK_ESTIMATE if body.get("estimate") else OK_RUN)
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(request)
        return reply

    @property
    def bodies(self) -> list[Any]:
        return [json.loads(request.content) for request in self.requests]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(recorder: Recorder) -> Iterator[Adaption]:
    with Adaption(
        api_key=API_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        max_retries=2,
    ) as client:
        yield client


@pytest.fixture
def async_client(recorder: Recorder) -> AsyncAdaption:
    return AsyncAdaption(api_key=API_KEY, http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)))


@pytest.fixture(autouse=True)
def _no_ambient_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up a developer's real key or base URL, nor sleep through backoff."""
    monkeypatch.delenv("ADAPTION_API_KEY", raising=False)
    monkeypatch.delenv("ADAPTION_BASE_URL", raising=False)
    monkeypatch.delenv("ADAPTION_LOG", raising=False)


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record backoff sleeps instead of sleeping."""
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    return slept


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
