"""Links to a provider's page of a table, made safe for the report they land in.

A link's address comes from a reference file (a FRED series id, a KOSIS table id, a
DART receipt number), so it is data, not trusted markup: only an ``http``/``https``
address with a host is ever made a link (``javascript:`` and ``data:`` are shown as
text or dropped), and each format escapes it for where it lands.
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit

#: Characters kept as they are in a Markdown link's destination; the rest (spaces, ``()<>|``, quotes) are %-encoded.
_MARKDOWN_SAFE = "/:?&=#%+~,;@!$*-._"


def is_web(address: str) -> bool:
    """Whether ``address`` is an ``http`` or ``https`` URL with a host, the only kind a report links to."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and address == address.strip()


def markdown_destination(address: str) -> str:
    """``address`` as a Markdown link destination: nothing in it can close the link, the table cell or a tag.

    >>> markdown_destination("https://e.org/a?b=(1)|<x>")
    'https://e.org/a?b=%281%29%7C%3Cx%3E'
    """
    return quote(address, safe=_MARKDOWN_SAFE)
