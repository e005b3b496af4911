"""Guards for the benchmark's findings, without timing anything: what importing costs and what a call rebuilds."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from adaption import Adaption
from adaption._resources import datasets
from adaption._validation import Validator


def modules_after(code: str) -> set[str]:
    script = textwrap.dedent(
        f"""
        import json, sys
        {code}
        print(json.dumps(sorted(sys.modules)))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


def test_import_adaption_loads_only_what_a_client_needs() -> None:
    """No async machinery, no testing kit, no generated models or endpoints, no attrs at `import adaption`."""
    loaded = modules_after("import adaption")
    assert "httpx" in loaded and "adaption._client" in loaded
    unwanted = {
        "anyio",
        "asyncio",
        "attrs",
        "attr",
        "adaption.testing",
        "adaption._resources.datasets",
        "adaption_api.models",
        "adaption_api.api",
        "adaption_api.api.datasets.run_dataset",
        "adaption_api.params",
        "adaption_api.client",
    }
    assert loaded & unwanted == set()


def test_a_sync_call_loads_no_async_machinery() -> None:
    """A sync client's call loads the generated models it returns, but neither anyio nor the endpoint modules."""
    loaded = modules_after(
        """
        import httpx
        from adaption import Adaption
        answer = b'{"estimate": true, "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": null}'
        transport = httpx.MockTransport(lambda request: httpx.Response(200, content=answer))
        client = Adaption(api_key="k", http_client=httpx.Client(transport=transport))
        client.datasets.run("ds", column_mapping={"prompt": "q"})
        """
    )
    # What httpx itself brings in this environment (with click and rich installed, it imports uuid) is not ours.
    loaded -= modules_after("import httpx; httpx.Client(transport=httpx.MockTransport(lambda r: None))")
    assert "adaption_api.models.dataset_run_response" in loaded
    unwanted = {
        "anyio",
        "uuid",
        "adaption.testing",
        "adaption_api.api.datasets.run_dataset",
        "adaption_api.client",  # the generated client classes: not needed to call through ours
        "adaption_api.models.brand_controls",  # models the call did not use
        "adaption_api.models.recipe_specification",
    }
    assert unwanted & loaded == set()


def test_second_call_rebuilds_nothing(client: Adaption, recorder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the first call: no schema compiled again, no URL parsed again, the merged headers reused."""
    client.datasets.run("ds_1", column_mapping={"prompt": "q"})
    compiled: list[object] = []
    original = Validator._compile
    monkeypatch.setattr(Validator, "_compile", lambda self, schema: compiled.append(schema) or original(self, schema))
    misses = datasets._url.cache_info().misses
    created: list[Validator] = []
    monkeypatch.setattr(Validator, "__init__", lambda self, schemas: created.append(self))

    for _ in range(3):
        client.datasets.run("ds_1", column_mapping={"prompt": "q"})
    assert compiled == [] and created == []
    assert datasets._url.cache_info().misses == misses
    assert all(request.headers["authorization"] for request in recorder.requests)
    assert len(recorder.requests) == 4


def test_headers_are_merged_once_per_client(client: Adaption) -> None:
    """A call without extra_headers sends the client's merged headers object as is."""
    request = datasets.RunRequest(
        client,
        "ds",
        {"estimate": True},
        max_credits=None,
        timeout=None,
        max_retries=None,
        extra_headers=None,
        extra_query=None,
        extra_body=None,
    )
    assert request.headers is client.request_headers


def test_generated_idempotency_keys_are_uuid4() -> None:
    """The hand-made key is a real version-4 UUID, fresh each time."""
    import uuid

    keys = {datasets.new_idempotency_key() for _ in range(1000)}
    assert len(keys) == 1000
    assert all(uuid.UUID(key).version == 4 and str(uuid.UUID(key)) == key for key in keys)
