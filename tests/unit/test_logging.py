"""Logging: the `adaption` logger only, opt-in output with ADAPTION_LOG, and the facts a log line carries."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from typing import Any

import httpx
import pytest

from adaption import Adaption


def test_log_lines_carry_method_path_status_attempt_wait_elapsed_request_id(
    client: Adaption, recorder: Any, caplog: pytest.LogCaptureFixture, no_sleep: list[float]
) -> None:
    recorder.reply(
        httpx.Response(
            503,
            json={"code": "unavailable", "message": "busy", "request_id": "req_9"},
            headers={"retry-after": "0.25", "x-request-id": "req_9"},
        )
    )
    with caplog.at_level(logging.INFO, logger="adaption"):
        client.datasets.run("ds_1", column_mapping={"prompt": "q"})
    lines = [r.getMessage() for r in caplog.records if r.name == "adaption"]
    assert lines[0].startswith("POST /api/v1/datasets/ds_1/run attempt=1 elapsed_ms=")
    assert lines[0].endswith("status=503 request_id=req_9")
    assert lines[1] == "retrying POST /api/v1/datasets/ds_1/run in 0.25 s (attempt 2 of 3)"
    assert "attempt=2" in lines[2] and "status=200" in lines[2]


@pytest.mark.parametrize(("setting", "level"), [("info", "INFO"), ("DEBUG", "DEBUG"), ("", None), ("loud", None)])
def test_adaption_log_is_opt_in_and_leaves_root_alone(setting: str, level: str | None) -> None:
    """ADAPTION_LOG=info|debug adds one stderr handler to `adaption`; the root logger is never configured."""
    script = textwrap.dedent(
        """
        import logging
        from adaption import Adaption
        Adaption(api_key="k"); Adaption(api_key="k")
        log = logging.getLogger("adaption")
        print(len(log.handlers), logging.getLevelName(log.level), len(logging.getLogger().handlers))
        """
    )
    env = {"ADAPTION_LOG": setting, "PATH": ""}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == (["1", level, "0"] if level else ["0", "NOTSET", "0"])
