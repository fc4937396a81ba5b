"""Position-keeping YAML: libyaml and pure-Python composers agree; numbers keep their digits; aliases are bounded.

Every test of values and positions runs with each composer available, so the C path
(the default when PyYAML has libyaml) and the pure-Python fallback are held to the
same output. The claim-file cases show the YAML 1.1 number rules no longer change a
written value (``value: 010`` was read as 8, ``1:30`` as 90).
"""
from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claimfile import load_claim_file
from checker.claimfile.yamlpos import COMPOSERS, MAX_ALIAS_NODES, YamlRefused, load as load_yaml

DOCUMENT = """\
version: 1
claims:
  - {id: a, value: 4.40, period: 2022-09-30, on: yes}
  - id: b
    value: "010"
    of: [x, 1_000, -7, 0]
"""


def located(value: object) -> object:
    """A built value with every location kept, as plain data to compare."""
    if isinstance(value, dict):
        return {key: (located(item), value.key_locations[key], value.value_locations[key])
                for key, item in value.items()}
    if isinstance(value, list):
        return [(located(item), where) for item, where in zip(value, value.item_locations)]
    return value, type(value)


def test_libyaml_is_used_when_present() -> None:
    yaml = pytest.importorskip("yaml")
    assert ("c" in COMPOSERS) == yaml.__with_libyaml__
    assert next(iter(COMPOSERS)) == ("c" if yaml.__with_libyaml__ else "python")


def test_composers_give_the_same_values_and_positions() -> None:
    built = {name: located(load_yaml(DOCUMENT, "x.yaml", name).value) for name in COMPOSERS}
    assert len(set(map(repr, built.values()))) == 1, built
    claims = load_yaml(DOCUMENT, "x.yaml").value["claims"]
    assert str(claims[0].value_locations["value"]) == "x.yaml:3:20"
    assert str(claims[1]["of"].item_locations[2]) == "x.yaml:6:20"


@pytest.mark.parametrize("composer", list(COMPOSERS))
@pytest.mark.parametrize("written,expected", [
    ("010", "010"), ("-010", "-010"), ("00", "00"), ("0x1F", "0x1F"), ("0b11", "0b11"),
    ("1:30", "1:30"), ("1:30.5", "1:30.5"), ("190:20:30", "190:20:30"),
    ("10", 10), ("-7", -7), ("+5", 5), ("0", 0), ("1_000", 1000),
    ("4.40", Decimal("4.40")), ("010.5", Decimal("10.5")),
])
def test_yaml_11_number_forms_keep_the_text_written(composer: str, written: str, expected: object) -> None:
    value = load_yaml(f"v: {written}\n", "x.yaml", composer).value["v"]
    assert (value, type(value)) == (expected, type(expected))
    if isinstance(expected, Decimal):
        assert str(value) == str(expected)


def aliased_ten_kilobytes(references: int = 900) -> str:
    """About 10 KB that stays under the alias count and the node cap, yet expands 900-fold."""
    return "big: &b [" + ", ".join(["x"] * 2000) + "]\nall: [" + ", ".join(["*b"] * references) + "]\n"


@pytest.mark.parametrize("composer", list(COMPOSERS))
def test_aliases_may_add_only_a_bounded_number_of_nodes(composer: str) -> None:
    text = aliased_ten_kilobytes()
    assert len(text) < 11_000
    started = time.perf_counter()
    with pytest.raises(YamlRefused) as refused:
        load_yaml(text, "x.yaml", composer)
    assert time.perf_counter() - started < 2.0
    assert str(refused.value.location) == "x.yaml:1:1"
    assert refused.value.message == f"aliases add 1800900 nodes to the 2005 written, more than {MAX_ALIAS_NODES}"


def test_aliases_within_the_bound_are_expanded() -> None:
    text = "t: &t {approx: 3%, places: 1}\nclaims: [" + ", ".join(["*t"] * 900) + "]\n"
    claims = load_yaml(text, "x.yaml").value["claims"]
    assert len(claims) == 900 and claims[899] == {"approx": "3%", "places": 1}


def test_a_document_without_anchors_is_still_bounded_in_depth() -> None:
    with pytest.raises(YamlRefused) as refused:
        load_yaml("a: " + "[" * 150 + "]" * 150 + "\n", "x.yaml")
    assert (str(refused.value.location), refused.value.message) == (
        "x.yaml:1:104", "YAML nested deeper than 100 levels")


# --------------------------------------------------------------------------- in a claim file

