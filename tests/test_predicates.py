"""Predicate words around a claimed number (checker.quantities.predicates), and how the engine uses them.

Every entry of every predicate table is read in a sentence of its own here, so a table
line that stops working fails a test. The property tests check signed renderings: a
number written with a fall or rise reads back with its sign and the grammar's precision,
and is judged exactly like its size against the size of the actual move.
"""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import check, parse_quantity
from checker.evaluation.figures import Figure
from checker.evaluation.intervals import Interval
from checker.evaluation.judge import judge
from checker.evaluation.tolerances import DEFAULT_TOLERANCES
from checker.quantities import predicates as p
from checker.quantities.model import Kind, Qualifier
from checker.quantities.predicates import read_value

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "change_rank_cases"


def reading(text: str, language: str | None = None):
    worded = read_value(text, language)
    assert worded is not None, f"cannot read {text!r}"
    return worded.quantity, worded.predicate


# --------------------------------------------------------------------------- every table entry

KO_CHANGE = [(head, verb_class, way) for (head, verb_class), way in p.KO_CHANGE_VERBS.items()]


@pytest.mark.parametrize("head, verb_class, way", KO_CHANGE, ids=[f"{h}{c}" for h, c, _ in KO_CHANGE])
def test_korean_change_verb_in_every_ending(head: str, verb_class: str, way: str) -> None:
    sign = -1 if way == p.DOWN else 1
    for ending in p.KO_ENDINGS[verb_class]:
        quantity, predicate = reading(f"7.4% {head}{ending}")
        assert (quantity.value, predicate.form, predicate.direction) == (sign * Decimal("7.4"), p.CHANGE, way), ending
        quantity, predicate = reading(f"3.6%로 {head}{ending}")  # 로: what it moved to
        assert (quantity.value, predicate.form, predicate.direction) == (Decimal("3.6"), p.LEVEL, way), ending


@pytest.mark.parametrize("head, verb_class", p.KO_LEVEL_VERBS, ids=[f"{h}{c}" for h, c in p.KO_LEVEL_VERBS])
def test_korean_level_verb_adds_nothing(head: str, verb_class: str) -> None:
    for ending in p.KO_ENDINGS[verb_class]:
        quantity, predicate = reading(f"3.6%로 {head}{ending}")
        assert (quantity.value, quantity.unit, predicate.sign, predicate.direction) == (Decimal("3.6"), "%", 0, None)


@pytest.mark.parametrize("head, verb_class", p.KO_CHANGE_VERBS_NO_PARTICLE, ids=[f"{h}{c}" for h, c in p.KO_CHANGE_VERBS_NO_PARTICLE])
def test_korean_change_verb_without_particle(head: str, verb_class: str) -> None:
    for ending in p.KO_ENDINGS[verb_class]:
        quantity, predicate = reading(f"7.4% {head}{ending}")
        assert (quantity.value, predicate.form) == (Decimal("7.4"), p.CHANGE), ending
        assert read_value(f"7.4%를 {head}{ending}", "ko") is None, ending
        quantity, predicate = reading(f"80%로 {head}{ending}")  # 로: what it was raised to
        assert (quantity.value, predicate.form) == (Decimal("80"), p.LEVEL), ending


def test_every_ending_class_has_a_verb() -> None:
    used = {verb_class for _, verb_class in [*p.KO_CHANGE_VERBS, *p.KO_CHANGE_VERBS_NO_PARTICLE, *p.KO_LEVEL_VERBS]}
    assert used == set(p.KO_ENDINGS)


@pytest.mark.parametrize("word, sign", p.KO_BALANCES.items())
def test_korean_balance_gives_the_sign(word: str, sign: int) -> None:
    for text in (f"99억 7,000만 달러 {word}", f"99억 7,000만 달러의 {word}를 기록했다", f"{word} 99억 7,000만 달러",
                 f"{word}는 99억 7,000만 달러"):
        quantity, predicate = reading(text)
        assert (quantity.value, quantity.unit, predicate.sign, predicate.form) == (sign * Decimal("9.97e9"), "USD", sign, p.LEVEL)


@pytest.mark.parametrize("word, per", p.KO_PER_UNIT.items())
def test_korean_per_unit(word: str, per: str) -> None:
    quantity, predicate = reading(f"{word} 1,305.4원")
    assert (quantity.value, quantity.unit, predicate.per) == (Decimal("1305.4"), f"KRW/{per}", per)


