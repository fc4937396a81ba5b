"""ClaimReview JSON-LD: the properties Google's fact-check markup requires and recommends,
with DESIGN's rating mapping."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker.reports import claimreview
from reports_support import tricky, worked_example


def rendered(report) -> list[dict]:
    stream = io.StringIO()
    claimreview.render(report, stream)
    return json.loads(stream.getvalue())


def test_worked_example_has_one_review_per_claim_with_googles_properties() -> None:
    report = worked_example()
    reviews = rendered(report)
    assert len(reviews) == len(report.results)
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] and review["url"]                      # required
        rating = review["reviewRating"]                                       # required
        assert rating["@type"] == "Rating" and rating["alternateName"]
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert review["author"]["@type"] == "Organization" and review["author"]["name"]
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["datePublished"] == "2024-02-19"
        assert claim["appearance"]["@type"] == "CreativeWork" and claim["appearance"]["headline"]


RATINGS = [("revenue", "True", 5), ("profit", "False", 1), ("staff", "Unverifiable", None)]


@pytest.mark.parametrize(("claim_id", "name", "value"), RATINGS, ids=[row[0] for row in RATINGS])
def test_rating_mapping(tmp_path: Path, claim_id: str, name: str, value: int | None) -> None:
    reviews = {review["url"].rsplit("#", 1)[1]: review for review in rendered(tricky(tmp_path))}
    rating = reviews[claim_id]["reviewRating"]
    assert (rating["alternateName"], rating.get("ratingValue")) == (name, value)
    assert reviews[claim_id]["itemReviewed"]["appearance"]["url"] == "https://example.org/a?x=1&y=<2>"


def test_imprecise_is_mostly_true_and_error_gets_no_review(tmp_path: Path) -> None:
    names = {review["url"].rsplit("#", 1)[1]: review["reviewRating"] for review in rendered(worked_example())}
    assert names["black-share-silicon-valley"] == {"@type": "Rating", "alternateName": "Mostly true",
                                                   "bestRating": 5, "worstRating": 1, "ratingValue": 4}
    assert "typo-metric" not in {review["url"].rsplit("#", 1)[1] for review in rendered(tricky(tmp_path))}
