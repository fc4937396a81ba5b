"""JSON as every machine report writes it: the same data, with nothing in it that can act.

``json`` escapes C0 controls but, with ``ensure_ascii=False`` (Korean stays readable),
passes DEL, C1 controls (``\\x9b`` is a terminal's CSI), the Unicode line separators
and bidirectional overrides through as they are; ``</script>`` in a quote would end the
``<script type="application/ld+json">`` a publisher embeds ClaimReview in; and ``##[``
is a workflow command to the GitHub Actions runner wherever it stands in a log line.
Each is written as its ``\\uXXXX`` escape instead, which every JSON reader decodes to
the same string (outside strings JSON never holds these characters).
"""
from __future__ import annotations

import json
from typing import Any

_ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (*range(0x7F, 0xA0), 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                 *range(0x2066, 0x206A), ord("<"), ord(">"), ord("&"))
}


def dumps(document: Any) -> str:
    """``document`` as indented JSON text, safe to print, log or embed in HTML (see module docstring).

    >>> dumps({"q": "</script>##[x]\\x9b"})
    '{\\n  "q": "\\\\u003c/script\\\\u003e#\\\\u0023[x]\\\\u009b"\\n}'
    """
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return text.translate(_ESCAPED).replace("##[", "#\\u0023[")
