"""The spec-driven validator on its own: what it accepts, converts and refuses."""

from __future__ import annotations

from typing import Any

import pytest

from adaption._validation import SchemaViolation, Validator
from adaption_api.models import BrandControls, ColumnMapping, DatasetRunParams
from adaption_api.params import SCHEMAS

validator = Validator(SCHEMAS)
PARAMS = {"$ref": "DatasetRunParams"}


def test_models_and_tuples_become_plain_json() -> None:
    """Generated models become dicts and tuples become lists, in one pass."""
    body = validator.convert(
        {"column_mapping": ColumnMapping(prompt="q", context=["a"]), "brand_controls": {"safety_categories": ("x",)}},
        PARAMS,
        "",
    )
    assert body == {"column_mapping": {"prompt": "q", "context": ["a"]}, "brand_controls": {"safety_categories": ["x"]}}


def test_a_whole_params_model_is_accepted() -> None:
    model = DatasetRunParams.from_dict({"estimate": True, "brand_controls": {"length": "minimal"}})
    assert validator.convert(model, PARAMS, "") == {"estimate": True, "brand_controls": {"length": "minimal"}}


def test_a_model_with_a_bad_value_is_refused() -> None:
    """attrs does not check the Literal; the validator does."""
    with pytest.raises(SchemaViolation) as info:
        validator.convert({"brand_controls": BrandControls(length="huge")}, PARAMS, "")  # type: ignore[arg-type]
    assert info.value.path == "brand_controls.length"
    assert info.value.allowed == ("minimal", "concise", "detailed", "extensive")


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"job_specification": {"max_rows": float("nan")}}, "job_specification.max_rows"),
        ({"job_specification": {"max_rows": float("inf")}}, "job_specification.max_rows"),
        ({"job_specification": {"max_rows": -3}}, "job_specification.max_rows"),
        ({"job_specification": {"idempotency_key": ""}}, "job_specification.idempotency_key"),
        ({"job_specification": {"idempotency_key": "k" * 256}}, "job_specification.idempotency_key"),
        ({"brand_controls": {"safety_categories": ["ok", 3]}}, "brand_controls.safety_categories[1]"),
        ({"brand_controls": "concise"}, "brand_controls"),
        ({"column_mapping": {"prompt": "\t\n"}}, "column_mapping.prompt"),
        ({"recipe_specification": {"recipes": {"deduplicate": True}}}, "recipe_specification.recipes.deduplicate"),
        ({1: True}, ""),
    ],
)
def test_refusals_name_the_path(params: dict[Any, Any], path: str) -> None:
    with pytest.raises(SchemaViolation) as info:
        validator.convert(params, PARAMS, "")
    assert info.value.path == path


def test_whole_floats_are_whole_numbers() -> None:
    """max_rows 10.0 is a whole number; the value is sent as given."""
    assert validator.convert({"job_specification": {"max_rows": 10.0}}, PARAMS, "") == {
        "job_specification": {"max_rows": 10.0}
    }


def test_responses_may_grow() -> None:
    """Response schemas are open: a field the spec does not know yet is kept, not refused."""
    body = {"estimate": True, "estimatedCreditsConsumed": 1, "estimatedMinutes": 2, "run_id": None, "new": 1}
    assert validator.convert(body, {"$ref": "DatasetRunResponse"}, "") == body
