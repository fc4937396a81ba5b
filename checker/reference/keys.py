"""Metric keys as providers publish their codes: ``ecos.404Y014.*AA``, ``ecos.401Y015.2AA.W``.

A user copies a code from the provider's own table, so the key must hold it exactly as
published: ECOS writes its total index ``*AA``, OpenDART ``ifrs-full_Revenue``. Only two
things cannot be part of a code: a dot, which separates the codes of a key, and
whitespace or a control character, which no claim file or terminal could show intact.
The characters a claim file must quote (a key starting with ``*``, ``&``, ``!``…) are
listed in docs/reference-data.md.
"""
from __future__ import annotations

import re

from checker.lazy_regex import compile_lazily

#: One code of a key: anything but a dot, whitespace or a control character.
CODE = r"[^\s.\x00-\x1f\x7f-\x9f]+"
METRIC = re.compile(rf"^{CODE}(?:\.{CODE})+\Z")
_CODE = compile_lazily(rf"^{CODE}\Z")


def provider_key(provider: str, codes: list[object]) -> str:
    """``provider.code1.code2…`` with each code as published (outer spaces trimmed); ValueError naming a bad one.

    >>> provider_key("ecos", ["404Y014", "*AA"])
    'ecos.404Y014.*AA'
    >>> provider_key("ecos", ["401Y015", "2.AA"])
    Traceback (most recent call last):
    ...
    ValueError: code '2.AA' cannot be part of a metric key (a dot separates codes; no spaces)
    """
    for code in codes:
        if not isinstance(code, str) or not _CODE.match(code.strip()):
            raise ValueError(f"code {code!r} cannot be part of a metric key (a dot separates codes; no spaces)")
    return ".".join([provider, *(str(code).strip() for code in codes)])
