"""Ranks across entities stated in an article: "OECD 1위", "세계 3위", "the highest among OECD countries".

The commonest rank claim in Korean politics places one country among a named group.
Such a sentence often holds no number the grammar reads ("OECD 최하위"), so the draft
finds it here, by the group's name and the place words next to it, and writes a claim
quoting the sentence, with the ``rank_among`` keys it could read in a comment: which
metric and period a fact-checker links, and which way an "N위" runs, are their decision
(see :mod:`checker.evaluation.relations.rank_among`), so the claim stays unlinked and
``unverifiable`` until a person writes them.

Only named groups count (OECD, G7, G20, EU, the world): "the highest in the nation"
ranks among states, cities or companies, and the words do not say which.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

from checker.errors import printable
from checker.extraction.model import Extraction
from checker.extraction.sentences import sentence_of, sentence_spans
from checker.lazy_regex import compile_lazily

#: The group names articles write, and the group key a reference file defines them under.
GROUPS = {"oecd": "oecd", "g7": "g7", "g-7": "g7", "g20": "g20", "g-20": "g20", "eu": "eu",
          "european union": "eu", "유럽연합": "eu", "세계": "world", "world": "world", "world's": "world"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}
#: Superlatives by the way their ranking runs; "best" and "worst" run the way the metric does.
_HIGH = ("highest", "largest", "biggest", "greatest", "fastest", "most", "높", "많", "크", "빠르", "길")
_LOW = ("lowest", "smallest", "slowest", "least", "낮", "적", "작", "느리", "짧")
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))"
_SUPERLATIVE = r"(?:highest|lowest|largest|smallest|biggest|greatest|fastest|slowest|most|least|best|worst)"
_KO_GROUP = r"(?<![가-힣A-Za-z])(?P<group>OECD|G-?7|G-?20|EU|유럽연합|세계)"
#: Its blanks are taken whole (possessive: nothing after them opens with a blank), so the runs of
#: blanks between its optional words are never shared out anew ("OECD" and 2,000 blanks took 63 s).
_KO_MEMBERS = r"\s*+(?:\d+\s*+개\s*+)?(?:회원국|국가|회원|나라|국)?(?:들)?\s*+(?:중에서|가운데|중|내|에서)?\s*+"
_EN_GROUP = r"(?P<group>OECD|G-?7|G-?20|EU|European Union|world)\b"
_EN_MEMBERS = r"(?:\s+(?:countries|nations|members|member (?:states|countries|nations)|economies))?"

_PATTERNS = (
    # OECD 1위, OECD 회원국 중 3위, 세계 3위 (not 10위권, a range of places)
    compile_lazily(_KO_GROUP + _KO_MEMBERS + r"(?P<place>\d{1,3})\s*위(?!권)"),
    # OECD 최하위, OECD 국가 가운데 꼴찌
    compile_lazily(_KO_GROUP + _KO_MEMBERS + r"(?P<last>최하위|꼴찌|꼴등)"),
    # G7 중 가장 높다, OECD 국가 가운데 가장 많은
    compile_lazily(_KO_GROUP + _KO_MEMBERS + r"(?:가장|제일)\s*(?P<way>높|낮|많|적|크|작|빠르|느리|길|짧)"),
    # the (second-)highest … among OECD countries / in the world (not "most of the world")
    compile_lazily(r"\b(?:(?P<ordinal>" + _ORDINAL + r")[-\s])?(?P<way>" + _SUPERLATIVE + r")\b(?!\s+of\b)"
                   r"[\w\s,'-]{0,40}?\b(?:among|in)\s+(?:all\s+)?(?:the\s+)?(?:\d+\s+)?" + _EN_GROUP + _EN_MEMBERS,
                   re.IGNORECASE),
    # fifth among G7 nations, last in the OECD
    compile_lazily(r"\b(?P<ordinal>" + _ORDINAL + r"|last)\s+(?:place\s+)?(?:among|in)\s+(?:all\s+)?(?:the\s+)?"
                   + _EN_GROUP + _EN_MEMBERS, re.IGNORECASE),
    # the world's (third-)largest
    compile_lazily(r"\bthe\s+(?P<group>world's)\s+(?:(?P<ordinal>" + _ORDINAL + r")[-\s])?(?P<way>"
                   + _SUPERLATIVE + r")\b", re.IGNORECASE),
)

#: Words before a superlative that make it a set of places, not one: "one of the largest … in
#: the world", "some of the highest", "many of the largest", "among the most dangerous", "the
#: seven most dangerous".
_SET_BEFORE = compile_lazily(r"(?:\b(?:one|some|many|several)\s+of|\bamong|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
                             r"\d+))\s+(?:the\s+)?\Z", re.IGNORECASE)


@dataclass(frozen=True)
class GroupRank:
    """One stated place among a group: where the words are, the group key, the place, the way it runs."""

    start: int
    end: int
    group: str
    #: The place from 1; None for last place.
    rank: int | None
    #: ``highest`` or ``lowest`` when the words say so ("가장 높다"); None for "3위", "최하위", "best".
    direction: str | None


def find(text: str) -> list[GroupRank]:
    """Every stated place among a named group, in text order; overlapping readings keep the longest.

    >>> [(r.group, r.rank, r.direction) for r in find("한국의 자살률은 OECD 최하위, 출산율은 세계 3위다.")]
    [('oecd', None, None), ('world', 3, None)]
    """
    found: list[GroupRank] = []
    for pattern in _PATTERNS:
        found += (_read(match) for match in pattern.finditer(text)
                  if not _SET_BEFORE.search(text, max(0, match.start() - 20), match.start()))
    kept: list[GroupRank] = []
    for rank in sorted(found, key=lambda item: (item.start, -item.end)):
        if not kept or rank.start >= kept[-1].end:
            kept.append(rank)
    return kept


def _read(match: re.Match[str]) -> GroupRank:
    fields = match.groupdict()
    way = (fields.get("way") or "").lower()
    direction = "highest" if way in _HIGH else "lowest" if way in _LOW else None
    ordinal = (fields.get("ordinal") or "").lower()
    if fields.get("last") or ordinal == "last":
        rank = None
    elif fields.get("place"):
        rank = int(fields["place"])
    elif ordinal:
        rank = _ORDINALS.get(ordinal) or int(ordinal[:-2])
    else:
        rank = 1
    return GroupRank(match.start(), match.end(), GROUPS[fields["group"].lower()], rank, direction)


def rank_claims(extraction: Extraction, taken: list[str]) -> list[CommentedMap]:
    """Unlinked draft claims, one per stated place, quoting its sentence; ids clear of ``taken``."""
    spans = sentence_spans(extraction.text)
    starts = [start for start, _ in spans]
    ids = set(taken)
    claims = []
    for rank in find(extraction.text):
        start, end = spans[sentence_of(spans, starts, rank.start)] if spans else (rank.start, rank.end)
        quote = extraction.text[start:end].strip() if end >= rank.end else extraction.text[rank.start:rank.end]
        claim = CommentedMap(id=_free(f"rank-{rank.group}-{rank.rank or 'last'}", ids), quote=quote)
        claim.yaml_add_eol_comment(printable(_comment(extraction.text[rank.start:rank.end], rank)), "quote")
        claims.append(claim)
    return claims


def _free(base: str, ids: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… when taken; the id is then taken."""
    name, count = base, 1
    while name in ids:
        count += 1
        name = f"{base}-{count}"
    ids.add(name)
    return name


def _comment(words: str, rank: GroupRank) -> str:
    direction = rank.direction or "highest or lowest"
    return (f"states a rank among {rank.group} ({' '.join(words.split())}): check it with relation: rank_among, "
            f"of: [{{metric: ENTITY.METRIC, period: PERIOD}}], group: {rank.group}, rank: {rank.rank or 'last'}, "
            f"direction: {direction}")
