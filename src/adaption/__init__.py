"""The Python SDK for the Adaption API.

    from adaption import Adaption
    client = Adaption()  # the key comes from ADAPTION_API_KEY
    quote = client.datasets.run("ds_123", column_mapping={"prompt": "question"}, estimate=True)

The generated models (`DatasetRunResponse`, the `...Dict` parameter types) load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._client import Adaption, AsyncAdaption
from ._deprecation import AdaptionDeprecationWarning
from ._exceptions import (
    AdaptionError,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BudgetExceededError,
    ConflictError,
    InsufficientCreditsError,
    InternalServerError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._response import RawResponse
from ._version import __version__

if TYPE_CHECKING:
    from adaption_api.models.dataset_run_response import DatasetRunResponse
    from adaption_api.params import DatasetRunParamsDict

__all__ = [
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

_LAZY = {
    "DatasetRunResponse": "adaption_api.models.dataset_run_response",
    "DatasetRunParamsDict": "adaption_api.params",
}


def __getattr__(name: str) -> Any:
    """Load the generated types on first use: `import adaption` stays as light as httpx itself."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'adaption' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
