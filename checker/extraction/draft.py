"""A claim file drafted from an extraction, ready for ``claimcheck check`` as it is.

Every quantity but a date becomes a claim quoting its sentence, with the value as
written (a date is the period of other numbers, and a literal operand of the relations
that span it: ``of: [{value: 2021-10}, {value: 2022-08}]``). A
claim is linked to a metric only where the evidence leaves no choice (see
:mod:`checker.extraction.linking`); any other suggestion is a comment on the claim's
``value`` line (``# suggested: metric: meta.net_income, period: 2022-Q3``), because
that link is a fact-checker's decision, and the claim stays ``unverifiable`` until a
person makes it. A relation the text states becomes a
relation claim (``relation`` + ``of``) when every operand is one of the article's
numbers or a metric the reference data has; otherwise the stated number stays a plain
claim and the relation is described in its comment.

ruamel.yaml writes the file because it keeps comments and key order, which is also
what ``update`` needs to merge a new draft into a hand-edited file.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter

from checker.errors import printable, printable_lines
from checker.evaluation.intervals import format_decimal
from checker.extraction.borrowed import shared_balance, shared_per, spelled
from checker.extraction.dateline import wire_lead_end
from checker.extraction.group_ranks import rank_claims
from checker.extraction.model import ChangeLink, Extraction, Found, Link, Operand, Rivals, StatedRelation
from checker.extraction.rates import unread_rate
from checker.extraction.worded import next_start, previous_end, rank_words, worded_values
from checker.lazy_regex import compile_lazily
from checker.quantities.model import Kind, Quantity
from checker.quantities.predicates import Predicate

HEADER = (
    "Drafted by claimcheck extract. Link each claim to a metric (and period), or to a\n"
    "relation; record the ruling as expect:. Claims not yet linked are unverifiable."
)
_SLUG = compile_lazily(r"[^a-z0-9._-]+")


class _VisibleEmitter(RoundTripEmitter):
    """ruamel.yaml's round-trip emitter, writing what :func:`~checker.errors.printable_lines` escapes as escapes.

    With ``allow_unicode`` (Korean stays readable) ruamel writes the bidirectional marks
    (U+202E, U+2066 …) of an article's quote as they are, and a terminal or an editor showing
    the draft reorders the text around them; it escapes the controls and line separators
    only in double quotes. A string holding any of them is therefore always double-quoted,
    and there each mark is its ``\\u`` escape, which YAML reads back as the same text.
    """

    def analyze_scalar(self, scalar: Any) -> Any:
        analysis = super().analyze_scalar(scalar)
        if printable_lines(scalar) != scalar:
            analysis.allow_flow_plain = analysis.allow_block_plain = False
            analysis.allow_single_quoted = analysis.allow_block = False
        return analysis

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        stream = self.stream
        self.stream = _Escaping(stream)
        try:
            super().write_double_quoted(text, split)
        finally:
            self.stream = stream


class _Escaping:
    """A stream writing through :func:`~checker.errors.printable_lines`: what the emitter leaves raw inside
    double quotes is a printable character, a line break it folds at, or a bidi mark, and only the last changes."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: str) -> None:
        self._stream.write(printable_lines(data))


def yaml() -> YAML:
    """The round-trip YAML reader/writer drafts and updates share."""
    handler = YAML()
    handler.Emitter = _VisibleEmitter
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 4096
    handler.allow_unicode = True
    return handler


def claim_id(found: Found) -> str:
    """A readable id from what the number says: ``money-usd-4400000000``, ``date-2022-08``.

    >>> from checker.quantities import parse_quantity
    >>> claim_id(Found(parse_quantity("약 2만5,000~3만 달러"), (0, 1)))
    'money-usd-25000-30000'

    An exponent's ``+`` is dropped, not made a ``-`` with the other signs: ``1e+40`` was ``number-1.00000e-40``.

    >>> [claim_id(Found(parse_quantity(text), (0, 1))) for text in ("1" + "0" * 40, "0." + "0" * 40 + "1")]
    ['number-1.00000e40', 'number-1e-41']
    """
    q = found.quantity
    if q.kind is Kind.DATE:
        value = found.period or q.date or q.text
    elif q.value is None and q.low is not None and q.high is not None:
        value = f"{format_decimal(q.low)}-{format_decimal(q.high)}"
    else:
        value = format_decimal(q.value) if q.value is not None else q.text
    unit = q.unit if q.kind in (Kind.MONEY, Kind.COUNT, Kind.DURATION) else None
    parts = [q.kind.value.replace("_", "-"), unit or "", value.replace(",", "").replace("e+", "e")]
    return _SLUG.sub("-", "-".join(p for p in parts if p).lower()).strip("-.") or "number"


