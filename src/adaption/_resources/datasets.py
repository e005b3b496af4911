"""`client.datasets`: `run` starts an augmentation run or asks for its cost.

`RunRequest` holds everything about a call that needs no I/O, so that `Datasets` and `AsyncDatasets` differ only
in `await`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, Unpack, cast
from urllib.parse import quote

import httpx

from .._call import Call, parse_json_response
from .._client import resolve_max_retries, resolve_timeout
from .._exceptions import BudgetExceededError, InvalidParameterError
from .._response import RawResponse
from .._spec import operation, request_validator, warn_if_deprecated
from .._validation import SchemaViolation

if TYPE_CHECKING:
    from adaption_api.models.dataset_run_response import DatasetRunResponse
    from adaption_api.params import DatasetRunParamsDict

    from .._client import Adaption, AsyncAdaption

__all__ = ["AsyncDatasets", "Datasets"]

OPERATION = "run_dataset"
P = ParamSpec("P")
R = TypeVar("R")


def dataset_path(dataset_id: object) -> str:
    """The request path with dataset_id as one percent-encoded segment; bad ids fail before any I/O."""
    if not isinstance(dataset_id, str):
        raise InvalidParameterError("dataset_id", f"expected a string, got {type(dataset_id).__name__}")
    if not dataset_id.strip():
        raise InvalidParameterError("dataset_id", f"must be a non-empty dataset id, got {dataset_id!r}")
    if dataset_id in (".", ".."):
        raise InvalidParameterError("dataset_id", f"{dataset_id!r} is not a dataset id (it is a path step)")
    return str(operation(OPERATION)["path"]).format(dataset_id=quote(dataset_id, safe=""))


@lru_cache(maxsize=1024)
def _url(base_url: str, path: str) -> httpx.URL:
    """The parsed URL of a dataset's run, parsed once: URL parsing is a third of a bare httpx call's cost."""
    return httpx.URL(base_url + path)


def deep_merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """base with extra merged in: nested objects merge key by key, so that siblings are never dropped."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = dict(value) if isinstance(value, Mapping) else value
    return out


def parse_run(response: httpx.Response, idempotency_key: str | None) -> DatasetRunResponse:
    """A 2xx response as a DatasetRunResponse, after checking it against the spec."""
    from adaption_api.models.dataset_run_response import DatasetRunResponse

    responses = operation(OPERATION)["responses"]
    schema = responses.get(str(response.status_code)) or responses["200"]
    return DatasetRunResponse.from_dict(parse_json_response(response, schema, idempotency_key))


class RunRequest:
    """One `run` call before any I/O: validated, merged, keyed and frozen."""

    def __init__(
        self,
        client: Adaption | AsyncAdaption,
        dataset_id: str,
        params: Mapping[str, Any],
        *,
        max_credits: float | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, str] | None,
        extra_body: Mapping[str, Any] | None,
    ) -> None:
        spec = operation(OPERATION)
        warn_if_deprecated(OPERATION, "datasets.run")
        self.dataset_id = dataset_id
        self.method = str(spec["method"])
        self.url = _url(client.base_url, dataset_path(dataset_id))
        if extra_query:
            self.url = self.url.copy_merge_params(extra_query)
        try:
            body: dict[str, Any] = request_validator().convert(params, {"$ref": spec["request"]}, "")
        except SchemaViolation as exc:
            raise InvalidParameterError(exc.path, exc.message, exc.allowed) from None
        if extra_body:
            # The escape hatch for fields newer than this SDK: merged as given, not validated.
            body = deep_merge(body, extra_body)
        self.estimate_only = body.get("estimate") is True
        if not self.estimate_only and "column_mapping" not in body:
            raise InvalidParameterError(
                "column_mapping",
                "is required for a real run (the API needs to know which column holds the prompt): pass "
                "column_mapping={'prompt': '<column>'}, or estimate=True for a quote only",
            )
        if max_credits is not None and (
            isinstance(max_credits, bool) or not isinstance(max_credits, int | float) or not max_credits >= 0
        ):
            raise InvalidParameterError("max_credits", f"expected a number >= 0, got {max_credits!r}")
        self.max_credits = max_credits
        self.idempotency_key: str | None = None
        self.body = self._unkeyed = body
        if not self.estimate_only:
            self.body, self.idempotency_key = _with_idempotency_key(body)
        self.headers = client.request_headers
        if extra_headers:
            self.headers = client.request_headers.copy()
            self.headers.update(extra_headers)
        if timeout is None:
            self.timeout, self.deadline = client.timeout, client.deadline
        else:
            self.timeout, self.deadline = resolve_timeout(timeout)
        self.max_retries = client.max_retries if max_retries is None else resolve_max_retries(max_retries)
        self.started = time.monotonic()

    def launch(self) -> Call:
        """The call as asked for: a real run, or an estimate when estimate=True."""
        return self._call(self.body, self.idempotency_key)

    def estimate(self) -> Call:
        """The budget guard's estimate: the same parameters with estimate=True and without our launch key."""
        return self._call({**self._unkeyed, "estimate": True}, None)

    def check_budget(self, quote: DatasetRunResponse) -> None:
        assert self.max_credits is not None
        if quote.estimated_credits_consumed > self.max_credits:
            raise BudgetExceededError(
                estimated_credits=quote.estimated_credits_consumed,
                max_credits=self.max_credits,
                dataset_id=self.dataset_id,
            )

    def finish(self, call: Call, response: httpx.Response, raw: bool) -> Any:
        """The call's result: parsed once (and checked against max_credits for an estimate), or raw."""
        parsed: DatasetRunResponse | None = None
        if self.max_credits is not None and self.estimate_only:
            parsed = parse_run(response, None)
            self.check_budget(parsed)
        if raw:
            return RawResponse(
                response,
                parser=lambda r: parsed or parse_run(r, call.idempotency_key),
                retries_taken=call.retries_taken,
                idempotency_key=call.idempotency_key,
            )
        return parsed or parse_run(response, call.idempotency_key)

    def _call(self, body: dict[str, Any], idempotency_key: str | None) -> Call:
        deadline = self.deadline
        if deadline is not None:  # the budget guard's estimate and the launch share one deadline
            deadline -= time.monotonic() - self.started
        try:
            # Frozen once: every retry sends these exact bytes, so the service sees one launch, not several.
            content = json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
        except (TypeError, ValueError) as exc:  # only extra_body escapes validation
            raise InvalidParameterError("extra_body", f"is not JSON: {exc}") from None
        return Call(
            method=self.method,
            url=self.url,
            content=content,
            headers=self.headers,
            timeout=self.timeout,
            deadline=deadline,
            max_retries=self.max_retries,
            idempotency_key=idempotency_key,
        )


