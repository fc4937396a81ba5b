"""The evaluation engine: claim files in, one ``Result`` per claim out. It never prints.

Each claim is judged on its own: a claim that cannot be evaluated becomes that claim's
``error`` (or ``unverifiable``) and the rest of the file and run still go on.
"""
from __future__ import annotations


from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, DecimalException
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Mapping, NamedTuple

from checker.claimfile import ClaimFile, discover, load_claim_file
from checker.claimfile.model import Claim
from checker.errors import InputError, Location
from checker import messages
from checker.evaluation import claimed, relations
from checker.evaluation.coverage import article_coverage
from checker.evaluation.figures import Figure, RelationProblem, carried_per_unit, require_shared_bases
from checker.evaluation.intervals import ArithmeticProblem, format_decimal
from checker.evaluation.judge import Judgement, judge
from checker.evaluation.operands import (
    OperandContext,
    UnresolvedOperand,
    candidate_figures,
    resolve,
)
from checker.evaluation.relations.base import Operands
from checker.evaluation.shared_keys import RunKeys
from checker.evaluation.results import Report, Result
from checker.evaluation.timing import timing
from checker.evaluation.tolerances import Tolerances, effective
from checker.evaluation.units import UnitMismatch
from checker.evaluation.verdict_text import describe_claimed, describe_figure, explanation
from checker.gc_pause import keep_old, no_cycle_collection
from checker.quantities import detect_language
from checker.reference import LookupFailure, NoData, ReferenceData
from checker.reference.files import MAX_BYTES as REFERENCE_MAX_BYTES
from checker.reference.model import Lookup
from checker.reference.store import Shared

#: Aggregates whose value is on the scale of the rows it came from, so the claimed band can
#: be drawn over the series (a sum is not: ten daily layoffs do not sit near their total).
_SERIES_AGGREGATES = ("min", "max", "mean", "first", "last", "any")


