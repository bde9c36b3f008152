"""Accessibility of the built pages, checked by axe-core (from npm) in Chromium,
and what a keyboard user meets: a skip link, a visible focus, few tiny targets."""

from __future__ import annotations

import pytest

from conftest import ROOT

AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
HOT_AIR = "d6d6914bedf28798"
PAGES = {
    "the index": "index.html",
    "a document": f"doc/{HOT_AIR}/index.html",
    "an actor": "actor/qassem-suleimani/index.html",
    "the actors": "actor/index.html",
    "search results": "search.html?q=Soleimani",
    "the map": "map/index.html",
    "a passage": None,  # the first passage page
    "the method": "pages/method.html",
}


def _address(site, path: str | None) -> str:
    if path is None:
        path = next(iter(sorted((site.output / "quote").glob("*/index.html")))).relative_to(site.output).as_posix()
    base, _, query = path.partition("?")
    return (site.output / base).as_uri() + (f"?{query}" if query else "")


def violations(page) -> list[dict]:
    assert AXE.is_file(), "axe-core is missing: `invoke test` installs it (tests/package.json)"
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                    where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_nothing_wrong(site, browser, name):
    page = browser.new_page()
    page.goto(_address(site, PAGES[name]))
    if "search" in (PAGES[name] or ""):
        page.wait_for_function("() => { const s = document.getElementById('search-status').textContent;"
                               " return s && !s.startsWith('Searching'); }", timeout=15000)
    found = violations(page)
    page.close()
    assert found == [], found


def test_the_first_tab_offers_a_skip_link_and_focus_is_visible(site, browser):
    page = browser.new_page()
    page.goto(_address(site, PAGES["a document"]))
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.textContent, document.activeElement.getAttribute('href')]")
    assert focused == ["Skip to the text", "#main"]
    box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.height]; }")
    assert box[0] >= 0 and box[1] > 0  # on screen once focused
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()


SCREENSHOTS = ROOT / "screenshots"  # kept after the run (CI keeps them as artefacts); not in git


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_main_pages(site, browser, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    for name, path in PAGES.items():
        page.goto(_address(site, path))
        if "search" in (path or ""):
            page.wait_for_function("() => { const s = document.getElementById('search-status').textContent;"
                                   " return s && !s.startsWith('Searching'); }", timeout=15000)
        shot = SCREENSHOTS / f"{name.replace(' ', '-')}-{width}.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 5000  # something was drawn
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, name  # no sideways scrolling
    page.close()


def _parse_errors(data: bytes) -> list:
    import html5lib

    parser = html5lib.HTMLParser(strict=False)
    parser.parse(data)
    return parser.errors


def test_every_built_page_parses_without_an_error_by_the_html_standard(site):
    assert _parse_errors(b"<!DOCTYPE html><title>x</title><p><b>unclosed</p></i>")  # the check can fail
    pages = sorted(site.output.rglob("*.html"))
    assert len(pages) > 20
    failing = {str(p.relative_to(site.output)): _parse_errors(p.read_bytes())[:3] for p in pages}
    assert {page: errors for page, errors in failing.items() if errors} == {}


def test_the_keyboard_meets_each_actor_once_and_no_control_of_its_own_is_tiny(tmp_path, browser):
    from conftest import SEEDS, run_build

    build = run_build(SEEDS, tmp_path / "out", "--publish", env={"ARCHIVE_SITEURL": "https://example.org/archive"})
    assert build.returncode == 0, build.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((tmp_path / "out" / "doc" / HOT_AIR / "index.html").as_uri())  # copy buttons: with an address
    stops = page.evaluate("""() => [...document.querySelectorAll('a[href], button, input, select, summary')]
        .filter(e => e.tabIndex >= 0 && e.getClientRects().length)
        .map(e => { const r = e.getBoundingClientRect();
                    return {tag: e.tagName.toLowerCase(), cls: e.className, w: r.width, h: r.height,
                            inline: e.tagName === 'A' && !!e.closest('p, li, dd, span') && !e.classList.contains('anchor')}; })""")
    names_in_text = page.locator("section.text a.actor").count()
    assert names_in_text > 50
    assert not [s for s in stops if s["cls"] == "actor"]  # the names in the text are not tab stops...
    listed = page.locator("section.doc-actors li > a").count()
    assert listed and page.evaluate("() => document.querySelector('section.doc-actors li > a').tabIndex") == 0
    assert len(stops) < 160  # ...each actor is reached once, from the list of names
    own = [s for s in stops if not s["inline"] and s["cls"] != "site-name"]
    assert [s for s in own if s["w"] < 24 or s["h"] < 24] == []  # ¶/# marks, copy buttons, fields: 24 px or more
    assert sum(s["tag"] == "button" for s in own) >= 30
    page.close()
