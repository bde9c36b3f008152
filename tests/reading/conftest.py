"""Fixtures of the reading tests."""

from __future__ import annotations

import os

import pytest

from corpus_scoring import CORPUS


@pytest.fixture(scope="session")
def corpus_present():
    """The labelled corpus of real pages, beside the project: missing, a failure on CI and a skip elsewhere."""
    if not (CORPUS / "labels.jsonl").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the labelled corpus is missing at {CORPUS}")
        pytest.skip(f"the labelled corpus is not at {CORPUS} (it lies beside the project in shared/)")