def claim_ids(extraction: Extraction) -> list[str]:
    """Ids for every quantity, unique in the file: a repeat gets ``-2``, ``-3``…"""
    seen: dict[str, int] = {}
    ids = []
    for found in extraction.quantities:
        base = claim_id(found)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _operand(operand: Operand, extraction: Extraction, ids: list[str], metrics: set[str]) -> Any:
    """The ``of:`` entry for an operand, or None when the draft cannot state it."""
    if isinstance(operand, int):
        found = extraction.quantities[operand]
        if found.quantity.kind is not Kind.DATE:
            return ids[operand]
        if found.period is None:
            return None
        operand = {"value": found.period}
    elif "value" not in operand and (operand.get("metric") not in metrics or "period" not in operand):
        return None
    flow = CommentedMap(operand)
    flow.fa.set_flow_style()
    return flow


def _describe(relation: StatedRelation, ids: list[str]) -> str:
    operands = ", ".join(ids[o] if isinstance(o, int) else "{" + ", ".join(f"{k}: {v}" for k, v in o.items()) + "}"
                         for o in relation.operands)
    return f"states {relation.relation} of [{operands}]: link the metric to check it"


def claims(extraction: Extraction, metrics: Iterable[str] = (),
           links: Mapping[int, Link | ChangeLink | Rivals] | None = None,
           worded: Sequence[tuple[str, Predicate] | None] | None = None) -> CommentedSeq:
    """The ``claims:`` list of the draft; ``links`` (by quantity index) are written as keys."""
    known = set(metrics)
    links = links or {}
    worded = worded_values(extraction) if worded is None else worded
    ids = claim_ids(extraction)
    stated = {}
    for relation in extraction.relations:
        stated.setdefault(relation.claim, relation)
    items = CommentedSeq()
    quantities = [found.quantity for found in extraction.quantities]
    predicates = [words[1] if words else None for words in worded]
    in_sentence: dict[tuple[int, int], list[Quantity]] = {}   # a sentence's figures, gathered in one pass
    for found in extraction.quantities:
        in_sentence.setdefault(found.sentence, []).append(found.quantity)
    for index, found in enumerate(extraction.quantities):
        q = found.quantity
        if q.kind is Kind.DATE:
            continue
        claim = CommentedMap(id=ids[index], quote=quote(extraction.text, found))
        relation = stated.get(index)
        comments = []
        if relation is not None:
            of = [_operand(operand, extraction, ids, known) for operand in relation.operands]
            if all(operand is not None for operand in of):
                span = extraction.text[wire_lead_end(extraction.text, relation.start):relation.end].strip()
                claim["quote"] = span if "\n" not in span else claim["quote"]
                claim["relation"] = relation.relation
                sequence = CommentedSeq(of)
                sequence.fa.set_flow_style()
                claim["of"] = sequence
            else:
                comments.append(_describe(relation, ids))
        words = worded[index]
        value = spelled(words[0] if words else q.text, q, extraction.language, in_sentence[found.sentence])
        claim["value"] = value if value is not None else q.text
        if value is None:
            comments.append(f"the unit {q.unit} is written on another figure: write it in the value")
        per = shared_per(extraction.text, quantities, predicates, index)
        if per is not None:
            claim["value"] = f"{claim['value']} {per}"
        balance = shared_balance(extraction.text, quantities, predicates, index) if extraction.language == "en" else None
        if balance is not None:
            claim["value"] = f"{claim['value']} {balance}"
        rate = unread_rate(extraction.text, q, predicates[index]) if per is None else None
        if rate is not None:
            comments.append(rate)
        if relation is not None and relation.direction == "down" and "relation" in claim and not words:
            claim["direction"] = "down"
        link = links.get(index)
        if isinstance(link, Rivals):
            comments.insert(0, link.note + (f"; period: {found.period}" if found.period else ""))
        elif link is not None and "relation" not in claim:
            _write_link(claim, link)
        elif found.metric and "relation" not in claim:
            comments.insert(0, f"suggested: metric: {found.metric}" + (f", period: {found.period}" if found.period else ""))
        elif found.period and q.kind is not Kind.DATE and "relation" not in claim:
            comments.insert(0, f"period: {found.period}")
        if found.note:
            comments.append(found.note)
        rank = rank_words(extraction.text, found, extraction.language, next_start(extraction, index),
                          previous_end(extraction, index))
        if rank is not None and not isinstance(links.get(index), Link):
            comments.append(f"states a rank ({rank[0]}): link the metric to check it with relation: extreme")
        if comments:
            claim.yaml_add_eol_comment(printable("; ".join(comments)), "value")
        items.append(claim)
        if rank is not None and isinstance(links.get(index), Link):
            items.append(_rank_claim(claim, rank[0], links[index]))
    items.extend(rank_claims(extraction, [item["id"] for item in items]))
    return items


