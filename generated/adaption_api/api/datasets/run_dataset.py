from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_run_params import DatasetRunParams
from ...models.dataset_run_response import DatasetRunResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    dataset_id: str,
    *,
    body: DatasetRunParams,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/datasets/{dataset_id}/run".format(
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetRunResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DatasetRunResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DatasetRunResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
    body: DatasetRunParams,
) -> Response[DatasetRunResponse | ErrorResponse]:
    """Start an augmentation run (or estimate cost)

     Validates column mapping and recipe configuration, reserves credits, and starts the augmentation
    pipeline.
    Set estimate=true to validate and get a cost quote without starting a run.

    Derived rules (what the reference page implies; the local API in `adaption.testing` enforces each):
    - Auth: `Authorization: Bearer <key>`; a missing or unknown key gets 401 `unauthorized`.
    - An unknown `dataset_id` gets 404 `dataset_not_found`.
    - A body that breaks this schema (unknown key, wrong type, value out of range) gets 422
    `invalid_parameter`
      naming the field in `param`; a body that is not JSON gets 400 `invalid_json`.
    - A real run (estimate not true) without `column_mapping` gets 400 `column_mapping_required`; a
    mapped
      column missing from the dataset gets 400 `column_not_found` naming it in `param`.
    - An estimate returns the quote with `run_id` null and reserves nothing, whatever the balance.
    - A real run reserves the quoted credits from the key's balance and returns a new `run_id`; a
    balance below
      the quote gets 402 `insufficient_credits` with `details.credits_required` and
    `details.credits_available`.
    - Idempotency (`job_specification.idempotency_key`, scoped to the API key): the same key with the
    same body
      returns the original response (same `run_id`, no second reservation); the same key with a
    different body
      gets 409 `idempotency_key_reused`; concurrent launches with one key make exactly one reservation.
    - Other methods on this path get 405 with an `Allow: POST` header.

    Args:
        dataset_id (str):
        body (DatasetRunParams): The body of `datasets.run`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetRunResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
    body: DatasetRunParams,
) -> DatasetRunResponse | ErrorResponse | None:
    """Start an augmentation run (or estimate cost)

     Validates column mapping and recipe configuration, reserves credits, and starts the augmentation
    pipeline.
    Set estimate=true to validate and get a cost quote without starting a run.

    Derived rules (what the reference page implies; the local API in `adaption.testing` enforces each):
    - Auth: `Authorization: Bearer <key>`; a missing or unknown key gets 401 `unauthorized`.
    - An unknown `dataset_id` gets 404 `dataset_not_found`.
    - A body that breaks this schema (unknown key, wrong type, value out of range) gets 422
    `invalid_parameter`
      naming the field in `param`; a body that is not JSON gets 400 `invalid_json`.
    - A real run (estimate not true) without `column_mapping` gets 400 `column_mapping_required`; a
    mapped
      column missing from the dataset gets 400 `column_not_found` naming it in `param`.
    - An estimate returns the quote with `run_id` null and reserves nothing, whatever the balance.
    - A real run reserves the quoted credits from the key's balance and returns a new `run_id`; a
    balance below
      the quote gets 402 `insufficient_credits` with `details.credits_required` and
    `details.credits_available`.
    - Idempotency (`job_specification.idempotency_key`, scoped to the API key): the same key with the
    same body
      returns the original response (same `run_id`, no second reservation); the same key with a
    different body
      gets 409 `idempotency_key_reused`; concurrent launches with one key make exactly one reservation.
    - Other methods on this path get 405 with an `Allow: POST` header.

    Args:
        dataset_id (str):
        body (DatasetRunParams): The body of `datasets.run`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetRunResponse | ErrorResponse
    """

    return sync_detailed(
        dataset_id=dataset_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
    body: DatasetRunParams,
) -> Response[DatasetRunResponse | ErrorResponse]:
    """Start an augmentation run (or estimate cost)

     Validates column mapping and recipe configuration, reserves credits, and starts the augmentation
    pipeline.
    Set estimate=true to validate and get a cost quote without starting a run.

    Derived rules (what the reference page implies; the local API in `adaption.testing` enforces each):
    - Auth: `Authorization: Bearer <key>`; a missing or unknown key gets 401 `unauthorized`.
    - An unknown `dataset_id` gets 404 `dataset_not_found`.
    - A body that breaks this schema (unknown key, wrong type, value out of range) gets 422
    `invalid_parameter`
      naming the field in `param`; a body that is not JSON gets 400 `invalid_json`.
    - A real run (estimate not true) without `column_mapping` gets 400 `column_mapping_required`; a
    mapped
      column missing from the dataset gets 400 `column_not_found` naming it in `param`.
    - An estimate returns the quote with `run_id` null and reserves nothing, whatever the balance.
    - A real run reserves the quoted credits from the key's balance and returns a new `run_id`; a
    balance below
      the quote gets 402 `insufficient_credits` with `details.credits_required` and
    `details.credits_available`.
    - Idempotency (`job_specification.idempotency_key`, scoped to the API key): the same key with the
    same body
      returns the original response (same `run_id`, no second reservation); the same key with a
    different body
      gets 409 `idempotency_key_reused`; concurrent launches with one key make exactly one reservation.
    - Other methods on this path get 405 with an `Allow: POST` header.

    Args:
        dataset_id (str):
        body (DatasetRunParams): The body of `datasets.run`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetRunResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
    body: DatasetRunParams,
) -> DatasetRunResponse | ErrorResponse | None:
    """Start an augmentation run (or estimate cost)

     Validates column mapping and recipe configuration, reserves credits, and starts the augmentation
    pipeline.
    Set estimate=true to validate and get a cost quote without starting a run.

    Derived rules (what the reference page implies; the local API in `adaption.testing` enforces each):
    - Auth: `Authorization: Bearer <key>`; a missing or unknown key gets 401 `unauthorized`.
    - An unknown `dataset_id` gets 404 `dataset_not_found`.
    - A body that breaks this schema (unknown key, wrong type, value out of range) gets 422
    `invalid_parameter`
      naming the field in `param`; a body that is not JSON gets 400 `invalid_json`.
    - A real run (estimate not true) without `column_mapping` gets 400 `column_mapping_required`; a
    mapped
      column missing from the dataset gets 400 `column_not_found` naming it in `param`.
    - An estimate returns the quote with `run_id` null and reserves nothing, whatever the balance.
    - A real run reserves the quoted credits from the key's balance and returns a new `run_id`; a
    balance below
      the quote gets 402 `insufficient_credits` with `details.credits_required` and
    `details.credits_available`.
    - Idempotency (`job_specification.idempotency_key`, scoped to the API key): the same key with the
    same body
      returns the original response (same `run_id`, no second reservation); the same key with a
    different body
      gets 409 `idempotency_key_reused`; concurrent launches with one key make exactly one reservation.
    - Other methods on this path get 405 with an `Allow: POST` header.

    Args:
        dataset_id (str):
        body (DatasetRunParams): The body of `datasets.run`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetRunResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            client=client,
            body=body,
        )
    ).parsed
