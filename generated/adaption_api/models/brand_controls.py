from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.brand_controls_length import (
    BrandControlsLength,
    check_brand_controls_length,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrandControls")


@_attrs_define
class BrandControls:
    """Brand and quality controls for generated completions (length, safety, hallucination grounding)."""

    hallucination_mitigation: bool | Unset = UNSET
    """ Enable web-search grounding to reduce hallucinations in generated completions """
    length: BrandControlsLength | Unset = UNSET
    """ Target response length. Controls verbosity of generated completions. """
    safety_categories: list[str] | Unset = UNSET
    """ Content safety categories to enforce. Completions violating these are filtered. """

    def to_dict(self) -> dict[str, Any]:
        hallucination_mitigation = self.hallucination_mitigation

        length: str | Unset = UNSET
        if not isinstance(self.length, Unset):
            length = self.length

        safety_categories: list[str] | Unset = UNSET
        if not isinstance(self.safety_categories, Unset):
            safety_categories = self.safety_categories

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if hallucination_mitigation is not UNSET:
            field_dict["hallucination_mitigation"] = hallucination_mitigation
        if length is not UNSET:
            field_dict["length"] = length
        if safety_categories is not UNSET:
            field_dict["safety_categories"] = safety_categories

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hallucination_mitigation = d.pop("hallucination_mitigation", UNSET)

        _length = d.pop("length", UNSET)
        length: BrandControlsLength | Unset
        if isinstance(_length, Unset):
            length = UNSET
        else:
            length = check_brand_controls_length(_length)

        safety_categories = cast(list[str], d.pop("safety_categories", UNSET))

        brand_controls = cls(
            hallucination_mitigation=hallucination_mitigation,
            length=length,
            safety_categories=safety_categories,
        )

        return brand_controls
