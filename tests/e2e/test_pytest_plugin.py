"""The pytest plugin users enable: its fixtures work in a fresh pytest run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

USER_TESTS = textwrap.dedent(
    """
    import pytest
    from adaption import Adaption
    from adaption.testing import Fault

    pytest_plugins = ["adaption.testing.pytest_plugin"]


    def my_pipeline(client):
        return client.datasets.run("ds_demo", column_mapping={"prompt": "question"}).run_id


    def test_launch_survives_a_reset(adaption_api, adaption_client):
        adaption_api.faults.add(Fault.reset_after())
        run_id = my_pipeline(adaption_client)
        assert adaption_api.ledger.runs == [run_id]


    def test_env_for_code_that_builds_its_own_client(adaption_api, adaption_env):
        with Adaption() as client:
            my_pipeline(client)
        assert len(adaption_api.ledger.reservations) == 1


    @pytest.mark.anyio
    async def test_async(adaption_api, adaption_async_client):
        run = await adaption_async_client.datasets.run("ds_demo", estimate=True)
        assert run.run_id is None and adaption_api.ledger.reservations == []
    """
)


def test_plugin_fixtures(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS)
    (tmp_path / "conftest.py").write_text(
        "import pytest\n\n@pytest.fixture\ndef anyio_backend():\n    return 'asyncio'\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
