"""Claim files: the YAML a fact-checker writes, loaded with a position for every node.

>>> from checker.claimfile import load_claim_file, discover
>>> files, errors = discover([Path("claims")])           # doctest: +SKIP
>>> claim_file, errors = load_claim_file(files[0])       # doctest: +SKIP

Modules: :mod:`.yamlpos` (safe YAML with positions), :mod:`.schema` (the schema as
data), :mod:`.quotes` (finding quotes in the article), :mod:`.model` (the records),
:mod:`.load` (file-level and claim-level rules, discovery).
"""

from checker.claimfile.load import discover, load_claim_file
from checker.claimfile.model import Article, Claim, ClaimFile, Operand

__all__ = ["Article", "Claim", "ClaimFile", "Operand", "discover", "load_claim_file"]
