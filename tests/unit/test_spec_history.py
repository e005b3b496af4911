"""Each step of the live API's history, regenerated: new fields usable at once, dropped ones refused, deprecations
warned about once with their replacement. No hand-written code changes between the steps."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import regen

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ROOT / "tests" / "fixtures" / "spec_history"

PRELUDE = """
import json
import warnings

import httpx

import adaption
from adaption import Adaption

sent: list[dict[str, object]] = []


def api(request: httpx.Request) -> httpx.Response:
    sent.append(json.loads(request.content))
    run = {"estimate": False, "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": "r-1"}
    return httpx.Response(200, json=run)


client = Adaption(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(api)))
"""


def regenerate(tmp_path: Path, step: str) -> Path:
    return regen.regenerate(next(HISTORY.glob(f"{step}-*.yaml")), tmp_path / "gen")


def run_snippet(gen: Path, tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "snippet.py"
    script.write_text(PRELUDE + textwrap.dedent(body))
    return regen.run(gen, script)


def test_step_2_new_fields_work_right_after_generate(tmp_path: Path) -> None:
    """training_type and brand_controls.blueprint: typed, validated and sent, with no hand-written edit."""
    gen = regenerate(tmp_path, "2")
    result = run_snippet(
        gen,
        tmp_path,
        """
        client.datasets.run(
            "ds", column_mapping={"prompt": "q"}, training_type="dpo", brand_controls={"blueprint": "bp_1"}
        )
        assert sent[0]["training_type"] == "dpo" and sent[0]["brand_controls"] == {"blueprint": "bp_1"}, sent
        print("sent")
    """,
    )
    assert result.returncode == 0, result.stderr
    checked = regen.type_check(gen, tmp_path / "snippet.py")
    assert checked.returncode == 0, checked.stdout


def test_step_3_dropped_recipes_are_refused_before_sending(tmp_path: Path) -> None:
    gen = regenerate(tmp_path, "3")
    result = run_snippet(
        gen,
        tmp_path,
        """
        try:
            client.datasets.run(
                "ds", column_mapping={"prompt": "q"}, recipe_specification={"recipes": {"preference_pairs": True}}
            )
        except adaption.InvalidParameterError as exc:
            print(exc.param)
        assert sent == []
    """,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "recipe_specification.recipes.preference_pairs"


def test_step_4_deprecations_warn_once_naming_the_replacement(tmp_path: Path) -> None:
    """The deprecated operation and field each warn once per process, at the caller's line, naming the new way."""
    gen = regenerate(tmp_path, "4")
    result = run_snippet(
        gen,
        tmp_path,
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(3):
                client.datasets.run("ds", column_mapping={"prompt": "q"}, recipe_specification={"version": "v2"})
        for warning in caught:
            assert warning.category is adaption.AdaptionDeprecationWarning, warning
            assert warning.filename.endswith("snippet.py"), warning.filename
            print(warning.message)
        assert len(sent) == 3
    """,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "datasets.run (POST /api/v1/datasets/{dataset_id}/run) is deprecated by the API: "
        "use POST /api/v1/datasets/{dataset_id}/adapt instead.",
        "RecipeSpecification.version is deprecated by the API: use training_type instead.",
    ]


def test_deprecation_without_a_replacement_fails_generation(tmp_path: Path) -> None:
    """A bare `deprecated: true` cannot ship: users would be told nothing useful."""
    spec = (next(HISTORY.glob("4-*.yaml"))).read_text().replace("          x-replacement: training_type\n", "")
    (tmp_path / "openapi.yaml").write_text(spec)
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "codegen" / "generate.py"),
            "--spec",
            str(tmp_path / "openapi.yaml"),
            "--output",
            str(tmp_path / "gen" / "adaption_api"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "deprecated without x-replacement" in result.stderr


@pytest.mark.parametrize("step", ["1", "2", "3", "4"])
def test_every_fixture_is_a_valid_spec(step: str) -> None:
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    spec, _ = read_from_filename(str(next(HISTORY.glob(f"{step}-*.yaml"))))
    validate(spec)
