"""Reading claim files: from a path to a :class:`ClaimFile`, or to located errors.

Two kinds of trouble, kept apart because the engine treats them differently:

- **file-level** (the file is missing, too big, not UTF-8, not YAML, the wrong
  version, its article unreadable, a reference outside the repository): the file
  yields no claims and :func:`load_claim_file` returns ``(None, errors)``;
- **claim-level** (an unknown key, a bad period, a quote the article does not
  contain, an operand naming no claim, a cycle): the claim is still returned,
  carrying its ``problems``, so the report lists it with the verdict ``error``
  while every other claim is checked as usual.

Every error points at the node it is about (``path:line:col``), with paths shown
as the user gave them.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.claimfile import among, schema
from checker.claimfile.cycles import cycles
from checker.claimfile.model import Article, Claim, ClaimFile, Operand
from checker.claimfile.references import read_entries
from checker.claimfile.stated import TEXTS_KEPT, rank_problem, value_problem
from checker.claimfile.quotes import MAX_NEAREST, FoldedText, find_quote, fold, locate_quotes, not_found_message
from checker.claimfile.yamlpos import Problem, YamlMap, YamlRefused, YamlSeq, load as load_yaml, type_name
from checker.errors import InputError, Location
from checker.periods import Period, PeriodError, Undated, parse_period
from checker.quantities import detect_language, parse_quantity
from checker.quantities.countries import missing_country
from checker.quantities.model import MAX_EXPONENT, Qualifier, Quantity
from checker.quantities.predicates import Predicate, Rank, Worded, as_written, read_rank, read_value
from checker.reference.entry import Entry
from checker.suggest import did_you_mean
from checker.textfiles import read_text

MAX_BYTES = 10_000_000
"""Default size bound for claim files and articles, checked before reading."""
ROOT_MARKERS = (".git", "pyproject.toml", "claimcheck.yaml")
"""Files or folders whose presence marks the claim repository's root."""
CLAIM_SUFFIXES = (".yaml", ".yml")
REFERENCE_FOLDER = "reference"
_CLAIM_FILE_KEY = re.compile(r"^(?:claims|version)[ \t]*:", re.MULTILINE)


# --------------------------------------------------------------------------- reading


def shown_path(path: Path) -> str:
    """``path`` as messages show it: relative to the working directory when inside it."""
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return str(path)


def repository_root(claim_file: Path) -> Path | None:
    """The claim repository: the nearest ancestor holding a root marker, resolved.

    Looked for first where the claim file was named (its folder as written, before any
    symlink), then where it really lives: a claim file that is a symlink, or sits in a
    symlinked folder, into a place with no marker stays confined to the repository that
    links it. ``None`` for a loose draft (``extract -o /tmp/x.yaml``) that lives in no
    repository: confinement protects a repository (and the CI job reading it) from a
    claim file that reaches outside it, and a loose draft has no repository to protect.
    """
    for folder in (Path(os.path.abspath(claim_file)).parent, claim_file.resolve().parent):
        for candidate in (folder, *folder.parents):
            if any((candidate / marker).exists() for marker in ROOT_MARKERS):
                return candidate.resolve()
    return None


def inside(claim_path: Path, root: Path | None, written: str, where: Location, what: str) -> Path:
    """The path ``written`` in the claim file, to open and show; InputError if it escapes ``root``.

    The path returned is the one checked: the written path when it names the same file
    (so messages show what the user wrote), else the resolved one. ``lnk/../x`` with
    ``lnk`` a symlink is where the link leads, then up, for the system; a textual
    ``normpath`` would drop ``lnk/..`` and open another file, outside, unchecked.
    """
    target = claim_path.parent / written
    try:
        resolved = target.resolve()
        shown = Path(os.path.normpath(target))
        same = shown.resolve() == resolved
    except (OSError, RuntimeError, ValueError):
        raise InputError(where, f"{what} '{written}' cannot be resolved") from None
    if root is not None and not resolved.is_relative_to(root):
        raise InputError(where, f"{what} '{written}' is outside the claim repository ({shown_path(root)})")
    return shown if same else Path(shown_path(resolved))


# --------------------------------------------------------------------------- the file


