"""A canary API key must appear nowhere: logs at DEBUG (ours, httpx's, httpcore's), reprs, errors, warnings."""

from __future__ import annotations

import logging
import traceback
import warnings

import pytest

import adaption
from adaption import Adaption
from adaption.testing import Fault, LocalAPI

CANARY = "sk-canary-7f3a9c1e5b"


def test_canary_key_never_leaks(
    local_api: LocalAPI, base_url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Launches, retries, timeouts and errors with DEBUG logging on every logger: the key shows up nowhere."""
    local_api.add_key(CANARY, 1_000)
    monkeypatch.setattr("adaption._retry.INITIAL_RETRY_DELAY", 0.01)
    caplog.set_level(logging.DEBUG)  # root: catches adaption, httpx, httpcore and anything else
    seen: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with Adaption(api_key=CANARY, base_url=base_url, timeout=5) as client:
            seen += [repr(client), str(vars(client)), repr(client.datasets)]
            local_api.faults.add(Fault.status_code(503, retry_after="0"), Fault.reset_after())
            raw = client.datasets.with_raw_response.run("ds_demo", column_mapping={"prompt": "question"})
            seen += [repr(raw), repr(raw.parse()), repr(raw.http_response), repr(raw.http_response.request)]
            errors: list[BaseException] = []
            for call in (
                lambda: client.datasets.run("ds_nope", estimate=True),
                lambda: client.datasets.run("ds_demo", brand_controls={"length": "long"}, estimate=True),
                lambda: client.with_options(timeout=0.2).datasets.run("ds_demo", column_mapping={"prompt": "question"}),
            ):
                if len(errors) == 2:
                    local_api.faults.add(Fault.delay_after(1))
                try:
                    call()
                except adaption.AdaptionError as exc:
                    errors.append(exc)
            assert [type(e) for e in errors] == [
                adaption.NotFoundError,
                adaption.InvalidParameterError,
                adaption.APITimeoutError,
            ]
            for exc in errors:
                seen += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
                seen += [repr(vars(exc))]
    seen += [record.getMessage() for record in caplog.records]
    seen += [str(w.message) for w in caught]
    assert any("httpcore" in r.name for r in caplog.records), "DEBUG logging from httpcore was not captured"
    assert any(r.name == "adaption" for r in caplog.records)
    leaks = [text for text in seen if CANARY in text]
    assert leaks == []


def test_missing_key_error_names_the_variable_without_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key with a stray newline is refused, naming ADAPTION_API_KEY, never echoing the key."""
    monkeypatch.setenv("ADAPTION_API_KEY", CANARY + "\n")
    with pytest.raises(adaption.AdaptionError) as info:
        Adaption()
    assert "ADAPTION_API_KEY" in str(info.value) and CANARY not in str(info.value)
