"""adaption.testing in process (LocalTransport) and as a command; and what importing it costs."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import httpx
import pytest

import adaption
from adaption import Adaption, AsyncAdaption
from adaption.testing import DEMO_KEY, Fault, LocalAPI


def test_in_process_sync() -> None:
    """The same rules without a socket: estimate, launch, replay, refusal."""
    api = LocalAPI()
    client = Adaption(api_key=DEMO_KEY, http_client=httpx.Client(transport=api.transport()))
    assert client.datasets.run("ds_demo", estimate=True).estimated_credits_consumed == 26.25
    first = client.datasets.run(
        "ds_demo", column_mapping={"prompt": "question"}, job_specification={"idempotency_key": "k"}
    )
    again = client.datasets.run(
        "ds_demo", column_mapping={"prompt": "question"}, job_specification={"idempotency_key": "k"}
    )
    assert first.run_id == again.run_id and len(api.ledger.reservations) == 1
    with pytest.raises(adaption.BadRequestError, match="Column 'nope'"):
        client.datasets.run("ds_demo", column_mapping={"prompt": "nope"})


@pytest.mark.anyio
async def test_in_process_async_with_faults(monkeypatch: pytest.MonkeyPatch) -> None:
    """AsyncAdaption over the in-process transport absorbs a reset after launch: one reservation."""
    monkeypatch.setattr("adaption._retry.INITIAL_RETRY_DELAY", 0.001)
    api = LocalAPI()
    api.faults.add(Fault.reset_after(), Fault.status_code(503, retry_after="0"))
    async with AsyncAdaption(api_key=DEMO_KEY, http_client=httpx.AsyncClient(transport=api.transport())) as client:
        raw = await client.datasets.with_raw_response.run("ds_chat", column_mapping={"prompt": "conversation"})
    assert raw.retries_taken == 2
    assert [r.run_id for r in api.ledger.reservations] == [raw.parse().run_id]


def test_unknown_and_missing_keys_get_401() -> None:
    api = LocalAPI()
    for headers in ({}, {"authorization": "Bearer nope"}, {"authorization": "Basic demo-key"}):
        response = httpx.Client(transport=api.transport()).post(
            "http://local/api/v1/datasets/ds_demo/run", json={"estimate": True}, headers=headers
        )
        assert response.status_code == 401 and response.json()["code"] == "unauthorized"


def test_registered_dataset_and_key() -> None:
    """Tests register their own datasets and keys; the ledger reads back what was reserved."""
    api = LocalAPI(keys={"team-key": 5})
    api.add_dataset("ds_mine", ["text"], rows=100)
    client = Adaption(api_key="team-key", http_client=httpx.Client(transport=api.transport()))
    run = client.datasets.run("ds_mine", column_mapping={"prompt": "text"})
    assert run.estimated_credits_consumed == 1.31
    assert api.ledger.balance("team-key") == 3.69
    assert api.ledger.runs == [run.run_id]


def test_seeded_runs_are_reproducible() -> None:
    """The same seed gives the same run ids (up to the timestamp) and request ids."""
    ids = []
    for _ in range(2):
        api = LocalAPI(seed=42)
        client = Adaption(api_key=DEMO_KEY, http_client=httpx.Client(transport=api.transport()))
        raw = client.datasets.with_raw_response.run("ds_demo", column_mapping={"prompt": "question"})
        ids.append((raw.parse().run_id.rsplit("-", 1)[0], raw.request_id))  # type: ignore[union-attr]
    assert ids[0] == ids[1]


def test_command_serves_and_prints_url_and_key() -> None:
    """`python -m adaption.testing serve --port 0` prints its base URL and the demo key, and answers on it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "adaption.testing", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url_line = process.stdout.readline()
        key_line = process.stdout.readline()
        base_url = url_line.split(": ", 1)[1].strip()
        assert base_url.startswith("http://127.0.0.1:") and key_line.startswith(f"API key: {DEMO_KEY}")
        with Adaption(api_key=DEMO_KEY, base_url=base_url) as client:
            assert client.datasets.run("ds_demo", estimate=True).run_id is None
    finally:
        process.terminate()
        process.communicate(timeout=10)  # also closes the stdout pipe


def test_refuses_a_non_loopback_host() -> None:
    from adaption.testing import LocalServer

    with pytest.raises(ValueError, match="neither loopback"):
        LocalServer(LocalAPI(), host="192.0.2.1")


def test_import_adaption_does_not_import_the_kit_and_the_kit_adds_no_dependency() -> None:
    """`import adaption` leaves adaption.testing alone; importing the kit loads only stdlib, httpx's and ours."""
    script = textwrap.dedent(
        """
        import json, sys
        before = set(sys.modules)
        import adaption
        after_sdk = set(sys.modules)
        import adaption.testing
        extra = {name.split(".")[0] for name in set(sys.modules) - after_sdk}
        print(json.dumps({"kit_on_import": "adaption.testing" in after_sdk,
                          "third_party": sorted(extra - set(sys.stdlib_module_names) - {"adaption", "adaption_api"})}))
        """
    )
    out = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
    assert out["kit_on_import"] is False
    assert set(out["third_party"]) <= {"attr", "attrs", "anyio", "sniffio"}, out
