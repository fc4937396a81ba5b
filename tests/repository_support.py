"""A claim repository in a temporary folder: one article, one reference CSV, one claim file."""
from __future__ import annotations

from pathlib import Path


def claim_repository(folder: Path, article: str, reference: str, claims: str, published: str,
                     language: str) -> Path:
    """The claim file of a repository holding ``article``, ``reference`` (CSV text) and the ``claims:`` lines."""
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "article.txt").write_text(article, encoding="utf-8")
    (folder / "reference.csv").write_text(reference, encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text(f"version: 1\narticle: {{file: article.txt, published: {published}, language: {language}}}\n"
                    "reference: [reference.csv]\nclaims:\n" + claims, encoding="utf-8")
    return path
