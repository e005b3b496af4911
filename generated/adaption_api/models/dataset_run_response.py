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
    """ Estimated number of credits that will be consumed by this run. Derived (the local API's pricing model): rows
    x 0.01 credits x a multiplier per enabled recipe (deduplication 1.05, preference_pairs 1.8,
    prompt_metadata_injection 1.1, prompt_rephrase 1.25, reasoning_traces 1.6; omitted recipes default to
    deduplication and prompt_rephrase on) x the length multiplier (minimal 0.6, concise 1.0 and the default,
    detailed 1.4, extensive 2.0) x 1.3 with hallucination_mitigation, rounded to 2 decimals, where rows is the
    dataset's row count capped by job_specification.max_rows. """
    estimated_minutes: float
    """ Estimated processing time in minutes. Derived (the local API's throughput model): 1 + rows x the same
    multipliers / 2000 rows per minute, rounded to 1 decimal. """
    run_id: None | str
    """ Unique identifier for this pipeline run. Null for estimate-only requests. Shaped as in the reference's
    example: `dataset-<uuid4>-<milliseconds since the epoch>`. """
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
