"""The archive opened from disk (file://) in headless Chromium, as a reader would."""

from __future__ import annotations

from conftest import SEED_TITLES


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


def test_a_reply_is_indented_under_the_comment_it_answers_on_desktop_and_phone(site, browser):
    import json

    doc = "d6d6914bedf28798"
    record = json.loads((site.output / "doc" / doc / "record.json").read_text(encoding="utf-8"))
    replies = [(c["id"], c["replies_to"]) for c in record["comments"] if c["replies_to"]]
    assert replies
    for width in (1280, 390):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((site.output / "doc" / doc / "index.html").as_uri())
        for reply, answered in replies:
            left = page.evaluate("id => document.getElementById(id).getBoundingClientRect().left", reply)
            parent = page.evaluate("id => document.getElementById(id).getBoundingClientRect().left", answered)
            assert left > parent, (width, reply, answered)
        plain = [c["id"] for c in record["comments"] if not c["replies_to"]]
        lefts = {page.evaluate("id => document.getElementById(id).getBoundingClientRect().left", c) for c in plain}
        assert len(lefts) == 1  # comments that answer no one are not indented
        page.close()


def test_on_a_phone_the_title_and_text_come_first_and_dates_do_not_wrap(site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((site.output / "doc" / "d6d6914bedf28798" / "index.html").as_uri())
    top = page.evaluate("() => document.getElementById('p1').getBoundingClientRect().top")
    assert top < 600, top  # the text starts on the first screen, before provenance and the cite box
    assert page.evaluate("() => document.querySelector('h1').getBoundingClientRect().top") < top
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    page.goto((site.output / "index.html").as_uri())
    heights = page.eval_on_selector_all("table.documents time", "ts => ts.map(t => t.getClientRects().length)")
    assert heights and set(heights) == {1}  # each date on one line
    page.close()


def test_the_map_is_pictures_on_a_wide_screen_and_readable_lists_on_a_phone(site, browser):
    for width, pictures in ((1280, True), (390, False)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((site.output / "map" / "index.html").as_uri())
        assert page.locator("svg.graph").is_visible() is pictures
        assert page.locator("svg.timeline").is_visible() is pictures
        assert page.locator("ol.timeline-list").is_visible() is not pictures
        assert page.locator("ul.graph-list").is_visible() is not pictures
        if not pictures:
            sizes = page.eval_on_selector_all(".map-list a", "as => as.map(a => parseFloat(getComputedStyle(a).fontSize))")
            assert len(sizes) >= 5 and min(sizes) >= 14  # readable, unlike 6 px labels
            page.locator("ol.timeline-list a").first.click()
            page.wait_for_load_state()
            assert "/doc/" in page.url
        page.close()
