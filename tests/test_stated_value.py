"""The value-vs-quote rule as a reader applies it (issue 21, item 2).

The quotes are the real sentences (AP and Reuters jobs and GDP stories, September-October 2022;
PolitiFact statements; a Korean import-price story, June 2022) that the rule refused although the
value was what they state; the wrong values beside them must stay errors.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from checker.claimfile.stated import value_problem
from checker.errors import Location
from checker.quantities.predicates import as_written, read_value

AT = Location("claims.yaml", 7, 12)


def _problem(quote: str, value: str, language: str) -> str | None:
    worded = read_value(value, language) or read_value(value)
    assert worded is not None, f"cannot read {value!r}"
    problem = value_problem(quote, as_written(worded.quantity, worded.predicate), language, AT)
    return problem.message if problem else None


@pytest.mark.parametrize(("quote", "value", "language"), [
    ("right now we hit a 3.2 (percent)", "3.2%", "en"),
    ("about 4.5 million private-sector jobs", "about 4.5 million jobs", "en"),
    ("more than 22-million new jobs", "more than 22 million jobs", "en"),
    ("Nearly 15 million new private-sector jobs", "nearly 15 million jobs", "en"),
    ("a decline of 37%", "-37%", "en"),
    ("두바이유는 배럴당 108.16달러로 전월의 102.82달러보다 5.2% 올랐다", "배럴당 102.82달러", "ko"),
    ("원·달러 환율은 약 1,331원이었다", "약 1,331원", "en"),  # a Korean quote in an article declared English
    ("Tesla's profit quadrupled", "four times", "en"),
])
def test_a_value_may_add_what_its_quote_implies(quote: str, value: str, language: str) -> None:
    assert _problem(quote, value, language) is None


@pytest.mark.parametrize(("quote", "value", "language", "message"), [
    ("about 4.5 million private-sector jobs", "about 4.5 million people", "en",
     "value 'about 4.5 million people' is not what the quote states ('about 4.5 million')"),
    ("about 4.5 million private-sector jobs", "4.5 million jobs", "en",
     "value '4.5 million jobs' is not what the quote states ('about 4.5 million')"),
    ("a rise of 37%", "-37%", "en", "value '-37%' is not what the quote states ('37%')"),
    ("right now we hit a 3.2 (percent)", "3.2 jobs", "en", "value '3.2 jobs' is not what the quote states ('3.2')"),
    ("Tesla's profit quadrupled", "three times", "en",
     "value 'three times' is not what the quote states ('quadrupled')"),
    ("Tesla's profit rose sharply", "four times", "en",
     "value 'four times' is not what the quote states (it states no quantity claimcheck reads; quote the words "
     "that state the value)"),
])
def test_a_value_the_quote_does_not_state_is_an_error_naming_both(quote: str, value: str, language: str,
                                                                  message: str) -> None:
    assert _problem(quote, value, language) == f"{message}"


def test_each_distinct_quote_and_value_is_read_once_per_run(tmp_path, monkeypatch) -> None:
    """Claim files repeat quotes and values; the grammar reads each distinct text once, across files."""
    import checker.claimfile.load as load
    import checker.claimfile.stated as stated
    from checker.claimfile.load import load_claim_file

    load._read_value.cache_clear()
    stated._scanned.cache_clear()
    readings: list[str] = []
    real_read, real_scan = load.read_value, stated.scan
    monkeypatch.setattr(load, "read_value", lambda text, language=None: readings.append(text) or real_read(text, language))
    monkeypatch.setattr(stated, "scan", lambda quote, language: readings.append(quote) or real_scan(quote, language))
    sentence = "수출은 44억 달러로 집계됐다."
    (tmp_path / "a.txt").write_text(sentence + "\n", encoding="utf-8")
    claim = f"  - {{id: c{{}}, quote: '{sentence}', value: 44억 달러, metric: x.y, period: 2023}}\n"
    for name in ("one", "two"):
        (tmp_path / f"{name}.yaml").write_text(
            "version: 1\narticle: {file: a.txt, published: 2024-02-19, language: ko}\nreference: []\nclaims:\n"
            + "".join(claim.replace("{}", str(number)) for number in range(3)), encoding="utf-8")
        claim_file, problems = load_claim_file(tmp_path / f"{name}.yaml")
        assert claim_file is not None and len(claim_file.claims) == 3, problems
    assert sorted(readings) == sorted(["44억 달러", sentence])


def test_a_text_read_in_two_languages_is_read_once_in_each(tmp_path, monkeypatch) -> None:
    """The cache is keyed by text and language: an English quote in a Korean article is read in both,
    each reading kept apart, and again in an English article only from the English reading kept."""
    import checker.claimfile.load as load
    import checker.claimfile.stated as stated
    from checker.claimfile.load import load_claim_file

    load._read_value.cache_clear()
    stated._scanned.cache_clear()
    readings: list[tuple[str, str]] = []
    real_read, real_scan = load.read_value, stated.scan
    monkeypatch.setattr(load, "read_value",
                        lambda text, language=None: readings.append((text, language)) or real_read(text, language))
    monkeypatch.setattr(stated, "scan", lambda quote, language: readings.append((quote, language)) or real_scan(quote, language))
    sentence = "Exports rose 3.5% last year."
    (tmp_path / "a.txt").write_text(sentence + "\n", encoding="utf-8")
    for name, language in (("ko", "ko"), ("en", "en"), ("en-again", "en")):
        (tmp_path / f"{name}.yaml").write_text(
            f"version: 1\narticle: {{file: a.txt, published: 2024-02-19, language: {language}}}\nreference: []\n"
            f"claims:\n  - {{id: c, quote: '{sentence}', value: 3.5%, metric: x.y, period: 2023}}\n", encoding="utf-8")
        claim_file, problems = load_claim_file(tmp_path / f"{name}.yaml")
        assert claim_file is not None and claim_file.claims[0].value.value == Decimal("3.5"), problems
    assert sorted(readings) == sorted([("3.5%", "ko"), ("3.5%", "en"), (sentence, "ko"), (sentence, "en")])
