"""Reading a long article costs in proportion to its length: no rule looks at the whole text per number.

A 100,000-claim article (5.9 MB) holds 300,000 numbers; a rule that asks ``"가장" in text`` of each
read the article 300,000 times, and ``check``'s coverage of it took minutes. The rules that judge one
number (``negatives.why_not``) may look around it, never at all of the text: here the text refuses to
be searched whole, and every rule must still give the reason it gives the plain text.
"""
from __future__ import annotations

import pytest

from checker.extraction import negatives, scanner


class _Whole(str):
    """A text that fails when a rule asks whether something stands anywhere in it (its slices are plain)."""

    def __contains__(self, part: object) -> bool:
        raise AssertionError(f"a rule looked for {part!r} in the whole text")


#: Korean and English sentences with numbers some rule refuses (a ranked group, an index's name, an age,
#: a product) and numbers none does, repeated so a look at the whole text would reach far beyond each.
_SENTENCES = (
    "가장 많이 거래되는 40개 종목이 올랐다. 가장 큰 두 곳은 문을 닫았다. 가장 많은 300명이 참가했다.",
    "코스피 200 지수는 2.5% 올랐다. 지표 7번은 2018년 9558억 달러를 기록했다. 30대 남성 2명이 다쳤다.",
    "The five largest banks lost $4.4 billion in 2022, down 37% from a year earlier.",
    "Apple sold 12 million iPhone 15 units; the S&P 500 index rose 1.2%.",
)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_rule_judges_a_number_by_what_is_around_it(language: str) -> None:
    text = "\n".join(_SENTENCES * 20)
    quantities = scanner.scan(text, language)
    assert len(quantities) > 100
    hangul = negatives.holds_hangul(text)
    reasons = [negatives.why_not(text, quantity, hangul) for quantity in quantities]
    assert [negatives.why_not(_Whole(text), quantity, hangul) for quantity in quantities] == reasons
    assert any(reasons) and not all(reasons)
