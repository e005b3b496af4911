from typing import Literal

BrandControlsLength = Literal["concise", "detailed", "extensive", "minimal"]

BRAND_CONTROLS_LENGTH_VALUES: set[BrandControlsLength] = {
    "concise",
    "detailed",
    "extensive",
    "minimal",
}


def check_brand_controls_length(value: str) -> BrandControlsLength:
    if value in BRAND_CONTROLS_LENGTH_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BRAND_CONTROLS_LENGTH_VALUES!r}")
