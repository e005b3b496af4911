"""One client shared by many threads or tasks: no cross-talk, every launch reserved exactly once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import anyio
import pytest

from adaption import Adaption, AsyncAdaption
from adaption.testing import DEMO_KEY, LocalAPI

MAPPING = {"prompt": "question"}


@pytest.fixture
def rich_api(local_api: LocalAPI) -> LocalAPI:
    local_api.add_key(DEMO_KEY, 1_000_000)
    return local_api


def test_16_threads_200_launches(rich_api: LocalAPI, base_url: str) -> None:
    """One sync client, 16 threads, 200 launches: 200 distinct reservations, each answered to its own caller."""
    with Adaption(api_key=DEMO_KEY, base_url=base_url) as client:

        def launch(index: int) -> tuple[str, str | None]:
            raw = client.datasets.with_raw_response.run(
                "ds_demo", column_mapping=MAPPING, job_specification={"max_rows": index + 1}
            )
            run = raw.parse()
            # No cross-talk: the answer priced this call's own max_rows (1 row = 0.013125 credits).
            assert run.estimated_credits_consumed == round((index + 1) * 0.01 * 1.3125, 2)
            return raw.idempotency_key or "", run.run_id

        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(launch, range(200)))
    keys = [key for key, _ in results]
    assert len(set(keys)) == 200
    assert len(rich_api.ledger.reservations) == 200
    assert sorted(r.idempotency_key or "" for r in rich_api.ledger.reservations) == sorted(keys)
    assert len({run_id for _, run_id in results}) == 200


def test_concurrent_launches_with_one_key_reserve_once(rich_api: LocalAPI, base_url: str) -> None:
    """16 threads launching the same body with the same key: one reservation, and all get the same run."""
    barrier = threading.Barrier(16)
    with Adaption(api_key=DEMO_KEY, base_url=base_url) as client:

        def launch(_: int) -> str | None:
            barrier.wait()
            return client.datasets.run(
                "ds_demo", column_mapping=MAPPING, job_specification={"idempotency_key": "shared-key"}
            ).run_id

        with ThreadPoolExecutor(max_workers=16) as pool:
            run_ids = set(pool.map(launch, range(16)))
    assert len(run_ids) == 1
    assert len(rich_api.ledger.reservations) == 1


@pytest.mark.anyio
async def test_50_tasks_share_one_async_client(rich_api: LocalAPI, base_url: str) -> None:
    """50 asyncio tasks on one AsyncAdaption: 50 distinct runs, each task gets its own answer."""
    results: dict[int, str | None] = {}
    async with AsyncAdaption(api_key=DEMO_KEY, base_url=base_url) as client:

        async def launch(index: int) -> None:
            run = await client.datasets.run(
                "ds_demo", column_mapping=MAPPING, job_specification={"max_rows": index + 1}
            )
            assert run.estimated_credits_consumed == round((index + 1) * 0.01 * 1.3125, 2)
            results[index] = run.run_id

        async with anyio.create_task_group() as group:
            for index in range(50):
                group.start_soon(launch, index)
    assert len(set(results.values())) == 50
    assert len(rich_api.ledger.reservations) == 50
