"""Contains all the data models used in inputs/outputs.

Each model's module loads on first use, so importing one model does not import them all.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .brand_controls import BrandControls
    from .brand_controls_length import BrandControlsLength
    from .column_mapping import ColumnMapping
    from .dataset_run_params import DatasetRunParams
    from .dataset_run_response import DatasetRunResponse
    from .error_response import ErrorResponse
    from .error_response_details import ErrorResponseDetails
    from .job_specification import JobSpecification
    from .recipe_specification import RecipeSpecification
    from .recipe_specification_recipes import RecipeSpecificationRecipes

_MODULES = {
    "BrandControls": ".brand_controls",
    "BrandControlsLength": ".brand_controls_length",
    "ColumnMapping": ".column_mapping",
    "DatasetRunParams": ".dataset_run_params",
    "DatasetRunResponse": ".dataset_run_response",
    "ErrorResponse": ".error_response",
    "ErrorResponseDetails": ".error_response_details",
    "JobSpecification": ".job_specification",
    "RecipeSpecification": ".recipe_specification",
    "RecipeSpecificationRecipes": ".recipe_specification_recipes",
}

__all__ = (
    "BrandControls",
    "BrandControlsLength",
    "ColumnMapping",
    "DatasetRunParams",
    "DatasetRunResponse",
    "ErrorResponse",
    "ErrorResponseDetails",
    "JobSpecification",
    "RecipeSpecification",
    "RecipeSpecificationRecipes",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