@dataclass
class _Context:
    """What building claims needs from the file around them."""

    article: Article
    article_name: str
    folded: FoldedText
    misses: int = 0
    """Quotes not found so far: the nearest-passage search is bounded per file (quotes.MAX_NEAREST)."""
    spans: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    """Every quote the claims write, located at once before they are built (quotes.locate_quotes)."""


def load_claim_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[ClaimFile | None, list[InputError]]:
    """Load one claim file.

    Returns ``(claim_file, [])``, with claim-level problems inside the claims, or
    ``(None, errors)`` when the file as a whole cannot be used.
    """
    path = Path(path)
    name = shown_path(path)
    try:
        document = load_yaml(read_text(path, Location(name), max_bytes), name)
    except InputError as exc:
        return None, [exc]
    except YamlRefused as exc:
        return None, [InputError(exc.location, exc.message)]
    top = document.value
    if not isinstance(top, YamlMap) or not any(key in top for key in _CLAIM_FILE_KEYS):
        return None, [InputError(Location(name), _not_a_claim_file(path, top))]
    claims_node = top.get("claims")
    per_claim, file_problems = _split_problems(document.problems, claims_node)
    errors = [InputError(problem.location, problem.message) for problem in file_problems]
    errors += schema.unknown_keys(top, schema.TOP_KEYS)
    fields = _typed_fields(top, schema.TOP_KEYS, errors)
    _check_version(top, fields.get("version"), name, errors)
    for required in ("article", "claims"):
        if required not in top:
            errors.append(InputError(Location(name), f"missing key '{required}'"))
    refused_here = {problem.location for problem in file_problems}  # a refused tag left None
    if "article" in top and top["article"] is None and top.value_locations["article"] not in refused_here:
        errors.append(
            InputError(top.value_locations["article"], "key 'article' should be a mapping, got null")
        )
    shown = Path(name)
    root = repository_root(path)
    article = _article(top, fields.get("article"), shown, root, max_bytes, errors)
    references, reference_locations = _references(top, fields.get("reference"), shown, root, errors)
    file_tolerance: dict[str, Decimal] = {}
    if fields.get("tolerance") is not None:
        file_tolerance, tolerance_errors = schema.tolerance(fields["tolerance"])
        errors += tolerance_errors
    if errors or article is None:
        return None, errors
    context = _Context(article, top["article"]["file"], fold(article.text))
    claims = _claims(claims_node, per_claim, context)
    return ClaimFile(shown, article, references, reference_locations, file_tolerance, claims), []


#: Top-level keys of which a claim file has at least one; a reference YAML file has none of them.
_CLAIM_FILE_KEYS = ("version", "article", "claims")


def _not_a_claim_file(path: Path, top: Any) -> str:
    """Why ``path`` is no claim file, for a user who gave ``check`` an article, a reference file or a CSV."""
    if isinstance(top, YamlMap):
        keys = ", ".join(map(str, list(top)[:4])) or "none"
        message = f"not a claim file: no top-level 'version', 'article' or 'claims' (its keys: {keys})"
    else:
        message = f"a claim file should be a mapping with 'version', 'article' and 'claims', got {type_name(top)}"
        if path.name.endswith(CLAIM_SUFFIXES):
            return message   # a claim file gone wrong, not another kind of file
    return (f"{message}; a reference file or an article is named in a claim file (reference:, article: file:), "
            "and claimcheck lint or metrics reads a reference file alone")


def _split_problems(
    problems: Iterable[Problem], claims: Any
) -> tuple[dict[int, list[InputError]], list[Problem]]:
    """Charge each YAML problem to the claim it sits in; the rest are file-level.

    A claim's extent runs from its first character to the next claim's.
    """
    per_claim: dict[int, list[InputError]] = {}
    file_level: list[Problem] = []
    starts: list[tuple[int, int]] = []
    end = (0, 0)
    if isinstance(claims, YamlSeq):
        starts = [(at.line, at.column) for at in claims.item_locations]
        end = claims.end
    for problem in problems:
        at = (problem.location.line, problem.location.column)
        index = bisect_right(starts, at) - 1  # binary search: 20,000 claims, each with a problem, stay fast
        stop = starts[index + 1] if 0 <= index < len(starts) - 1 else end
        owner = index if index >= 0 and at < stop else None
        if owner is None:
            file_level.append(problem)
        else:
            per_claim.setdefault(owner, []).append(InputError(problem.location, problem.message))
    return per_claim, file_level