@pytest.mark.parametrize("word", p.KO_ANNUAL)
def test_korean_annual_rate(word: str) -> None:
    quantity, predicate = reading(f"{word} 3.50%")
    assert (quantity.value, quantity.precision, predicate.annual) == (Decimal("3.50"), Decimal("0.005"), True)


@pytest.mark.parametrize("word", p.KO_BASES)
def test_korean_comparison_base_adds_nothing(word: str) -> None:
    quantity, predicate = reading(f"{word} 7.4% 감소했다")
    assert (quantity.value, predicate.form) == (Decimal("-7.4"), p.CHANGE)


@pytest.mark.parametrize("word", p.KO_TO_LEVEL)
def test_korean_to_marker_without_a_verb(word: str) -> None:
    quantity, predicate = reading(f"4분의 3 가까운 {word}")
    assert (quantity.value, quantity.qualifier, predicate.form, predicate.direction) == (
        Decimal("0.75"), Qualifier.NEARLY, p.LEVEL, p.DOWN)


#: Each particle in a phrase where news writes it, with the value and form it gives.
PARTICLES = {
    "으로": ("3분의 1 수준으로 줄었다", Decimal(1) / 3, p.LEVEL),
    "로": ("3.6%로 떨어졌다", Decimal("3.6"), p.LEVEL),
    "까지": ("3.6%까지 떨어졌다", Decimal("3.6"), p.LEVEL),
    "을": ("32만 7,000명을 기록했다", Decimal(327000), p.LEVEL),
    "를": ("99억 달러 적자를 기록했다", Decimal("-9.9e9"), p.LEVEL),
    "이": ("32만 7,000명이 늘었다", Decimal(327000), p.CHANGE),
    "가": ("2.5%가 늘었다", Decimal("2.5"), p.CHANGE),
    "에": ("3.6%에 그쳤다", Decimal("3.6"), p.LEVEL),
    "의": ("99억 달러의 적자", Decimal("-9.9e9"), p.LEVEL),
}


def test_every_particle_has_a_case() -> None:
    assert set(PARTICLES) == set(p.KO_PARTICLES)


@pytest.mark.parametrize("particle", list(PARTICLES))
def test_korean_particle(particle: str) -> None:
    text, value, form = PARTICLES[particle]
    quantity, predicate = reading(text)
    assert (quantity.value.quantize(Decimal("0.001")), predicate.form) == (value.quantize(Decimal("0.001")), form)


@pytest.mark.parametrize("verb, way", p.EN_CHANGE_VERBS.items())
def test_english_change_verb_by_and_to(verb: str, way: str) -> None:
    sign = -1 if way == p.DOWN else 1
    for text in (f"{verb} 7.4%", f"{verb} by 7.4%"):
        quantity, predicate = reading(text, "en")
        assert (quantity.value, predicate.form, predicate.direction) == (sign * Decimal("7.4"), p.CHANGE, way), text
    if verb != "up":  # "up to 5%" is the hedge "at most"
        quantity, predicate = reading(f"{verb} to 3.6%", "en")
        assert (quantity.value, predicate.form, predicate.direction) == (Decimal("3.6"), p.LEVEL, way)


@pytest.mark.parametrize("text, value", [
    ("The debt has risen by $3 trillion since 2009.", Decimal("3e12")),
    ("Sales have fallen 5 percent.", Decimal("-5")), ("Payrolls have grown by 2 million.", Decimal("2e6")),
    ("The economy has added 200,000 jobs.", Decimal("2e5")), ("Factories shed 700,000 jobs.", Decimal("-7e5")),
    ("We were losing 750,000 jobs a month.", Decimal("-7.5e5")),
])
def test_english_perfect_and_progressive_tenses_state_a_change(text: str, value: Decimal) -> None:
    """A perfect tense writes the participle ("has risen by"): read as a level, a rise of $3 trillion
    would be drafted as the debt standing at $3 trillion."""
    from checker.extraction import extract
    from checker.extraction.worded import worded_values
    extraction = extract(text, "en")
    worded = worded_values(extraction)[0]
    assert worded is not None
    assert (read_value(worded[0], "en").quantity.value, worded[1].form) == (value, p.CHANGE)


