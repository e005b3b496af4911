from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.brand_controls import BrandControls
    from ..models.column_mapping import ColumnMapping
    from ..models.job_specification import JobSpecification
    from ..models.recipe_specification import RecipeSpecification


T = TypeVar("T", bound="DatasetRunParams")


@_attrs_define
class DatasetRunParams:
    """The body of `datasets.run`; every field is optional."""

    brand_controls: BrandControls | Unset = UNSET
    """ Brand and quality controls for generated completions (length, safety, hallucination grounding). """
    column_mapping: ColumnMapping | Unset = UNSET
    """ Column role assignments for augmentation. Required for real runs, optional for estimate-only requests.
    Derived: every mapped column must exist in the dataset (else 400 `column_not_found`, naming it in `param`); a
    column name is not empty and not only spaces (the pattern: one character other than ASCII whitespace). """
    estimate: bool | Unset = UNSET
    """ When true, validates the request and returns the estimated credit cost without starting a run. """
    job_specification: JobSpecification | Unset = UNSET
    """ Job execution parameters """
    recipe_specification: RecipeSpecification | Unset = UNSET
    """ Augmentation recipe configuration. Omitted recipes use backend defaults. """

    def to_dict(self) -> dict[str, Any]:
        brand_controls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.brand_controls, Unset):
            brand_controls = self.brand_controls.to_dict()

        column_mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.column_mapping, Unset):
            column_mapping = self.column_mapping.to_dict()

        estimate = self.estimate

        job_specification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_specification, Unset):
            job_specification = self.job_specification.to_dict()

        recipe_specification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recipe_specification, Unset):
            recipe_specification = self.recipe_specification.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if brand_controls is not UNSET:
            field_dict["brand_controls"] = brand_controls
        if column_mapping is not UNSET:
            field_dict["column_mapping"] = column_mapping
        if estimate is not UNSET:
            field_dict["estimate"] = estimate
        if job_specification is not UNSET:
            field_dict["job_specification"] = job_specification
        if recipe_specification is not UNSET:
            field_dict["recipe_specification"] = recipe_specification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brand_controls import BrandControls  # noqa: PLC0415
        from ..models.column_mapping import ColumnMapping  # noqa: PLC0415
        from ..models.job_specification import JobSpecification  # noqa: PLC0415
        from ..models.recipe_specification import RecipeSpecification  # noqa: PLC0415

        d = dict(src_dict)
        _brand_controls = d.pop("brand_controls", UNSET)
        brand_controls: BrandControls | Unset
        if isinstance(_brand_controls, Unset):
            brand_controls = UNSET
        else:
            brand_controls = BrandControls.from_dict(_brand_controls)

        _column_mapping = d.pop("column_mapping", UNSET)
        column_mapping: ColumnMapping | Unset
        if isinstance(_column_mapping, Unset):
            column_mapping = UNSET
        else:
            column_mapping = ColumnMapping.from_dict(_column_mapping)

        estimate = d.pop("estimate", UNSET)

        _job_specification = d.pop("job_specification", UNSET)
        job_specification: JobSpecification | Unset
        if isinstance(_job_specification, Unset):
            job_specification = UNSET
        else:
            job_specification = JobSpecification.from_dict(_job_specification)

        _recipe_specification = d.pop("recipe_specification", UNSET)
        recipe_specification: RecipeSpecification | Unset
        if isinstance(_recipe_specification, Unset):
            recipe_specification = UNSET
        else:
            recipe_specification = RecipeSpecification.from_dict(_recipe_specification)

        dataset_run_params = cls(
            brand_controls=brand_controls,
            column_mapping=column_mapping,
            estimate=estimate,
            job_specification=job_specification,
            recipe_specification=recipe_specification,
        )

        return dataset_run_params