class ClaimError(Exception):
    """The claim itself is invalid (verdict ``error``); ``key`` names the key to point at."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class Unverifiable(Exception):
    """No evidence can decide the claim (verdict ``unverifiable``)."""


def check(paths: Iterable[str | Path], tolerance: Mapping | None = None, max_bytes: int = 10_000_000,
          max_reference_bytes: int = REFERENCE_MAX_BYTES,
          progress: Callable[[list[Path]], Iterable[Path]] | None = None,
          map_files: Callable[[Callable[[Path], FileOutcome], list[Path]], Iterable[FileOutcome]] | None = None,
          language: str = "auto") -> Report:
    """Check every claim file under ``paths``; the library entry point behind ``claimcheck check``.

    ``progress`` wraps the list of claim files found (a progress bar), so the caller,
    not the engine, decides whether anything is shown. ``map_files`` applies
    :func:`check_file` to the files and gives the outcomes in the files' order (default:
    one after another here; ``checker.runner`` spreads them over processes or a Dask
    cluster), so the report is the same either way. ``max_bytes`` bounds claim files and
    articles, ``max_reference_bytes`` reference text files (provider downloads are larger).
    ``language`` (``checker.messages.CHOICES``) is the language of the results' words:
    ``auto`` speaks each claim file's article language, and the report's own headings the
    first file's.
    """
    report = Report()
    files, problems = discover(Path(path) for path in paths)
    report.errors.extend(problems)
    report.inputs.extend(files)
    covered: dict[Path, tuple[object, list[tuple[int, int]]]] = {}
    outcomes = (map_files or map)(partial(check_file, tolerance=tolerance or {}, max_bytes=max_bytes,
                                                  max_reference_bytes=max_reference_bytes, language=language,
                                                  shared=RunKeys(tuple(files), max_bytes, ahead=map_files is None)),
                                          files)
    first = True
    for _, (claim_file, errors, results) in zip(progress(files) if progress is not None else files, outcomes):
        report.errors.extend(errors)
        if claim_file is None:
            continue
        if first:
            report.language, first = file_language(claim_file, language), False
        if claim_file.article is not None:
            report.articles[str(claim_file.path)] = claim_file.article
            report.inputs.append(claim_file.article.path)
        report.inputs.extend(claim_file.reference_paths)
        report.results.extend(results)
        _note_quotes(claim_file, covered)
    for article, spans in covered.values():
        try:
            with no_cycle_collection():  # an article's quantities are kept until counted, as a file's claims
                report.coverage += article_coverage(article, spans)
        except Exception as problem:  # a bug in counting one article's numbers must not cost the run
            report.errors.append(InputError(Location(str(article.path)), f"internal error while counting this "
                                                                         f"article's numbers: {problem!r}"))
    return report


class FileOutcome(NamedTuple):
    """What checking one claim file gives: the file (None if unusable), its errors and results."""

    claim_file: ClaimFile | None
    errors: list[InputError]
    results: list[Result]


def check_file(path: Path, tolerance: Mapping, max_bytes: int,
               max_reference_bytes: int = REFERENCE_MAX_BYTES, language: str = "auto",
               shared: Shared | None = None) -> FileOutcome:
    """Load and check one claim file; a bug costs this file, never the run.

    ``shared``: the metrics the whole run asks of a Parquet or DuckDB file, so it is queried once.
    The cycle collector is paused for the file: its claims, rows and results are kept until
    it is done, so each automatic collection would walk them all again (a fifth of the time
    of a 100,000-claim file) to free nothing; cycles made meanwhile are freed after. What the
    file kept then joins the oldest generation unwalked (``keep_old``).
    """
    errors: list[InputError] = []
    try:
        with keep_old():
            if isinstance(shared, RunKeys) and shared.max_bytes == max_bytes:
                claim_file, problems = shared.load(path)  # read once, though the run's keys may read it first
            else:
                claim_file, problems = load_claim_file(path, max_bytes=max_bytes)
            results = (FileCheck(claim_file, tolerance, errors, max_reference_bytes,
                                 file_language(claim_file, language), shared).run() if claim_file else [])
    except Exception as problem:  # a bug must cost one file, never the run
        message = f"internal error while reading this file: {problem!r}"
        claim_file, problems, results = None, [InputError(Location(str(path)), message)], []
    return FileOutcome(claim_file, errors + problems, results)


def file_language(claim_file: ClaimFile, asked: str) -> str:
    """The language one claim file's results speak: ``asked``, or with ``auto`` its article's (as written or read)."""
    article = claim_file.article
    written = (article.language or detect_language(article.text)) if article is not None else None
    return messages.resolve(asked, written)


def _note_quotes(claim_file: ClaimFile, covered: dict) -> None:
    article = claim_file.article
    if article is None:
        return
    _, spans = covered.setdefault(article.path.resolve(), (article, []))
    spans.extend(claim.quote_span for claim in claim_file.claims if claim.quote_span)


@dataclass
class FileCheck:
    """Evaluates the claims of one file, each at most once, in dependency order where needed."""

    claim_file: ClaimFile
    project_tolerance: Mapping
    errors: list[InputError]
    max_reference_bytes: int = REFERENCE_MAX_BYTES
    language: str = messages.ENGLISH
    shared: Shared | None = None
    reference: ReferenceData = field(init=False)
    results: dict[str, Result] = field(default_factory=dict)
    judged: dict[str, Figure] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reference, problems = ReferenceData.load(self.claim_file.references, self.max_reference_bytes,
                                                      self.claim_file.metrics(), self.shared)
        self.errors.extend(problems)
        self.claims: dict[str, Claim] = {}
        for claim in self.claim_file.claims:
            self.claims.setdefault(claim.id, claim)  # a duplicate id is an error on the later claim

    def run(self) -> list[Result]:
        return [self.result(claim) for claim in self.claim_file.claims]

    def result(self, claim: Claim) -> Result:
        if self.claims[claim.id] is not claim:  # a duplicate id: judged on its own, never cached
            return self._evaluate_safely(claim)
        if claim.id not in self.results:
            self.results[claim.id] = self._evaluate_safely(claim)
        return self.results[claim.id]

    def actual_figure(self, claim_id: str) -> Figure | None:
        self.result(self.claims[claim_id])
        return self.judged.get(claim_id)

    def _evaluate_safely(self, claim: Claim) -> Result:
        if claim.problems:
            first = claim.problems[0]
            return self._error(claim, first.text(self.language), first.location)
        try:
            return self._evaluate(claim)
        except (ClaimError, LookupFailure, RelationProblem, ArithmeticProblem, UnitMismatch) as problem:
            if isinstance(problem, NoData):
                return self._unverifiable(claim, problem.text(self.language))
            key = getattr(problem, "key", None) or ("metric" if claim.metric else "relation")
            reason = problem.text(self.language) if isinstance(problem, (LookupFailure, UnitMismatch)) else str(problem)
            return self._error(claim, reason, claim.key_locations.get(key, claim.location))
        except (Unverifiable, UnresolvedOperand) as problem:
            return self._unverifiable(claim, str(problem))
        except DecimalException:  # e.g. a chain of ratios whose intervals widen past 10**999999
            return self._error(claim, "the arithmetic leaves the range of numbers (a result too large, too small "
                                      "or undefined)", claim.key_locations.get("relation", claim.location))
        except Exception as problem:  # a bug must cost one claim, never the run
            return self._error(claim, f"internal error while checking this claim: {problem!r}", claim.location)

    def _evaluate(self, claim: Claim) -> Result:
        if claim.metric is None and claim.relation is None:
            raise Unverifiable(messages.say(self.language, "why.no_link"))
        if claim.relation in ("extreme", "rank_among"):
            return self._rank_claim(claim)
        if claim.value is None:
            raise ClaimError("a claim checked against evidence needs a value", key="id")
        tolerances = effective(self.project_tolerance, self.claim_file.tolerance, claim.tolerance)
        if claim.metric is not None:
            return self._metric_claim(claim, tolerances)
        return self._relation_claim(claim, tolerances)

    def _metric_claim(self, claim: Claim, tolerances: Tolerances) -> Result:
        if claim.period is None:
            raise ClaimError(f"metric {claim.metric} needs a period", key="metric")
        published = self._published()
        later_than_article = _after_publication(claim, published, self.language)
        try:
            found = self.reference.lookup(claim.metric, claim.period, claim.agg, published=published,
                                          as_of=claim.as_of)
        except NoData as problem:
            reason = problem.text(self.language)
            if later_than_article and not reason.endswith("."):
                reason += "."
            raise Unverifiable(f"{reason}{later_than_article}") from None
        asked = claimed.asked(claim)
        judgement = judge(asked.quantity, candidate_figures(found, True, self.language), tolerances, asked.side,
                          asked.signed)
        if claimed.unstated_sign(claim, asked, judgement):
            raise ClaimError(self._unstated_sign(asked, judgement), key="value")
        revised = None
        if found.later is not None:
            later = judge(asked.quantity, candidate_figures(found.later, True, self.language), tolerances,
                          asked.side, asked.signed)
            revised = _revision(judgement, later, found, found.later, published)
        return self._verdict(claim, asked, judgement, tolerances, "reference", revised=revised,
                             series=self._series(found), ending=later_than_article)

    def _unstated_sign(self, asked: claimed.Asked, judgement: Judgement) -> str:
        unit = asked.quantity.unit
        return messages.say(self.language, "why.unstated_sign", text=asked.quantity.text,
                            description=messages.dates(judgement.figure.description, self.language),
                            actual=format_decimal(judgement.interval.point), unit=f" {unit}" if unit else "")

    def _series(self, found: Lookup) -> tuple[tuple[str, Decimal], ...]:
        """The daily rows of the period behind an aggregate, when the claim reads on their scale."""
        if found.agg not in _SERIES_AGGREGATES:
            return ()
        rows = [row for row in self.reference.observations_within(found.metric, found.period)
                if row.period.granularity == "day"]
        by_day = {row.period.start: row.value for row in rows}  # latest vintage last, so it wins
        return tuple((day.isoformat(), value) for day, value in sorted(by_day.items())) if len(by_day) > 1 else ()

    def _quote_says_per(self, claim: Claim, per: str) -> bool:
        """Whether a claim's quote writes the per-unit word of ``per`` (배럴당, a barrel), in either language."""
        from checker.quantities.predicates import says_per  # only a relation over a per-unit figure needs it
        return bool(claim.quote) and any(says_per(claim.quote, language, per) for language in ("ko", "en"))

    def _relation_claim(self, claim: Claim, tolerances: Tolerances) -> Result:
        module = relations.get(claim.relation)
        named = claim.operands if isinstance(claim.operands, dict) else None
        written = list(named.values()) if named is not None else list(claim.operands)
        relations.check_arity(claim.relation, len(written))
        context = OperandContext(self.claims, self.actual_figure, self.reference, self._published(),
                                 self._article_source(), self.language)
        resolved = [resolve(operand, context) for operand in written]
        figures = carried_per_unit([figure for figure, _ in resolved], [origin == "stated" for _, origin in resolved],
                                   partial(self._quote_says_per, claim),
                                   lambda per: messages.say(self.language, "why.per_unit_carried",
                                                            per=messages.unit_name(per, self.language)))
        require_shared_bases(claim.relation, figures)
        operands = Operands(figures, dict(zip(named, figures)) if named is not None else {}, claim.expr, self.language)
        computed = module.compute(operands)
        if computed.unit is None:
            computed = Figure(computed.interval, claim.value.unit, computed.description, computed.sources)
        asked = claimed.asked(claim)
        judgement = judge(asked.quantity, [claimed.fitted(claim, asked, computed, self.language)], tolerances, asked.side, asked.signed)
        origins = {origin for _, origin in resolved}
        check_kind = "internal" if origins == {"stated"} else "reference" if origins == {"reference"} else "mixed"
        result = self._verdict(claim, asked, judgement, tolerances, check_kind, operands=figures)
        revisions = [line for figure in figures for line in figure.revisions]
        if not revisions:
            return result
        revised = messages.say(self.language, "why.revised_operands", operands="; ".join(revisions))
        return replace(result, explanation=f"{result.explanation} {revised}")

    def _rank_claim(self, claim: Claim) -> Result:
        """``extreme`` (over its series' window) or ``rank_among`` (among a group): decided by the relation itself."""
        written = list(claim.operands.values()) if isinstance(claim.operands, dict) else list(claim.operands)
        relations.check_arity(claim.relation, len(written))
        if claim.among is not None:
            ranked = relations.get("rank_among").rank(claim.among, written[0], self.reference, self._published(),
                                                      self.language)
            words = claim.value_text or claim.quote  # OECD 1위: shown as the claim's words
            return self._result(claim, ranked.verdict, ranked.explanation, claimed={"text": words} if words else None,
                                actual=ranked.actual or None,  # a group missing members: no figure to show
                                sources=ranked.sources, check="reference", steps=ranked.steps,
                                timing=timing(ranked.dated, self._published(), written[0].as_of))
        if claim.rank is None:
            raise ClaimError("relation extreme needs rank words as its value (사상 최대, 3년 만에 최저, record high)",
                             key="id")
        ranked = relations.get("extreme").rank(claim.rank, written[0], self.reference, self._published(),
                                               self.language)
        return self._result(claim, ranked.verdict, ranked.explanation, claimed={"text": claim.rank.text},
                            actual=ranked.actual, sources=ranked.sources, check="reference", steps=ranked.steps,
                            timing=timing(ranked.dated, self._published(), written[0].as_of))

    def _published(self):
        article = self.claim_file.article
        return article.published if article else None

    def _article_source(self) -> str:
        """How the report names the article when it is the evidence: its URL, else its file."""
        article = self.claim_file.article
        if article is None:
            return messages.say(self.language, "source.the_article")
        url = article.source.get("url") if isinstance(article.source, dict) else None
        return messages.say(self.language, "source.article", where=url or article.path)

    def _verdict(self, claim: Claim, asked: claimed.Asked, judgement: Judgement, tolerances: Tolerances,
                 check_kind: str, operands: list[Figure] = (), revised: dict | None = None,
                 series: tuple[tuple[str, Decimal], ...] = (), ending: str = "") -> Result:
        """The result of a judged claim; ``ending`` closes its explanation (a sentence on its period)."""
        self.judged[claim.id] = judgement.figure
        figure = judgement.figure
        text = explanation(asked.quantity, judgement, tolerances, check_kind, revised,
                           self.language)
        return self._result(
            claim,
            judgement.verdict,
            " ".join([*claimed.notes(claim, asked, judgement, self.language), text]) + ending,
            by_rounding=judgement.by_rounding,
            claimed=describe_claimed(asked.quantity),
            actual=describe_figure(judgement.interval, claim.value.unit),
            sources=figure.sources,
            rule=f"{tolerances.describe(claim.value.qualifier.value, self.language)}: {judgement.rule.rule(self.language)}",
            check=check_kind,
            revised=revised,
            steps=tuple(step for operand in operands for step in operand.steps) + figure.steps,
            links=tuple(dict.fromkeys(link for operand in (*operands, figure) for link in operand.links)),
            bands={"allowed": (judgement.rule.low, judgement.rule.high),
                   "imprecise": (judgement.imprecise_band.low, judgement.imprecise_band.high)},
            series=series,
            timing=timing((item for operand in (*operands, figure) for item in operand.dated), self._published(),
                          claim.as_of),
        )

    def _error(self, claim: Claim, message: str, location: Location) -> Result:
        return self._result(claim, "error", message, location=location)

    def _unverifiable(self, claim: Claim, message: str) -> Result:
        claimed = describe_claimed(claim.value) if claim.value is not None else None
        return self._result(claim, "unverifiable", message, claimed=claimed)

    def _result(self, claim: Claim, verdict: str, text: str, location: Location | None = None, **fields) -> Result:
        where = location or claim.location
        return Result(
            file=where.path, line=where.line, column=where.column, id=claim.id, quote=claim.quote,
            verdict=verdict, explanation=text, expected=claim.expect, note=claim.note,
            quote_span=claim.quote_span, language=self.language, **fields,
        )


