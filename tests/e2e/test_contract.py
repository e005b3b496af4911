"""The SDK against the local API over real sockets: the contract's rules, and the ledger after every call."""

from __future__ import annotations

import re
from typing import Any

import pytest

import adaption
from adaption.testing import LocalAPI

RUN_ID = re.compile(r"^dataset-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-\d{13}$")
MAPPING = {"prompt": "question", "completion": "answer"}


def test_estimate_reserves_nothing(runner: Any, local_api: LocalAPI) -> None:
    """An estimate quotes by the pricing model, has run_id None, and reserves nothing."""
    quote = runner("ds_demo", estimate=True, column_mapping=MAPPING)
    assert quote.estimate is True and quote.run_id is None
    # 2000 rows x 0.01 x deduplication 1.05 x prompt_rephrase 1.25 (defaults) x concise 1.0
    assert quote.estimated_credits_consumed == 26.25
    assert quote.estimated_minutes == round(1 + 2000 * 1.3125 / 2000, 1)
    assert local_api.ledger.reservations == []
    assert local_api.ledger.balance() == 1000


def test_pricing_multipliers_and_max_rows(runner: Any) -> None:
    """Recipes, length and hallucination grounding multiply the price; max_rows caps the rows."""
    quote = runner(
        "ds_demo",
        estimate=True,
        brand_controls={"length": "extensive", "hallucination_mitigation": True},
        recipe_specification={"recipes": {"deduplication": False, "reasoning_traces": True}},
        job_specification={"max_rows": 100},
    )
    # 100 rows x 0.01 x prompt_rephrase 1.25 x reasoning 1.6 x extensive 2.0 x grounding 1.3
    assert quote.estimated_credits_consumed == round(100 * 0.01 * 1.25 * 1.6 * 2.0 * 1.3, 2)


def test_launch_reserves_once(runner: Any, local_api: LocalAPI) -> None:
    """A launch reserves the quoted credits once and returns a run_id shaped like the reference's example."""
    raw = runner("ds_demo", raw=True, column_mapping=MAPPING)
    run = raw.parse()
    assert run.estimate is False and RUN_ID.match(run.run_id)
    assert [r.run_id for r in local_api.ledger.reservations_for(raw.idempotency_key)] == [run.run_id]
    assert local_api.ledger.balance() == 1000 - run.estimated_credits_consumed
    assert raw.retries_taken == 0 and raw.request_id.startswith("req_")


def test_same_key_same_body_returns_the_original(runner: Any, local_api: LocalAPI) -> None:
    """Calling again with the same key and body returns the same run and reserves nothing more."""
    first = runner("ds_demo", column_mapping=MAPPING, job_specification={"idempotency_key": "k-1"})
    second = runner("ds_demo", column_mapping=MAPPING, job_specification={"idempotency_key": "k-1"})
    assert second.run_id == first.run_id
    assert len(local_api.ledger.reservations) == 1


def test_same_key_other_body_conflicts(runner: Any, local_api: LocalAPI) -> None:
    """Reusing a key with a different body is a 409 ConflictError, carrying the key; nothing more is reserved."""
    runner("ds_demo", column_mapping=MAPPING, job_specification={"idempotency_key": "k-2"})
    with pytest.raises(adaption.ConflictError) as info:
        runner("ds_demo", column_mapping={"prompt": "question"}, job_specification={"idempotency_key": "k-2"})
    assert info.value.status_code == 409 and info.value.idempotency_key == "k-2"
    assert info.value.param == "job_specification.idempotency_key"
    assert len(local_api.ledger.reservations) == 1


@pytest.mark.parametrize(
    ("dataset_id", "params", "client_options", "error", "code"),
    [
        ("ds_nope", {"estimate": True}, {}, adaption.NotFoundError, "dataset_not_found"),
        ("ds_demo", {"estimate": True}, {"api_key": "wrong-key"}, adaption.AuthenticationError, "unauthorized"),
        ("ds_demo", {"column_mapping": {"prompt": "questoin"}}, {}, adaption.BadRequestError, "column_not_found"),
        (
            "ds_demo",
            {"column_mapping": {"prompt": "question", "context": ["nope"]}},
            {},
            adaption.BadRequestError,
            "column_not_found",
        ),
        (
            "ds_large",
            {"column_mapping": {"prompt": "prompt"}},
            {},
            adaption.InsufficientCreditsError,
            "insufficient_credits",
        ),
    ],
)
def test_refusals_reserve_nothing(
    runner: Any,
    local_api: LocalAPI,
    dataset_id: str,
    params: dict[str, Any],
    client_options: dict[str, Any],
    error: type[adaption.APIStatusError],
    code: str,
) -> None:
    """Each refusal maps to its error class and code, is not retried, and reserves nothing."""
    with pytest.raises(error) as info:
        runner(dataset_id, client_options=client_options, **params)
    assert info.value.code == code and info.value.request_id
    assert len(local_api.exchanges) == 1  # never retried
    assert local_api.ledger.reservations == []


def test_insufficient_credits_says_required_and_available(runner: Any) -> None:
    """A 402 states what the run requires and what the key has."""
    with pytest.raises(adaption.InsufficientCreditsError) as info:
        runner("ds_large", column_mapping={"prompt": "prompt"})
    assert info.value.body["details"] == {"credits_required": 13125.0, "credits_available": 1000.0}
    assert "13125" in str(info.value) and "1000" in str(info.value)


def test_budget_guard_refuses_before_launch(runner: Any, local_api: LocalAPI) -> None:
    """max_credits asks for an estimate first and launches nothing when the quote is above it."""
    with pytest.raises(adaption.BudgetExceededError) as info:
        runner("ds_demo", column_mapping=MAPPING, max_credits=10)
    assert info.value.estimated_credits == 26.25
    assert local_api.ledger.reservations == []
    assert [r.body for r, _ in local_api.exchanges] == [
        b'{"column_mapping":{"prompt":"question","completion":"answer"},"estimate":true}'
    ]


def test_budget_guard_launches_within_budget(runner: Any, local_api: LocalAPI) -> None:
    """Within budget, the guard's estimate is followed by exactly one launch; max_credits is never sent."""
    run = runner("ds_demo", column_mapping=MAPPING, max_credits=30)
    assert run.run_id and len(local_api.ledger.reservations) == 1
    assert all(b"max_credits" not in r.body for r, _ in local_api.exchanges)
    assert len(local_api.exchanges) == 2


def test_rejected_input_sends_nothing(runner: Any, local_api: LocalAPI) -> None:
    """Bad input never reaches the server."""
    with pytest.raises(adaption.InvalidParameterError):
        runner("ds_demo", column_mapping={"prompt": "question"}, brand_controls={"length": "long"})
    assert local_api.exchanges == [] and local_api.ledger.reservations == []
