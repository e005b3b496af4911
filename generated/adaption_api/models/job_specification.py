from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="JobSpecification")


@_attrs_define
class JobSpecification:
    """Job execution parameters"""

    idempotency_key: str | Unset = UNSET
    """ Client-generated idempotency key for safe retries. If a launch with the same key already exists, the
    original response is returned. """
    max_rows: float | Unset = UNSET
    """ Maximum number of rows to process in this run. Derived: a row count, so a positive whole number. """

    def to_dict(self) -> dict[str, Any]:
        idempotency_key = self.idempotency_key

        max_rows = self.max_rows

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if max_rows is not UNSET:
            field_dict["max_rows"] = max_rows

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        idempotency_key = d.pop("idempotency_key", UNSET)

        max_rows = d.pop("max_rows", UNSET)

        job_specification = cls(
            idempotency_key=idempotency_key,
            max_rows=max_rows,
        )

        return job_specification
