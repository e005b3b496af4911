"""The local API fuzzed from openapi.yaml with schemathesis: whatever a client sends, every answer keeps the spec.

Bounded (a few hundred generated requests, a fixed seed, no deadline) so that it stays quick and reproducible.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from adaption.testing import DEMO_KEY, LocalAPI, serve

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
schema = schemathesis.openapi.from_path(SPEC)


@pytest.fixture(scope="module")
def fuzz_target() -> Iterator[tuple[str, LocalAPI]]:
    # A large balance and a catalogue entry for the ids schemathesis likes, so that launches get deep enough.
    api = LocalAPI(keys={DEMO_KEY: 1e12})
    with serve(api) as base_url:
        yield base_url, api


@schema.parametrize()
@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_answer_conforms(case: schemathesis.Case, fuzz_target: tuple[str, LocalAPI]) -> None:
    """No 5xx, and every status, header and body matches the spec, for generated valid and invalid requests."""
    base_url, _ = fuzz_target
    case.call_and_validate(base_url=base_url, headers={"Authorization": f"Bearer {DEMO_KEY}"})
