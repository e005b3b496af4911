"""End-to-end fixtures: the local Adaption API on a real socket, clients over it, and a conformance check.

Every exchange the API answers in a test is validated against openapi.yaml with openapi-core (an independent
validator) when the test ends.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from adaption import Adaption, AsyncAdaption
from adaption.testing import DEMO_KEY, LocalAPI, serve
from adaption.testing._api import Reply, Request

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


@pytest.fixture(scope="session")
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(SPEC))


@dataclass
class _OpenAPIRequest:
    """A recorded request in openapi-core's protocol; the host is the spec's server (only the path matters)."""

    request: Request
    host_url: str = "https://api.prod.adaptionlabs.ai"

    @property
    def path(self) -> str:
        return self.request.path.split("?", 1)[0]

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def parameters(self) -> RequestParameters:
        return RequestParameters(query=ImmutableMultiDict(), header=Headers(dict(self.request.headers)))

    @property
    def content_type(self) -> str:
        return self.request.headers.get("content-type", "application/json")

    @property
    def body(self) -> bytes:
        return self.request.body


@dataclass
class _OpenAPIResponse:
    reply: Reply

    @property
    def status_code(self) -> int:
        return self.reply.status

    @property
    def headers(self) -> Headers:
        return Headers(list(self.reply.headers))

    @property
    def content_type(self) -> str:
        return dict(self.reply.headers).get("content-type", "")

    @property
    def data(self) -> bytes:
        return self.reply.body


def assert_conforms(openapi: OpenAPI, api: LocalAPI) -> int:
    """Validate every response the API sent against the spec; returns how many were checked."""
    for request, reply in api.exchanges:
        openapi.validate_response(_OpenAPIRequest(request), _OpenAPIResponse(reply))
    return len(api.exchanges)


@pytest.fixture
def local_api(openapi: OpenAPI) -> Iterator[LocalAPI]:
    api = LocalAPI(seed=1234)
    yield api
    assert_conforms(openapi, api)


@pytest.fixture
def base_url(local_api: LocalAPI) -> Iterator[str]:
    with serve(local_api) as url:
        yield url


@pytest.fixture
def http_client(base_url: str) -> Iterator[Adaption]:
    with Adaption(api_key=DEMO_KEY, base_url=base_url, timeout=10) as client:
        yield client


@pytest.fixture
async def async_http_client(base_url: str) -> AsyncIterator[AsyncAdaption]:
    async with AsyncAdaption(api_key=DEMO_KEY, base_url=base_url, timeout=10) as client:
        yield client


@pytest.fixture(params=["sync", "async"])
def runner(request: pytest.FixtureRequest, base_url: str) -> Iterator[Any]:
    """Calls `client.datasets.run` (or its raw twin) with the sync or the async client, the same way."""
    yield Runner(request.param, base_url)


class Runner:
    """One call shape for both clients, so that every e2e case runs against each."""

    def __init__(self, mode: str, base_url: str) -> None:
        self.mode = mode
        self.base_url = base_url

    def __call__(
        self, dataset_id: str, *, raw: bool = False, client_options: dict[str, Any] | None = None, **params: Any
    ) -> Any:
        options = {"api_key": DEMO_KEY, "base_url": self.base_url, "timeout": 10, **(client_options or {})}
        if self.mode == "sync":
            with Adaption(**options) as client:
                datasets = client.datasets.with_raw_response if raw else client.datasets
                return datasets.run(dataset_id, **params)

        import anyio

        async def call() -> Any:
            async with AsyncAdaption(**options) as client:
                datasets = client.datasets.with_raw_response if raw else client.datasets
                return await datasets.run(dataset_id, **params)

        return anyio.run(call)
