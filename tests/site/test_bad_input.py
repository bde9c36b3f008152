"""Bad captures: a clear message naming the file, and the others still published."""

from __future__ import annotations

import codecs
import shutil
import subprocess
import sys

from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, SEEDS, run_build

HOSTILE = FIXTURES / "captures" / "hostile.txt"


def test_bad_captures_are_named_and_the_good_ones_published(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "001_86ae2184d8d7729f.txt", seeds)
    (seeds / "005_aaaaaaaaaaaaaaaa.txt").write_bytes(b"")
    (seeds / "006_bbbbbbbbbbbbbbbb.txt").write_bytes(b"Title\n\nline two\n\x00\x01\x02binary")
    (seeds / "007_86ae2184d8d7729f.txt").write_text("Same id as 001\n\nText.\n")
    (seeds / "008_cccccccccccccccc.txt").write_bytes("Café in Zürich\n\nIt’s “quoted”.\n".encode("cp1252"))
    (seeds / "009_dddddddddddddddd.txt").write_bytes(codecs.BOM_UTF16_LE + "Über title\n\nBody.\n".encode("utf-16-le"))
    build = run_build(seeds, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    out = build.stdout
    assert "3 documents" in out and "3 problems" in out
    assert "005_aaaaaaaaaaaaaaaa.txt: empty capture" in out
    assert "006_bbbbbbbbbbbbbbbb.txt:4: binary data" in out
    assert "007_86ae2184d8d7729f.txt: duplicate id '86ae2184d8d7729f', already taken by 001_86ae2184d8d7729f.txt" in out
    assert "008_cccccccccccccccc.txt:1: not valid UTF-8 on the whole file; decoded as cp1252" in out
    published = sorted(p.name for p in (tmp_path / "out" / "doc").iterdir())
    assert published == ["86ae2184d8d7729f", "cccccccccccccccc", "dddddddddddddddd"]
    cp1252 = BeautifulSoup((tmp_path / "out/doc/cccccccccccccccc/index.html").read_text(), "html.parser")
    assert cp1252.find("h1").get_text() == "Café in Zürich"
    assert "It’s “quoted”." in cp1252.select_one("section.text").get_text()
    utf16 = BeautifulSoup((tmp_path / "out/doc/dddddddddddddddd/index.html").read_text(), "html.parser")
    assert utf16.find("h1").get_text() == "Über title"
    # --strict turns the problems into a failure, and the published site stays as it was.
    before = sorted(p.name for p in (tmp_path / "out" / "doc").iterdir())
    strict = run_build(seeds, tmp_path / "out", "--strict")
    assert strict.returncode != 0 and "captures not published, or editors' files not used" in strict.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "doc").iterdir()) == before


OUR_SCRIPTS = ("theme/js/keys.js", "theme/js/cite.js", "theme/js/search.js", "theme/js/notes.js")


def test_capture_text_is_escaped_everywhere(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE, seeds / "001_eeeeeeeeeeeeeeee.txt")
    (seeds / "002_ffffffffffffffff.txt").write_text(
        "An actor page quotes this\n\n<script>alert(1)</script> Qassem Suleimani <img src=x onerror=alert(2)> "
        "said nothing at all, according to the people who were there.\n", encoding="utf-8")
    build = run_build(seeds, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    for name in ("index.html", "doc/eeeeeeeeeeeeeeee/index.html", "doc/ffffffffffffffff/index.html",
                 "actor/qassem-suleimani/index.html"):
        html = (tmp_path / "out" / name).read_text()
        soup = BeautifulSoup(html, "html.parser")
        for script in soup.find_all("script"):  # the theme's own files, or metadata that is no code
            assert script.get("src", "").endswith(OUR_SCRIPTS) or script.get("type") == "application/ld+json", name
            assert "alert(" not in script.get_text() or script.get("type") == "application/ld+json", name
        assert not soup.find_all("img"), name
        assert not soup.find_all(attrs={"onerror": True}), name
        assert "&lt;script&gt;" in html
    page = BeautifulSoup((tmp_path / "out/doc/eeeeeeeeeeeeeeee/index.html").read_text(), "html.parser")
    assert page.find("h1").get_text() == "<script>alert('title')</script> & friends"
    assert page.select_one("#c1 .author").get_text() == "<b>Mallory</b>"


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    output = tmp_path / "out"
    assert run_build(SEEDS, output).returncode == 0
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    broken = tmp_path / "brokenconf.py"  # a theme without the archive's templates
    broken.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                      f"from pelicanconf import *\nTHEME = {str(tmp_path / 'no-theme')!r}\n")
    (tmp_path / "no-theme" / "templates").mkdir(parents=True)
    import sys
    sys.path.insert(0, str(ROOT / "plugins"))
    from archive_site.build import BuildFailed, build_site
    import os
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        try:
            build_site(broken, SEEDS, output)
            raise AssertionError("the build should have failed")
        except BuildFailed as error:
            assert "left as it was" in str(error)
    finally:
        os.chdir(cwd)
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_folders_beside_the_output_are_left_alone(tmp_path):
    for name in (".out.old", ".out.building"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "keep.txt").write_text("mine")
    assert run_build(SEEDS, tmp_path / "out").returncode == 0
    assert run_build(SEEDS, tmp_path / "out").returncode == 0
    assert (tmp_path / ".out.old" / "keep.txt").read_text() == "mine"
    assert (tmp_path / ".out.building" / "keep.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.building", ".out.old", "out"]


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    build = run_build(tmp_path / "nowhere", tmp_path / "out")
    assert build.returncode == 1
    assert "seeds folder not found" in build.stderr
    assert not (tmp_path / "out").exists()