def _typed_fields(mapping: YamlMap, table: dict[str, schema.Key], errors: list[InputError]) -> dict[str, Any]:
    """Every declared key's checked value (None when absent or wrong, with an error), in the table's order.

    Only the keys written are checked: a claim writes five or so of its seventeen keys, and 100,000 claims
    asked the others for nothing (``schema.typed`` gives None for an absent key)."""
    fields: dict[str, Any] = dict.fromkeys(table)
    for key in table:
        if key in mapping:
            try:
                fields[key] = schema.typed(mapping, key, table)
            except InputError as exc:
                errors.append(exc)
    return fields


def _check_version(top: YamlMap, version: Any, name: str, errors: list[InputError]) -> None:
    if "version" not in top:
        errors.append(
            InputError(
                Location(name), f"missing key 'version' (this claimcheck reads version {schema.VERSION})"
            )
        )
    elif version is not None and version != schema.VERSION:
        errors.append(
            InputError(
                top.value_locations["version"],
                f"unsupported claim-file version {version} (this claimcheck reads version {schema.VERSION})",
            )
        )


def _article(
    top: YamlMap, section: YamlMap | None, shown: Path, root: Path | None, max_bytes: int, errors: list[InputError]
) -> Article | None:
    """The article section, with the article's text read; None (and errors) otherwise."""
    if section is None:
        return None
    before = len(errors)
    errors += schema.unknown_keys(section, schema.ARTICLE_KEYS)
    fields = _typed_fields(section, schema.ARTICLE_KEYS, errors)
    source = fields["source"] or {}
    for key, value in source.items():
        if not isinstance(value, str):
            errors.append(
                InputError(
                    source.value_locations[key],
                    f"article source '{key}' should be a string, got {type_name(value)}",
                )
            )
        elif key in schema.WEB_ADDRESS_KEYS and schema.web_address(value) is None:
            errors.append(
                InputError(source.value_locations[key], f"article source '{key}' should be an http or https address")
            )
    published = fields["published"]
    if isinstance(published, datetime):
        published = published.date()
    elif isinstance(published, str):
        published = schema.quoted_day(published)
        if published is None:
            errors.append(InputError(section.value_locations["published"],
                                     f"key 'published' should be a date (YYYY-MM-DD), got '{fields['published']}'"))
    written = fields["file"]
    if written is None:
        if "file" not in section:
            errors.append(InputError(top.key_locations["article"], "article has no 'file'"))
        return None
    where = section.value_locations["file"]
    try:
        article_path = inside(shown, root, written, where, "article")
        text = read_text(article_path, where, max_bytes, what=f"article '{written}'")
    except InputError as exc:
        errors.append(exc)
        return None
    if len(errors) > before:
        return None
    return Article(article_path, text, published, fields["language"], dict(source))


def _references(
    top: YamlMap, value: Any, shown: Path, root: Path | None, errors: list[InputError]
) -> tuple[tuple[Entry, ...], tuple[Location, ...]]:
    """Reference entries (inside the repository and existing), with where each was written."""
    return read_entries(value, top.value_locations.get("reference"), shown, root, inside, errors)


# --------------------------------------------------------------------------- claims


def _claims(node: Any, yaml_problems: dict[int, list[InputError]], context: _Context) -> tuple[Claim, ...]:
    """Build every claim, then apply the rules that span claims."""
    if not isinstance(node, YamlSeq):
        return ()
    built: list[Claim] = []
    links: list[list[tuple[str, Location]]] = []
    context.spans = locate_quotes((item["quote"] for item in node
                                   if isinstance(item, YamlMap) and isinstance(item.get("quote"), str)), context.folded)
    for index, (item, where) in enumerate(zip(node, node.item_locations)):
        builder = _ClaimBuilder(item, where, index + 1, context, list(yaml_problems.get(index, [])))
        built.append(_built_safely(builder))
        links.append(builder.links)
    return _cross_check(built, links)


@lru_cache(maxsize=TEXTS_KEPT)
def _read_value(text: str, language: str | None) -> Worded | None:
    """The grammar's reading of a written value, once per distinct text and language in a run.

    Claim files repeat values (a desk's 4.2%, 2배); the reading is immutable, so every
    claim writing the same text shares it.
    """
    return read_value(text, language)


