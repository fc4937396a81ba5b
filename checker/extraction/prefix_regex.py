"""A regex that finds where one of many words may start, by the regex engine's fast paths.

An alternation of a few hundred words, case-insensitive, makes Python's regex engine
try every word at every position. Written as a trie of the words' first letters, each
letter a plain class of its cases (``[tT](?:[hH][iI]|[eE][nN])``), the engine skips a
branch after one look at a character, without entering it. The trie keeps only the
first ``depth`` letters, so it matches wherever a word of the list starts and at some
places where none does: it is a filter, and what it lets through is checked by the
exact pattern afterwards.

The trie ``lowered`` is for the lower-cased copy of an ASCII text: each letter is one
literal, which the engine tests faster than a class of its cases, and it finds there
exactly what the cased trie finds in the text (an ASCII letter matches a class of its
cases where its lower case matches the lower-case literal; nothing else changes).
"""
from __future__ import annotations

import re
from typing import Iterable

#: Characters that match an ASCII letter under IGNORECASE beyond ``str.lower`` and
#: ``str.upper``: Python's regex engine folds ı and İ to i, ſ to s, the Kelvin sign to k.
FOLDS: dict[str, str] = {"i": "ıİ", "s": "ſ", "k": "\u212a"}


def variants(character: str) -> set[str] | None:
    """Every character IGNORECASE would match to ``character``; None for "too many to list".

    Beyond ASCII the case variants of a letter are many (the Ångström and Ohm signs, ẞ),
    so a letter with case there is left unlisted: the trie then lets any character through.
    """
    if not character.isascii() and character.lower() != character.upper():
        return None
    return {character, character.lower(), character.upper(), *FOLDS.get(character.lower(), "")}


def cases(character: str, lowered: bool = False) -> str:
    """A regex matching every character that IGNORECASE would match to ``character``;
    any run of white space for a space, which stands for ``\\s+`` in the patterns a trie filters for.
    ``lowered``: only ``character`` itself (lower-cased), for a lower-cased ASCII text."""
    if character.isspace():
        return r"\s+"
    found = variants(character)
    if found is None:
        return "."
    if len(found) == 1 or lowered:
        return re.escape(character)
    return "[%s]" % re.escape("".join(sorted(found)))


def prefix_trie(words: Iterable[str], depth: int, lowered: bool = False) -> str:
    """A regex matching, case-insensitively, the first ``depth`` characters of any of ``words``;
    ``lowered``, the same in a lower-cased ASCII text (see above).

    >>> prefix_trie(["the", "ten", "a"], 2), prefix_trie(["the", "ten", "a"], 2, lowered=True)
    ('(?=[ATat])(?:[Tt](?:[Hh]|[Ee])|[Aa])', '(?=[at])(?:t(?:h|e)|a)')
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for character in word.lower()[:depth]:
            node = node.setdefault(character, {})
        node[""] = {}
    return _first_characters(trie, lowered) + _branches(trie, lowered)


def _first_characters(trie: dict[str, dict], lowered: bool) -> str:
    """A look-ahead for the characters the trie's words open with, when they can all be listed:
    one class tested where most places fail, before the branches are tried one by one."""
    found = [variants(character) for character in trie if character]
    if "" in trie or len(found) < 2 or any(cased is None or " " in cased for cased in found):
        return ""
    if lowered:
        return "(?=[%s])" % re.escape("".join(sorted(trie)))
    return "(?=[%s])" % re.escape("".join(sorted(set().union(*found))))   # type: ignore[arg-type]


def _branches(node: dict[str, dict], lowered: bool) -> str:
    if "" in node:
        return ""  # a word of the list ends here: whatever follows, the filter lets it through
    branches = [cases(character, lowered) + _branches(child, lowered) for character, child in node.items()]
    return branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
