"""Properties that must hold for every input, not just the ones we thought of (hypothesis).

- A random value, written the ways Korean and English news write numbers, parses back to
  the same value, precision (by DESIGN's rule, computed here independently) and qualifier.
- ``extract`` never raises on arbitrary Unicode and its spans index into the text.
- Widening a tolerance never makes a verdict worse (so never turns supported into refuted).
- Verdicts do not depend on the order of claims in a file or of files in a run.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker import check, parse_quantity
from checker.evaluation.figures import Figure
from checker.evaluation.intervals import Interval
from checker.evaluation.judge import judge
from checker.evaluation.tolerances import effective
from checker.extraction import extract
from checker.quantities.model import Qualifier

ROOT = Path(__file__).resolve().parents[1]
HALF, CAP, WORDS = Decimal("0.5"), Decimal("0.05"), Decimal("0.1")


# --------------------------------------------------------------------------- the oracle

@dataclass(frozen=True)
class Written:
    """A number as written, and what DESIGN says it means."""

    text: str
    value: Decimal
    precision: Decimal
    unit: str | None
    qualifier: Qualifier


def digits_precision(value: Decimal, decimals: int | None, scale: Decimal) -> Decimal:
    """DESIGN "precision", written out again from the contract rather than imported.

    With a decimal point: half the place value of the last written decimal digit (times
    the scale word). Without: half the place value of the last nonzero digit, at most 5%
    of the value when zeros (written or implied by a scale word) follow that digit.
    """
    if decimals is not None:
        return HALF * Decimal(10) ** -decimals * scale
    place = len(str(int(value))) - len(str(int(value)).rstrip("0"))
    half_step = HALF * Decimal(10) ** place
    return min(half_step, value * CAP) if place > 0 else half_step


def same(a: Decimal, b: Decimal) -> bool:
    return a.compare_total(b) == 0 or a == b


# --------------------------------------------------------------------------- Korean renderings

KO_SCALES = ((Decimal(10) ** 12, "조"), (Decimal(10) ** 8, "억"), (Decimal(10) ** 4, "만"))
KO_UNITS = {"": None, "명": "people", " 명": "people", "개": "items", " 달러": "USD", "달러": "USD", "원": "KRW",
            " 원": "KRW"}
KO_QUALIFIERS = {("", ""): Qualifier.EXACT, ("약 ", ""): Qualifier.APPROX, ("", " 가까이"): Qualifier.NEARLY,
                 ("", " 넘게"): Qualifier.MORE_THAN, ("", " 이상"): Qualifier.AT_LEAST}


def group(number: int, comma: bool) -> str:
    return f"{number:,}" if comma else str(number)


@st.composite
def korean_mixed(draw: st.DrawFn) -> tuple[str, Decimal, int | None, Decimal]:
    """``1조2,000억``, ``1만1,000``, ``3,500만``, ``1,234조 5,678억 9,012만 3,456``, ``12,345,678``."""
    value = draw(st.integers(min_value=1, max_value=10**16 - 1))
    if draw(st.booleans()) or value < 10**4:
        return group(value, draw(st.booleans())), Decimal(value), None, Decimal(1)
    pieces, rest = [], value
    for scale, word in KO_SCALES:
        count, rest = divmod(rest, int(scale))
        if count:
            pieces.append(group(count, draw(st.booleans())) + word)
    if rest:
        pieces.append(group(rest, draw(st.booleans())))
    return draw(st.sampled_from(["", " "])).join(pieces), Decimal(value), None, Decimal(1)


@st.composite
def korean_decimal(draw: st.DrawFn) -> tuple[str, Decimal, int | None, Decimal]:
    """``4.4억``, ``1.5만``, ``13.25조``: a decimal before one scale word."""
    scale, word = draw(st.sampled_from(KO_SCALES))
    decimals = draw(st.integers(min_value=1, max_value=3))
    whole = draw(st.integers(min_value=1, max_value=9999))
    fraction = draw(st.integers(min_value=0, max_value=10**decimals - 1))
    written = f"{whole}.{fraction:0{decimals}d}"
    shown = f"{group(whole, draw(st.booleans()))}.{fraction:0{decimals}d}"
    return shown + word, Decimal(written) * scale, decimals, scale


@st.composite
def korean(draw: st.DrawFn) -> Written:
    number, value, decimals, scale = draw(st.one_of(korean_mixed(), korean_decimal()))
    suffix = draw(st.sampled_from(sorted(KO_UNITS)))
    (before, after), qualifier = draw(st.sampled_from(sorted(KO_QUALIFIERS.items())))
    precision = digits_precision(value, decimals, scale)
    return Written(before + number + suffix + after, value, precision, KO_UNITS[suffix], qualifier)


@given(korean())
@settings(max_examples=400, deadline=None)
def test_korean_renderings_parse_back(written: Written) -> None:
    quantity = parse_quantity(written.text)
    assert quantity is not None, written.text
    assert quantity.value == written.value, (written, quantity)
    assert same(quantity.precision, written.precision), (written, quantity)
    assert (quantity.unit, quantity.qualifier) == (written.unit, written.qualifier), (written, quantity)


# --------------------------------------------------------------------------- English renderings

EN_SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
             "trillion": Decimal(10) ** 12, "bn": Decimal(10) ** 9}
EN_QUALIFIERS = {"": Qualifier.EXACT, "about ": Qualifier.APPROX, "around ": Qualifier.APPROX,
                 "nearly ": Qualifier.NEARLY, "almost ": Qualifier.NEARLY, "more than ": Qualifier.MORE_THAN,
                 "over ": Qualifier.MORE_THAN, "at least ": Qualifier.AT_LEAST}
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
       "seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(number: int) -> str:
    """1..99 in words: ``twenty-five``."""
    if number < 20:
        return ONES[number]
    tens, ones = divmod(number, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


@st.composite
def english(draw: st.DrawFn) -> Written:
    form = draw(st.sampled_from(["digits", "commas", "words"]))
    currency = draw(st.sampled_from(["$", "US$", ""]))
    unit = "USD" if currency else None
    if form == "words":
        number = draw(st.integers(min_value=1, max_value=99))
        scale_word = draw(st.sampled_from(["", "thousand", "million", "billion"]))
        scale = EN_SCALES.get(scale_word, Decimal(1))
        text = words(number) + (f" {scale_word}" if scale_word else "")
        value = number * scale
        precision = value * WORDS
        text, unit = (text + " dollars", "USD") if currency else (text, None)
    elif form == "commas":
        number = draw(st.integers(min_value=1, max_value=10**13))
        text = f"{currency}{number:,}"
        value, precision = Decimal(number), digits_precision(Decimal(number), None, Decimal(1))
    else:
        scale_word = draw(st.sampled_from(sorted(EN_SCALES)))
        scale = EN_SCALES[scale_word]
        decimals = draw(st.sampled_from([None, 1, 2]))
        whole = draw(st.integers(min_value=1, max_value=999))
        written = str(whole) if decimals is None else f"{whole}.{draw(st.integers(0, 10**decimals - 1)):0{decimals}d}"
        text = f"{currency}{written}{'' if scale_word == 'bn' else ' '}{scale_word}"
        value = Decimal(written) * scale
        precision = digits_precision(value, decimals, scale)
    prefix, qualifier = draw(st.sampled_from(sorted(EN_QUALIFIERS.items())))
    return Written(prefix + text, value, precision, unit, qualifier)


@given(english())
@settings(max_examples=400, deadline=None)
def test_english_renderings_parse_back(written: Written) -> None:
    quantity = parse_quantity(written.text, "en")
    assert quantity is not None, written.text
    assert quantity.value == written.value, (written, quantity)
    assert same(quantity.precision, written.precision), (written, quantity)
    assert (quantity.unit, quantity.qualifier) == (written.unit, written.qualifier), (written, quantity)


# --------------------------------------------------------------------------- extract

def assert_spans_index_into(text: str) -> None:
    """``extract(text)`` returns, and every span it gives is a slice of ``text``."""
    result = extract(text).to_dict()
    for quantity in result["quantities"]:
        start, end = quantity["start"], quantity["end"]
        assert 0 <= start < end <= len(text) and text[start:end] == quantity["text"], quantity
        sentence_start, sentence_end = quantity["sentence"]
        assert 0 <= sentence_start <= sentence_end <= len(text), quantity
    for relation in result["relations"]:
        assert 0 <= relation["start"] <= relation["end"] <= len(text), relation


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extract_never_raises_on_arbitrary_unicode(text: str) -> None:
    assert_spans_index_into(text)


NUMBER_SOUP = ["메타는 ", "약 ", "44억 달러", "1만1,000명", "절반", "30% 넘게", "2022년 3분기", "$4.4 billion",
               "tripled", "가까이", "。", ". ", "\n", "~", "3배", "지난해", "전년 대비 ", "4분의 1", "-", "０"]


@given(st.lists(st.sampled_from(NUMBER_SOUP), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_extract_never_raises_on_number_soup(text: str) -> None:
    assert_spans_index_into(text)


def test_a_quantity_lies_inside_its_sentence() -> None:
    text = "약 \n44억 달러"
    for quantity in extract(text).to_dict()["quantities"]:
        sentence_start, sentence_end = quantity["sentence"]
        assert sentence_start <= quantity["start"] and quantity["end"] <= sentence_end, quantity


# --------------------------------------------------------------------------- tolerances

TOLERANCE_KEYS = ("exact", "approx", "nearly", "more_than", "at_least", "less_than", "at_most", "range", "decade")
RANK = {"supported": 0, "imprecise": 1, "refuted": 2}
CLAIMS = ["44억 달러", "약 44억 달러", "44억 달러 가까이", "44억 달러 넘게", "44억 달러 이상", "44억 달러 미만",
          "최대 44억 달러", "40억~45억 달러", "90달러 대", "절반", "약 30%", "1만1,000명", "$4.40 billion"]


@st.composite
def widening(draw: st.DrawFn) -> tuple[dict, dict]:
    """Two tolerance layers, the second wider than the first in every key."""
    share = st.decimals(min_value=0, max_value=1, places=3)
    narrow = {key: draw(share) for key in TOLERANCE_KEYS}
    narrow["imprecise"] = draw(share)
    narrow["imprecise_factor"] = draw(st.decimals(min_value=1, max_value=5, places=2))
    wide = {key: value + draw(st.decimals(min_value=0, max_value=1, places=3)) for key, value in narrow.items()}
    return narrow, wide


@given(st.sampled_from(CLAIMS), widening(), st.decimals(min_value=-2, max_value=3, places=4),
       st.decimals(min_value=0, max_value=Decimal("0.2"), places=4), st.sampled_from([None, "down"]))
@settings(max_examples=500, deadline=None)
def test_widening_a_tolerance_never_makes_a_verdict_worse(claim: str, layers: tuple[dict, dict], ratio: Decimal,
                                                         spread: Decimal, direction: str | None) -> None:
    claimed = parse_quantity(claim)
    centre = claimed.value if claimed.value is not None else claimed.high
    point = centre * ratio
    actual = Figure(Interval(point - abs(point) * spread, point, point + abs(point) * spread), claimed.unit, "actual")
    narrow, wide = (effective(layer) for layer in layers)
    before = judge(claimed, [actual], narrow, direction).verdict
    after = judge(claimed, [actual], wide, direction).verdict
    assert RANK[after] <= RANK[before], (claim, before, after)


# --------------------------------------------------------------------------- order

CLAIM_START = re.compile(r"^  - id: ", re.MULTILINE)


def split_claims(text: str) -> tuple[str, list[str]]:
    """The text before the first claim, and each claim's block (with its comments)."""
    starts = [match.start() for match in CLAIM_START.finditer(text)]
    blocks = [text[start:end] for start, end in zip(starts, starts[1:] + [len(text)])]
    return text[: starts[0]], [block if block.endswith("\n") else block + "\n" for block in blocks]


def verdicts(paths: list[Path]) -> dict[tuple[str, str], str]:
    return {(Path(result.file).name, result.id): result.verdict for result in check(paths).results}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[str], dict[str, str]]:
    folder = tmp_path_factory.mktemp("order") / "claims"
    shutil.copytree(ROOT / "claims", folder)
    original = folder / "meta-ai-pivot.yaml"
    head, blocks = split_claims(original.read_text(encoding="utf-8"))
    baseline = {claim_id: verdict for (_, claim_id), verdict in verdicts([original]).items()}
    original.unlink()
    return folder, head, blocks, baseline


@given(st.data())
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_verdicts_do_not_depend_on_the_order_of_claims_or_files(example: tuple, data: st.DataObject) -> None:
    folder, head, blocks, baseline = example
    names = [f"copy-{index}.yaml" for index in range(data.draw(st.integers(min_value=1, max_value=3)))]
    for name in names:
        order = data.draw(st.permutations(blocks))
        (folder / name).write_text(head + "".join(order), encoding="utf-8")
    paths = [folder / name for name in data.draw(st.permutations(names))]
    found = verdicts(paths)
    assert found == {(name, claim_id): verdict for name in names for claim_id, verdict in baseline.items()}
