"""Snapshots of the public surface: what `adaption` and `adaption_api` export, and the signature of `run`."""

from __future__ import annotations

import inspect

from inline_snapshot import snapshot

import adaption
import adaption_api
import adaption_api.models
import adaption_api.params
from adaption._resources.datasets import AsyncDatasets, Datasets


def test_adaption_exports() -> None:
    """The hand-written package's public names; every one of them resolves."""
    assert sorted(adaption.__all__) == snapshot(
        [
            "APIConnectionError",
            "APIError",
            "APIResponseValidationError",
            "APIStatusError",
            "APITimeoutError",
            "Adaption",
            "AdaptionDeprecationWarning",
            "AdaptionError",
            "AsyncAdaption",
            "AuthenticationError",
            "BadRequestError",
            "BudgetExceededError",
            "ConflictError",
            "DatasetRunParamsDict",
            "DatasetRunResponse",
            "InsufficientCreditsError",
            "InternalServerError",
            "InvalidParameterError",
            "NotFoundError",
            "PermissionDeniedError",
            "RateLimitError",
            "RawResponse",
            "UnprocessableEntityError",
            "__version__",
        ]
    )
    for name in adaption.__all__:
        assert getattr(adaption, name) is not None


def test_adaption_api_exports() -> None:
    """The generated package's public names: client, models and the typed parameter dicts."""
    assert {
        "adaption_api": sorted(adaption_api.__all__),
        "adaption_api.models": sorted(adaption_api.models.__all__),
        "adaption_api.params": sorted(adaption_api.params.__all__),
    } == snapshot(
        {
            "adaption_api": ["AuthenticatedClient", "Client"],
            "adaption_api.models": [
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
            ],
            "adaption_api.params": [
                "BrandControlsDict",
                "ColumnMappingDict",
                "DatasetRunParamsDict",
                "JobSpecificationDict",
                "OPERATIONS",
                "RecipeSpecificationDict",
                "RecipeSpecificationRecipesDict",
                "SCHEMAS",
            ],
        }
    )


def test_run_signature() -> None:
    """`run` and its async twin take the same parameters; the spec-driven ones come from DatasetRunParamsDict."""
    sync = str(inspect.signature(Datasets.run))
    assert sync == str(inspect.signature(AsyncDatasets.run))
    assert sync == snapshot(
        "(self, dataset_id: 'str', *, max_credits: 'float | None' = None, timeout: 'float | httpx.Timeout | None' = None, max_retries: 'int | None' = None, extra_headers: 'Mapping[str, str] | None' = None, extra_query: 'Mapping[str, str] | None' = None, extra_body: 'Mapping[str, Any] | None' = None, **params: 'Unpack[DatasetRunParamsDict]') -> 'DatasetRunResponse'"
    )
    assert list(adaption_api.params.DatasetRunParamsDict.__annotations__) == snapshot(
        ["brand_controls", "column_mapping", "estimate", "job_specification", "recipe_specification"]
    )
