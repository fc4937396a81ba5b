"""Project settings: ``claimcheck.yaml`` at the root of a claim repository.

Today it holds the project's tolerances (``tolerance: {approx: 3%}``), the widest of
the three scopes DESIGN names; a claim file's and a claim's own ``tolerance:`` override
it. Read with the same position-keeping loader and schema as claim files, so a typo
here gets the same ``path:line:col: message`` with a did-you-mean.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checker.claimfile import schema
from checker.claimfile.load import shown_path
from checker.claimfile.yamlpos import YamlMap, YamlRefused, load as load_yaml
from checker.errors import InputError, Location
from checker.suggest import did_you_mean
from checker.textfiles import read_text

FILE_NAME = "claimcheck.yaml"
KEYS = ("tolerance",)


def load_project_settings(path: Path) -> tuple[dict[str, Decimal], list[InputError]]:
    """The project tolerances in ``path`` and the problems found; an absent file means none."""
    name = shown_path(path)
    try:
        document = load_yaml(read_text(path, Location(name)), name)
    except InputError as problem:
        return {}, [problem]
    except YamlRefused as refused:
        return {}, [InputError(refused.location, refused.message)]
    errors = [InputError(problem.location, problem.message) for problem in document.problems]
    top = document.value
    if not isinstance(top, YamlMap):
        return {}, errors + [InputError(Location(name), "project settings should be a mapping such as 'tolerance: {approx: 3%}'")]
    for key in top:
        if key not in KEYS:
            errors.append(InputError(top.key_locations[key], f"unknown key '{key}'{did_you_mean(key, KEYS)}"))
    tolerance = top.get("tolerance")
    if tolerance is None:
        return {}, errors
    if not isinstance(tolerance, YamlMap):
        return {}, errors + [InputError(top.value_locations["tolerance"], "key 'tolerance' should be a mapping")]
    values, problems = schema.tolerance(tolerance)
    return values, errors + problems