def _built_safely(builder: _ClaimBuilder) -> Claim:
    """The builder's claim; a bug while reading it costs this claim (an ``error``), never the file's others."""
    try:
        return builder.build()
    except Exception as problem:  # a bug here must stay inside one claim
        written = builder.item.get("id") if isinstance(builder.item, YamlMap) else None
        claim_id = written if isinstance(written, str) and written else f"#{builder.number}"
        message = f"internal error while reading this claim: {problem!r}"
        return Claim(id=claim_id, location=builder.where, problems=(InputError(builder.where, message),))


def _cross_check(claims: list[Claim], links: list[list[tuple[str, Location]]]) -> tuple[Claim, ...]:
    """Duplicate ids, operands naming no claim, and cycles between relation claims."""
    extra: list[list[InputError]] = [[] for _ in claims]
    first: dict[str, int] = {}
    for index, claim in enumerate(claims):
        if claim.id in first and not claim.id.startswith("#"):
            at = claim.key_locations.get("id", claim.location)
            line = claims[first[claim.id]].key_locations.get("id", claims[first[claim.id]].location).line
            extra[index].append(InputError(at, f"duplicate claim id '{claim.id}' (first at line {line})"))
        first.setdefault(claim.id, index)
    known = [claim_id for claim_id in first if not claim_id.startswith("#")]
    graph: dict[str, list[tuple[str, Location]]] = {}
    for index, claim in enumerate(claims):
        for target, where in links[index]:
            if target not in first:
                extra[index].append(
                    InputError(
                        where,
                        f"operand names no claim '{target}' in this file{did_you_mean(target, known)}",
                    )
                )
            elif first[claim.id] == index:
                graph.setdefault(claim.id, []).append((target, where))
    for claim_id, (message, where) in cycles(graph, list(first)).items():
        extra[first[claim_id]].append(InputError(where, message))
    return tuple(
        replace(claim, problems=claim.problems + tuple(more)) if more else claim
        for claim, more in zip(claims, extra)
    )


