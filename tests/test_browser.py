"""The archive opened from disk (file://) in headless Chromium, as a reader would."""

from __future__ import annotations

from test_site import SEED_TITLES


def test_index_from_disk_leads_to_every_page_with_its_comments(site, browser):
    page = browser.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    index_url = (site.output / "index.html").as_uri()
    page.goto(index_url)
    assert page.title() == "Annotated Web Archive"
    # The stylesheet loaded: the index table is laid out by archive.css.
    assert page.eval_on_selector("table.documents", "t => getComputedStyle(t).borderCollapse") == "collapse"
    for doc_id, (title, count) in SEED_TITLES.items():
        page.goto(index_url)
        page.get_by_role("link", name=title, exact=True).click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/doc/{doc_id}/index.html")
        assert page.locator("h1").inner_text() == title
        assert page.locator("article.comment").count() == count
        assert page.get_by_role("heading", name=f"Comments ({count})").is_visible()
        # What was removed is collapsed until the reader asks for it.
        removed = page.locator("details.removed")
        assert removed.get_attribute("open") is None
        if removed.locator("pre").count():
            assert not removed.locator("pre").first.is_visible()
            removed.locator("summary").click()
            assert removed.locator("pre").first.is_visible()
    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]
    assert errors == []


def test_paragraph_anchor_and_source_link_work_from_disk(site, browser):
    page = browser.new_page()
    doc = site.output / "doc" / "d6d6914bedf28798" / "index.html"
    page.goto(doc.as_uri() + "#p3")
    assert page.evaluate("document.querySelector(':target').id") == "p3"
    page.locator("#c5 a.anchor").click()
    assert page.evaluate("location.hash") == "#c5"
    page.get_by_role("link", name="002_d6d6914bedf28798.txt").click()
    page.wait_for_load_state()
    assert page.url.endswith("/doc/d6d6914bedf28798/source.txt")
    assert "posted at 12:19 pm on March 31, 2008 by Allahpundit" in page.inner_text("body")