#: A sentence longer than this is quoted by the words around its number: a sentence of
#: thousands of characters (a table pasted as prose, an article without full stops) would
#: otherwise be written out once for each of its numbers.
QUOTE_LIMIT = 1000
#: How far such a quote reaches on each side of its number: past the predicate words a
#: value may take from around it ("7.4% 감소했다", "fell to the lowest in three years").
QUOTE_REACH = 300


def quote(text: str, found: Found) -> str:
    """The claim's quote: the number's sentence (after a wire's dateline and byline opening it), or the
    whole words around the number in a long one."""
    start, end = found.sentence
    lead = wire_lead_end(text, start)
    start = lead if lead <= found.quantity.start else start
    if end - start <= QUOTE_LIMIT:
        return text[start:end].strip()
    quantity = found.quantity
    low, high = max(start, quantity.start - QUOTE_REACH), min(end, quantity.end + QUOTE_REACH)
    if low > start:                                   # open at a word: after the first space past ``low``
        space = text.find(" ", low, quantity.start)
        low = space + 1 if space >= 0 else low
    if high < end:                                    # close at a word: before the last space up to ``high``
        space = text.rfind(" ", quantity.end, high)
        high = space if space >= 0 else high
    return text[low:high].strip()


def _flow(**keys: str) -> CommentedMap:
    """A one-line mapping (``{metric: m, period: 2023}``)."""
    mapping = CommentedMap(keys)
    mapping.fa.set_flow_style()
    return mapping


def _rank_claim(claim: CommentedMap, words: str, link: Link) -> CommentedMap:
    """The rank the sentence states of a linked number ("3년 만에 최저"), as an ``extreme`` claim."""
    of = CommentedSeq([_flow(metric=link.metric, period=link.period)])
    of.fa.set_flow_style()
    return CommentedMap(id=f"{claim['id']}-rank", quote=claim["quote"], relation="extreme", of=of, value=words)


def _write_link(claim: CommentedMap, link: Link | ChangeLink) -> None:
    """The claim's lookup keys (or the two periods of a stated change), and why an ``agg`` was chosen."""
    if isinstance(link, ChangeLink):
        claim["relation"] = link.relation
        # a change is from a to b; a difference and a multiple are a − b and a ÷ b, the later first
        periods = (link.earlier, link.period) if link.relation == "change" else (link.period, link.earlier)
        of = CommentedSeq([_flow(metric=link.metric, period=period) for period in periods])
        of.fa.set_flow_style()
        claim["of"] = of
        if link.why:
            claim.yaml_add_eol_comment(printable(link.why), "of")
        claim.move_to_end("value")
        return
    claim["metric"] = link.metric
    claim["period"] = link.period
    for key, why in link.carried:
        claim.yaml_add_eol_comment(printable(why), key)
    if link.agg is not None:
        claim["agg"] = link.agg
        claim.yaml_add_eol_comment(printable(link.why), "agg")


def draft(extraction: Extraction, article: Path, output: Path | None,
          references: Iterable[Path] = (), metrics: Iterable[str] = (),
          links: Mapping[int, Link | ChangeLink | Rivals] | None = None,
          worded: Sequence[tuple[str, Predicate] | None] | None = None) -> CommentedMap:
    """The whole claim file; paths are written relative to ``output``'s folder.

    ``worded`` is ``worded_values(extraction)`` when the caller has it (linking needs it too).
    """
    folder = output.resolve().parent if output is not None else Path.cwd()
    document = CommentedMap(version=1)
    section = CommentedMap(file=os.path.relpath(article.resolve(), folder))
    if extraction.published:
        section["published"] = extraction.published
    section["language"] = extraction.language
    document["article"] = section
    paths = [os.path.relpath(Path(path).resolve(), folder) for path in references]
    if paths:
        listed = CommentedSeq(paths)
        listed.fa.set_flow_style()
        document["reference"] = listed
    document["claims"] = claims(extraction, metrics, links, worded)
    document.yaml_set_start_comment(HEADER)
    return document


def dump(document: Any) -> str:
    """``document`` as YAML text."""
    stream = io.StringIO()
    yaml().dump(document, stream)
    return stream.getvalue()
