"""The code's layers (`.importlinter`, `invoke layers`): reading, linking and
publishing each import only the stages below them, and no package has an import
circle. The contract is checked on the code as it is, and shown to catch a
lower layer importing a higher one and a circle, in a copy of the code."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def _layers(plugins) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", "layers", "--plugins", str(plugins)], cwd=ROOT,
                          capture_output=True, text=True)


def test_the_stages_import_only_downwards_and_no_package_has_a_circle():
    done = _layers(ROOT / "plugins")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 kept, 0 broken" in done.stdout


@pytest.fixture
def code_copy(tmp_path):
    copy = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins", copy, ignore=shutil.ignore_patterns("__pycache__", "*.crfsuite"))
    return copy


def _add_import(module, line: str) -> None:
    text = module.read_text(encoding="utf-8")
    head, rest = text.split("from __future__ import annotations\n", 1)
    module.write_text(f"{head}from __future__ import annotations\n{line}\n{rest}", encoding="utf-8")


def _refused(code_copy) -> str:
    """What `invoke layers` says of the broken copy (it must fail)."""
    done = _layers(code_copy)
    assert done.returncode == 1, done.stdout
    return done.stderr


def test_reading_that_imports_publishing_breaks_the_layers(code_copy):
    _add_import(code_copy / "archive" / "reading" / "capture.py", "from archive.publishing import permalinks")
    said = _refused(code_copy)
    assert "stages import only downwards" in said and "BROKEN" in said
    assert "archive.reading.capture -> archive.publishing.permalinks" in said


def test_the_shared_helpers_may_not_import_a_stage(code_copy):
    _add_import(code_copy / "archive" / "shared" / "dates.py", "from archive.reading.state import Line")
    assert "archive.shared.dates -> archive.reading.state" in _refused(code_copy)


def test_an_import_inside_a_function_or_relative_across_stages_breaks_them_too(code_copy):
    state = code_copy / "archive" / "reading" / "state.py"
    state.write_text(state.read_text(encoding="utf-8") + "\n\ndef _later():\n    from archive.linking import links\n"
                     "    return links\n", encoding="utf-8")
    _add_import(code_copy / "archive" / "linking" / "passages.py", "from ..publishing import exports")
    said = _refused(code_copy)
    assert "archive.reading.state -> archive.linking.links" in said
    assert "archive.linking.passages -> archive.publishing.exports" in said


def test_a_new_module_must_take_its_place_in_a_layer_and_never_import_the_glue(code_copy):
    (code_copy / "archive" / "helpers.py").write_text('"""Nowhere."""\n', encoding="utf-8")
    _add_import(code_copy / "archive" / "publishing" / "marks.py", "from archive_site import build")
    said = _refused(code_copy)
    assert "archive.helpers" in said  # the layers are exhaustive: a module in none is refused
    assert "archive.publishing.marks -> archive_site.build" in said


def test_an_import_circle_inside_a_stage_is_refused(code_copy):
    # the rules read shapes; shapes reading a rule closes a circle (allowed by the layers, not by the circles check)
    _add_import(code_copy / "archive" / "reading" / "shapes.py", "from .rules import masthead")
    assert "No cycles are allowed in archive.reading" in _refused(code_copy)