@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claimcheck.yaml").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text("The plant hired 010 people in 1:30.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def claim_file(value: str) -> Path:
    path = Path("claims.yaml")
    path.write_text("version: 1\narticle: {file: article.txt, published: 2024-02-19, language: en}\n"
                    f"claims:\n  - id: c\n    quote: hired 010 people\n    value: {value}\n", encoding="utf-8")
    return path


def test_claim_value_with_a_leading_zero_keeps_its_digits(repository: Path) -> None:
    loaded, errors = load_claim_file(claim_file("010"))
    assert errors == [] and loaded is not None
    (claim,) = loaded.claims
    assert claim.problems == () and claim.value_text == "010" and claim.value.value == Decimal(10)


def test_claim_value_in_base_60_is_an_error_not_ninety(repository: Path) -> None:
    loaded, errors = load_claim_file(claim_file("1:30"))
    assert errors == [] and loaded is not None
    (claim,) = loaded.claims
    assert [str(problem) for problem in claim.problems] == ["claims.yaml:6:12: cannot read '1:30' as a quantity"]


_SCALARS = st.one_of(st.text(max_size=8), st.integers(-10**6, 10**6), st.booleans(), st.none(),
                     st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str))
_DOCUMENTS = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=4)), max_leaves=20)


@settings(max_examples=60, deadline=None)
@given(document=_DOCUMENTS, flow=st.booleans())
def test_the_composers_agree_on_any_document(document: object, flow: bool) -> None:
    """libyaml and the pure-Python composer: same values, types and positions, or the same refusal."""
    yaml = pytest.importorskip("yaml")
    text = yaml.safe_dump({"root": document}, default_flow_style=flow, allow_unicode=True)
    outcomes = []
    for name in COMPOSERS:
        try:
            outcomes.append(repr(located(load_yaml(text, "x.yaml", name).value)))
        except YamlRefused as refused:
            outcomes.append(f"{refused.location}: {refused.message}")
    assert len(set(outcomes)) == 1, (text, outcomes)


def _composed(text: str, composer: str) -> object:
    """The value, positions and problems, or the refusal, of the node-graph path (before anything is built)."""
    from checker.claimfile.yamlpos import _Builder, _compose
    from checker.errors import Location

    try:
        root = _compose(text, "f.yaml", COMPOSERS[composer])
        if root is None:
            raise YamlRefused(Location("f.yaml"), "empty YAML document")
        document = _Builder("f.yaml").build_document(root, aliased="&" in text)
    except YamlRefused as refused:
        return refused.location, refused.message
    return located(document.value), document.problems


def _loaded(text: str, composer: str) -> object:
    try:
        document = load_yaml(text, "f.yaml", composer)
    except YamlRefused as refused:
        return refused.location, refused.message
    return located(document.value), document.problems


ODD = [DOCUMENT, "a: 1\na: 2\n", "b: !!binary aGk=\nc: 1\n", "<<: {x: 1}\n", "? [k]\n: v\n", "k: {a: 1, a: 2}\n",
       "l: *nope\n", "m: [\n", "---\nz: 1\n---\nz: 2\n", "o: !!map {p: 1}\n", "s: !!int abc\n", "", "# only\n",
       "v: " + "[" * 105 + "]" * 105 + "\n", "x: \"\\u00e9\"\ny: .inf\n", "- top\n- {a: [1, {b: 2}]}\n",
       "dd: !!bool maybe\nm: [\n"]
REAL = sorted(Path(__file__).resolve().parents[1].glob("claims/**/*.yaml")) + sorted(
    Path(__file__).resolve().parents[1].glob("examples/**/*.yaml"))


@pytest.mark.parametrize("composer", COMPOSERS)
def test_built_from_events_as_from_the_node_graph(composer: str) -> None:
    """A document without anchors is built from the parser's events, with no node graph held beside
    its values (most of what loading a large claim file cost), to the same values, positions,
    problems and refusals; the claim files of this repository included."""
    from checker.claimfile.yamlpos import _from_events

    cases = sorted(Path(__file__).parent.glob("**/*.yaml"))  # the tests' own tables and claim files
    texts = ODD + [path.read_text(encoding="utf-8") for path in REAL + cases]
    assert len(REAL) >= 4 and len(cases) > 20
    for text in texts:
        assert _loaded(text, composer) == _composed(text, composer), text[:200]
    for path in REAL:
        assert _from_events(path.read_text(encoding="utf-8"), "f.yaml", COMPOSERS[composer]) is not None, path
