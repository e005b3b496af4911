"""Snapshots of what goes on the wire and what comes back: any change to the request or the result shows here.

Update with `pytest tests/snapshot --inline-snapshot=fix` after checking that the change is meant.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from inline_snapshot import snapshot

import adaption
from adaption import Adaption
from adaption_api.models import (
    BrandControls,
    ColumnMapping,
    JobSpecification,
    RecipeSpecification,
    RecipeSpecificationRecipes,
)


def wire(request: httpx.Request) -> dict[str, Any]:
    """The request as a reviewer wants to see it: no secret, the generated key and the version normalised."""
    headers = dict(request.headers)
    assert headers.pop("authorization") == "Bearer sk-test-0123456789"
    headers["user-agent"] = headers["user-agent"].replace(adaption.__version__, "<version>")
    body = json.loads(request.content)
    job = body.get("job_specification", {})
    if "idempotency_key" in job and job["idempotency_key"] != "caller-key-1":
        uuid.UUID(job["idempotency_key"])  # a real UUID, then hidden from the snapshot
        job["idempotency_key"] = "<generated uuid4>"
    return {"method": request.method, "url": str(request.url), "headers": headers, "json": body}


CASES: dict[str, dict[str, Any]] = {
    "estimate only": {"estimate": True},
    "minimal real run": {"column_mapping": {"prompt": "question"}},
    "every parameter": {
        "brand_controls": {
            "hallucination_mitigation": True,
            "length": "concise",
            "safety_categories": ["violence", "self-harm"],
        },
        "column_mapping": {"prompt": "question", "completion": "answer", "chat": "dialog", "context": ("doc", "url")},
        "estimate": False,
        "job_specification": {"idempotency_key": "caller-key-1", "max_rows": 500},
        "recipe_specification": {
            "recipes": {
                "deduplication": True,
                "preference_pairs": False,
                "prompt_metadata_injection": True,
                "prompt_rephrase": True,
                "reasoning_traces": False,
            },
            "version": "2025-01",
        },
    },
    "generated models": {
        "brand_controls": BrandControls(length="detailed"),
        "column_mapping": ColumnMapping(prompt="question", context=["doc"]),
        "job_specification": JobSpecification(max_rows=10),
        "recipe_specification": RecipeSpecification(recipes=RecipeSpecificationRecipes(deduplication=True)),
    },
}


@pytest.mark.parametrize("case", CASES)
def test_wire_request(case: str, client: Adaption, recorder: Any) -> None:
    """Each call shape sends exactly this request."""
    client.datasets.run("ds_123", **CASES[case])
    assert len(recorder.requests) == 1
    assert wire(recorder.requests[0]) == EXPECTED_WIRE[case]


EXPECTED_WIRE = snapshot(
    {
        "estimate only": {
            "method": "POST",
            "url": "https://api.prod.adaptionlabs.ai/api/v1/datasets/ds_123/run",
            "headers": {
                "host": "api.prod.adaptionlabs.ai",
                "accept-encoding": "gzip, deflate",
                "connection": "keep-alive",
                "accept": "application/json",
                "content-type": "application/json",
                "user-agent": "adaption-python/<version>",
                "content-length": "17",
            },
            "json": {"estimate": True},
        },
        "minimal real run": {
            "method": "POST",
            "url": "https://api.prod.adaptionlabs.ai/api/v1/datasets/ds_123/run",
            "headers": {
                "host": "api.prod.adaptionlabs.ai",
                "accept-encoding": "gzip, deflate",
                "connection": "keep-alive",
                "accept": "application/json",
                "content-type": "application/json",
                "user-agent": "adaption-python/<version>",
                "content-length": "119",
            },
            "json": {
                "column_mapping": {"prompt": "question"},
                "job_specification": {"idempotency_key": "<generated uuid4>"},
            },
        },
        "every parameter": {
            "method": "POST",
            "url": "https://api.prod.adaptionlabs.ai/api/v1/datasets/ds_123/run",
            "headers": {
                "host": "api.prod.adaptionlabs.ai",
                "accept-encoding": "gzip, deflate",
                "connection": "keep-alive",
                "accept": "application/json",
                "content-type": "application/json",
                "user-agent": "adaption-python/<version>",
                "content-length": "488",
            },
            "json": {
                "brand_controls": {
                    "hallucination_mitigation": True,
                    "length": "concise",
                    "safety_categories": ["violence", "self-harm"],
                },
                "column_mapping": {
                    "prompt": "question",
                    "completion": "answer",
                    "chat": "dialog",
                    "context": ["doc", "url"],
                },
                "estimate": False,
                "job_specification": {"idempotency_key": "caller-key-1", "max_rows": 500},
                "recipe_specification": {
                    "recipes": {
                        "deduplication": True,
                        "preference_pairs": False,
                        "prompt_metadata_injection": True,
                        "prompt_rephrase": True,
                        "reasoning_traces": False,
                    },
                    "version": "2025-01",
                },
            },
        },
        "generated models": {
            "method": "POST",
            "url": "https://api.prod.adaptionlabs.ai/api/v1/datasets/ds_123/run",
            "headers": {
                "host": "api.prod.adaptionlabs.ai",
                "accept-encoding": "gzip, deflate",
                "connection": "keep-alive",
                "accept": "application/json",
                "content-type": "application/json",
                "user-agent": "adaption-python/<version>",
                "content-length": "248",
            },
            "json": {
                "brand_controls": {"length": "detailed"},
                "column_mapping": {"prompt": "question", "context": ["doc"]},
                "job_specification": {"max_rows": 10, "idempotency_key": "<generated uuid4>"},
                "recipe_specification": {"recipes": {"deduplication": True}},
            },
        },
    }
)


def test_extra_body_query_headers(client: Adaption, recorder: Any) -> None:
    """extra_body merges deeply (siblings kept), extra_query and extra_headers are sent as given."""
    client.datasets.run(
        "ds/with space",
        column_mapping={"prompt": "question"},
        job_specification={"max_rows": 5},
        extra_body={"job_specification": {"priority": "high"}, "training_type": "sft"},
        extra_query={"dry": "1"},
        extra_headers={"X-Trace": "abc"},
    )
    assert wire(recorder.requests[0]) == snapshot(
        {
            "method": "POST",
            "url": "https://api.prod.adaptionlabs.ai/api/v1/datasets/ds%2Fwith%20space/run?dry=1",
            "headers": {
                "host": "api.prod.adaptionlabs.ai",
                "accept-encoding": "gzip, deflate",
                "connection": "keep-alive",
                "accept": "application/json",
                "content-type": "application/json",
                "user-agent": "adaption-python/<version>",
                "x-trace": "abc",
                "content-length": "172",
            },
            "json": {
                "column_mapping": {"prompt": "question"},
                "job_specification": {"max_rows": 5, "priority": "high", "idempotency_key": "<generated uuid4>"},
                "training_type": "sft",
            },
        }
    )


def test_parsed_response(client: Adaption, recorder: Any) -> None:
    """The wire's camelCase keys come back as snake_case attributes; unknown keys are kept, not dropped."""
    recorder.reply(
        httpx.Response(
            200,
            json={
                "estimate": False,
                "estimatedCreditsConsumed": 40.5,
                "estimatedMinutes": 7,
                "run_id": "dataset-550e8400-e29b-41d4-a716-446655440000-1712234567890",
                "queuePosition": 3,
            },
        )
    )
    result = client.datasets.run("ds_123", column_mapping={"prompt": "question"})
    assert repr(result) == snapshot(
        "DatasetRunResponse(estimate=False, estimated_credits_consumed=40.5, estimated_minutes=7, run_id='dataset-550e8400-e29b-41d4-a716-446655440000-1712234567890', additional_properties={'queuePosition': 3})"
    )
