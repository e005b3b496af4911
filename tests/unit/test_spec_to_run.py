"""A field added to openapi.yaml reaches `client.datasets.run(...)`, typed and validated, with no hand-written edit.

The test patches a copy of the spec, regenerates into a temporary folder, type-checks a snippet that uses the new
field (and one that misuses it), and runs the snippet against the regenerated package.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import regen

ROOT = Path(__file__).resolve().parents[2]

NEW_FIELD = """\
        training_type:
          type: string
          enum: [sft, dpo]
          description: Which kind of training data to produce.
"""

USES_FIELD = textwrap.dedent(
    """
    import json

    import httpx

    from adaption import Adaption, InvalidParameterError

    sent: list[dict[str, object]] = []


    def api(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        run = {"estimate": False, "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": "r-1"}
        return httpx.Response(200, json=run)


    client = Adaption(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(api)))
    client.datasets.run("ds", column_mapping={"prompt": "q"}, training_type="dpo")
    assert sent[0]["training_type"] == "dpo", sent
    try:
        client.datasets.run("ds", column_mapping={"prompt": "q"}, **{"training_type": "rl"})  # type: ignore[arg-type]
    except InvalidParameterError as exc:
        print(exc)
    else:
        raise SystemExit("an unknown training_type was sent")
    assert len(sent) == 1
    """
)

MISUSES_FIELD = textwrap.dedent(
    """
    from adaption import Adaption

    Adaption(api_key="k").datasets.run("ds", column_mapping={"prompt": "q"}, training_type="rl")
    """
)


@pytest.fixture(scope="module")
def patched(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("spec-to-run")
    spec = (ROOT / "openapi.yaml").read_text()
    anchor = "    DatasetRunParams:\n"
    properties = spec.index("      properties:\n", spec.index(anchor)) + len("      properties:\n")
    (work / "openapi.yaml").write_text(spec[:properties] + NEW_FIELD + spec[properties:])
    regen.regenerate(work / "openapi.yaml", work / "gen")
    (work / "uses_field.py").write_text(USES_FIELD)
    (work / "misuses_field.py").write_text(MISUSES_FIELD)
    return work


def test_new_field_type_checks(patched: Path) -> None:
    """mypy --strict accepts training_type="dpo" once the spec has it."""
    result = regen.type_check(patched / "gen", patched / "uses_field.py")
    assert result.returncode == 0, result.stdout


def test_new_field_is_typed_by_its_enum(patched: Path) -> None:
    """mypy rejects a value outside the new field's enum: the type really comes from the spec."""
    result = regen.type_check(patched / "gen", patched / "misuses_field.py")
    assert result.returncode == 1
    assert '"training_type"' in result.stdout, result.stdout
    assert "expected \"Literal['sft', 'dpo']\"" in result.stdout, result.stdout


def test_new_field_is_sent_and_validated(patched: Path) -> None:
    """At run time the new field is sent, and a value outside its enum fails before any request."""
    result = regen.run(patched / "gen", patched / "uses_field.py")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "training_type: 'rl' is not one of 'sft', 'dpo'"


def test_committed_client_does_not_know_the_field() -> None:
    """Control: without regenerating, the same call is refused, so the tests above prove the regeneration."""
    import adaption

    with pytest.raises(adaption.InvalidParameterError, match="training_type: unknown parameter"):
        adaption.Adaption(api_key="k").datasets.run("ds", estimate=True, **{"training_type": "dpo"})  # type: ignore[arg-type]