def _after_publication(claim: Claim, published: date | None, language: str) -> str:
    """A sentence for a claim about a period that had not ended when the article appeared.

    Its figure could not be known then: the article stated a forecast, a plan or a figure
    so far, and data published later are not what the writer could have checked.
    """
    if published is None or claim.period is None or claim.period.end <= published:
        return ""
    key = "why.begins_after" if claim.period.start > published else "why.not_ended"
    return messages.say(language, key, period=messages.dates(claim.period.label, language),
                        published=messages.dates(str(published), language))


def _revision(used: Judgement, later: Judgement, found: Lookup, newest: Lookup, published: date | None) -> dict:
    """The vintage used and what the newest one says, whenever the figure was revised.

    Shown even when the verdict stays, so a reader sees that the number moved. A restated
    filing (EDGAR) is named by its form and accession number, with whether the article's
    writer could have seen the one used.
    """
    return {
        "verdict": later.verdict,
        "value": later.interval.point,
        "vintage": newest.vintage.isoformat() if newest.vintage else None,
        "used_vintage": found.vintage.isoformat() if found.vintage else None,
        "used_value": used.interval.point,
        "changes_verdict": later.verdict != used.verdict,
        "used_filing": _filing(found),
        "filing": _filing(newest),
        "seen_by_article": found.vintage <= published if found.vintage and published else None,
    }


def _filing(found: Lookup) -> str | None:
    """The form and accession number of the one row a lookup rests on (an EDGAR filing), else None."""
    rows = [row for candidate in found.candidates for row in candidate.rows]
    if len(rows) != 1 or "form" not in rows[0].notes:
        return None
    return " ".join(part for part in (rows[0].notes["form"], rows[0].notes.get("accn", "")) if part)
