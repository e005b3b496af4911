"""Typed request parameters and schema tables, generated from openapi.yaml by codegen/typed_params.py.

Do not edit: change openapi.yaml and run `nox -s generate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, Literal, Required, TypedDict

if TYPE_CHECKING:
    from .models.brand_controls import BrandControls
    from .models.column_mapping import ColumnMapping
    from .models.dataset_run_params import DatasetRunParams
    from .models.job_specification import JobSpecification
    from .models.recipe_specification import RecipeSpecification
    from .models.recipe_specification_recipes import RecipeSpecificationRecipes

__all__ = [
    "BrandControlsDict",
    "ColumnMappingDict",
    "DatasetRunParamsDict",
    "JobSpecificationDict",
    "RecipeSpecificationDict",
    "RecipeSpecificationRecipesDict",
    "OPERATIONS",
    "SCHEMAS",
]


class RecipeSpecificationRecipesDict(TypedDict, total=False):
    """Augmentation recipe toggles. Omitted recipes use backend defaults."""

    deduplication: bool
    """Remove near-duplicate rows"""

    preference_pairs: bool
    """Generate DPO-style preference pairs (chosen/rejected) instead of instruction completions"""

    prompt_metadata_injection: bool
    """Inject context and constraints into prompts"""

    prompt_rephrase: bool
    """Rephrase prompts for variety and clarity"""

    reasoning_traces: bool
    """Add reasoning traces (chain-of-thought) to completions"""


class RecipeSpecificationDict(TypedDict, total=False):
    """Augmentation recipe configuration. Omitted recipes use backend defaults."""

    recipes: RecipeSpecificationRecipesDict | RecipeSpecificationRecipes
    """Augmentation recipe toggles. Omitted recipes use backend defaults."""

    version: str
    """Recipe schema version. Allows recipe options to evolve across releases."""


class JobSpecificationDict(TypedDict, total=False):
    """Job execution parameters"""

    idempotency_key: str
    """Client-generated idempotency key for safe retries. If a launch with the same key already exists, the original response is returned."""

    max_rows: float
    """Maximum number of rows to process in this run. Derived: a row count, so a positive whole number."""


class ColumnMappingDict(TypedDict, total=False):
    """Column role assignments for augmentation. Required for real runs, optional for estimate-only requests. Derived: every mapped column must exist in the dataset (else 400 `column_not_found`, naming it in `param`); a column name is not empty and not only spaces (the pattern: one character other than ASCII whitespace)."""

    prompt: Required[str]
    """Column to use as the prompt/instruction field"""

    chat: str
    """Column containing chat/conversation data (alternative to prompt+completion)"""

    completion: str
    """Column to use as the completion/response field"""

    context: list[str] | tuple[str, ...]
    """Columns to include as context"""


class BrandControlsDict(TypedDict, total=False):
    """Brand and quality controls for generated completions (length, safety, hallucination grounding)."""

    hallucination_mitigation: bool
    """Enable web-search grounding to reduce hallucinations in generated completions"""

    length: Literal["minimal", "concise", "detailed", "extensive"]
    """Target response length. Controls verbosity of generated completions."""

    safety_categories: list[str] | tuple[str, ...]
    """Content safety categories to enforce. Completions violating these are filtered."""


class DatasetRunParamsDict(TypedDict, total=False):
    """The body of `datasets.run`; every field is optional."""

    brand_controls: BrandControlsDict | BrandControls
    """Brand and quality controls for generated completions (length, safety, hallucination grounding)."""

    column_mapping: ColumnMappingDict | ColumnMapping
    """Column role assignments for augmentation. Required for real runs, optional for estimate-only requests. Derived: every mapped column must exist in the dataset (else 400 `column_not_found`, naming it in `param`); a column name is not empty and not only spaces (the pattern: one character other than ASCII whitespace)."""

    estimate: bool
    """When true, validates the request and returns the estimated credit cost without starting a run."""

    job_specification: JobSpecificationDict | JobSpecification
    """Job execution parameters"""

    recipe_specification: RecipeSpecificationDict | RecipeSpecification
    """Augmentation recipe configuration. Omitted recipes use backend defaults."""


# Every component schema, reduced to the keywords adaption._validation enforces.
SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "BrandControls": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "hallucination_mitigation": {"type": "boolean"},
            "length": {"type": "string", "enum": ["minimal", "concise", "detailed", "extensive"]},
            "safety_categories": {"type": "array", "items": {"type": "string"}},
        },
    },
    "ColumnMapping": {
        "type": "object",
        "additionalProperties": False,
        "required": ["prompt"],
        "properties": {
            "prompt": {"type": "string", "pattern": "[^ \\t\\n\\r\\f\\v]"},
            "chat": {"type": "string", "pattern": "[^ \\t\\n\\r\\f\\v]"},
            "completion": {"type": "string", "pattern": "[^ \\t\\n\\r\\f\\v]"},
            "context": {"type": "array", "items": {"type": "string", "pattern": "[^ \\t\\n\\r\\f\\v]"}},
        },
    },
    "DatasetRunParams": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "brand_controls": {"$ref": "BrandControls"},
            "column_mapping": {"$ref": "ColumnMapping"},
            "estimate": {"type": "boolean"},
            "job_specification": {"$ref": "JobSpecification"},
            "recipe_specification": {"$ref": "RecipeSpecification"},
        },
    },
    "DatasetRunResponse": {
        "type": "object",
        "required": ["estimate", "estimatedCreditsConsumed", "estimatedMinutes", "run_id"],
        "properties": {
            "estimate": {"type": "boolean"},
            "estimatedCreditsConsumed": {"type": "number"},
            "estimatedMinutes": {"type": "number"},
            "run_id": {"type": ["string", "null"]},
        },
    },
    "ErrorResponse": {
        "type": "object",
        "required": ["code", "message", "request_id"],
        "properties": {
            "code": {"type": "string"},
            "message": {"type": "string"},
            "param": {"type": ["string", "null"]},
            "request_id": {"type": "string"},
            "details": {"type": "object", "additionalProperties": True},
        },
    },
    "JobSpecification": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "idempotency_key": {"type": "string", "minLength": 1, "maxLength": 255},
            "max_rows": {"type": "number", "minimum": 1, "multipleOf": 1},
        },
    },
    "RecipeSpecification": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"recipes": {"$ref": "RecipeSpecificationRecipes"}, "version": {"type": "string"}},
    },
    "RecipeSpecificationRecipes": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "deduplication": {"type": "boolean"},
            "preference_pairs": {"type": "boolean"},
            "prompt_metadata_injection": {"type": "boolean"},
            "prompt_rephrase": {"type": "boolean"},
            "reasoning_traces": {"type": "boolean"},
        },
    },
}

# Each operation: method, path template and the schema names of its body and responses.
OPERATIONS: Final[dict[str, dict[str, Any]]] = {
    "run_dataset": {
        "method": "POST",
        "path": "/api/v1/datasets/{dataset_id}/run",
        "request": "DatasetRunParams",
        "responses": {
            "200": "DatasetRunResponse",
            "400": "ErrorResponse",
            "401": "ErrorResponse",
            "402": "ErrorResponse",
            "404": "ErrorResponse",
            "409": "ErrorResponse",
            "422": "ErrorResponse",
            "429": "ErrorResponse",
            "500": "ErrorResponse",
            "503": "ErrorResponse",
        },
        "deprecated": False,
        "x-replacement": None,
    },
}
