"""A tour of the SDK against the local Adaption API, over real HTTP on 127.0.0.1. Run: `nox -s demo`.

It starts its own local API, because it reads that API's ledger and injects a fault into it.
"""

from __future__ import annotations

import uuid
from contextlib import ExitStack
from typing import TYPE_CHECKING

import adaption
from adaption import Adaption
from adaption.testing import DEMO_KEY, Fault, LocalAPI, serve

if TYPE_CHECKING:
    from adaption import DatasetRunParamsDict


def step(title: str) -> None:
    print(f"\n== {title}")


def main() -> None:
    api = LocalAPI()
    with ExitStack() as stack:
        base_url = stack.enter_context(serve(api))
        print(f"Adaption local API at {base_url}; datasets: {', '.join(api.datasets)}")
        client = stack.enter_context(Adaption(api_key=DEMO_KEY, base_url=base_url))

        step("1. An estimate: validates the request and quotes the cost, starts nothing")
        quote = client.datasets.run(
            "ds_demo",
            column_mapping={"prompt": "question", "completion": "answer"},
            recipe_specification={"recipes": {"reasoning_traces": True}},
            estimate=True,
        )
        print(
            f"quote: {quote.estimated_credits_consumed:g} credits, ~{quote.estimated_minutes:g} min, "
            f"run_id={quote.run_id}"
        )

        step("2. The budget guard: max_credits refuses an over-budget run before launching it")
        try:
            client.datasets.run("ds_large", column_mapping={"prompt": "prompt"}, max_credits=100)
        except adaption.BudgetExceededError as exc:
            print(f"refused: {exc}")

        step("3. A launch: reserves credits and starts the run")
        key = f"quickstart-{uuid.uuid4()}"
        params: DatasetRunParamsDict = {
            "column_mapping": {"prompt": "question", "completion": "answer"},
            "job_specification": {"idempotency_key": key, "max_rows": 500},
        }
        run = client.datasets.run("ds_demo", max_credits=100, **params)
        print(f"launched run {run.run_id} for {run.estimated_credits_consumed:g} credits")

        step("4. The same launch again, with the same idempotency key: the same run, no second charge")
        again = client.datasets.run("ds_demo", **params)
        print(
            f"same run_id: {again.run_id == run.run_id}; reservations for this key: "
            f"{len(api.ledger.reservations_for(key))}; balance left: {api.ledger.balance():g} credits"
        )

        step("5. A 503 from the service, absorbed by retries (the body and key stay the same)")
        api.faults.add(Fault.status_code(503, retry_after="0.2"))
        raw = client.datasets.with_raw_response.run("ds_chat", column_mapping={"prompt": "conversation"})
        print(
            f"status {raw.status_code} after {raw.retries_taken} retry; run {raw.parse().run_id}; "
            f"reservations for its key: {len(api.ledger.reservations_for(raw.idempotency_key or ''))}"
        )

        step("6. A bad parameter: caught before anything is sent, naming the field and the allowed values")
        try:
            client.datasets.run("ds_demo", column_mapping={"prompt": "question"}, brand_controls={"length": "long"})  # type: ignore[arg-type]
        except adaption.InvalidParameterError as exc:
            print(f"InvalidParameterError: {exc}")

        print(f"\nLedger: {len(api.ledger.reservations)} runs launched, {api.ledger.balance():g} credits left.")


if __name__ == "__main__":
    main()
