"""Property-based tests: any text at all is read without an exception, losslessly."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archive.reading.capture import Capture, CaptureError, decode
from archive.reading.parse import parse_text
from archive.reading.sitewide import line_key
from archive.reading.state import SiteLines
from archive.record import build_record

# Lines built from the pieces captures are made of, so that the rules fire.
PIECES = st.sampled_from([
    "  1. Alice says:", "    indented body", "Bob on March 31, 2008 at 12:27 PM", "Comments", "L",
    "Related Posts:", "Latest news", "By Jane Doe and John Roe", "posted at 1:05 pm on May 2, 2009 by X",
    "Saturday, September 6, 2014", "HomeNewsSportsWeatherAbout", "\"Quote\" - - John Adams",
    "No comments:", "3 comments:", "Itâ€™s", "Zu\u0308rich", "\ufffd", "", " ", "\t",
    "This entry was posted in News. Bookmark the permalink.", "(Photo: Jane Roe/Reuters)",
    "Alice • 3 years ago", "    Bob  Alice • 2 years ago", "Bob replied to Alice • March 4, 2015",
    "This comment was deleted.", "Login", "Sort by Best", "Join the discussion…", "Reply • Share ›", "3 △ ▽",
    "Alice said...", "October 18, 2014 at 10:02 PM", "5 comments:", "Post a Comment",
    "jtrask wrote:", "Mar 5, 2008 11:12am", "Re: A title", "by Selim K. » Tue Mar 04, 2008 8:02 pm",
    "_________________", "Top", "Posted by Maria at 9:15 AM", "Posted by: Ann | March 5, 2008 at 11:12 AM",
    "© 2015 The Harbor Ledger. All rights reserved.", "Skip to content", "Home | News | Sports | Jobs",
    "Leave a Reply", "TrackBack", "Sponsored", "Get our newsletter — Sign up", "A title",
])
LINES = st.lists(st.one_of(PIECES, PIECES, st.text(max_size=80)), max_size=40)
ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0c"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_is_parsed_losslessly(text):
    state = parse_text(text)
    assert all(line.role for line in state.lines)
    assert "".join(line.raw + line.ending for line in state.lines) == text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, ENDINGS)
def test_capture_like_text_is_parsed_losslessly_into_a_record(lines, ending):
    text = ending.join(lines)
    state = parse_text(text)
    assert "".join(line.raw + line.ending for line in state.lines) == text
    if text.strip():
        record = build_record(Capture(file="001_abcdef0123456789.txt", data=text.encode("utf-8", "surrogatepass"),
                                      text=text, encoding="utf-8"))
        ids = [c["id"] for c in record["comments"]]
        assert ids == [f"c{n}" for n in range(1, len(ids) + 1)]


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_any_bytes_are_decoded_or_refused_clearly(data):
    try:
        text, encoding, _warnings = decode("x.txt", data)
    except CaptureError as error:
        assert str(error).startswith("x.txt")
    else:
        assert text.strip() and encoding


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.data())
def test_capture_like_text_is_parsed_whichever_of_its_lines_the_site_repeats(lines, data):
    """Lines the corpus found repeated across a site's captures are claimed before
    any rule runs; no rule may then claim them again (one capture of a site
    read twice must never fail where it was read once)."""
    text = "\n\n".join(lines)
    known = data.draw(st.sets(st.sampled_from(lines))) if lines else set()
    state = parse_text(text, SiteLines("a site", frozenset(line_key(line) for line in known) - {""}))
    assert all(line.role for line in state.lines)
    assert "".join(line.raw + line.ending for line in state.lines) == text


# What the text-hygiene shortcut passes by: printable ASCII and general punctuation.
PLAIN = st.text(st.one_of(st.characters(min_codepoint=0x20, max_codepoint=0x7e),
                          st.characters(min_codepoint=0x2010, max_codepoint=0x2027),
                          st.characters(min_codepoint=0x2030, max_codepoint=0x205e)), max_size=120)


@settings(max_examples=500)
@given(PLAIN)
@example("x ”† y")  # Mac Roman mojibake: "Ӡ"
@example("‚††")
@example("1⁄• half")
def test_the_hygiene_shortcut_gives_what_ftfy_gives(text):
    import ftfy

    from archive.reading.hygiene import _CONFIG, repair_line

    assert repair_line(text) == ftfy.fix_text(text, _CONFIG)


def test_mojibake_beside_plain_punctuation_is_still_repaired():
    from archive.reading.hygiene import repair_line

    assert repair_line("Itâ€™s done — at last…") == "It’s done — at last…"
    assert repair_line("Notes: ”†") == "Notes: Ӡ" and repair_line("• one † two") == "• one † two"
    assert repair_line("Zu\u0308rich – “quoted”") == "Zürich – “quoted”"
