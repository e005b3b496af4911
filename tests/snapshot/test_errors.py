"""Snapshots of error texts: what a user reads in a traceback, for bad input and for each API status."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from inline_snapshot import snapshot

import adaption
from adaption import Adaption


@pytest.mark.parametrize(
    ("params", "dataset_id"),
    [
        ({"colum_mapping": {"prompt": "q"}}, "ds"),
        ({"column_mapping": {"prompt": "q"}, "brand_controls": {"lenght": "concise"}}, "ds"),
        ({"column_mapping": {"prompt": "q"}, "brand_controls": {"length": "long"}}, "ds"),
        ({"column_mapping": {"prompt": "q"}, "brand_controls": {"hallucination_mitigation": "yes"}}, "ds"),
        ({"column_mapping": {"prompt": "q"}, "job_specification": {"max_rows": 0}}, "ds"),
        ({"column_mapping": {"prompt": "q"}, "job_specification": {"max_rows": 2.5}}, "ds"),
        ({"column_mapping": {"prompt": "q"}, "job_specification": {"max_rows": True}}, "ds"),
        ({"column_mapping": {"prompt": "q", "context": "doc"}}, "ds"),
        ({"column_mapping": {"completion": "a"}}, "ds"),
        ({"column_mapping": {"prompt": " "}}, "ds"),
        ({}, "ds"),
        ({"estimate": "true"}, "ds"),
        ({"estimate": True}, ""),
        ({"estimate": True}, "   "),
        ({"estimate": True}, ".."),
        ({"estimate": True}, 42),
    ],
)
def test_invalid_parameter_texts(params: dict[str, Any], dataset_id: Any, client: Adaption, recorder: Any) -> None:
    """Bad input names the field path and the allowed values, and nothing is sent."""
    with pytest.raises(adaption.InvalidParameterError) as info:
        client.datasets.run(dataset_id, **params)
    assert recorder.requests == []
    assert str(info.value).startswith(f"{info.value.param}: ")
    TEXTS.append(str(info.value))


TEXTS: list[str] = []


def test_invalid_parameter_texts_snapshot() -> None:
    """All the texts above, in order (kept in one snapshot so a reviewer reads them together)."""
    assert TEXTS == snapshot(
        [
            "colum_mapping: unknown parameter; did you mean 'column_mapping'? (allowed: brand_controls, column_mapping, estimate, job_specification, recipe_specification)",
            "brand_controls.lenght: unknown parameter; did you mean 'length'? (allowed: hallucination_mitigation, length, safety_categories)",
            "brand_controls.length: 'long' is not one of 'minimal', 'concise', 'detailed', 'extensive'",
            "brand_controls.hallucination_mitigation: expected a boolean, got str 'yes'",
            "job_specification.max_rows: expected a whole number >= 1, got 0",
            "job_specification.max_rows: expected a whole number >= 1, got 2.5",
            "job_specification.max_rows: expected a whole number >= 1, got bool True",
            "column_mapping.context: expected an array of strings (list or tuple), got str 'doc'",
            "column_mapping.prompt: is required",
            "column_mapping.prompt: must not be empty or only whitespace, got ' '",
            "column_mapping: is required for a real run (the API needs to know which column holds the prompt): pass column_mapping={'prompt': '<column>'}, or estimate=True for a quote only",
            "estimate: expected a boolean, got str 'true'",
            "dataset_id: must be a non-empty dataset id, got ''",
            "dataset_id: must be a non-empty dataset id, got '   '",
            "dataset_id: '..' is not a dataset id (it is a path step)",
            "dataset_id: expected a string, got int",
        ]
    )


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "message": message, "request_id": "req_abc123", **extra}


STATUS_REPLIES = {
    400: httpx.Response(400, json=error_body("column_not_found", "Column 'questoin' is not in dataset ds_1.")),
    401: httpx.Response(401, json=error_body("unauthorized", "The API key is not valid.")),
    402: httpx.Response(
        402,
        json=error_body(
            "insufficient_credits",
            "This run needs 120 credits; 50 are available.",
            details={"credits_required": 120, "credits_available": 50},
        ),
    ),
    404: httpx.Response(404, json=error_body("dataset_not_found", "No dataset 'ds_1'.")),
    409: httpx.Response(409, json=error_body("idempotency_key_reused", "Key reused with a different body.")),
    422: httpx.Response(422, json=error_body("invalid_parameter", "Bad value.", param="brand_controls.length")),
    429: httpx.Response(429, json=error_body("rate_limited", "Slow down."), headers={"retry-after": "600"}),
    502: httpx.Response(
        502,
        text="<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n",
        headers={"content-type": "text/html", "x-request-id": "req_proxy"},
    ),
    307: httpx.Response(307, headers={"location": "https://evil.test/steal"}),
}


@pytest.mark.parametrize("status", STATUS_REPLIES)
def test_status_error_texts(status: int, recorder: Any) -> None:
    """str(err) is one line: the server's message, the status, the code, the request id, the launch key."""
    recorder.reply(STATUS_REPLIES[status])
    client = Adaption(
        api_key="sk-test-0123456789",
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        max_retries=0,
        timeout=30,
    )
    with pytest.raises(adaption.APIStatusError) as info:
        client.datasets.run(
            "ds_1", column_mapping={"prompt": "q"}, job_specification={"idempotency_key": "launch-key-1"}
        )
    assert "\n" not in str(info.value)
    STATUS_TEXTS[status] = f"{type(info.value).__name__}: {info.value}"


STATUS_TEXTS: dict[int, str] = {}


def test_status_error_texts_snapshot() -> None:
    assert STATUS_TEXTS == snapshot(
        {
            400: "BadRequestError: Column 'questoin' is not in dataset ds_1. (status 400, code column_not_found, request_id req_abc123, idempotency_key launch-key-1)",
            401: "AuthenticationError: The API key is not valid. (status 401, code unauthorized, request_id req_abc123, idempotency_key launch-key-1)",
            402: "InsufficientCreditsError: This run needs 120 credits; 50 are available. (status 402, code insufficient_credits, request_id req_abc123, idempotency_key launch-key-1)",
            404: "NotFoundError: No dataset 'ds_1'. (status 404, code dataset_not_found, request_id req_abc123, idempotency_key launch-key-1)",
            409: "ConflictError: Key reused with a different body. (status 409, code idempotency_key_reused, request_id req_abc123, idempotency_key launch-key-1)",
            422: "UnprocessableEntityError: Bad value. (status 422, code invalid_parameter, param brand_controls.length, request_id req_abc123, idempotency_key launch-key-1)",
            429: "RateLimitError: Slow down. (status 429, code rate_limited, request_id req_abc123, retry after 600 s, idempotency_key launch-key-1)",
            502: "InternalServerError: Bad Gateway: an HTML page ('502 Bad Gateway'), probably from a proxy in front of the API (status 502, request_id req_proxy, idempotency_key launch-key-1)",
            307: "APIStatusError: Redirect to https://evil.test/steal not followed: the API key is only sent to the configured base URL. (status 307, idempotency_key launch-key-1)",
        }
    )
