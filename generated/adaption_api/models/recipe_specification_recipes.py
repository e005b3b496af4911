from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecipeSpecificationRecipes")


@_attrs_define
class RecipeSpecificationRecipes:
    """Augmentation recipe toggles. Omitted recipes use backend defaults."""

    deduplication: bool | Unset = UNSET
    """ Remove near-duplicate rows """
    preference_pairs: bool | Unset = UNSET
    """ Generate DPO-style preference pairs (chosen/rejected) instead of instruction completions """
    prompt_metadata_injection: bool | Unset = UNSET
    """ Inject context and constraints into prompts """
    prompt_rephrase: bool | Unset = UNSET
    """ Rephrase prompts for variety and clarity """
    reasoning_traces: bool | Unset = UNSET
    """ Add reasoning traces (chain-of-thought) to completions """

    def to_dict(self) -> dict[str, Any]:
        deduplication = self.deduplication

        preference_pairs = self.preference_pairs

        prompt_metadata_injection = self.prompt_metadata_injection

        prompt_rephrase = self.prompt_rephrase

        reasoning_traces = self.reasoning_traces

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if deduplication is not UNSET:
            field_dict["deduplication"] = deduplication
        if preference_pairs is not UNSET:
            field_dict["preference_pairs"] = preference_pairs
        if prompt_metadata_injection is not UNSET:
            field_dict["prompt_metadata_injection"] = prompt_metadata_injection
        if prompt_rephrase is not UNSET:
            field_dict["prompt_rephrase"] = prompt_rephrase
        if reasoning_traces is not UNSET:
            field_dict["reasoning_traces"] = reasoning_traces

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deduplication = d.pop("deduplication", UNSET)

        preference_pairs = d.pop("preference_pairs", UNSET)

        prompt_metadata_injection = d.pop("prompt_metadata_injection", UNSET)

        prompt_rephrase = d.pop("prompt_rephrase", UNSET)

        reasoning_traces = d.pop("reasoning_traces", UNSET)

        recipe_specification_recipes = cls(
            deduplication=deduplication,
            preference_pairs=preference_pairs,
            prompt_metadata_injection=prompt_metadata_injection,
            prompt_rephrase=prompt_rephrase,
            reasoning_traces=reasoning_traces,
        )

        return recipe_specification_recipes
