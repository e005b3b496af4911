"""AsyncAdaption on both event loops anyio supports: asyncio and trio, over real HTTP."""

from __future__ import annotations

import pytest

import adaption
from adaption import AsyncAdaption
from adaption.testing import DEMO_KEY, Fault, LocalAPI


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.anyio
async def test_launch_with_retry(local_api: LocalAPI, base_url: str) -> None:
    """A reset after the launch is retried on either loop, and the run is reserved once."""
    local_api.faults.add(Fault.reset_after())
    async with AsyncAdaption(api_key=DEMO_KEY, base_url=base_url) as client:
        raw = await client.datasets.with_raw_response.run("ds_demo", column_mapping={"prompt": "question"})
    assert raw.retries_taken == 1 and local_api.ledger.runs == [raw.parse().run_id]


@pytest.mark.anyio
async def test_deadline_cancels_a_trickle(local_api: LocalAPI, base_url: str) -> None:
    """The hard deadline cancels a trickling answer on either loop."""
    local_api.faults.add(Fault.trickle(0.05))
    async with AsyncAdaption(api_key=DEMO_KEY, base_url=base_url, timeout=0.5) as client:
        with pytest.raises(adaption.APITimeoutError):
            await client.datasets.run("ds_demo", column_mapping={"prompt": "question"})
