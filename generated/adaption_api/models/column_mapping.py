from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ColumnMapping")


@_attrs_define
class ColumnMapping:
    """Column role assignments for augmentation. Required for real runs, optional for estimate-only requests. Derived:
    every mapped column must exist in the dataset (else 400 `column_not_found`, naming it in `param`); a column name is
    not empty and not only spaces (the pattern: one character other than ASCII whitespace).

    """

    prompt: str
    """ Column to use as the prompt/instruction field """
    chat: str | Unset = UNSET
    """ Column containing chat/conversation data (alternative to prompt+completion) """
    completion: str | Unset = UNSET
    """ Column to use as the completion/response field """
    context: list[str] | Unset = UNSET
    """ Columns to include as context """

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        chat = self.chat

        completion = self.completion

        context: list[str] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if chat is not UNSET:
            field_dict["chat"] = chat
        if completion is not UNSET:
            field_dict["completion"] = completion
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        chat = d.pop("chat", UNSET)

        completion = d.pop("completion", UNSET)

        context = cast(list[str], d.pop("context", UNSET))

        column_mapping = cls(
            prompt=prompt,
            chat=chat,
            completion=completion,
            context=context,
        )

        return column_mapping
