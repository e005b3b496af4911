"""Contains all the data models used in inputs/outputs"""

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
