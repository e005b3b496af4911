"""pytest fixtures for code that uses the SDK. Enable in your top-level conftest.py:

    pytest_plugins = ["adaption.testing.pytest_plugin"]

Then:

    def test_my_pipeline(adaption_api, adaption_client):
        adaption_api.faults.add(Fault.reset_after())
        my_pipeline(adaption_client)
        assert len(adaption_api.ledger.reservations) == 1

Fixtures: `adaption_api` (a fresh, seeded LocalAPI), `adaption_base_url` (it served on 127.0.0.1), and
`adaption_client` / `adaption_async_client` (clients with the demo key, over real HTTP). Setting the environment
for code that builds its own client: `adaption_env` exports ADAPTION_BASE_URL and ADAPTION_API_KEY.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from adaption import Adaption, AsyncAdaption

from ._api import DEMO_KEY, LocalAPI
from ._server import serve


@pytest.fixture
def adaption_api() -> LocalAPI:
    """A fresh local Adaption API (seed 0): the demo catalogue, the demo key, an empty ledger."""
    return LocalAPI(seed=0)


@pytest.fixture
def adaption_base_url(adaption_api: LocalAPI) -> Iterator[str]:
    """adaption_api served over HTTP on 127.0.0.1 for the test's duration."""
    with serve(adaption_api) as base_url:
        yield base_url


@pytest.fixture
def adaption_env(adaption_base_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """ADAPTION_BASE_URL and ADAPTION_API_KEY pointed at the local API, for code that calls `Adaption()`."""
    monkeypatch.setenv("ADAPTION_BASE_URL", adaption_base_url)
    monkeypatch.setenv("ADAPTION_API_KEY", DEMO_KEY)
    return adaption_base_url


@pytest.fixture
def adaption_client(adaption_base_url: str) -> Iterator[Adaption]:
    with Adaption(api_key=DEMO_KEY, base_url=adaption_base_url) as client:
        yield client


@pytest.fixture
async def adaption_async_client(adaption_base_url: str) -> AsyncIterator[AsyncAdaption]:
    async with AsyncAdaption(api_key=DEMO_KEY, base_url=adaption_base_url) as client:
        yield client
