from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recipe_specification_recipes import RecipeSpecificationRecipes


T = TypeVar("T", bound="RecipeSpecification")


@_attrs_define
class RecipeSpecification:
    """Augmentation recipe configuration. Omitted recipes use backend defaults."""

    recipes: RecipeSpecificationRecipes | Unset = UNSET
    """ Augmentation recipe toggles. Omitted recipes use backend defaults. """
    version: str | Unset = UNSET
    """ Recipe schema version. Allows recipe options to evolve across releases. """

    def to_dict(self) -> dict[str, Any]:
        recipes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recipes, Unset):
            recipes = self.recipes.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if recipes is not UNSET:
            field_dict["recipes"] = recipes
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recipe_specification_recipes import RecipeSpecificationRecipes  # noqa: PLC0415

        d = dict(src_dict)
        _recipes = d.pop("recipes", UNSET)
        recipes: RecipeSpecificationRecipes | Unset
        if isinstance(_recipes, Unset):
            recipes = UNSET
        else:
            recipes = RecipeSpecificationRecipes.from_dict(_recipes)

        version = d.pop("version", UNSET)

        recipe_specification = cls(
            recipes=recipes,
            version=version,
        )

        return recipe_specification