@pytest.mark.parametrize("noun, way", p.EN_CHANGE_NOUNS.items())
def test_english_change_noun(noun: str, way: str) -> None:
    sign = -1 if way == p.DOWN else 1
    for text in (f"a 7.4% {noun}", f"a {noun} of 7.4%", f"7.4% {noun}"):
        quantity, predicate = reading(text, "en")
        assert (quantity.value, predicate.form) == (sign * Decimal("7.4"), p.CHANGE), text


@pytest.mark.parametrize("word, way", p.EN_CHANGE_COMPARATIVES.items())
def test_english_comparative(word: str, way: str) -> None:
    quantity, predicate = reading(f"7.4% {word}", "en")
    assert (quantity.value, predicate.direction) == ((-1 if way == p.DOWN else 1) * Decimal("7.4"), way)


@pytest.mark.parametrize("verb", p.EN_LEVEL_VERBS)
def test_english_level_verb_adds_nothing(verb: str) -> None:
    quantity, predicate = reading(f"{verb} 3.6%", "en")
    assert (quantity.value, predicate.sign, predicate.direction) == (Decimal("3.6"), 0, None)


@pytest.mark.parametrize("word, sign", p.EN_BALANCES.items())
def test_english_balance(word: str, sign: int) -> None:
    for text in (f"a {word} of $9.97 billion", f"{word} of $9.97 billion", f"$9.97 billion {word}",
                 f"a $9.97 billion {word}"):
        quantity, predicate = reading(text, "en")
        assert (quantity.value, predicate.sign) == (sign * Decimal("9.97e9"), sign), text


@pytest.mark.parametrize("word, per", p.EN_PER_UNIT.items())
def test_english_per_unit(word: str, per: str) -> None:
    quantity, predicate = reading(f"$3.50 {word}", "en")
    assert (quantity.value, quantity.unit) == (Decimal("3.50"), f"USD/{per}")


@pytest.mark.parametrize("word", p.EN_ANNUAL_BEFORE)
def test_english_annual_before(word: str) -> None:
    quantity, predicate = reading(f"{word} 3.2%", "en")
    assert (quantity.value, predicate.annual) == (Decimal("3.2"), True)


@pytest.mark.parametrize("word", p.EN_ANNUAL_AFTER)
def test_english_annual_after(word: str) -> None:
    quantity, predicate = reading(f"3.2% {word}", "en")
    assert (quantity.value, predicate.annual) == (Decimal("3.2"), True)


@pytest.mark.parametrize("word", p.EN_BASES)
def test_english_comparison_base_adds_nothing(word: str) -> None:
    quantity, predicate = reading(f"rose 12.1% {word}", "en")
    assert (quantity.value, predicate.form) == (Decimal("12.1"), p.CHANGE)


# --------------------------------------------------------------------------- by, to, 배 and refusals

@pytest.mark.parametrize("text, value, qualifier, form", [
    ("3분의 1 줄었다", -Decimal(1) / 3, Qualifier.EXACT, p.CHANGE),            # by a third: −⅓
    ("3분의 1 가까이 줄었다", -Decimal(1) / 3, Qualifier.NEARLY, p.CHANGE),
    ("fell by a third", -Decimal(1) / 3, Qualifier.EXACT, p.CHANGE),
    ("3분의 1 수준으로 줄었다", Decimal(1) / 3, Qualifier.APPROX, p.LEVEL),     # to a third: ⅓
    ("fell to a third", Decimal(1) / 3, Qualifier.EXACT, p.LEVEL),
    ("4분의 3 가까운 수준으로", Decimal("0.75"), Qualifier.NEARLY, p.LEVEL),
    ("fell to nearly three quarters", Decimal("0.75"), Qualifier.NEARLY, p.LEVEL),
])
def test_by_versus_to(text: str, value: Decimal, qualifier: Qualifier, form: str) -> None:
    quantity, predicate = reading(text)
    assert (quantity.value, quantity.qualifier, predicate.form) == (value, qualifier, form)


def test_korean_bae_to_form_is_two_times() -> None:
    quantity, predicate = reading("두 배로 늘었다")
    assert (quantity.kind, quantity.value, predicate.form, predicate.direction) == (Kind.MULTIPLE, 2, p.LEVEL, p.UP)