def new_idempotency_key() -> str:
    """A random UUID4 as text, as uuid.uuid4() makes it, without importing uuid (and platform) on a cold start."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    hex_ = raw.hex()
    return f"{hex_[:8]}-{hex_[8:12]}-{hex_[12:16]}-{hex_[16:20]}-{hex_[20:]}"


def _with_idempotency_key(body: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """body with job_specification.idempotency_key set once for this call; a caller's key is kept as given."""
    job = body.get("job_specification")
    job = dict(job) if isinstance(job, Mapping) else {}
    key = job.get("idempotency_key")
    if not isinstance(key, str) or not key:
        key = new_idempotency_key()
        job["idempotency_key"] = key
    return {**body, "job_specification": job}, key


class Datasets:
    """`client.datasets`: augmentation runs on a dataset."""

    def __init__(self, client: Adaption, *, raw: bool = False) -> None:
        self._client = client
        self._raw = raw

    @property
    def with_raw_response(self) -> DatasetsWithRawResponse:
        """The same methods, returning a RawResponse (status, headers, retries taken, idempotency key)."""
        return DatasetsWithRawResponse(self)

    def run(
        self,
        dataset_id: str,
        *,
        max_credits: float | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **params: Unpack[DatasetRunParamsDict],
    ) -> DatasetRunResponse:
        """Start an augmentation run on a dataset, or get its cost with estimate=True.

        A real run reserves credits. It is sent with an idempotency key (yours in `job_specification`, or one made
        for this call) and a body frozen for every retry, so a retried launch never starts a second run.

        Args:
            dataset_id: the dataset to augment.
            max_credits: the budget guard: ask for an estimate first and raise BudgetExceededError, launching
                nothing, when it is above this many credits. Never sent.
            timeout: this call's deadline, retries included (default: the client's).
            max_retries: this call's retry budget (default: the client's).
            extra_headers, extra_query: sent as given.
            extra_body: merged deeply into the body, unvalidated: for fields newer than this SDK.
            **params: the API's parameters: column_mapping, estimate, brand_controls, job_specification,
                recipe_specification (dicts or the generated models).

        Returns:
            The quote or the started run: estimate, estimated_credits_consumed, estimated_minutes, run_id.

        Raises:
            InvalidParameterError: a parameter breaks the contract; nothing was sent.
            BudgetExceededError: the estimate is above max_credits; nothing was launched.
            APIStatusError: the API refused (a subclass per status); carries idempotency_key for launches.
            APIConnectionError: no response; retry with err.idempotency_key to stay safe.
        """
        request = RunRequest(
            self._client,
            dataset_id,
            params,
            max_credits=max_credits,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )
        if max_credits is not None and not request.estimate_only:
            request.check_budget(parse_run(self._client._send(request.estimate()), None))
        call = request.launch()
        response = self._client._send(call)
        return cast("DatasetRunResponse", request.finish(call, response, self._raw))


class AsyncDatasets:
    """`client.datasets` for AsyncAdaption: the same as Datasets, with `await`."""

    def __init__(self, client: AsyncAdaption, *, raw: bool = False) -> None:
        self._client = client
        self._raw = raw

    @property
    def with_raw_response(self) -> AsyncDatasetsWithRawResponse:
        """The same methods, returning a RawResponse (status, headers, retries taken, idempotency key)."""
        return AsyncDatasetsWithRawResponse(self)

    async def run(
        self,
        dataset_id: str,
        *,
        max_credits: float | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **params: Unpack[DatasetRunParamsDict],
    ) -> DatasetRunResponse:
        """Start an augmentation run on a dataset, or get its cost with estimate=True. See `Datasets.run`."""
        request = RunRequest(
            self._client,
            dataset_id,
            params,
            max_credits=max_credits,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )
        if max_credits is not None and not request.estimate_only:
            request.check_budget(parse_run(await self._client._send(request.estimate()), None))
        call = request.launch()
        response = await self._client._send(call)
        return cast("DatasetRunResponse", request.finish(call, response, self._raw))


def _as_raw(method: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """Retype a raw-mode `run` (which returns RawResponse at run time) for the type checker."""
    return cast("Callable[P, RawResponse[R]]", method)


def _as_async_raw(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    return cast("Callable[P, Awaitable[RawResponse[R]]]", method)


class DatasetsWithRawResponse:
    """`client.datasets.with_raw_response`."""

    def __init__(self, datasets: Datasets) -> None:
        self.run = _as_raw(Datasets(datasets._client, raw=True).run)


class AsyncDatasetsWithRawResponse:
    """`client.datasets.with_raw_response` for AsyncAdaption."""

    def __init__(self, datasets: AsyncDatasets) -> None:
        self.run = _as_async_raw(AsyncDatasets(datasets._client, raw=True).run)
