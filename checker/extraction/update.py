"""Merging a new draft into a claim file a person has edited.

``extract --update FILE`` re-reads an article (say, after a correction) and adds the
claims it finds whose ids the file does not hold yet, at the end of ``claims:``.
Everything already in the file — comments, key order, quoting, hand-written
``metric``/``expect`` links, claims the person deleted from the draft's view — is kept
byte for byte where ruamel.yaml's round trip allows (it may re-indent nothing else).
"""
from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.error import YAMLError

from checker.claimfile.yamlpos import YamlRefused, load as load_bounded
from checker.errors import InputError, Location
from checker.extraction.draft import dump, yaml


def merge(existing: str, draft: Any, where: Location) -> tuple[str, list[str]]:
    """``existing`` YAML text with the draft's new claims appended, and their ids.

    >>> from ruamel.yaml.comments import CommentedMap
    >>> text = "version: 1\\nclaims:\\n  - id: a  # checked\\n    value: 1%\\n"
    >>> merged, added = merge(text, CommentedMap(claims=[{"id": "a"}, {"id": "b", "value": "2%"}]), Location("f", 1, 1))
    >>> added, "# checked" in merged
    (['b'], True)
    """
    try:  # the claim loader's reading first: ruamel recursed into a deep nesting (RecursionError after 8 s)
        load_bounded(existing, where.path)
    except YamlRefused as refused:
        raise InputError(refused.location, f"cannot update: {refused.message}") from None
    try:
        document = yaml().load(existing)
    except YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        at = Location(where.path, mark.line + 1, mark.column + 1) if mark else where
        raise InputError(at, f"cannot update: not valid YAML ({getattr(problem, 'problem', problem)})") from None
    if not isinstance(document, dict):
        raise InputError(where, "cannot update: not a claim file (no mapping at the top)")
    if "claims" not in document and "version" not in document:  # a reference file, say: never add claims to it
        raise InputError(where, "cannot update: not a claim file (no top-level 'version:' or 'claims:')")
    current = document.get("claims")
    if current is None:
        current = document["claims"] = CommentedSeq()
    if not isinstance(current, list):
        raise InputError(where, "cannot update: 'claims' is not a list")
    known = {claim.get("id") for claim in current if isinstance(claim, dict)}
    stated = {_statement(claim) for claim in current if isinstance(claim, dict)}
    added = []
    for claim in draft["claims"]:
        if claim["id"] not in known and _statement(claim) not in stated:  # a claim renamed by hand is still known
            current.append(claim)
            added.append(claim["id"])
    return dump(document), added


def _statement(claim: dict) -> tuple[str, str]:
    """What a claim states, whatever its id: its quote (spacing aside) and its value as written."""
    return " ".join(str(claim.get("quote", "")).split()), str(claim.get("value", ""))
