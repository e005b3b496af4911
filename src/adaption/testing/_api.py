"""The local Adaption API's behaviour, without any transport: a request in, a reply out, a ledger kept.

Every rule here is documented in openapi.yaml (the "Derived:" notes) and mirrored in `Pricing`'s docstring.
The HTTP server (`_server.py`) and the in-process transport (`_transport.py`) both drive `LocalAPI.handle`.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from adaption._validation import SchemaViolation, Validator

from ._faults import BEFORE, Fault, FaultPlan

if TYPE_CHECKING:
    from ._transport import LocalTransport

RUN_PATH_PREFIX = "/api/v1/datasets/"
RUN_PATH_SUFFIX = "/run"
DEMO_KEY = "demo-key"
DEMO_CREDITS = 1_000.0


@dataclass(frozen=True)
class Dataset:
    """A dataset in the catalogue: its id, its column names and its row count."""

    id: str
    columns: tuple[str, ...]
    rows: int


DEFAULT_DATASETS = (
    Dataset("ds_demo", ("question", "answer", "context", "source"), rows=2_000),
    Dataset("ds_chat", ("conversation", "system_prompt"), rows=500),
    Dataset("ds_large", ("prompt", "completion"), rows=1_000_000),
)


@dataclass(frozen=True)
class Pricing:
    """The local API's pricing model (documented in openapi.yaml under `estimatedCreditsConsumed`).

    credits = rows x credits_per_row x the product of every multiplier that applies, rounded to 2 decimals, where
    rows = the dataset's rows, capped by job_specification.max_rows;
    a recipe multiplies when enabled (omitted recipes take `default_recipes`);
    brand_controls.length multiplies by its entry in `length` (omitted: "concise");
    brand_controls.hallucination_mitigation=true multiplies by `hallucination_mitigation`.
    minutes = 1 + rows x (the same multipliers) / rows_per_minute, rounded to 1 decimal.
    """

    credits_per_row: float = 0.01
    rows_per_minute: float = 2_000.0
    recipes: Mapping[str, float] = field(
        default_factory=lambda: {
            "deduplication": 1.05,
            "preference_pairs": 1.8,
            "prompt_metadata_injection": 1.1,
            "prompt_rephrase": 1.25,
            "reasoning_traces": 1.6,
        }
    )
    default_recipes: frozenset[str] = frozenset({"deduplication", "prompt_rephrase"})
    length: Mapping[str, float] = field(
        default_factory=lambda: {"minimal": 0.6, "concise": 1.0, "detailed": 1.4, "extensive": 2.0}
    )
    hallucination_mitigation: float = 1.3

    def quote(self, dataset: Dataset, body: Mapping[str, Any]) -> tuple[float, float]:
        """(credits, minutes) for a validated request body on dataset."""
        rows = dataset.rows
        max_rows = body.get("job_specification", {}).get("max_rows")
        if max_rows is not None:
            rows = min(rows, int(max_rows))
        factor = 1.0
        toggles = body.get("recipe_specification", {}).get("recipes", {})
        for recipe, multiplier in self.recipes.items():
            if toggles.get(recipe, recipe in self.default_recipes):
                factor *= multiplier
        brand = body.get("brand_controls", {})
        factor *= self.length[brand.get("length", "concise")]
        if brand.get("hallucination_mitigation"):
            factor *= self.hallucination_mitigation
        credits = round(rows * self.credits_per_row * factor, 2)
        minutes = round(1 + rows * factor / self.rows_per_minute, 1)
        return credits, minutes


@dataclass(frozen=True)
class Reservation:
    """Credits reserved by one launch."""

    run_id: str
    api_key: str
    dataset_id: str
    idempotency_key: str | None
    credits: float


@dataclass
class Ledger:
    """What the local API has reserved: read it in tests to prove that nothing was launched twice."""

    balances: dict[str, float]
    reservations: list[Reservation] = field(default_factory=list)

    def reservations_for(self, idempotency_key: str) -> list[Reservation]:
        return [r for r in self.reservations if r.idempotency_key == idempotency_key]

    @property
    def runs(self) -> list[str]:
        return [r.run_id for r in self.reservations]

    def balance(self, api_key: str = DEMO_KEY) -> float:
        return self.balances[api_key]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: Mapping[str, str]  # lower-case names
    body: bytes


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    launched: bool = False  # whether this request reserved credits (for the faults that come after a launch)


class LocalAPI:
    """A local Adaption API that keeps the endpoint's contract: auth, catalogue, pricing, credits, idempotency.

    Args:
        datasets: the catalogue (default: `DEFAULT_DATASETS`); add more with `add_dataset`.
        keys: API keys and their credit balances (default: {"demo-key": 1000}).
        pricing: the pricing model.
        seed: seeds run ids and request ids, so that a test run is reproducible.
    """

    def __init__(
        self,
        *,
        datasets: Iterable[Dataset] = DEFAULT_DATASETS,
        keys: Mapping[str, float] | None = None,
        pricing: Pricing | None = None,
        seed: int = 0,
    ) -> None:
        from adaption_api.params import OPERATIONS, SCHEMAS

        self.datasets = {dataset.id: dataset for dataset in datasets}
        self.ledger = Ledger(balances=dict(keys if keys is not None else {DEMO_KEY: DEMO_CREDITS}))
        self.pricing = pricing or Pricing()
        self.faults = FaultPlan(seed=seed)
        self.exchanges: list[tuple[Request, Reply]] = []
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._id_lock = threading.Lock()
        self._idempotent: dict[tuple[str, str], tuple[str, Reply]] = {}
        self._validator = Validator(SCHEMAS)
        self._request_schema = OPERATIONS["run_dataset"]["request"]

    def add_dataset(self, dataset_id: str, columns: Iterable[str], rows: int) -> Dataset:
        dataset = Dataset(dataset_id, tuple(columns), rows)
        self.datasets[dataset_id] = dataset
        return dataset

    def transport(self) -> LocalTransport:
        """This API as an httpx transport (sync and async), for tests that need no socket."""
        from ._transport import LocalTransport

        return LocalTransport(self)

    def add_key(self, api_key: str, credits: float) -> None:
        self.ledger.balances[api_key] = credits

    def respond(self, request: Request) -> tuple[Reply | None, Fault | None]:
        """The next fault, if any, applied around `handle`: (the reply, or None for a reset; the fault)."""
        fault = self.faults.next()
        if fault is not None and fault.phase == BEFORE:
            if fault.kind == "reset_before":
                return None, fault
            status, headers, body = fault.reply_before(self.new_request_id())
            return Reply(status, body, headers), fault
        reply = self.handle(request)
        if fault is not None:
            reply = Reply(reply.status, fault.alter_body(reply.body), reply.headers, reply.launched)
        return reply, fault

    def handle(self, request: Request) -> Reply:
        """Answer one request; thread-safe, so concurrent launches with one key reserve once."""
        with self._lock:
            reply = self._handle(request)
            self.exchanges.append((request, reply))
            return reply

    # --- the rules ---------------------------------------------------------------------------------------
    def _handle(self, request: Request) -> Reply:  # noqa: PLR0911 - one early return per rule reads best
        dataset_id = _dataset_id(request.path)
        if dataset_id is None:
            return self._error(404, "not_found", f"No route for {request.method} {request.path}.")
        if request.method != "POST":
            return self._error(405, "method_not_allowed", "Only POST is allowed here.", allow="POST")
        api_key = _bearer(request.headers.get("authorization", ""))
        if api_key is None or api_key not in self.ledger.balances:
            return self._error(401, "unauthorized", "Missing or unknown API key: send Authorization: Bearer <key>.")
        try:
            raw = json.loads(request.body)
        except ValueError:
            return self._error(400, "invalid_json", "The request body is not valid JSON.")
        try:
            body: dict[str, Any] = self._validator.convert(raw, {"$ref": self._request_schema}, "")
        except SchemaViolation as exc:
            return self._error(422, "invalid_parameter", str(exc), param=exc.path or None)
        dataset = self.datasets.get(dataset_id)
        if dataset is None:
            return self._error(404, "dataset_not_found", f"No dataset {dataset_id!r}.")
        estimate = body.get("estimate") is True
        mapping = body.get("column_mapping")
        if mapping is None:
            if not estimate:
                return self._error(
                    400, "column_mapping_required", "column_mapping is required for a real run.", param="column_mapping"
                )
        else:
            for param, column in _mapped_columns(mapping):
                if column not in dataset.columns:
                    return self._error(
                        400,
                        "column_not_found",
                        f"Column {column!r} is not in dataset {dataset.id!r} (columns: {', '.join(dataset.columns)}).",
                        param=param,
                    )
        credits, minutes = self.pricing.quote(dataset, body)
        if estimate:
            return self._ok(True, credits, minutes, None)
        return self._launch(api_key, dataset, body, credits=credits, minutes=minutes, raw=raw)

    def _launch(
        self, api_key: str, dataset: Dataset, body: dict[str, Any], *, credits: float, minutes: float, raw: Any
    ) -> Reply:
        key = body.get("job_specification", {}).get("idempotency_key")
        fingerprint = hashlib.sha256(json.dumps(raw, sort_keys=True).encode()).hexdigest()
        if key is not None and (api_key, key) in self._idempotent:
            original_fingerprint, original = self._idempotent[(api_key, key)]
            if original_fingerprint != fingerprint:
                return self._error(
                    409,
                    "idempotency_key_reused",
                    f"Idempotency key {key!r} was already used with a different request body.",
                    param="job_specification.idempotency_key",
                )
            return Reply(original.status, original.body, self._request_id_headers())
        available = self.ledger.balances[api_key]
        if credits > available:
            return self._error(
                402,
                "insufficient_credits",
                f"This run needs {credits:g} credits; {available:g} are available.",
                details={"credits_required": credits, "credits_available": available},
            )
        run_id = f"dataset-{uuid.UUID(int=self._rng.getrandbits(128), version=4)}-{int(time.time() * 1000)}"
        self.ledger.balances[api_key] = round(available - credits, 2)
        self.ledger.reservations.append(Reservation(run_id, api_key, dataset.id, key, credits))
        reply = self._ok(False, credits, minutes, run_id)
        reply = Reply(reply.status, reply.body, reply.headers, launched=True)
        if key is not None:
            self._idempotent[(api_key, key)] = (fingerprint, reply)
        return reply

    # --- replies -----------------------------------------------------------------------------------------
    def _request_id_headers(self) -> tuple[tuple[str, str], ...]:
        return (("content-type", "application/json"), ("x-request-id", self.new_request_id()))

    def new_request_id(self) -> str:
        with self._id_lock:
            return f"req_{self._rng.getrandbits(64):016x}"

    def _ok(self, estimate: bool, credits: float, minutes: float, run_id: str | None) -> Reply:
        body = {
            "estimate": estimate,
            "estimatedCreditsConsumed": credits,
            "estimatedMinutes": minutes,
            "run_id": run_id,
        }
        return Reply(200, json.dumps(body).encode(), self._request_id_headers())

    def _error(
        self,
        status: int,
        code: str,
        message: str,
        *,
        param: str | None = None,
        details: dict[str, Any] | None = None,
        allow: str | None = None,
    ) -> Reply:
        headers = self._request_id_headers()
        body: dict[str, Any] = {"code": code, "message": message, "param": param, "request_id": headers[1][1]}
        if details is not None:
            body["details"] = details
        if allow is not None:
            headers += (("allow", allow),)
        return Reply(status, json.dumps(body).encode(), headers)


def _dataset_id(path: str) -> str | None:
    path = path.split("?", 1)[0]
    if not (path.startswith(RUN_PATH_PREFIX) and path.endswith(RUN_PATH_SUFFIX)):
        return None
    segment = path[len(RUN_PATH_PREFIX) : -len(RUN_PATH_SUFFIX)]
    if not segment or "/" in segment:
        return None
    return unquote(segment)


def _bearer(header: str) -> str | None:
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _mapped_columns(mapping: Mapping[str, Any]) -> list[tuple[str, str]]:
    pairs = [(f"column_mapping.{role}", mapping[role]) for role in ("prompt", "completion", "chat") if role in mapping]
    pairs += [(f"column_mapping.context[{i}]", column) for i, column in enumerate(mapping.get("context", []))]
    return pairs