def test_an_unrelated_folder_is_never_overwritten(tmp_path):
    output = tmp_path / "important"
    output.mkdir()
    (output / "thesis.docx").write_text("years of work")
    (output / "index.html").write_text("<p>my own site</p>")  # looks like a site, is not ours
    build = run_build(SEEDS, output)
    assert build.returncode == 1 and "is not an archive build" in build.stderr
    assert (output / "thesis.docx").read_text() == "years of work"
    clean = subprocess.run([sys.executable, "-m", "invoke", "clean", "--output", str(output)],
                           cwd=ROOT, capture_output=True, text=True)
    assert clean.returncode == 1 and "not removed" in clean.stderr
    assert (output / "thesis.docx").exists()


def test_the_captures_folder_is_never_the_output(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SEEDS, site / "seeds")
    build = run_build(site / "seeds", site)
    assert build.returncode == 1 and "holds the captures" in build.stderr
    assert sorted(p.name for p in (site / "seeds").iterdir()) == sorted(p.name for p in SEEDS.iterdir())


def test_an_empty_seeds_folder_never_replaces_a_published_archive(tmp_path):
    output = tmp_path / "out"
    assert run_build(SEEDS, output).returncode == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    build = run_build(empty, output)
    assert build.returncode == 1 and "no capture" in build.stderr
    assert len(list((output / "doc").iterdir())) == 5


def test_clean_removes_a_build(tmp_path):
    output = tmp_path / "out"
    assert run_build(SEEDS, output).returncode == 0
    clean = subprocess.run([sys.executable, "-m", "invoke", "clean", "--output", str(output)],
                           cwd=ROOT, capture_output=True, text=True)
    assert clean.returncode == 0 and not output.exists()


def test_relative_paths_are_read_from_where_the_command_runs(tmp_path):
    (tmp_path / "mine").mkdir()
    shutil.copy(SEEDS / "001_86ae2184d8d7729f.txt", tmp_path / "mine")
    done = subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "build", "--seeds", "mine",
                           "--output", "site"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "doc" / "86ae2184d8d7729f" / "index.html").is_file()


def test_corpus_names_what_it_skips_and_what_does_not_add_up(tmp_path):
    from archive.corpus import read_corpus

    (tmp_path / "001_aaaaaaaaaaaaaaaa.txt").write_bytes(b"")  # fails, but keeps its id
    (tmp_path / "002_aaaaaaaaaaaaaaaa.TXT").write_text("Same id, upper-case suffix\n\nText.\n")
    (tmp_path / ".003_bbbbbbbbbbbbbbbb.txt").write_text("Hidden file\n\nText.\n")
    (tmp_path / "004_cccccccccccccccc.txt").write_text(
        "A post\n\nThe article.\n\n3 Responses to A post\n\n  1. Ann says:\n\n    Hi.\n\n  2. Bo says:\n\n    Yo.\n")
    corpus = read_corpus(tmp_path)
    assert [r["id"] for r in corpus.records] == ["cccccccccccccccc"]
    assert corpus.problems[0].startswith("001_aaaaaaaaaaaaaaaa.txt: empty capture")
    assert corpus.problems[1].startswith("002_aaaaaaaaaaaaaaaa.TXT: duplicate id 'aaaaaaaaaaaaaaaa', already taken by 001")
    assert "004_cccccccccccccccc.txt: the capture says 3 comments, 2 were found" in corpus.warnings