def test_korean_bae_without_ro_is_also_two_times() -> None:
    """두 배 늘었다: the common newspaper reading is 'doubled' (2×), not +200%."""
    quantity, predicate = reading("두 배 늘었다")
    assert (quantity.kind, quantity.value, predicate.form, predicate.sign) == (Kind.MULTIPLE, 2, p.LEVEL, 0)


@pytest.mark.parametrize("text", [
    "세 배 줄었다",            # 배 with a fall has no agreed meaning
    "-7.4% 감소했다",          # a minus sign and a fall: which is meant?
    "흑자 7.4% 감소했다",      # a surplus that fell: two signs
    "7.4% 증가 감소했다",      # up and down at once
])
def test_contradicting_words_are_not_read(text: str) -> None:
    assert read_value(text) is None


@pytest.mark.parametrize("text, qualifier", [("up to 5%", Qualifier.AT_MOST), ("at least 5%", Qualifier.AT_LEAST),
                                              ("2%를 웃돌았다", Qualifier.MORE_THAN)])
def test_hedges_stay_the_grammars(text: str, qualifier: Qualifier) -> None:
    quantity, predicate = reading(text)
    assert (quantity.qualifier, predicate) == (qualifier, None)


def test_a_particle_that_belongs_to_the_currency_is_put_back() -> None:
    quantity, predicate = reading("100유로 늘었다")
    assert (quantity.unit, quantity.value, predicate.form) == ("EUR", 100, p.CHANGE)


def test_a_range_keeps_its_order_when_negated() -> None:
    quantity, _ = reading("5~7% 감소했다")
    assert (quantity.low, quantity.high) == (-7, -5)


# --------------------------------------------------------------------------- signed renderings (properties)

MAGNITUDES = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1)
KO_FORMS = {f"{head}{ending}": way for (head, verb_class), way in p.KO_CHANGE_VERBS.items()
            for ending in p.KO_ENDINGS[verb_class]}


@settings(max_examples=150, deadline=None)
@given(MAGNITUDES, st.sampled_from(sorted(KO_FORMS)), st.sampled_from(["%", "%포인트"]))
def test_korean_signed_rendering_reads_back(size: Decimal, verb: str, unit: str) -> None:
    plain = parse_quantity(f"{size}{unit}", "ko")
    quantity, predicate = reading(f"{size}{unit} {verb}", "ko")
    sign = -1 if KO_FORMS[verb] == p.DOWN else 1
    assert (quantity.value, quantity.precision, quantity.unit, predicate.sign) == (
        sign * plain.value, plain.precision, plain.unit, sign)


@settings(max_examples=150, deadline=None)
@given(MAGNITUDES, st.sampled_from(sorted(p.EN_CHANGE_VERBS)), st.sampled_from(["%", " percentage points"]),
       st.sampled_from(["", "by "]))
def test_english_signed_rendering_reads_back(size: Decimal, verb: str, unit: str, by: str) -> None:
    plain = parse_quantity(f"{size}{unit}", "en")
    quantity, predicate = reading(f"{verb} {by}{size}{unit}", "en")
    sign = -1 if p.EN_CHANGE_VERBS[verb] == p.DOWN else 1
    assert (quantity.value, quantity.precision, quantity.unit) == (sign * plain.value, plain.precision, plain.unit)


QUALIFIED = st.sampled_from(["", "약 ", "거의 "]), st.sampled_from(["", " 가까이", " 넘게", " 미만", " 이상"])


@settings(max_examples=200, deadline=None)
@given(MAGNITUDES, *QUALIFIED, st.decimals(min_value=Decimal("-150"), max_value=Decimal("150"), places=2))
def test_a_fall_is_judged_as_its_size(size: Decimal, before: str, after: str, actual: Decimal) -> None:
    """'N% 감소' against a change a is judged as 'N%' against −a; a rise is always refuted."""
    text = f"{before}{size}%{after}"
    plain = parse_quantity(text, "ko")
    if plain is None:
        return
    fall, _ = reading(f"{text} 감소했다", "ko")
    signed = judge(fall, [Figure(Interval.exact(actual), "%", "a")], DEFAULT_TOLERANCES, signed=True).verdict
    if actual >= 0:
        assert signed == "refuted"
    else:
        mirrored = judge(plain, [Figure(Interval.exact(-actual), "%", "a")], DEFAULT_TOLERANCES).verdict
        assert signed == mirrored


