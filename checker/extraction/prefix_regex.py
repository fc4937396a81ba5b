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
from re import _parser as sre_parse   # type: ignore[attr-defined]
from typing import Any, Iterable

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


def may_open_on(source: str, flags: int, character: str) -> bool:
    """Whether a match of the regex ``source`` may open on ``character``, read off its parse: False only
    where none can (each way through it consumes first a character other than ``character``); True
    wherever that is not sure (a look-around is passed over, a back-reference or a negated class is
    taken to allow any character).

    >>> [may_open_on(r"(?:the\\s+)?(?:same|\\d+[a-c])", re.IGNORECASE, c) for c in "TS5xb"]
    [True, True, True, False, False]
    """
    return _may_open(sre_parse.parse(source, flags), character, bool(flags & re.IGNORECASE))[0]


def _may_open(items: Any, character: str, ignore_case: bool) -> tuple[bool, bool]:
    """For a sequence of parsed items: whether it may open on ``character``, and whether it may match nothing."""
    for op, argument in items:
        opens, empty = _item_may_open(op, argument, character, ignore_case)
        if opens:
            return True, False
        if not empty:
            return False, False
    return False, True


def _item_may_open(op: Any, argument: Any, character: str, ignore_case: bool) -> tuple[bool, bool]:
    constants = sre_parse
    if op is constants.LITERAL:
        return _same(chr(argument), character, ignore_case), False
    if op is constants.IN:
        return _in_class(argument, character, ignore_case), False
    if op is constants.BRANCH:
        answers = [_may_open(branch, character, ignore_case) for branch in argument[1]]
        return any(opens for opens, _ in answers), any(empty for _, empty in answers)
    if op is constants.SUBPATTERN:
        _, add, remove, inner = argument
        return _may_open(inner, character, (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        least, _, inner = argument
        opens, empty = _may_open(inner, character, ignore_case)
        return opens, empty or least == 0
    if op is constants.ATOMIC_GROUP:
        return _may_open(argument, character, ignore_case)
    if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
        return False, True   # consumes nothing: what follows opens the match
    return True, False   # any other item: taken to allow any character


def _same(literal: str, character: str, ignore_case: bool) -> bool:
    return literal == character or (ignore_case and re.match(re.escape(literal), character, re.IGNORECASE) is not None)


def _in_class(items: Any, character: str, ignore_case: bool) -> bool:
    """Whether a parsed character class may match ``character`` (True for what is not read here)."""
    for op, argument in items:
        if op is sre_parse.LITERAL and _same(chr(argument), character, ignore_case):
            return True
        if op is sre_parse.RANGE:
            low, high = map(chr, argument)
            if re.match(f"[{re.escape(low)}-{re.escape(high)}]", character, re.IGNORECASE if ignore_case else 0):
                return True
        if op is sre_parse.CATEGORY and argument not in _CATEGORIES:
            return True
        if op is sre_parse.CATEGORY and _CATEGORIES[argument](character):
            return True
        if op not in (sre_parse.LITERAL, sre_parse.RANGE, sre_parse.CATEGORY):
            return True   # a negation, anything else: not read
    return False


#: The categories ``_in_class`` reads, as the engine tests them on a ``str`` pattern.
_CATEGORIES = {
    sre_parse.CATEGORY_DIGIT: str.isdecimal,
    sre_parse.CATEGORY_SPACE: str.isspace,
    sre_parse.CATEGORY_WORD: lambda character: character.isalnum() or character == "_",
}
