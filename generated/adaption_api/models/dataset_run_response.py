from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DatasetRunResponse")


@_attrs_define
class DatasetRunResponse:
    estimate: bool
    """ Whether this was an estimate-only request (no run started) """
    estimated_credits_consumed: float
    """ Estimated number of credits that will be consumed by this run """
    estimated_minutes: float
    """ Estimated processing time in minutes """
    run_id: None | str
    """ Unique identifier for this pipeline run. Null for estimate-only requests. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        estimate = self.estimate

        estimated_credits_consumed = self.estimated_credits_consumed

        estimated_minutes = self.estimated_minutes

        run_id: None | str
        run_id = self.run_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "estimate": estimate,
                "estimatedCreditsConsumed": estimated_credits_consumed,
                "estimatedMinutes": estimated_minutes,
                "run_id": run_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        estimate = d.pop("estimate")

        estimated_credits_consumed = d.pop("estimatedCreditsConsumed")

        estimated_minutes = d.pop("estimatedMinutes")

        def _parse_run_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        run_id = _parse_run_id(d.pop("run_id"))

        dataset_run_response = cls(
            estimate=estimate,
            estimated_credits_consumed=estimated_credits_consumed,
            estimated_minutes=estimated_minutes,
            run_id=run_id,
        )

        dataset_run_response.additional_properties = d
        return dataset_run_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
