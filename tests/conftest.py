"""Shared fixtures: the real site, built from the real seeds by the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
sys.path.insert(0, str(ROOT / "plugins"))

# Each seed capture's document id → its title and how many comments it has.
SEED_TITLES = {
    "93b7b02e6c168858": ("Quds force mediated Iraqi Fighting.", 23),
    "86ae2184d8d7729f": ("Ceasefires In Iraq Go Through Iran's Quds Force", 4),
    "d6d6914bedf28798": ("Iranian Quds Force leader helped broker truce with Sadr", 22),
    "bbfa1784b879b3b7": ("Beleaguered Iraqis court Iranian mastermind of the Shiites who fought the U.S.", 0),
    "10d7759fc9c54020": ("U.S. - Iran Alliance - Khamenei approves cooperation with US forces battling IS", 0),
}


@dataclass
class Build:
    output: Path
    stdout: str
    stderr: str
    returncode: int


def run_build(seeds: Path, output: Path, *extra: str, env: dict | None = None) -> Build:
    """Run `invoke build` exactly as a user would (``env``: extra environment variables)."""
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "build", "--seeds", str(seeds), "--output", str(output), *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, **(env or {})},
    )
    return Build(output, done.stdout, done.stderr, done.returncode)


def build_one(tmp_path: Path, capture: Path, doc_id: str) -> Build:
    """Build an archive of one capture, published as ``doc/<doc_id>/``; it must succeed."""
    import shutil

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(capture, seeds / f"001_{doc_id}.txt")
    build = run_build(seeds, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    return build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    build = run_build(SEEDS, tmp_path_factory.mktemp("site") / "output")
    assert build.returncode == 0, build.stderr + build.stdout
    return build


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright. A missing browser is a failure."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: apt-get install chromium (invoke test does it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def corpus_present():
    """The labelled corpus of real pages, beside the project: missing, a failure on CI and a skip elsewhere."""
    from corpus_scoring import CORPUS

    if not (CORPUS / "labels.jsonl").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the labelled corpus is missing at {CORPUS}")
        pytest.skip(f"the labelled corpus is not at {CORPUS} (it lies beside the project in shared/)")