class _ClaimBuilder:
    """Builds one claim, collecting its problems instead of stopping at the first."""

    def __init__(
        self, item: Any, where: Location, number: int, context: _Context, problems: list[InputError]
    ) -> None:
        self.item = item
        self.where = where
        self.number = number
        self.context = context
        self.problems = problems
        self.links: list[tuple[str, Location]] = []
        """Claim-id operands (target, where written), for the cross-claim rules."""

    def build(self) -> Claim:
        item = self.item
        if not isinstance(item, YamlMap):
            self.problems.append(
                InputError(self.where, f"a claim should be a mapping, got {type_name(item)}")
            )
            return Claim(id=f"#{self.number}", location=self.where, problems=tuple(self.problems))
        self.problems += schema.unknown_keys(item, schema.CLAIM_KEYS)
        fields = _typed_fields(item, schema.CLAIM_KEYS, self.problems)
        written_id = item.get("id")
        if written_id is None:
            self.problems.append(
                InputError(item.value_locations.get("id", item.location), "claim has no 'id'")
            )
        claim_id = written_id if isinstance(written_id, str) else f"#{self.number}"
        if fields["relation"] in ("extreme", among.NAME):  # its value is rank words, not a quantity
            value, predicate = None, None
            rank = self.rank(item, fields["value"]) if fields["relation"] == "extreme" else None
            value_text = None if fields["value"] is None else str(fields["value"])
        else:
            value, predicate, value_text = self.worded(item, "value", fields["value"])
            rank = None
        written = as_written(value, predicate) if value is not None else None  # 7.4% 감소했다: the quote's 7.4%
        mismatch = value_problem(fields["quote"], written, self.context.article.language,
                                 item.value_locations.get("value", item.location), predicate)
        if rank is not None:
            mismatch = rank_problem(fields["quote"], value_text, item.value_locations["value"])
        if mismatch is not None:
            self.problems.append(mismatch)
        self.check_shape(item, fields)
        operands = self.operands(fields["of"])
        return Claim(
            id=claim_id,
            location=item.location,
            quote=fields["quote"],
            quote_span=self.quote_span(item, fields["quote"]),
            value=value,
            value_text=value_text,
            predicate=predicate,
            rank=rank,
            metric=fields["metric"],
            period=self.period(item, "period", fields["period"]),
            agg=fields["agg"],
            relation=fields["relation"],
            operands=operands,
            expr=fields["expr"],
            expect=fields["expect"],
            direction=fields["direction"],
            among=among.read_among(item, fields, self.problems),
            tolerance=self.tolerance(fields["tolerance"]),
            as_of=self.as_of(item, fields["as_of"]),
            note=fields["note"],
            key_locations=item.value_locations,  # the built mapping's own: nothing changes it now
            problems=tuple(self.problems),  # last: the arguments before it add their problems as they are read
        )

    def quote_span(self, item: YamlMap, quote: str | None) -> tuple[int, int] | None:
        if quote is None:
            return None
        span = self.context.spans[quote] if quote in self.context.spans else find_quote(quote, self.context.folded)
        if span is None:
            self.context.misses += 1
            key, fields = not_found_message(quote, self.context.folded, self.context.article_name,
                                            search=self.context.misses <= MAX_NEAREST)
            self.problems.append(InputError.said(item.value_locations["quote"], key, **fields))
        return span

    def worded(self, mapping: YamlMap, key: str, value: Any) -> tuple[Quantity | None, Predicate | None, str | None]:
        """A written value with its predicate words (7.4% 감소했다, 99억 달러 적자, 달러당 1,305.4원)."""
        if value is None:
            return None, None, None
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        worded = _read_value(text, self.context.article.language)
        if worded is None and detect_language(text) != self.context.article.language:
            worded = _read_value(text, detect_language(text))  # 약 1,331원 in an English article reads as Korean
        quantity, text = self.quantity(mapping, key, value, worded.quantity if worded else None)
        return quantity, worded.predicate if worded and quantity else None, text

    def rank(self, mapping: YamlMap, value: Any) -> Rank | None:
        """The rank words of an ``extreme`` claim (사상 최대, 3년 만에 최저, the highest since 2008)."""
        if value is None:
            return None
        rank = read_rank(value) if isinstance(value, str) else None  # the words say their language
        if rank is None:
            self.problems.append(InputError(
                mapping.value_locations["value"],
                f"cannot read '{value}' as a rank (e.g. 사상 최대, 3년 만에 최저, record high, the highest since 2008)"))
        return rank

    def quantity(self, mapping: YamlMap, key: str, value: Any,
                 read: Quantity | None = None) -> tuple[Quantity | None, str | None]:
        """Parse a written value with the article's grammar; numbers keep their digits."""
        if value is None:
            return None, None
        out_of_range = InputError(mapping.value_locations[key],
                                  f"value is out of range (more than {MAX_EXPONENT} digits before or after the point)")
        if isinstance(value, Decimal) and value.is_finite() and value and abs(value.adjusted()) > MAX_EXPONENT:
            self.problems.append(out_of_range)  # 1.0e-999999 written out would be a million zeros
            return None, str(value)
        if isinstance(value, Decimal) and isinstance(value.as_tuple().exponent, int) and value.as_tuple().exponent > 0:
            self.problems.append(InputError(mapping.value_locations[key], (  # 1.0e+3: its rounding has no digits
                f"write the value as the article states it, not in exponent form ('{value}')")))
            return None, str(value)
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        quantity = read if read is not None else parse_quantity(text, self.context.article.language)
        if quantity is None:
            unread = missing_country(text)
            self.problems.append(InputError(mapping.value_locations[key], unread) if unread
                                 else InputError.said(mapping.value_locations[key], "value.unread", value=text))
        elif any(abs(bound.adjusted()) > MAX_EXPONENT
                 for bound in (quantity.value, quantity.low, quantity.high) if bound):
            self.problems.append(out_of_range)
            return None, text
        return quantity, text

    def period(self, mapping: YamlMap, key: str, value: Any) -> Period | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.date()
        try:
            return parse_period(value, self.context.article.published)
        except PeriodError as exc:
            hint = _published_hint(self.context.article) if isinstance(exc, Undated) else ""
            self.problems.append(InputError(mapping.value_locations[key], f"bad period {exc}{hint}"))
            return None

    def as_of(self, mapping: YamlMap, value: Any) -> date | str | None:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, str) and schema.quoted_day(value) is not None:
            return schema.quoted_day(value)
        if isinstance(value, str) and value != "latest":
            self.problems.append(
                InputError(
                    mapping.value_locations["as_of"],
                    f"key 'as_of' should be a date or 'latest', got '{value}'",
                )
            )
            return None
        return value

    def tolerance(self, value: YamlMap | None) -> dict[str, Decimal]:
        if value is None:
            return {}
        result, errors = schema.tolerance(value)
        self.problems += errors
        return result

    def check_shape(self, item: YamlMap, fields: dict[str, Any]) -> None:
        """metric xor relation; relation needs of; expr needs relation: expr and named operands."""
        relation, of, expr = fields["relation"], fields["of"], fields["expr"]
        if "metric" in item and "relation" in item:
            keys = list(item)
            second = max("metric", "relation", key=keys.index)
            self.problems.append(
                InputError(item.key_locations[second], "a claim has 'metric' or 'relation', not both")
            )
        if relation is not None and "of" not in item:
            self.problems.append(
                InputError(item.key_locations["relation"], f"relation '{relation}' needs 'of' (its operands)")
            )
        if "of" in item and "relation" not in item:
            self.problems.append(InputError(item.key_locations["of"], "'of' needs a 'relation'"))
        if expr is not None and relation != "expr":
            self.problems.append(InputError(item.key_locations["expr"], "'expr' needs 'relation: expr'"))
        if relation == "expr":
            if "expr" not in item:
                self.problems.append(
                    InputError(item.value_locations["relation"], "relation 'expr' needs an 'expr' key")
                )
            if isinstance(of, list):
                self.problems.append(
                    InputError(
                        item.value_locations["of"],
                        "relation 'expr' needs 'of' as a mapping of name -> operand, got list",
                    )
                )
        elif isinstance(of, dict):
            self.problems.append(
                InputError(
                    item.value_locations["of"],
                    "'of' as a mapping of named operands is only for 'relation: expr'",
                )
            )

    def operands(self, of: Any) -> tuple[Operand, ...] | dict[str, Operand]:
        if isinstance(of, YamlSeq):
            built = (self.operand(value, where) for value, where in zip(of, of.item_locations))
            return tuple(operand for operand in built if operand is not None)
        if isinstance(of, YamlMap):
            named: dict[str, Operand] = {}
            for name, value in of.items():
                if not schema.EXPR_NAME.match(name):
                    self.problems.append(
                        InputError(
                            of.key_locations[name],
                            f"operand name '{name}' should be a name like a, b or net_income",
                        )
                    )
                    continue
                operand = self.operand(value, of.value_locations[name])
                if operand is not None:
                    named[name] = operand
            return named
        return ()

    def operand(self, value: Any, where: Location) -> Operand | None:
        """One operand: a claim id, or a mapping of exactly one form (see schema)."""
        if isinstance(value, str):
            if not schema.CLAIM_ID.match(value):
                self.problems.append(
                    InputError(where, f"operand '{value}' should be a claim id or a mapping")
                )
                return None
            self.links.append((value, where))
            return Operand(where, claim=value)
        if not isinstance(value, YamlMap):
            self.problems.append(
                InputError(where, f"an operand should be a claim id or a mapping, got {type_name(value)}")
            )
            return None
        before = len(self.problems)
        self.problems += schema.unknown_keys(value, schema.OPERAND_KEYS)
        forms = [form for form in schema.OPERAND_FORMS if form in value]
        if len(forms) != 1:
            message = (
                f"an operand has one of {', '.join(schema.OPERAND_FORMS)}, got {' and '.join(forms)}"
                if forms
                else f"an operand needs one of {', '.join(schema.OPERAND_FORMS)}"
            )
            self.problems.append(InputError(where, message))
            return None
        form = forms[0]
        for key in value:
            if key in schema.OPERAND_KEYS and key != form and key not in schema.OPERAND_FORMS[form]:
                self.problems.append(
                    InputError(
                        value.key_locations[key], f"key '{key}' does not go with '{form}' in an operand"
                    )
                )
        fields = _typed_fields(value, schema.OPERAND_KEYS, self.problems)
        if len(self.problems) > before or fields[form] is None:
            return None
        if form == "claim":
            self.links.append((fields["claim"], value.value_locations["claim"]))
            return Operand(where, claim=fields["claim"], side=fields["side"] or "stated")
        if form == "metric":
            return Operand(
                where,
                metric=fields["metric"],
                period=self.period(value, "period", fields["period"]),
                agg=fields["agg"],
                as_of=self.as_of(value, fields["as_of"]),
            )
        if form == "event":
            return Operand(where, event=fields["event"])
        quantity, _, _ = self.worded(value, "value", fields["value"])
        if quantity is not None and fields["exact"]:
            quantity = self.exact(value, quantity)
        return Operand(where, value=quantity) if quantity is not None else None

    def exact(self, mapping: YamlMap, quantity: Quantity) -> Quantity | None:
        """A literal marked ``exact: true``: the amount itself, without the rounding of its digits.

        A statutory amount ($7.25 an hour) is not rounded from anything, so "$7.25" must
        not stand for [7.245, 7.255]. Only a single unhedged amount can be exact.
        """
        if quantity.qualifier is not Qualifier.EXACT or quantity.value is None:
            self.problems.append(InputError(mapping.value_locations["exact"], (
                f"exact: true needs one amount as written, got '{quantity.text}' ({quantity.qualifier.value})")))
            return None
        return replace(quantity, precision=Decimal(0))


