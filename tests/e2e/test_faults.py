"""The fault matrix over real sockets, sync and async: every fault ends in exactly one run, or a clear error."""

from __future__ import annotations

from typing import Any

import pytest

import adaption
from adaption.testing import Fault, LocalAPI, serve

MAPPING = {"prompt": "question"}


@pytest.fixture
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff of 10 ms instead of 0.5 s, so that many retries fit in a quick test; the policy is unchanged."""
    monkeypatch.setattr("adaption._retry.INITIAL_RETRY_DELAY", 0.01)


def test_status_with_retry_after_is_retried(runner: Any, local_api: LocalAPI) -> None:
    """A 503 with Retry-After is waited out and retried; one reservation, one retry."""
    local_api.faults.add(Fault.status_code(503, retry_after="0.1"))
    raw = runner("ds_demo", raw=True, column_mapping=MAPPING)
    assert raw.status_code == 200 and raw.retries_taken == 1
    assert len(local_api.ledger.reservations_for(raw.idempotency_key)) == 1
    assert local_api.faults.history == ["status_503", "none"]


def test_retry_after_beyond_the_deadline_raises(runner: Any, local_api: LocalAPI) -> None:
    """A Retry-After longer than the call's deadline raises RateLimitError with retry_after, without sleeping."""
    local_api.faults.add(Fault.status_code(429, retry_after="3600"))
    with pytest.raises(adaption.RateLimitError) as info:
        runner("ds_demo", column_mapping=MAPPING)
    assert info.value.retry_after == 3600 and info.value.idempotency_key
    assert local_api.faults.history == ["status_429"]  # one request, no retry
    assert local_api.ledger.reservations == []


def test_html_502_is_retried(runner: Any, local_api: LocalAPI) -> None:
    """An HTML 502 from a proxy is retried; the launch happens once."""
    local_api.faults.add(Fault.html_502())
    raw = runner("ds_demo", raw=True, column_mapping=MAPPING)
    assert raw.retries_taken == 1
    assert len(local_api.ledger.reservations) == 1


@pytest.mark.usefixtures("fast_backoff")
def test_html_502_when_retries_run_out(runner: Any, local_api: LocalAPI) -> None:
    """Out of retries, an HTML 502 is an InternalServerError that says it came from a proxy."""
    local_api.faults.add(Fault.html_502(), times=3)
    with pytest.raises(adaption.InternalServerError) as info:
        runner("ds_demo", column_mapping=MAPPING)
    assert "HTML page ('502 Bad Gateway')" in str(info.value)
    assert local_api.ledger.reservations == []


def test_reset_before_the_launch(runner: Any, local_api: LocalAPI) -> None:
    """A reset before the server records anything is retried; one run."""
    local_api.faults.add(Fault.reset_before())
    raw = runner("ds_demo", raw=True, column_mapping=MAPPING)
    assert raw.retries_taken == 1
    assert len(local_api.ledger.reservations) == 1


def test_reset_after_the_launch(runner: Any, local_api: LocalAPI) -> None:
    """A reset after the launch was recorded: the retry carries the same key, so the original run comes back."""
    local_api.faults.add(Fault.reset_after())
    raw = runner("ds_demo", raw=True, column_mapping=MAPPING)
    assert raw.retries_taken == 1
    reservations = local_api.ledger.reservations_for(raw.idempotency_key)
    assert [r.run_id for r in reservations] == [raw.parse().run_id]
    first, second = (r.body for r, _ in local_api.exchanges)
    assert first == second  # byte-identical retry


def test_delay_after_the_launch_times_out_then_recovers(runner: Any, local_api: LocalAPI) -> None:
    """The run started but the answer came too late: APITimeoutError carries the key, and a call with it is safe."""
    local_api.faults.add(Fault.delay_after(1.5))
    with pytest.raises(adaption.APITimeoutError) as info:
        runner("ds_demo", column_mapping=MAPPING, client_options={"timeout": 0.5})
    key = info.value.idempotency_key
    assert key and len(local_api.ledger.reservations_for(key)) == 1
    again = runner("ds_demo", column_mapping=MAPPING, job_specification={"idempotency_key": key})
    assert [r.run_id for r in local_api.ledger.reservations_for(key)] == [again.run_id]
    assert len(local_api.ledger.reservations) == 1


def test_trickling_response_cannot_outlast_the_deadline(runner: Any, local_api: LocalAPI) -> None:
    """A body sent a byte every 50 ms (about 7 s in all) ends in APITimeoutError at the 0.5 s deadline."""
    local_api.faults.add(Fault.trickle(0.05))
    with pytest.raises(adaption.APITimeoutError) as info:
        runner("ds_demo", column_mapping=MAPPING, client_options={"timeout": 0.5})
    assert "deadline" in str(info.value)
    assert len(local_api.ledger.reservations_for(info.value.idempotency_key or "")) == 1


@pytest.mark.parametrize("fault", [Fault.malformed_json(), Fault.truncated_json()], ids=lambda f: f.kind)
def test_broken_2xx_body_is_never_retried(runner: Any, local_api: LocalAPI, fault: Fault) -> None:
    """A 2xx whose body is not JSON raises APIResponseValidationError with the raw body and the key; no retry."""
    local_api.faults.add(fault)
    with pytest.raises(adaption.APIResponseValidationError) as info:
        runner("ds_demo", column_mapping=MAPPING)
    assert info.value.status_code == 200 and isinstance(info.value.body, str) and info.value.body
    assert len(local_api.exchanges) == 1
    assert len(local_api.ledger.reservations_for(info.value.idempotency_key or "")) == 1


def test_redirect_to_another_origin_is_not_followed(runner: Any, local_api: LocalAPI) -> None:
    """A 307 to another origin is an error; the other origin never sees the request (nor the key)."""
    other = LocalAPI()
    with serve(other) as elsewhere:
        local_api.faults.add(Fault.redirect(f"{elsewhere}/api/v1/datasets/ds_demo/run"))
        with pytest.raises(adaption.APIStatusError) as info:
            runner("ds_demo", column_mapping=MAPPING)
    assert info.value.status_code == 307 and "not followed" in str(info.value)
    assert other.exchanges == [] and local_api.ledger.reservations == []


@pytest.mark.usefixtures("fast_backoff")
def test_seeded_chaos_still_launches_each_run_once(local_api: LocalAPI, base_url: str) -> None:
    """Under seeded random faults, 30 launches make 30 reservations: no run lost, none doubled."""
    local_api.faults.chaos(
        0.3, [Fault.status_code(503, retry_after="0"), Fault.reset_before(), Fault.reset_after()], seed=7
    )
    keys = []
    with adaption.Adaption(api_key="demo-key", base_url=base_url, max_retries=8, timeout=30) as client:
        for _ in range(30):
            keys.append(client.datasets.with_raw_response.run("ds_demo", column_mapping=MAPPING).idempotency_key)
    assert sorted(r.idempotency_key or "" for r in local_api.ledger.reservations) == sorted(keys)
    assert local_api.faults.history.count("none") < len(local_api.faults.history)