# --------------------------------------------------------------------------- through the engine

def repository(tmp_path: Path, claims: str, reference: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text("기사.\n", encoding="utf-8")
    (tmp_path / "reference.csv").write_text("entity,metric,period,value,unit,source\n" + reference, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: ko}\n"
                    "reference: [reference.csv]\nclaims:\n" + claims, encoding="utf-8")
    return path


def results(tmp_path: Path, claims: str, reference: str) -> dict:
    report = check([repository(tmp_path, claims, reference)])
    assert not report.errors, report.errors
    return {result.id: result for result in report.results}


SALES = "kr,sales,2022,100,USD,https://example.org/s\nkr,sales,2023,69,USD,https://example.org/s\n"
FALL = "of: [{metric: kr.sales, period: 2022}, {metric: kr.sales, period: 2023}]"


def test_a_wrong_direction_is_refuted_and_said(tmp_path: Path) -> None:
    found = results(tmp_path, f"  - {{id: up, value: 31% 증가했다, relation: change, {FALL}}}\n", SALES)["up"]
    assert found.verdict == "refuted"
    assert found.explanation.startswith("방향이 반대다: 31% 증가? 31% 감소.")  # the article is Korean


def test_direction_key_overrides_the_sign_and_bounds_the_size(tmp_path: Path) -> None:
    """The old conflation: 'nearly a third' with direction: down is a fall of 30–33.3%."""
    found = results(tmp_path, f"  - {{id: d, value: 3분의 1 가까이, direction: down, relation: change, {FALL}}}\n"
                              f"  - {{id: u, value: 3분의 1 가까이 줄었다, direction: up, relation: change, {FALL}}}\n",
                    SALES)
    assert (found["d"].verdict, found["u"].verdict) == ("supported", "refuted")


def test_a_change_over_a_ratio_compares_ratio_minus_one(tmp_path: Path) -> None:
    claims = ("  - {id: by, value: 3분의 1 가까이 줄었다, relation: ratio, "
              "of: [{metric: kr.sales, period: 2023}, {metric: kr.sales, period: 2022}]}\n")
    found = results(tmp_path, claims, SALES)["by"]
    assert found.verdict == "supported"
    assert "− 1 (이 값이 뜻하는 변화)" in found.explanation


def test_an_unsigned_change_that_went_the_other_way_gets_a_hint(tmp_path: Path) -> None:
    found = results(tmp_path, f"  - {{id: bare, value: 31%, relation: change, {FALL}}}\n", SALES)["bare"]
    assert found.verdict == "refuted"
    assert "값을 동사와 함께 적을 것" in found.explanation  # the article is Korean


def test_a_per_unit_claim_matches_a_rate_series(tmp_path: Path) -> None:
    reference = "fx,usd_krw,2023,1305.4,KRW/USD,https://example.org/fx\n"
    found = results(tmp_path, "  - {id: fx, value: '달러당 1,305.4원', metric: fx.usd_krw, period: 2023}\n"
                              "  - {id: bare, value: '1,305.4원', metric: fx.usd_krw, period: 2023}\n", reference)
    assert (found["fx"].verdict, found["bare"].verdict) == ("supported", "supported")
    assert "KRW/USD에 맞춰 1달러당 원(으)로 읽었다." in found["bare"].explanation


def test_an_amount_in_another_currency_against_a_rate_is_still_a_mismatch(tmp_path: Path) -> None:
    reference = "fx,usd_krw,2023,1305.4,KRW/USD,https://example.org/fx\n"
    found = results(tmp_path, "  - {id: fx, value: 1305.4달러, metric: fx.usd_krw, period: 2023}\n", reference)["fx"]
    assert found.verdict == "error"
    assert found.explanation.startswith("단위 불일치: 주장은 달러, 근거는 KRW/USD")  # the article is Korean


def test_the_stories_check_end_to_end() -> None:
    run = subprocess.run([sys.executable, "-m", "checker", "check", str(CASES), "--format", "parsable"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "36 claims: 28 supported, 0 imprecise, 6 refuted, 2 unverifiable, 0 error" in run.stdout
    assert "(expected" not in run.stdout  # every verdict is the one recorded in the claim files
    assert "direction:" not in "".join(path.read_text(encoding="utf-8") for path in CASES.glob("*.yaml")
                                       ).replace("`direction:`", "")