def _published_hint(article: Article) -> str:
    """What to write for a relative period ("last year") when the claim file gives no ``published:``:
    the date the article gives itself, when it does (front matter, dateline, byline), as ``extract`` reads
    it. Only a hint: the claim file's date is what ``check`` judges by, never a guess made for it."""
    from checker.extraction.dateline import dated  # read on this error only
    try:
        day = dated(article.text, str(article.path)).published
    except InputError:
        day = None
    if day is None:
        return "; give it as published: YYYY-MM-DD under article:"
    return f"; the article dates itself {day.isoformat()}: write published: {day.isoformat()} under article:"


# --------------------------------------------------------------------------- discovery


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[InputError]]:
    """The claim files named by ``paths``: files as given, folders searched recursively.

    In a folder, only ``*.yaml``/``*.yml`` files with a top-level ``claims:`` or
    ``version:`` key count, and nothing under a ``reference/`` folder (reference
    data lives there) or a hidden folder. A path that does not exist, or a folder
    without claim files (a mistyped CI path), is an error.
    """
    found: list[Path] = []
    errors: list[InputError] = []
    for path in map(Path, paths):
        if path.is_dir():
            candidates = sorted(_yaml_files(path))
            irregular = [candidate for candidate in candidates if candidate.exists() and not candidate.is_file()]
            errors += [InputError(Location(shown_path(candidate)), "not a regular file (a pipe or device?)")
                       for candidate in irregular]  # opening a FIFO to look inside would wait forever
            regular = [candidate for candidate in candidates if candidate not in irregular]
            inside_folder = [candidate for candidate in regular if looks_like_claim_file(candidate)]
            if not inside_folder and not irregular:
                message = "folder holds no claim files (*.yaml with a top-level 'version:' or 'claims:')"
                errors.append(InputError(Location(shown_path(path)), message))
            found += inside_folder
        elif path.exists():
            found.append(path)
        else:
            errors.append(InputError(Location(shown_path(path)), "no such file or directory"))
    unique = list(dict.fromkeys(found))
    return unique, errors


def _yaml_files(folder: Path) -> Iterable[Path]:
    for parent, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name != REFERENCE_FOLDER and not name.startswith(".")]
        for name in files:
            if name.endswith(CLAIM_SUFFIXES):
                yield Path(parent) / name


def looks_like_claim_file(path: Path) -> bool:
    """A YAML file with a top-level ``claims:`` or ``version:``: a cheap look at the text, which reference
    YAML files never pass (they have neither key at the top); unreadable files pass, for the loader to say why."""
    if not path.name.endswith(CLAIM_SUFFIXES):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_BYTES)
    except OSError:
        return True  # let the loader report why it cannot be read
    return bool(_CLAIM_FILE_KEY.search(head.decode("utf-8", errors="replace")))
