"""``claimreview``: schema.org ClaimReview JSON-LD, one review per claim, for publishing.

Follows Google's fact-check markup: ``claimReviewed`` (the quote), ``reviewRating``
(``alternateName`` always; ``ratingValue``/``bestRating``/``worstRating`` on the 1..5
scale of DESIGN's mapping), ``itemReviewed`` (a ``Claim`` with the article as its
``appearance``, its ``datePublished`` and its publisher as ``author`` where the claim
file names them), ``author`` (who reviewed) and ``url`` (where the review is read).

The claim file's ``article.source`` may say ``review_url`` (the page publishing the
fact check; each review gets ``#claim-id``) and ``reviewer`` (the organisation); without
them the review's url is the claim file with the claim id as fragment and the author
is claimcheck. A claim whose verdict is ``error`` gets no review: nothing was reviewed.

Only ``http``/``https`` addresses are published as links (the loader refuses others;
this report never relies on that), and the JSON is escaped for embedding in an HTML
``<script type="application/ld+json">`` (``checker.reports.jsontext``).
"""
from __future__ import annotations

from typing import TextIO

from checker.claimfile.model import Article
from checker.claimfile.schema import web_address
from checker.evaluation.results import Report, Result
from checker.messages import say
from checker.reports.jsontext import dumps

BEST, WORST = 5, 1
#: DESIGN: supported→True(5), imprecise→Mostly true(4), refuted→False(1), unverifiable→Unverifiable;
#: the name (``alternateName``) is the catalogue's ``rating.<verdict>`` in the result's language.
RATINGS: dict[str, int | None] = {"supported": 5, "imprecise": 4, "refuted": 1, "unverifiable": None}


def render(report: Report, stream: TextIO) -> None:
    reviews = [review(result, report.articles.get(result.file))
               for result in report.results if result.verdict in RATINGS]
    stream.write(dumps(reviews) + "\n")


def review(result: Result, article: Article | None) -> dict:
    """The ClaimReview of one result."""
    source = article.source if article is not None and isinstance(article.source, dict) else {}
    name, value = say(result.language, f"rating.{result.verdict}"), RATINGS[result.verdict]
    rating: dict = {"@type": "Rating", "alternateName": name, "bestRating": BEST, "worstRating": WORST}
    if value is not None:
        rating["ratingValue"] = value
    claim: dict = {"@type": "Claim"}
    appearance = {"url": web_address(source.get("url")), "headline": source.get("title")}
    appearance = {key: value for key, value in appearance.items() if value}
    if appearance:
        claim["appearance"] = {"@type": "CreativeWork", **appearance}
    if article is not None and article.published is not None:
        claim["datePublished"] = article.published.isoformat()
    if source.get("publisher"):
        claim["author"] = {"@type": "Organization", "name": str(source["publisher"])}
    base = web_address(source.get("review_url")) or result.file
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base}#{result.id}",
        "claimReviewed": result.quote or (result.claimed or {}).get("text") or result.id,
        "reviewRating": rating,
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": str(source.get("reviewer") or "claimcheck")},
        "reviewBody": result.explanation + (" " + say(result.language, "note", text=result.timing_warning)
                                            if result.timing_warning else ""),
    }

