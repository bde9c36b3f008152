"""The line model and the page's own comment template: shapes, training, tagging."""

from __future__ import annotations

import math
import re

import pycrfsuite
import pytest

from archive.reading.capture import read_capture
from archive.reading.linemodel.features import page_features
from archive.reading.linemodel.labels import LABELS
from archive.reading.linemodel.tagger import MODEL, tag
from archive.reading.linemodel import titles
from archive.reading.training import title_examples, train, train_ranker, with_title
from archive.reading.parse import parse_text
from archive.reading.shapes import shape, stamps, varying_words
from archive.reading.state import (BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE, COMMENT_HEADER, FOOTER, LINE_MODEL,
                                   TEASERS)
from scoring import fixture_cases


def test_a_header_keeps_its_fixed_words_and_turns_the_rest_into_slots():
    assert shape("Posted by: Riccardo Cabeza at November 9, 2012 7:49 AM") == "posted by : <X> at <DATE> <TIME>"
    assert shape("3. jim says:") == "<N> . <X> says :"
    assert shape("Alice • 3 years ago") == "<X> • <AGO>"
    assert shape("Bob | March 5, 2009") == "<X> | <DATE>"
    assert shape("Tomasz W. on Nov 9 at 12:02 pm") == "<X> on <DATE> at <TIME>"


def test_two_commenters_share_a_shape_but_not_their_names():
    a, b = "Posted by: Riccardo Cabeza at November 9, 2012 7:49 AM", "Posted by: Tomasz W. at November 9, 2012 12:02 PM"
    assert shape(a) == shape(b)
    assert (varying_words(a), varying_words(b)) == ("Riccardo Cabeza", "Tomasz W.")


def test_stamps_are_dates_times_and_relative_stamps():
    assert stamps("Marguerite On Friday, March 7 at 10:41 pm") == [("<DATE>", "Friday, March 7"),
                                                                     ("<TIME>", "10:41 pm")]
    assert [slot for slot, _words in stamps("posted 3 days ago")] == ["<AGO>"]
    assert stamps("No stamp in this line at all.") == []


def test_a_name_that_starts_like_a_weekday_or_is_a_month_is_not_a_date():
    # "Wed…", "Sat…", "Mon…" open names; "21 Jan November 8": Jan is the commenter, the date follows
    header = "<N> <X> @ <X> <DATE> at <TIME>"
    assert shape("20 Cher @ Weddicted November 13, 2012 at 10:24 am") == header
    assert shape("19 Christine @ BookishlyB November 13, 2012 at 10:10 am") == header
    assert shape("Satish November 2, 2012 at 11:42 am") == shape("Adriana July 25, 2012 at 9:57 pm")
    assert shape("21 Jan November 8, 2012 at 10:25 AM") == shape("20 Julie November 8, 2012 at 10:24 AM")
    assert [words for _slot, words in stamps("Briton jailed in Monaco August 9, 2012")] == ["August 9, 2012"]
    # a weekday is still a date's, abbreviated or not
    assert [words for _slot, words in stamps("Tue. Jan. 8 2008 5:10 PM ET")][0] == "Tue. Jan. 8"
    assert [words for _slot, words in stamps("Saturday, March 7, 2009 at 10:41 pm")][0] == "Saturday, March 7, 2009"
    assert [words for _slot, words in stamps("Wed, 06/12/2013 - 14:37")][0] == "Wed, 06/12/2013"
    assert [words for _slot, words in stamps("5 Jun 12 at 3:00 pm")][0] == "5 Jun"  # a day and a month, then the year


def test_a_name_that_starts_like_a_month_is_not_a_date():
    assert shape("4 Juniper May 14, 2011 at 6:05 AM") == shape("3 Octavia May 14, 2011 at 5:52 AM")
    assert stamps("Marcus 12 says:") == [] and stamps("7 Augustine") == []
    assert [words for _slot, words in stamps("Sept 8, 2012 and 3rd March and Nov. 8")] == [
        "Sept 8, 2012", "3rd March", "Nov. 8"]


def test_the_headline_line_is_marked_title_for_training():
    texts = ["Menu", "The ferry timetable nobody asked for", "Body text."]
    assert with_title(["other", "article", "article"], texts, "The Ferry Timetable Nobody Asked For") == \
        ["other", "title", "article"]
    assert with_title(["other", "other", "article"], texts, "The ferry timetable nobody asked for") == \
        ["other", "other", "article"]  # only an article line can be the title


def test_the_build_loads_the_trained_model():
    assert MODEL.is_file()
    state = parse_text(read_capture(fixture_cases()[0][1]).text, model=False)
    _index, features = page_features(state)
    labels, marginals = tag(features)
    assert len(labels) == len(features) > 0
    assert set(labels) <= set(LABELS)
    assert all(abs(sum(m.values()) - 1) < 1e-6 for m in marginals)


_TRAIN_FIXTURES = """
import sys
from archive.reading import training
from archive.reading.capture import read_capture
from scoring import fixture_cases
training.WORD_SITES = 2  # word features survive the filter: their order must not follow the hash seed
pages = [(*training.rules_sequence(read_capture(capture).text), 1, f"site {n % 3}")
         for n, (_case, capture, _want) in enumerate(fixture_cases()[:8])]
assert training.common_words(((feats, site) for feats, _ys, _copies, site in pages), training.WORD_SITES)
training.train(pages, __import__("pathlib").Path(sys.argv[1]))
texts = [read_capture(capture).text for _case, capture, _want in fixture_cases()[:6]]
from archive.reading.linemodel.tagger import MODEL
examples = [training.title_examples(text, None, None, MODEL) for text in texts]
training.train_ranker(examples, __import__("pathlib").Path(sys.argv[1] + ".titles"))
"""


def test_training_is_deterministic_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(root / "plugins"), str(root / "tests")])}
        subprocess.run([sys.executable, "-c", _TRAIN_FIXTURES, str(tmp_path / f"{seed}.crfsuite")], env=env,
                       cwd=root, check=True)
    assert (tmp_path / "1.crfsuite").read_bytes() == (tmp_path / "2.crfsuite").read_bytes()
    assert (tmp_path / "1.crfsuite.titles").read_bytes() == (tmp_path / "2.crfsuite.titles").read_bytes()


def test_a_short_line_is_known_by_its_words_and_the_model_learns_only_words_many_sites_use(tmp_path, monkeypatch):
    from archive.reading import training
    from archive.reading.linemodel.features import WORD
    from archive.reading.training import common_words

    state = parse_text("Share this post with your friends\n\nShare this post with all your friends\n\n"
                       "The ferry leaves at nine every morning, and the harbour is quiet until the first bus comes "
                       "down the hill.\n", model=False)
    _index, features = page_features(state)
    assert {"w=share", "w=this", "w=post", "w=friends"} <= set(features[0])  # six words: a short line
    assert not any(name.startswith(WORD) for line in features[1:] for name in line)  # seven: a sentence
    assert not any(":" + WORD in name for line in features for name in line)  # not seen by the neighbours
    # "share" on three sites, "gazette" (a site's name) on one, however many of its pages
    pages = [([["w=share", "w=gazette"]], "gazette.example")] * 5 + [([["w=share"]], "a.example"),
                                                                     ([["w=share", "bias"]], "b.example")]
    assert common_words(pages, sites=3) == {"w=share"}
    monkeypatch.setattr(training, "WORD_SITES", 3)
    monkeypatch.setattr(training, "PARAMS", {**training.PARAMS, "c1": 0.0})  # no weight pruned: only the filter
    sequences = [(feats + [["bias"]], ["other", "article"], 1, site) for feats, site in pages]
    train((sequence for sequence in sequences), tmp_path / "lines.crfsuite")  # read once, whatever is given
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "lines.crfsuite"))
    learned = {name for name, _label in tagger.info().state_features}
    assert "w=share" in learned and "bias" in learned
    assert "w=gazette" not in learned  # one site's word: not learned, however often it stands there


def test_the_title_ranker_learns_one_headline_per_page_and_trains_deterministically(tmp_path):
    texts = [read_capture(capture).text for _case, capture, _want in fixture_cases()[:6]]
    examples = [title_examples(text, None, None, MODEL) for text in texts]
    answers = [sum(answer == titles.YES for _feats, answer in page) for page in examples]
    assert answers == [1] * len(texts)  # the rules' own title, among the candidates, once
    train_ranker(examples, tmp_path / "a.crfsuite")
    train_ranker(examples, tmp_path / "b.crfsuite")
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()


def test_the_build_loads_the_title_ranker_and_it_chooses_among_the_candidates():
    assert titles.MODEL.is_file()
    state = parse_text(NEWS_PAGE, model=False)
    index, features = page_features(state)
    _labels, marginals = tag(features)
    texts = [state.lines[i].stripped for i in index]
    scored = titles.candidates(texts, features, marginals, None)
    assert 0 < len(scored) <= titles.CANDIDATES
    chosen, likelihood = titles.choose(scored)
    assert texts[chosen] == "Council votes to keep the old bridge open" and 0 < likelihood <= 1


def test_the_ranker_weighs_the_line_models_probabilities_as_numbers_not_buckets(monkeypatch):
    """A candidate carries how likely the line model finds it a title, and article
    text, as numbers: its score moves with them smoothly, so a retrained line
    model that finds a headline 0.79 likely instead of 0.81 moves the score a
    little, never by a whole bucket's weight."""
    state = parse_text(NEWS_PAGE, model=False)
    index, features = page_features(state)
    _labels, marginals = tag(features)
    texts = [state.lines[i].stripped for i in index]
    scored = dict(titles.candidates(texts, features, marginals, None))
    best = max(marginals[k]["title"] for k in scored)
    likely = {"title_p", "title_odds", "vs_best", "article_p", "article_odds", "article_after", "other_before"}
    for k, feats in scored.items():
        assert feats["title_p"] == marginals[k]["title"] and feats["article_p"] == marginals[k]["article"]
        assert feats["vs_best"] == marginals[k]["title"] / best <= 1
        assert -1.0 <= feats["title_odds"] <= 1.0 and -1.0 <= feats["article_odds"] <= 1.0
        assert likely <= set(feats) and all(value == 1.0 for name, value in feats.items() if name not in likely)
        buckets = tuple(f"{number}=" for number in likely)
        assert not any(name.startswith(buckets) for name in feats)  # no bucket of them left
    # a score is each feature's weight times its value
    monkeypatch.setattr(titles, "_weights", lambda _model: {"title_p": 4.0, "rank=0": 0.5})
    chosen, likelihood = titles.choose([(0, {"title_p": 0.3, "rank=0": 1.0}), (1, {"title_p": 0.45})])
    assert chosen == 1 and likelihood == pytest.approx(1 / (1 + math.exp(-0.1)))


def test_a_candidate_on_the_pages_first_or_last_line_is_told_so():
    """A headline on a capture's very first line has nothing above it to average:
    the ranker is told so (``nothing_above``), not left to take ``other_before``
    0 for a page of article text above it; a last line likewise has nothing under it."""
    texts = ["Winter timetable for the north crossing", "The ferry leaves at nine every morning, and at noon.",
             "Contact the harbour office"]
    marginals = [{"title": 0.8, "article": 0.1, "other": 0.1}, {"title": 0.1, "article": 0.8, "other": 0.1},
                 {"title": 0.2, "article": 0.1, "other": 0.7}]
    scored = dict(titles.candidates(texts, [[], [], []], marginals, None))
    edges = {"nothing_above", "nothing_below"}
    assert {k: edges & set(feats) for k, feats in scored.items()} == {
        0: {"nothing_above"}, 1: set(), 2: {"nothing_below"}}
    assert scored[1]["other_before"] == 0.1 and scored[1]["article_after"] == 0.1


def test_the_ranker_weighs_a_lines_own_traits_not_its_words_or_what_the_line_model_reads_around_it():
    """Of the line model's features, a candidate keeps only the line's own
    traits (`titles.LINE_TRAITS`: its length, first and last character, stamps,
    marks, the rules' verdict); its words ("w=…"), its shares of stop words and
    capitals, its neighbours' features and its place against the page's prose
    and thread are the line model's to weigh, and reach the ranker through its
    likelihoods alone. A candidate of seven words or more to a full stop reads
    as a sentence, and is told so; a question, a short line or a list is not."""
    page = NEWS_PAGE.replace("By Dana Whitfield", "Email to a friend\n\nBy Dana Whitfield", 1)
    state = parse_text(page, model=False)
    index, features = page_features(state)
    _labels, marginals = tag(features)
    texts = [state.lines[i].stripped for i in index]
    scored = dict(titles.candidates(texts, features, marginals, None))
    control = texts.index("Email to a friend")
    assert control in scored and "w=email" in features[control]  # the line model knows it by its words
    kept = {"chars", "words", "end", "start", "slot", "has", "digits", "list", "glued", "rule", "why"}
    for k, feats in scored.items():
        own = {name for name in features[k] if name.split("=", 1)[0] in kept}
        assert own and {name for name in feats if name in features[k]} == own
        assert not any(":" in name or name.startswith(("w=", "stop", "caps", "core", "thread", "pos", "bias"))
                       for name in feats)
    sentences = {texts[k] for k, feats in scored.items() if "sentence" in feats}
    assert sentences and all(text.endswith(".") and len(text.split()) >= titles.SENTENCE_WORDS for text in sentences)
    assert "sentence" not in scored[texts.index("Council votes to keep the old bridge open")]
    texts = ["Winter timetable for the crossing.", "Is the ferry late again this morning, do you think?",
             "The ferry leaves at nine every morning, and at noon.", "More news on the ferry and the crossing..."]
    marginals = [{"title": 0.5, "article": 0.2, "comment": 0.0, "other": 0.3}] * len(texts)
    scored = dict(titles.candidates(texts, [[] for _text in texts], marginals, None))
    assert [k for k, feats in scored.items() if "sentence" in feats] == [2]


def test_the_ranker_learns_from_how_much_likelier_the_headline_is(tmp_path):
    """Two candidates are told apart by each feature's value in one less its
    value in the other: a trait one has and the other lacks is ±1, a
    probability the difference of the two."""
    pages = [[({"bias": 1.0, "title_p": 0.8 + n / 100}, titles.YES),
              ({"bias": 1.0, "title_p": 0.1 + n / 100}, titles.NO),
              ({"bias": 1.0, "menu": 1.0, "title_p": 0.6}, titles.NO)] for n in range(20)]
    train_ranker(pages, tmp_path / "titles.crfsuite")
    ranker = pycrfsuite.Tagger()
    ranker.open(str(tmp_path / "titles.crfsuite"))
    learned = ranker.info().state_features
    assert not {name for name, _label in learned} - {"menu", "title_p"}  # every candidate has a bias: no pair
    assert learned.get(("menu", titles.SECOND), 0.0) > 0 and learned.get(("title_p", titles.FIRST), 0.0) > 0.1


def test_the_ranker_sees_a_site_named_in_the_copyright_notice_and_a_trail_that_holds_the_headline():
    page = NEWS_PAGE.replace("Council votes to keep", "Home / News / Council votes to keep the old bridge open\n\n"
                             "Council votes to keep", 1) + "\n© 2011 Valley Courier. All rights reserved.\n"
    state = parse_text(page, model=False)
    index, features = page_features(state)
    texts = [state.lines[i].stripped for i in index]
    marginals = [{"title": 1.0 if k < 12 else 0.0, "article": 0.0, "comment": 0.0, "other": 0.0}
                 for k in range(len(texts))]  # every line up to the headline a candidate
    seen = {texts[k]: set(feats) for k, feats in titles.candidates(texts, features, marginals, None)}
    assert "in_notice" in seen["Valley Courier"] and "in_notice" not in seen["Council votes to keep the old bridge open"]
    assert "wraps_candidate" in seen["Home / News / Council votes to keep the old bridge open"]
    assert "wraps_candidate" not in seen["Council votes to keep the old bridge open"]
    # a headline that speaks of copyright is no notice, nor is the site's name inside a longer word one
    page = NEWS_PAGE.replace("Council votes to keep the old bridge open", "Copyright office rejects claim over mural")
    state = parse_text(page.replace("Valley Courier\n", "Valley\n", 1) + "\n© 2011 Valleyford Media\n", model=False)
    index, features = page_features(state)
    texts = [state.lines[i].stripped for i in index]
    seen = {texts[k]: set(feats) for k, feats in titles.candidates(texts, features, marginals[:len(texts)], None)}
    assert "in_notice" not in seen["Copyright office rejects claim over mural"] and "in_notice" not in seen["Valley"]



def test_the_ranker_sees_the_words_of_a_pages_controls():
    page = NEWS_PAGE.replace("Valley Courier\n", "Valley Courier\n\nSign Up\n\nEmail to a friend\n", 1)
    state = parse_text(page, model=False)
    index, features = page_features(state)
    texts = [state.lines[i].stripped for i in index]
    marginals = [{"title": 1.0 if k < 12 else 0.0, "article": 0.0, "comment": 0.0, "other": 0.0}
                 for k in range(len(texts))]
    seen = {texts[k]: set(feats) for k, feats in titles.candidates(texts, features, marginals, None)}
    assert {"controls=1", "control_share=5"} <= seen["Sign Up"]  # "sign" of the two words
    assert {"controls=1", "control_share=2"} <= seen["Email to a friend"]
    assert {"controls=0", "control_share=0"} <= seen["Council votes to keep the old bridge open"]


def test_the_ranker_sees_how_many_of_a_candidates_words_the_article_tells_and_a_date_above_it():
    page = NEWS_PAGE.replace("Council votes to keep", "Tuesday, March 8, 2011\n\nCouncil votes to keep", 1)
    state = parse_text(page, model=False)
    index, features = page_features(state)
    texts = [state.lines[i].stripped for i in index]
    prose = {k for k, text in enumerate(texts) if len(text) > 80}
    marginals = [{"title": 0.0 if k in prose else 1.0, "article": 1.0 if k in prose else 0.0, "comment": 0.0,
                  "other": 0.0} for k in range(len(texts))]
    seen = {texts[k]: set(feats) for k, feats in titles.candidates(texts, features, marginals, None)}
    headline = seen["Council votes to keep the old bridge open"]
    # council, keep, bridge and open are in the article (its own line aside), "votes" ("voted") and "old" not;
    # a menu's word is not
    assert {"in_article=6", "article_hits=2", "date_above=1"} <= headline
    assert {"in_article=0", "article_hits=0", "date_above=none"} <= seen["Obituaries"]


def test_the_ranker_sees_how_far_below_the_nearest_candidate_above_a_candidate_lies():
    page = NEWS_PAGE.replace("By Dana Whitfield", "Engineers wanted it closed to cars\n\nBy Dana Whitfield", 1)
    state = parse_text(page, model=False)
    index, features = page_features(state)
    texts = [state.lines[i].stripped for i in index]
    likely = {"Council votes to keep the old bridge open": 0.9, "Engineers wanted it closed to cars": 0.2,
              "Valley Courier": 0.5}
    marginals = [{"title": likely.get(text, 0.0), "article": 0.0 if text in likely else 1.0, "comment": 0.0,
                  "other": 0.0} for text in texts]
    seen = {texts[k]: set(feats) for k, feats in titles.candidates(texts, features, marginals, None)}
    assert "gap_from_candidate_above=1" in seen["Engineers wanted it closed to cars"]  # a dek right under
    assert "gap_from_candidate_above=1" in seen["Council votes to keep the old bridge open"]  # the menu above
    assert "gap_from_candidate_above=none" in seen["Valley Courier"]


NEWS_PAGE = """Valley Courier

Sports
Business
Opinion
Obituaries

Council votes to keep the old bridge open

By Dana Whitfield

The town council voted five to two on Tuesday night to keep the Mill Street bridge open to cars until the new crossing is finished next spring.

Engineers had recommended closing it to everything but pedestrians, citing rust on two of the four main girders found during the autumn inspection.

Residents of the east side, who would otherwise face a twenty-minute detour, packed the meeting and cheered the vote.

The bridge will now be inspected every month instead of every year, and heavy lorries remain banned.

Weather: 12 degrees, light rain

Lottery numbers

Traffic cameras

Contact the newsroom
"""


def test_furniture_no_rule_names_is_set_aside_by_the_model_with_its_reason():
    state = parse_text(NEWS_PAGE)
    roles = {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}
    for furniture in ("Weather: 12 degrees, light rain", "Lottery numbers", "Traffic cameras", "Contact the newsroom"):
        assert roles[furniture] == (BOILERPLATE, LINE_MODEL)
    assert state.title == "Council votes to keep the old bridge open"
    assert sum(role == "body" for role, _why in roles.values()) == 4
    rules_alone = parse_text(NEWS_PAGE, model=False)
    assert [line.role for line in rules_alone.lines if line.stripped == "Lottery numbers"] == ["body"]


def _as_article(text: str):
    """A page whose every line the rules left as article text."""
    from archive.reading.state import BLANK, BODY, ParseState

    state = ParseState.from_text(text)
    for line in state.lines:
        line.role = BLANK if line.blank else BODY
    return state


def _text_index(state, words: str) -> int:
    return next(i for i, line in enumerate(state.lines) if line.stripped.startswith(words))


def _induced(text: str, first: str, last: str, furniture: tuple[str, ...] = ()):
    """``text`` as article text, cut by its template over the lines the model would read
    as comments: from the one opening with ``first`` to the one opening with ``last``."""
    from archive.reading.rules.comments.template import induced_comments

    state = _as_article(text)
    thread = [i for i in range(_text_index(state, first), _text_index(state, last) + 1) if not state.lines[i].blank]
    return state, induced_comments(state, thread, {_text_index(state, words) for words in furniture})


def _comments(state) -> list[tuple[str | None, str | None, list[str]]]:
    """Each comment's author, date and body lines, as read."""
    return [(c.author, c.date, [state.lines[i].stripped for i in c.lines]) for c in state.comments]


def _authors_and_text(state) -> list[tuple[str | None, list[str]]]:
    """Each comment's author and body lines, as read."""
    return [(author, lines) for author, _date, lines in _comments(state)]


NUMBERED_THREAD = """The post ends here.

4 Responses

1. on 14 Mar 2011 at 6:02 pm1 Pingback » Another blog links here

[...] a walk along the old canal [...]

2. on 14 Mar 2011 at 6:09 pm2 Halvard Oyelaran

I am fairly sure the canal was drained years ago.

3. on 14 Mar 2011 at 6:31 pm3 Wren

I had to read it twice, I admit.

Also, who painted the fence?

4. on 14 Mar 2011 at 7:58 pm4 Ottilie Marsh

Me too, Fenwick.

Leave a Reply
"""


def test_a_numbered_template_opens_each_comment_even_when_the_first_one_differs():
    from archive.reading.rules.comments.template import induced_comments

    state = _as_article(NUMBERED_THREAD)
    first, last = _text_index(state, "2. on"), _text_index(state, "Me too")
    furniture = {_text_index(state, words) for words in ("4 Responses", "Leave a Reply", "The post")}
    thread = [i for i in range(first, last + 1) if not state.lines[i].blank]
    assert induced_comments(state, thread, furniture)
    got = [(c.author, c.date, state.lines[c.lines[0]].stripped[:12]) for c in state.comments]
    assert got == [("Halvard Oyelaran", "2011-03-14T18:09", "I am fairly "), ("Wren", "2011-03-14T18:31", "I had to rea"),
                   ("Ottilie Marsh", "2011-03-14T19:58", "Me too, Fenw")]


NUMBER_AND_NAME_THREAD = """Get all our new updates by email:

{ 3 comments… read them below or add one }

1 Emily November 4, 2012 at 9:41 pm

We are fairly new dog owners and we love these biscuits.

Reply

2 Cynthia A. November 5, 2012 at 7:28 am

Wow, the pumpkin biscuits look so good!

Reply

3 Angie @ Big Bears Wife November 5, 2012 at 7:36 am

Thanks for the recipes, our puppies will love these!

Reply

Leave a Comment
"""


def test_a_number_before_the_name_opens_a_comment_only_when_the_numbers_count_the_comments():
    from archive.reading.rules.comments.template import _opens_comments

    assert _opens_comments("<N> <X> <DATE> at <TIME>", {}, True)  # "1 Emily", "2 Cynthia A.": counting
    assert not _opens_comments("<N> <X> · <X> · <DATE>", {}, False)  # "12 Recommend · Ann Lee": likes, a footer
    assert _opens_comments("<N> . <X> <DATE>", {}, False)


def test_a_template_that_opens_with_the_number_and_the_name_opens_each_comment():
    """"1 Emily November 4, 2012 at 9:41 pm": the comment's number, then its name,
    opens it, though the model reads the lines above the first as comments too."""
    from archive.reading.rules.comments.template import induced_comments

    state = _as_article(NUMBER_AND_NAME_THREAD)
    furniture = {i for i, line in enumerate(state.lines) if line.stripped in ("Reply", "Leave a Comment")}
    thread = [i for i, line in enumerate(state.lines)
              if not line.blank and i not in furniture and i <= _text_index(state, "Thanks for")]
    assert induced_comments(state, thread, furniture)
    got = [(c.author, c.date, [state.lines[i].stripped[:12] for i in c.lines]) for c in state.comments]
    assert got == [("Emily", "2012-11-04T21:41", ["We are fairl"]), ("Cynthia A.", "2012-11-05T07:28", ["Wow, the pum"]),
                   ("Angie", "2012-11-05T07:36", ["Thanks for t"])]


STAMP_UNDER_NAME = """2 Comments

1. quillfeather

April 4, 2011 | Permalink

Love the colours!

2. Maren Solberg

April 4, 2011 | Permalink

lovely light here

3. Tobiah

April 5, 2011 | Permalink

Hvilke fine farger!

Post a comment
"""


def test_a_stamp_under_each_name_opens_the_comment_and_the_first_is_found_above_the_model_lines():
    # the model read only the second and third comments as comments
    state, found = _induced(STAMP_UNDER_NAME, "2. Maren", "Hvilke", ("2 Comments", "Post a comment"))
    assert found
    assert _comments(state) == [("quillfeather", "2011-04-04", ["Love the colours!"]),
                   ("Maren Solberg", "2011-04-04", ["lovely light here"]),
                   ("Tobiah", "2011-04-05", ["Hvilke fine farger!"])]
    # the name above the stamp is the comment's too
    assert [state.lines[c.own_lines()[0]].stripped for c in state.comments] == ["1. quillfeather", "2. Maren Solberg",
                                                                               "3. Tobiah"]


NUMBERED_BODIES = """Comments

1. The valley always talks about the coast.

Posted by: Anselm Quarry on June 3, 2009 08:12 AM

2. Harlow: I hope you do not mean the ferry.

Posted by: Petronella Vos on June 3, 2009 09:40 AM

3. My guess: the ferry runs late again.

Posted by: Idris Fenn on June 3, 2009 11:05 AM

Post a comment
"""


def test_a_template_the_next_comments_number_follows_closes_each_comment():
    from archive.reading.rules.comments.template import induced_comments

    state = _as_article(NUMBERED_BODIES)
    # the model read the first body as page furniture: the thread's two ends say nothing
    furniture = {_text_index(state, words) for words in ("Comments", "1. The valley", "Post a comment")}
    thread = [i for i in range(_text_index(state, "Posted by: Anselm"), _text_index(state, "Posted by: Idris") + 1)
              if not state.lines[i].blank]
    assert induced_comments(state, thread, furniture)
    got = [(c.author, [state.lines[i].stripped[:10] for i in c.lines]) for c in state.comments]
    assert got[1:] == [("Petronella Vos", ["2. Harlow:"]), ("Idris Fenn", ["3. My gues"])]
    assert got[0][0] == "Anselm Quarry"


def test_a_names_own_punctuation_and_small_words_do_not_change_the_loose_shape():
    from archive.reading.shapes import loose_shape

    headers = ["1 Maren @ Maren Bakes November 8, 2012 at 12:40 am",
               "2 Odile @ Salt, Not Sugar November 12, 2012 at 10:31 am",
               "3 Rhea (Two Small Bowls) November 8, 2012 at 6:42 am",
               "4 Tamsin @ The Cook's Ladle November 13, 2012 at 1:43 am",
               "5 Wren @ Bread Jam and Oats November 13, 2012 at 6:31 am",
               "6 Ilse November 8, 2012 at 6:55 am"]
    assert len({shape(h) for h in headers}) == 6  # written out, each its own shape
    assert {loose_shape(h) for h in headers} == {"<N> <X> <DATE> at <TIME>"}
    # a template's own words stay ("replied" is one), and brackets fold only in pairs
    assert loose_shape("Tom replied to Ann on May 2, 2012") == "<X> replied to <X> on <DATE>"
    assert loose_shape("( Tom ) May 2, 2012") == "( <X> ) <DATE>"


NAMES_WITH_PUNCTUATION = """{ 4 comments… read them below or add one }

1 Maren @ Maren Bakes November 8, 2012 at 12:40 am

This stew looks rich and warming and lovely!

Reply

2 Rhea (Two Small Bowls) November 8, 2012 at 6:42 am

This soup sounds lovely.

I love leeks.

Reply

3 Odile @ Salt, Not Sugar November 8, 2012 at 8:29 am

Love the pears here.

12

Reply

4 Ilse November 8, 2012 at 6:55 am

I don't really like warm fruit.

Reply

Leave a Comment
"""


def test_every_header_of_a_thread_opens_a_comment_whatever_its_name_and_what_lies_between_two_is_that_comments():
    from archive.reading.rules.comments.template import induced_comments

    state = _as_article(NAMES_WITH_PUNCTUATION)
    # the model read two of the four comments as comments, and set aside a line of the second
    doubted = state.lines[_text_index(state, "I love leeks")]
    doubted.role, doubted.why = BOILERPLATE, LINE_MODEL
    sure = ["1 Maren", "This stew looks", "Reply", "4 Ilse", "I don't really"]
    thread = sorted(_text_index(state, words) for words in sure)
    furniture = {_text_index(state, words) for words in ("{ 4 comments", "I love leeks", "Leave a Comment")}
    assert induced_comments(state, thread, furniture)
    assert _comments(state) == [("Maren", "2012-11-08T00:40", ["This stew looks rich and warming and lovely!"]),
                   ("Rhea", "2012-11-08T06:42", ["This soup sounds lovely.", "I love leeks."]),
                   ("Odile", "2012-11-08T08:29", ["Love the pears here."]),
                   ("Ilse", "2012-11-08T06:55", ["I don't really like warm fruit."])]
    # a number on a line of its own (a count of likes) is the thread's furniture, not the comment's words
    number = state.lines[_text_index(state, "12")]
    assert (number.role, number.why) == (BOILERPLATE, "comment-section furniture")
    # each comment owns its header: the span from its header to its last line
    second = state.comments[1]
    assert second.own_lines()[0] == _text_index(state, "2 Rhea")
    assert second.own_lines()[-1] == _text_index(state, "I love leeks")


SIDEBAR_AND_THREAD = """Categories

Politics (12)

Soups (5)

Travel (7)

The post's last paragraph is here, long enough to be prose for the whole page.

3 Comments

Ann Lee says: May 2, 2012 at 8:02 am

Lovely soup.

Bob Stone says: May 3, 2012 at 9:10 am

Too salty.

Cy Young says: May 4, 2012 at 7:45 pm

Made it twice.
"""


def test_the_line_model_sees_the_comment_thread_not_a_sidebar_above_it_that_repeats_as_often():
    state = _as_article(SIDEBAR_AND_THREAD)
    index, feats = page_features(state)
    by_text = {state.lines[i].stripped: set(f) for i, f in zip(index, feats)}
    heads = [text for text, f in by_text.items() if "thread_head" in f]
    assert heads == ["Ann Lee says: May 2, 2012 at 8:02 am", "Bob Stone says: May 3, 2012 at 9:10 am",
                     "Cy Young says: May 4, 2012 at 7:45 pm"]
    assert "thread=in" in by_text["Too salty."] and "thread=before" in by_text["Politics (12)"]
    assert "thread=before" in by_text["The post's last paragraph is here, long enough to be prose for the whole page."]
    assert "talk" in by_text["3 Comments"] and "talk" not in by_text["Lovely soup."]


NAME_UNDER_NUMBERED_STAMP = """6 Responses to "The ferry to the outer islands"

  1. March 9, 2011

    Halvard Oyelaran

    I took the same ferry last summer. The coffee has not changed either.

    — Hal

  2. March 9, 2011

    Wren

    Which guesthouse was it?

    Reply

  3. March 10, 2011

    Ada Lindqvist

    The one with the blue door, by the pier.

    Reply

  4. March 10, 2011

    Ottilie Marsh

    Lovely photographs of the lighthouse.

    Reply

  5. March 11, 2011

    Halvard Oyelaran

    I went back for the north cape walk.

    — Hal

    Reply

  6. March 12, 2011

    Maren Solberg

    We did the crossing in a storm once.

    Reply

Leave a Reply
"""


def test_a_numbered_stamp_with_the_name_under_it_opens_each_comment_and_a_signature_stays_in_the_words():
    state, found = _induced(NAME_UNDER_NUMBERED_STAMP, "1. March", "We did", ("6 Responses", "Leave a Reply"))
    assert found
    assert _comments(state) == [
        ("Halvard Oyelaran", "2011-03-09", ["I took the same ferry last summer. The coffee has not changed either.",
                                            "— Hal"]),
        ("Wren", "2011-03-09", ["Which guesthouse was it?"]),
        ("Ada Lindqvist", "2011-03-10", ["The one with the blue door, by the pier."]),
        ("Ottilie Marsh", "2011-03-10", ["Lovely photographs of the lighthouse."]),
        ("Halvard Oyelaran", "2011-03-11", ["I went back for the north cape walk.", "— Hal"]),
        ("Maren Solberg", "2011-03-12", ["We did the crossing in a storm once."])]
    # "Reply" under most comments is the thread's furniture; the signature under two is the commenter's words
    replies = [line for line in state.lines if line.stripped == "Reply"]
    assert {(line.role, line.why) for line in replies} == {(BOILERPLATE, "comment-section furniture")}
    assert [state.lines[i].stripped for i in state.comments[1].own_lines()] == ["2. March 9, 2011", "Wren",
                                                                               "Which guesthouse was it?"]


def test_a_signature_above_one_numbered_stamp_does_not_hide_the_names_under_them():
    text = NAME_UNDER_NUMBERED_STAMP.split("  3. March 10")[0].replace("    Reply\n\n", "") + "Leave a Reply\n"
    state, found = _induced(text, "1. March", "Which guesthouse", ("6 Responses", "Leave a Reply"))
    assert found
    assert [(c.author, c.date) for c in state.comments] == [("Halvard Oyelaran", "2011-03-09"), ("Wren", "2011-03-09")]


REPLIES_SAID_ANOTHER_WAY = """14 Comments

Halvard Oyelaran | March 9, 2011 8:02 AM | Reply

The ferry still leaves at nine, I checked.

Wren replied to comment from Halvard Oyelaran | March 9, 2011 9:15 AM | Reply

Not on Sundays, it does not.

Ada Lindqvist | March 9, 2011 11:40 AM | Reply

We walked to the lighthouse instead.

It took most of the day.

Ottilie Marsh replied to comment from Ada Lindqvist | March 10, 2011 7:05 AM | Reply

Worth it for the view alone.

Maren Solberg | March 10, 2011 6:30 PM | Reply

Lovely photographs.

Post a comment
"""


def test_a_reply_header_said_another_way_opens_its_own_comment():
    state, found = _induced(REPLIES_SAID_ANOTHER_WAY, "Halvard Oyelaran |", "Lovely", ("14 Comments", "Post a comment"))
    assert found
    assert _comments(state) == [
        ("Halvard Oyelaran", "2011-03-09T08:02", ["The ferry still leaves at nine, I checked."]),
        ("Wren", "2011-03-09T09:15", ["Not on Sundays, it does not."]),
        ("Ada Lindqvist", "2011-03-09T11:40", ["We walked to the lighthouse instead.", "It took most of the day."]),
        ("Ottilie Marsh", "2011-03-10T07:05", ["Worth it for the view alone."]),
        ("Maren Solberg", "2011-03-10T18:30", ["Lovely photographs."])]


def test_a_footer_whose_links_vary_after_the_stamp_closes_every_comment():
    text = """3 Comments

The ferry still leaves at nine, I checked.

by halvard on Mar 9, 2011 10:40 AM EDT up reply

Not on Sundays, it does not.

by wren_k on Mar 9, 2011 1:47 PM EDT reply 4 recs

We walked to the lighthouse instead.

by adal on Mar 9, 2011 2:02 PM EDT up reply

Post a comment
"""
    state, found = _induced(text, "The ferry", "by adal", ("3 Comments", "Post a comment"))
    assert found
    got = [(c.author, [state.lines[i].stripped for i in c.lines]) for c in state.comments]
    assert got == [("halvard", ["The ferry still leaves at nine, I checked."]),
                   ("wren_k", ["Not on Sundays, it does not."]),
                   ("adal", ["We walked to the lighthouse instead."])]


CLOSED_BY_A_LINK = """Comments

Flat list - collapsed

Date - newest first

Select your preferred way to display the comments and click Save settings.

Thu, 08/09/2012 - 13:04 | malikai

Here's how the harbour looks to us today.

Log in to post comments

Thu, 08/09/2012 - 13:13 | Skateboarder

You mean in the hands of the ferry company...

Log in to post comments

Thu, 08/09/2012 - 13:17 | Abraxas

Do not mention the timetable aloud.

Log in to post comments

Leave a comment
"""


def test_a_link_that_closes_every_comment_but_stands_over_no_first_one_makes_the_template_a_header():
    """More of the thread's lines lie above its first stamp than below its last
    (the display options the model read as comments), but the same link stands
    right above every stamp but the first: it closes the comment before, and
    each stamp opens one."""
    state, found = _induced(CLOSED_BY_A_LINK, "Flat list", "Do not mention", ("Comments", "Leave a comment"))
    assert found
    assert _authors_and_text(state) == [("malikai", ["Here's how the harbour looks to us today."]),
                                        ("Skateboarder", ["You mean in the hands of the ferry company..."]),
                                        ("Abraxas", ["Do not mention the timetable aloud."])]
    links = [line for line in state.lines if line.stripped == "Log in to post comments"]
    assert [(line.role, line.why) for line in links] == [(BOILERPLATE, COMMENT_FURNITURE)] * 3
    # the same line right above the first stamp too closes no comment: each stamp is a footer here, as
    # more of the thread lies above the first than below the last
    footers = CLOSED_BY_A_LINK.replace("Select your preferred way to display the comments and click Save settings.",
                                       "Log in to post comments")
    state, found = _induced(footers, "Flat list", "Do not mention", ("Comments", "Leave a comment"))
    assert found and all(min(c.lines) < c.header for c in state.comments)
    # two repeats are too few to tell a closing link from a short comment right above the second
    two = """Comments

The ferry still leaves at nine, I checked twice.

by halvard on Mar 9, 2011 10:40 AM EDT reply

Not on Sundays.

by wren_k on Mar 9, 2011 1:47 PM EDT reply

Post a comment
"""
    state, found = _induced(two, "The ferry", "by wren_k", ("Comments", "Post a comment"))
    assert found and _authors_and_text(state) == [("halvard", ["The ferry still leaves at nine, I checked twice."]),
                                                  ("wren_k", ["Not on Sundays."])]


def _footed(*comments: tuple[str, str], last: str) -> str:
    """A thread under a display widget, each comment closed by a stamp that names
    its author, and ``last``: a comment whose stamp the capture lost."""
    closed = "".join(f"{body}\n\nby {name} on Aug 9, 2012 1:47 PM EDT reply actions\n\n" for body, name in comments)
    return f"Comments\n\nDisplay:\n\nCollapsed\n\n{closed}{last}\n\nPost a comment\n"


SIGNATURE = "\n\nStanding tall, always."
SIGNED_FOOTERS = _footed(("Have to hand it to them, their videos are clear.", "bsosna"),
                         ("What is the logical way to look at the corner spot?" + SIGNATURE, "fsu44"),
                         ("I doubt he starts before his junior year.", "zone3nole"),
                         ("He starts this year, I think." + SIGNATURE, "fsu44"),
                         ("Hunter stays at nickel no matter what.", "onebarrelrum"),
                         ("The defensive front helps every corner.", "CornNole"), last="Waisome will hold him off.")


def test_a_signature_above_the_stamp_that_names_its_commenter_makes_the_template_a_footer():
    """As much of the thread lies above the first stamp as below the last, and
    the model read the first comment's text as the page's, but one commenter's
    signature stands right above each stamp that names them: the stamp closes
    the comment it signs."""
    furniture = ("Comments", "Display:", "Collapsed", "Post a comment")
    state, found = _induced(SIGNED_FOOTERS, "by bsosna", "Waisome", furniture)
    assert found
    assert _authors_and_text(state) == [
        ("bsosna", ["Have to hand it to them, their videos are clear."]),
        ("fsu44", ["What is the logical way to look at the corner spot?", "Standing tall, always."]),
        ("zone3nole", ["I doubt he starts before his junior year."]),
        ("fsu44", ["He starts this year, I think.", "Standing tall, always."]),
        ("onebarrelrum", ["Hunter stays at nickel no matter what."]),
        ("CornNole", ["The defensive front helps every corner."])]
    # without the signature, the thread's ends decide: the stamps open the comments, each a comment late
    unsigned = SIGNED_FOOTERS.replace("Standing tall, always.", "Sure.", 1).replace("Standing tall, always.", "Quite.")
    state, found = _induced(unsigned, "by bsosna", "Waisome", furniture)
    assert found and _authors_and_text(state) == [
        ("bsosna", ["What is the logical way to look at the corner spot?", "Sure."]),
        ("fsu44", ["I doubt he starts before his junior year."]),
        ("zone3nole", ["He starts this year, I think.", "Quite."]),
        ("fsu44", ["Hunter stays at nickel no matter what."]),
        ("onebarrelrum", ["The defensive front helps every corner."]),
        ("CornNole", ["Waisome will hold him off."])]


def test_a_signature_above_most_stamps_is_one_commenters_not_a_link_that_closes_each_comment():
    """The commenter who signs writes most of the thread, so the signature
    stands right above most stamps but the first, as a "Reply" link that closes
    each comment would; it stands above only the stamps that name them, so they
    are footers. Two comments of theirs in a row tell nothing either way."""
    text = _footed(("I doubt he starts before his junior year.", "zone3nole"),
                   ("What is the logical way to look at the corner spot?" + SIGNATURE, "fsu44"),
                   ("He starts this year, I think." + SIGNATURE, "fsu44"),
                   ("Hunter stays at nickel no matter what.", "onebarrelrum"),
                   ("Agreed with all of that." + SIGNATURE, "fsu44"), last="Waisome will hold him off.")
    state, found = _induced(text, "by zone3nole", "Waisome", ("Comments", "Display:", "Collapsed", "Post a comment"))
    assert found
    assert [(c.author, all(i < c.header for i in c.lines)) for c in state.comments] == [
        ("zone3nole", True), ("fsu44", True), ("fsu44", True), ("onebarrelrum", True), ("fsu44", True)]
    assert [state.lines[i].stripped for i in state.comments[0].lines] == ["I doubt he starts before his junior year."]


SIGNED_HEADERS = """Comments

Be kind to each other here, please.

Sign in to comment, or comment as a guest.

halvard on Mar 9, 2011 10:40 AM

The ferry still leaves at nine.

Fair winds, h.

wren_k on Mar 9, 2011 1:47 PM

Not on Sundays.

adal on Mar 9, 2011 1:52 PM

Only in winter, surely.

halvard on Mar 9, 2011 2:02 PM

It does in summer.

Fair winds, h.

ottilie on Mar 9, 2011 2:10 PM

We walked.

Post a comment
"""


def test_a_signature_under_the_stamp_that_names_its_commenter_makes_the_template_a_header():
    """More of the thread lies above the first stamp than below the last, but
    one commenter's signature ends each comment under a stamp that names them
    (and above stamps that name others): the stamp opens the comment it heads.
    A link above every stamp ("Reply") stands by every name on both sides and
    tells nothing."""
    furniture = ("Comments", "Post a comment")
    signed = [("halvard", ["The ferry still leaves at nine.", "Fair winds, h."]),
              ("wren_k", ["Not on Sundays."]),
              ("adal", ["Only in winter, surely."]),
              ("halvard", ["It does in summer.", "Fair winds, h."]),
              ("ottilie", ["We walked."])]
    state, found = _induced(SIGNED_HEADERS, "Be kind", "We walked", furniture)
    assert found and _authors_and_text(state) == signed
    linked = re.sub(r"\n(\w+ on Mar)", r"\nReply\n\n\1", SIGNED_HEADERS)
    assert linked.count("Reply") == 5
    state, found = _induced(linked, "Be kind", "We walked", furniture)
    assert found and _authors_and_text(state) == signed
    # without the signature, the thread's ends decide: the stamps close the comments, each a comment early
    unsigned = SIGNED_HEADERS.replace("Fair winds, h.", "Indeed.", 1).replace("Fair winds, h.", "Quite so.")
    state, found = _induced(unsigned, "Be kind", "We walked", furniture)
    assert found and _authors_and_text(state) == [
        ("halvard", ["Be kind to each other here, please.", "Sign in to comment, or comment as a guest."]),
        ("wren_k", ["The ferry still leaves at nine.", "Indeed."]),
        ("adal", ["Not on Sundays."]),
        ("halvard", ["Only in winter, surely."]),
        ("ottilie", ["It does in summer.", "Quite so."])]


def _headed(*comments: tuple[str, str]) -> str:
    """A thread of comments under stamped headers that name their authors."""
    return "Comments\n\n" + "".join(f"{name} on Mar 9, 2011 10:40 AM\n\n{body}\n\n" for name, body in comments) + (
        "Post a comment\n")


def test_lines_that_stand_by_one_commenter_only_by_chance_do_not_turn_headers_into_footers():
    """Blank lines, a link under every comment, and a reply that quotes the
    comment above it all repeat word for word; between two comments of one
    person they lie by that person on both sides, and elsewhere by many: none
    is a signature, and the thread reads as it would without them."""
    furniture = ("Comments", "Post a comment")
    linked = _headed(("ann", "One, I think.\n\nReply"), ("bob", "Two, surely.\n\nReply"),
                     ("bob", "Three, and four.\n\nReply"))
    state, found = _induced(linked, "ann on", "Three", furniture)
    assert found and _authors_and_text(state) == [("ann", ["One, I think."]), ("bob", ["Two, surely."]),
                                                  ("bob", ["Three, and four."])]
    quoting = _headed(("ann", "The ferry leaves at nine, every day but Sunday.\n\nSurely."),
                      ("bob", "The ferry leaves at nine, every day but Sunday.\n\nNot on Sundays."),
                      ("bob", "Also in winter."), ("cyd", "We walked.\n\nIn the rain."))
    state, found = _induced(quoting, "ann on", "In the rain", furniture)
    assert found and _authors_and_text(state) == [
        ("ann", ["The ferry leaves at nine, every day but Sunday.", "Surely."]),
        ("bob", ["The ferry leaves at nine, every day but Sunday.", "Not on Sundays."]),
        ("bob", ["Also in winter."]), ("cyd", ["We walked.", "In the rain."])]


HEADED_FROM_THE_TOP = """5 Comments

Matt J | November 9, 2012 12:13 AM | Reply

Dear Roger, what a review.

I have not seen it yet.

Bart | November 9, 2012 12:20 AM | Reply

A very nice review.

Robert M | November 9, 2012 12:49 AM | Reply

Just saw it on IMAX.

Adam T | November 9, 2012 1:16 AM | Reply

It builds more tension than any Bond.

Matthew F | November 9, 2012 1:36 AM | Reply

Best of the lot.

Post a comment
"""


def test_a_templates_side_is_judged_at_the_ends_of_the_whole_thread_not_of_the_lines_read_as_comments():
    """The model read the first comments as the post's text and only the last
    two as comments: above the first stamp near them lie three comments' lines,
    below the last only one, which would make each stamp close a comment. But
    the same stamp repeats up to the comment heading, right under which it
    stands: each stamp opens a comment, and every comment is cut whole."""
    state, found = _induced(HEADED_FROM_THE_TOP, "It builds", "Best of", ("5 Comments", "Post a comment"))
    assert found
    assert _authors_and_text(state) == [("Matt J", ["Dear Roger, what a review.", "I have not seen it yet."]),
                                        ("Bart", ["A very nice review."]),
                                        ("Robert M", ["Just saw it on IMAX."]),
                                        ("Adam T", ["It builds more tension than any Bond."]),
                                        ("Matthew F", ["Best of the lot."])]


NUMBERED_WITHOUT_BLANK_LINES = """Ladle into bowls and serve.
Share this Post
Post a Comment 4 Comments and 1 Reply
1
Greta On Friday, November 2 at 12:14 pm
I caught this episode the other day!
Reply
Dora On Saturday, November 3 at 9:52 am
It is on right now, and my daughter loves it.
Reply
2
Diane On Friday, November 2 at 12:16 pm
Thanksgiving is my favourite holiday!
Reply
3
Georgia On Friday, November 2 at 12:30 pm
Enjoyed it.
Leave a Reply
"""


def test_a_comments_number_above_the_first_stamp_is_no_text_that_turns_headers_into_footers():
    """Copied without blank lines, the first stamp has two lines above it up to
    the furniture (the section's heading and the first comment's number "1"),
    the last stamp one line below it. A number is no text of the thread: one
    line against one, and the lines read as comments all lie below the first
    stamp, so each stamp opens its comment. (A reply has no number, so the
    numbers alone do not say which comment each opens.)"""
    state, found = _induced(NUMBERED_WITHOUT_BLANK_LINES, "Greta", "Enjoyed", ("Share this Post", "Leave a Reply"))
    assert found
    assert _authors_and_text(state) == [("Greta", ["I caught this episode the other day!"]),
                                        ("Dora", ["It is on right now, and my daughter loves it."]),
                                        ("Diane", ["Thanksgiving is my favourite holiday!"]),
                                        ("Georgia", ["Enjoyed it."])]


NUMBER_ABOVE_EACH_COMMENT = """3 Responses to "The north cape walk"

1

Halvard Says:
March 9th, 2011 at 9:42 pm

The ferry still leaves at nine.

2

Wren Says:
March 9th, 2011 at 9:50 pm

Not on Sundays.

3

Ada Lindqvist Says:
March 10th, 2011 at 7:05 am

We walked instead.

Leave a Reply
"""


def test_a_number_on_its_own_line_above_each_comment_is_that_comments_not_the_one_before():
    state, found = _induced(NUMBER_ABOVE_EACH_COMMENT, "Halvard", "We walked", ("3 Responses", "Leave a Reply"))
    assert found
    got = [(c.author, [state.lines[i].stripped for i in c.own_lines()]) for c in state.comments]
    assert got == [("Halvard", ["1", "Halvard Says:", "March 9th, 2011 at 9:42 pm", "The ferry still leaves at nine."]),
                   ("Wren", ["2", "Wren Says:", "March 9th, 2011 at 9:50 pm", "Not on Sundays."]),
                   ("Ada Lindqvist", ["3", "Ada Lindqvist Says:", "March 10th, 2011 at 7:05 am", "We walked instead."])]
    assert {state.lines[i].role for c in state.comments for i in c.header_lines} == {COMMENT_HEADER}
    assert state.lines[state.comments_start].stripped == "1"


def test_numbers_that_do_not_count_up_with_the_comments_are_not_their_numbers():
    text = NUMBER_ABOVE_EACH_COMMENT.replace("\n2\n", "\n7\n").replace("\n3\n", "\n40\n")
    state, found = _induced(text, "Halvard", "We walked", ("3 Responses", "Leave a Reply"))
    assert found
    assert [[state.lines[i].stripped for i in c.header_lines] for c in state.comments] == [
        ["Halvard Says:", "March 9th, 2011 at 9:42 pm"], ["Wren Says:", "March 9th, 2011 at 9:50 pm"],
        ["Ada Lindqvist Says:", "March 10th, 2011 at 7:05 am"]]


def test_a_line_that_shares_only_a_stamp_with_the_template_is_no_variant_of_it():
    from archive.reading.rules.comments.template import _variants

    template = "<X> | <DATE> <TIME> | reply"
    occurrences = {template: [4, 12, 20], "<X> replied to comment from <X> | <DATE> <TIME> | reply": [8],
                   "<X> | <DATE> <TIME> | reply | edit": [16], "updated <DATE> <TIME>": [10],
                   "posted in <X> on <DATE>": [14], "<X> replied to <X> | <DATE> <TIME> | reply": [2]}
    # the same from the stamp on, or up to it, with a name: 10 names no one, 14 shares a stamp alone, 2 lies above
    # the first repeat: the caller keeps it only as the comment numbered just before the first (not a byline)
    assert _variants(template, occurrences) == ([8, 16], [], [2])


def test_a_variant_below_the_last_repeat_is_a_header_when_it_follows_as_closely_as_the_repeats_do():
    from archive.reading.rules.comments.template import _variants

    template = "<X> | <DATE> <TIME> | reply"
    occurrences = {template: [4, 12, 20], "<X> | <DATE> <TIME> | reply | edit": [16, 30, 50]}
    # 30 lies within twice the widest gap (8) of the last repeat; 50 lies farther from 30
    assert _variants(template, occurrences) == ([16], [30], [])


def test_variants_beyond_the_repeats_chain_each_within_reach_of_the_one_before():
    from archive.reading.rules.comments.template import _variants

    template = "<X> | <DATE> <TIME> | reply"
    occurrences = {template: [10, 14, 20], "<X> | <DATE> <TIME> | reply | edit": [30, 41, 70]}
    # reach 12 (twice the widest gap): 30 lies within it of 20, 41 of 30 (not of 20), 70 of none
    assert _variants(template, occurrences) == ([], [30, 41], [])


VARIANT_BELOW_UNDER_A_BYLINE = """Dana Ortiz on March 1, 2012 at 9:00 am

The council met on Tuesday and approved the budget for the river parks.

Residents asked for a shuttle to the east bank during the works.

The works start in May and last six weeks, the engineer said.

Tips are welcome at the newsdesk.

Comments

Ann on March 3, 2012 at 10:02 am

I liked the shuttle idea.

Bob on March 4, 2012 at 11:15 am

Not on Sundays, surely.

Cy on March 5, 2012 at 8:40 am

Six weeks is optimistic.

It always takes longer.

More than that.

Dee on March 6, 2012 at 9:00 am | edit

We will see.
"""


def test_several_first_headers_said_another_way_open_comments_while_their_numbers_count_up_to_the_first_repeat():
    text = FIRST_HEADER_SAID_ANOTHER_WAY.replace("2 Halvard November 12, 2012 at 3:20 am",
                                                 "2 Bo Lind November 12, 2012 at 3:20 am (edited)")
    state, found = _induced(text, "1 Marta", "This is genius", ("{ 4 comments", "Leave a Comment"))
    assert found
    assert [author for author, _date, _lines in _comments(state)] == ["Marta Kowalski", "Bo Lind", "Wren",
                                                                      "Ada Lindqvist"]


def test_a_variant_below_the_thread_does_not_widen_its_reach_above_it_to_the_posts_byline():
    state, found = _induced(VARIANT_BELOW_UNDER_A_BYLINE, "Ann on", "We will see", ("Comments",))
    assert found
    assert _authors_and_text(state) == [
        ("Ann", ["I liked the shuttle idea."]), ("Bob", ["Not on Sundays, surely."]),
        ("Cy", ["Six weeks is optimistic.", "It always takes longer.", "More than that."]), ("Dee", ["We will see."])]


def test_a_footer_thread_ends_at_its_last_footer_and_a_trackbacks_stamp_below_closes_no_comment():
    text = """3 Comments

I liked the shuttle idea.

Posted by Ann at March 3, 2012 10:02 PM

Not on Sundays, surely.

Posted by Bob at March 4, 2012 11:15 PM

Six weeks is optimistic.

Posted by Cy at March 5, 2012 8:40 PM

Trackbacks

Some Blog linked here at March 6, 2012 8:00 AM
"""
    state, found = _induced(text, "I liked", "Posted by Cy", ("3 Comments", "Trackbacks"))
    assert found
    assert _authors_and_text(state) == [
        ("Ann", ["I liked the shuttle idea."]), ("Bob", ["Not on Sundays, surely."]),
        ("Cy", ["Six weeks is optimistic."])]


FIRST_HEADER_SAID_ANOTHER_WAY = """Posted by Todd Porter November 11, 2012 at 9:00 pm

We made toffee with the last of the coffee, and it was a good evening.

{ 4 comments… read them below or add one }

1 Marta Kowalski November 12, 2012 at 2:55 am (edited)

What an awesome idea!

2 Halvard November 12, 2012 at 3:20 am

This could satisfy so many cravings in one.

3 Wren November 12, 2012 at 4:28 am

I so want to try this.

4 Ada Lindqvist November 12, 2012 at 5:12 am

This is genius!

Leave a Comment
"""


def test_a_first_header_said_another_way_opens_a_comment_when_it_is_numbered_just_before_the_next():
    state, found = _induced(FIRST_HEADER_SAID_ANOTHER_WAY, "1 Marta", "This is genius", ("{ 4 comments",
                                                                                          "Leave a Comment"))
    assert found
    assert _authors_and_text(state) == [
        ("Marta Kowalski", ["What an awesome idea!"]), ("Halvard", ["This could satisfy so many cravings in one."]),
        ("Wren", ["I so want to try this."]), ("Ada Lindqvist", ["This is genius!"])]
    # unnumbered, the same line is no comment's, as the post's byline above is not
    unnumbered = FIRST_HEADER_SAID_ANOTHER_WAY.replace("1 Marta", "Marta")
    state, found = _induced(unnumbered, "Marta", "This is genius", ("{ 4 comments", "Leave a Comment"))
    assert found
    assert [author for author, _date, _lines in _comments(state)] == ["Halvard", "Wren", "Ada Lindqvist"]


LAST_HEADER_WITHOUT_ITS_LINK = """4 appreciated comments on "New work"

1. Halvard, on November 7th, 2012 // Twitter: @halvard

Well done on this project, the mark reads at any size.

2. Wren, on November 7th, 2012 // Twitter: @wren_k

A very good identity for the meetings.

3. Ada Lindqvist, on November 8th, 2012 // Twitter: @adal

Simple yet effective and attractive.

4. ottilie, on November 12th, 2012 //

I would be interested to know what convinced the client.

Anything to add?
"""


def test_the_last_comments_header_said_without_the_others_link_opens_its_own_comment():
    state, found = _induced(LAST_HEADER_WITHOUT_ITS_LINK, "1. Halvard", "I would be", ("4 appreciated",
                                                                                       "Anything to add?"))
    assert found
    assert _authors_and_text(state) == [
        ("Halvard", ["Well done on this project, the mark reads at any size."]),
        ("Wren", ["A very good identity for the meetings."]),
        ("Ada Lindqvist", ["Simple yet effective and attractive."]),
        ("ottilie", ["I would be interested to know what convinced the client."])]


def test_a_timeline_under_numbered_dates_is_not_a_thread():
    timeline = NAME_UNDER_NUMBERED_STAMP
    for name in ("Halvard Oyelaran", "Wren", "Ada Lindqvist", "Ottilie Marsh", "Maren Solberg"):
        timeline = timeline.replace(f"    {name}\n", "    The council met and voted on the budget for the harbour.\n")
    state, found = _induced(timeline, "1. March", "We did")
    assert not found and not state.comments


def test_section_labels_that_take_turns_are_not_a_comment_template():
    from archive.reading.shapes import likeliest_template, loose_shape

    def template(lines):
        found = {}
        for i, text in enumerate(lines):
            found.setdefault(loose_shape(text), []).append(i)
        return likeliest_template(found, dict(enumerate(lines)), minimum=2)

    assert template(["Upside:", "Downside:", "Upside:", "Downside:", "Upside:", "Downside:"]) is None
    assert template(["Upside:", "Downside:", "In practice:", "Try it out:", "Upside:", "Downside:"]) is None
    assert template(["Wren:", "Idris Fenn:", "Maren Solberg:", "Wren:"]) == loose_shape("Wren:")
    assert template(["Wren:", "Idris Fenn:"]) == loose_shape("Wren:")  # two names, each once
    # where the shape says someone speaks, two names taking turns are a reply back and forth,
    # and a handle may be written in lower case
    assert template(["Wren says:", "Ada Lindqvist says:", "Wren says:"]) == loose_shape("Wren says:")
    assert template(["anna k says:", "tom b says:", "maria l says:"]) == loose_shape("anna k says:")


FORM_THEN_THREAD = """The post's last paragraph is here, long enough to be prose for the whole page.

Comment on this article

  1. March 9, 2011

    Wren

    Which guesthouse was it?
"""


def test_lines_under_a_comment_forms_heading_are_set_aside_for_where_they_lie_and_the_model_reads_their_words():
    state = parse_text(FORM_THEN_THREAD, model=False)
    under = [_text_index(state, words) for words in ("1. March", "Wren", "Which guesthouse")]
    heading = _text_index(state, "Comment on this")
    assert [(state.lines[i].role, state.lines[i].why) for i in [heading, *under]] == [
        (BOILERPLATE, "comment-section furniture")] * 4
    assert state.presumed == set(under)
    index, feats = page_features(state)
    by_line = dict(zip(index, feats))
    assert all("why=presumed" in by_line[i] and "why=comment-section" not in by_line[i] for i in under)
    assert "why=comment-section" in by_line[heading] and "why=presumed" not in by_line[heading]


UNNAMED_BLOCKS = """The post's last paragraph is here, long enough to be prose for the whole page.

{heading}

Great post.

I agree with every word of this.

Thanks for writing it.
"""


def test_comment_lines_with_no_template_are_comments_only_under_a_heading_that_says_comments_follow():
    from archive.reading.rules.comments.template import induced_comments
    from archive.reading.state import COMMENT_FURNITURE

    def cut(heading):
        state = _as_article(UNNAMED_BLOCKS.format(heading=heading))
        line = state.lines[_text_index(state, heading)]
        line.role, line.why = BOILERPLATE, COMMENT_FURNITURE  # as the furniture rules set such a line aside
        thread = [_text_index(state, words) for words in ("Great post", "I agree", "Thanks for")]
        induced_comments(state, thread, set())
        assert all(c.header is None and not c.all_header_lines() for c in state.comments)  # a block has no header
        return [(c.author, [state.lines[i].stripped for i in c.lines]) for c in state.comments]

    unnamed = [(None, ["Great post."]), (None, ["I agree with every word of this."]), (None, ["Thanks for writing it."])]
    assert cut("3 Comments") == unnamed
    assert cut("Leave a Reply") == unnamed
    # teasers or a list the model took for talk: nothing on the page says comments follow
    assert cut("No comments") == [] and cut("Permalink") == []


def test_comment_lines_with_no_template_keep_a_list_items_indented_text_with_it():
    """A lone comment written as an ordered list's item: its number and name, then
    its text indented under it, blank lines between, is one comment, not three."""
    from archive.reading.rules.comments.template import induced_comments
    from archive.reading.state import COMMENT_FURNITURE

    def cut(thread, apart=()):
        state = _as_article("The post's last paragraph is here, long enough to be prose for the whole page.\n\n"
                            "One Comment\n\n" + "\n\n".join(thread) + "\n")
        heading = state.lines[_text_index(state, "One Comment")]
        heading.role, heading.why = BOILERPLATE, COMMENT_FURNITURE
        induced_comments(state, [_text_index(state, line.strip()) for line in thread if line not in apart], set())
        return [[state.lines[i].stripped for i in c.lines] for c in state.comments]

    item = ["  1. Julie wrote:", "    Welcome back! I have missed your posts.", "    Friday, November 2, 2012 | Permalink"]
    assert cut(item) == [[line.strip() for line in item]]
    second = ["  2. And one more thing about the ferry!", "    It runs late on Sundays."]  # no shared shape
    assert cut(item + second) == [[line.strip() for line in item], [line.strip() for line in second]]
    # a line that is no comment's between them ends the item; so does a line that opens no list item
    assert len(cut(item[:2] + ["Reply"] + item[2:], apart=("Reply",))) == 2
    assert len(cut(["  Julie wrote:", "    Welcome back! I have missed your posts."])) == 2


def _verdicts(pairs):
    """A stand-in for the line model's reading of a page's text lines: (label, P(article), P(other)) each."""
    def tag(feats):
        assert len(feats) == len(pairs)
        return ([label for label, *_ in pairs],
                [{"title": 0.0, "article": a, "comment": 1 - a - o, "other": o} for _, a, o in pairs])
    return tag


ARTICLE_LINE, FURNITURE_LINE = ("article", 0.9, 0.05), ("other", 0.05, 0.9)  # what the stand-in model says


def _relabelled(monkeypatch, state, verdict):
    """``state`` (the rules' reading) relabelled by a stand-in line model that says
    ``verdict(text)`` of each text line; no headline is moved."""
    from archive.reading.linemodel import relabel as relabel_module

    monkeypatch.setattr(relabel_module, "tag", _verdicts([verdict(line.stripped) for line in state.lines
                                                          if not line.blank]))
    monkeypatch.setattr(relabel_module, "_move_title", lambda *args: None)
    relabel_module.relabel(state)
    return state


def test_a_line_read_as_a_comment_that_no_comment_took_is_set_aside_when_the_model_leans_to_furniture(monkeypatch):
    from archive.reading.linemodel import relabel as relabel_module

    verdicts = _verdicts
    text = "First paragraph of the post, long enough.\n\nSecond paragraph.\n\nShare this post\n\nA reader's aside?\n"
    monkeypatch.setattr(relabel_module, "tag", verdicts([("article", 0.9, 0.05), ("article", 0.9, 0.05),
                                                         ("comment", 0.1, 0.35), ("comment", 0.3, 0.1)]))
    state = _as_article(text)
    relabel_module.relabel(state)
    roles = {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}
    assert roles["Share this post"] == (BOILERPLATE, LINE_MODEL)
    assert roles["A reader's aside?"] == ("body", None) and not state.comments
    # an article keeps a line of text even when every line is such a stray: the likeliest one
    # (the title ranker is stubbed out: which line it would make the headline is not the point here)
    monkeypatch.setattr(relabel_module, "tag", verdicts([("comment", 0.1, 0.3), ("comment", 0.3, 0.4),
                                                         ("comment", 0.05, 0.5), ("comment", 0.1, 0.3)]))
    monkeypatch.setattr(relabel_module, "choose", lambda scored: None)
    state = _as_article(text)
    relabel_module.relabel(state)
    assert [line.stripped for line in state.lines if line.role == "body"] == ["Second paragraph."]



def test_a_list_apart_from_the_article_is_set_aside_but_prose_apart_from_it_and_the_articles_own_list_stay(monkeypatch):
    from archive.reading.linemodel import relabel as relabel_module

    prose = ["The council met on Tuesday night to decide the future of the old bridge over the river.",
             "Engineers had found rust on two of the four main girders during the autumn inspection.",
             "Residents of the east side packed the meeting and cheered when the vote was read out."]
    furniture = [f"Share link {n}" for n in range(9)]  # more than APART text lines the model sets aside
    links = ["VoIP Phone", "IP PBX", "Hosted PBX"]  # as few lines as a list has
    aside = ["An editor's note that lies apart from the article and still reads as a paragraph of prose, "
             "long enough to be one."]

    def read(lines):
        page = "\n\n".join(lines) + "\n"
        monkeypatch.setattr(relabel_module, "tag", _verdicts(
            [("other", 0.05, 0.9) if line in furniture else ("article", 0.9, 0.05) for line in lines]))
        monkeypatch.setattr(relabel_module, "_move_title", lambda *args: None)  # no headline to find here
        state = _as_article(page)
        relabel_module.relabel(state)
        return {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}

    items = ["Two girders", "One deck"]  # a list inside the article's run is the article's
    roles = read(prose[:2] + items + prose[2:] + furniture + links + furniture + aside)
    assert all(roles[link] == (BOILERPLATE, LINE_MODEL) for link in links)
    assert roles[aside[0]] == roles[prose[2]] == roles["Two girders"] == roles["One deck"] == ("body", None)
    # one or two short lines apart are no list: an update, a two-line verse
    for apart in (["Update: the vote is now set for May."], ["Rust on the girders,", "rain on the deck."]):
        roles = read(prose + furniture + apart)
        assert all(roles[line] == ("body", None) for line in apart)


def test_article_text_left_above_the_headline_is_set_aside_unless_the_headline_may_be_a_subheading(monkeypatch):
    from archive.reading.linemodel import relabel as relabel_module
    from archive.reading.sitewide import evidence, line_key
    from archive.reading.state import ABOVE_HEADLINE, TITLE, Comment

    promotion = "Great news! You can still order a December Must Have."  # ten words
    headline = "Council votes to keep the old bridge open"
    prose = ["The council met on Tuesday night to decide the future of the old bridge over the river.",
             "Engineers had found rust on two of the four main girders during the autumn inspection."]

    def read(lines, comments=()):
        """``lines`` as article text under the settled ``headline``, with the ``comments``
        ((header, body) lines) found; read by the last step alone if there are comments (a stand-in
        model that reads every line as article text would forget them)."""
        state = _as_article("\n\n".join(lines) + "\n")
        state.lines[_text_index(state, headline)].role = TITLE  # as the rules (or the ranker) settled it
        for number, (header, body) in enumerate(comments, start=1):
            at, head = _text_index(state, body), _text_index(state, header) if header else None
            state.lines[at].role = COMMENT_BODY
            if head is not None:
                state.lines[head].role = COMMENT_HEADER
            state.comments.append(Comment(number, "Ann", None, [at], header=head))
        if state.comments:
            state.comments_start = min(i for comment in state.comments for i in comment.own_lines())
        if comments:
            relabel_module._above_the_headline(state)
        else:
            _relabelled(monkeypatch, state, lambda text: ARTICLE_LINE)
        return state, {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}

    state, roles = read([promotion, headline, *prose])
    assert roles[promotion] == (BOILERPLATE, ABOVE_HEADLINE)
    assert roles[prose[0]] == roles[prose[1]] == ("body", None)
    assert line_key(promotion) in evidence(state).lines  # a promotion every page of a site shows is the site's
    # a subheading taken for the headline, with as many of the article's words above it as under it, or more
    _state, roles = read([promotion, headline, "Ten words under the headline, no more and no fewer."])
    assert roles[promotion] == ("body", None)
    opening = ["The vote came after three hours of debate, with residents of the east side packing the hall "
               "and cheering every speaker who spoke for the bridge, and the mayor thanking them at the end."]
    _state, roles = read([*opening, *prose[:1], headline, "Short."])
    assert roles[opening[0]] == roles[prose[0]] == ("body", None)
    # a "headline" under a comment, or under a comment's header alone, is no headline of the post's
    ann, reply = "Ann says:", "Lovely post, thank you!"
    for thread in ([reply, headline], [ann, headline, reply]):
        _state, roles = read([promotion, *thread, *prose], comments=[(ann if ann in thread else None, reply)])
        assert roles[promotion] == roles[prose[0]] == ("body", None) and roles[reply] == (COMMENT_BODY, None)
    # the article's words are counted down to the comments: a sidebar's text under the thread is none of them
    _state, roles = read([promotion, headline, "Short.", ann, reply, *prose], comments=[(ann, reply)])
    assert roles[promotion] == ("body", None)
    _state, roles = read([promotion, headline, *prose, ann, reply], comments=[(ann, reply)])
    assert roles[promotion] == (BOILERPLATE, ABOVE_HEADLINE)


def test_a_short_post_above_a_thread_the_rules_missed_stays_the_article(monkeypatch):
    """The lists apart are runs of what the model reads as article text: a thread it
    reads as comments is never the article's main run, nor the post a list beside it."""
    from archive.reading.linemodel import relabel as relabel_module

    post = ["Back from the lake.", "The water was cold.", "Photos soon."]
    furniture = [f"Share link {n}" for n in range(9)]
    thread = []
    for n, name in enumerate(["Ann Lee", "Bo Chen", "Cy Ruiz", "Di Fox"]):
        thread += [f"Posted by: {name} at November {n + 9}, 2012 7:49 AM",
                   f"Looks like a lovely weekend away from the city, {name.split()[0]} here would love to go too.",
                   "We went there last summer and the water was just as cold as you say it is."]
    lines = post + furniture + thread
    monkeypatch.setattr(relabel_module, "tag", _verdicts(
        [("article", 0.9, 0.05) if line in post else ("other", 0.05, 0.9) if line in furniture
         else ("comment", 0.03, 0.02) for line in lines]))
    monkeypatch.setattr(relabel_module, "_move_title", lambda *args: None)
    state = _as_article("\n\n".join(lines) + "\n")
    relabel_module.relabel(state)
    roles = {line.stripped: line.role for line in state.lines if not line.blank}
    assert [roles[line] for line in post] == ["body"] * 3
    assert [c.author for c in state.comments] == ["Ann Lee", "Bo Chen", "Cy Ruiz", "Di Fox"]



def test_comments_headed_by_bare_names_are_cut_under_a_heading_that_states_how_many(monkeypatch):
    from archive.reading.linemodel import relabel as relabel_module

    thread = ["Gibbo", "Brilliant! I only had a few reservations about the new version and you have answered them.",
              "Robert", "Hey Chris", "The update does not show up in my dashboard yet. Should I wait a day or two?",
              "Chris Pearson", "It will show up within the next 24 hours.",
              "Thomas Frank", "These updates are awesome.", "Thanks again for all the work."]
    after = ["Get Email Updates (it's Free)", "Interested in the theme?"]

    def read(heading, lines=thread, above=()):
        texts = ["The new version is out today, with a faster editor and a simpler way to build skins.", *above,
                 "About the Author: the creator of the theme.", heading, *lines, *after]
        monkeypatch.setattr(relabel_module, "tag", _verdicts([("article", 0.9, 0.05)] + [("other", 0.05, 0.9)]
                                                             * (len(texts) - 1)))  # the model reads it all as furniture
        monkeypatch.setattr(relabel_module, "_move_title", lambda *args: None)  # no headline to find here
        state = _as_article("\n\n".join(texts) + "\n")
        relabel_module.relabel(state)
        found = [(c.author, [state.lines[i].stripped for i in c.lines]) for c in state.comments]
        return found

    comments = read("{ 4 comments }")
    assert [author for author, _body in comments] == ["Gibbo", "Robert", "Chris Pearson", "Thomas Frank"]
    assert comments[1][1][0] == "Hey Chris"  # a greeting under the name is the body's, not the next comment
    assert comments[3][1] == ["These updates are awesome.", "Thanks again for all the work."]  # not the sign-up
    assert len(read("5 Comments")) == 4  # the heading may count one the page does not show
    assert len(read("{ 4 comments }", above=["12 Comments", "Share this post with a friend today."])) == 4
    # names that do not add up to the heading (a list of names above the thread), or no heading: no thread
    assert read("{ 40 comments }") == [] and read("Recent posts") == []
    names = ["Gibbo", "Robert", "Chris Pearson", "Thomas Frank", "Ana Ruiz", "Bo Chen", "Cy Twombly", "Di Fox"]
    assert read("{ 4 comments }", names + thread) == []



def test_comments_headed_by_bare_names_are_cut_under_a_comments_heading_that_gives_no_count(monkeypatch):
    """A "Comments" heading below the post's prose: names and bodies taking turns
    within a few lines of furniture under it are a thread, though no count agrees."""
    from archive.reading.linemodel import relabel as relabel_module

    thread = ["http://www.bohnetlaw.com rightappeal", "Starve the beast. If the governors will not pay, nobody will.",
              "DerKrieger", "I sent the letter below to every governor last Friday.", "Dear Governor,",
              "I am writing as a veteran, a husband and a father.",
              "h4rm0ny", "I do not care why they are doing this, only that they do it.",
              "Jan-Willem Wisgerhof", "Does everyone realize that most websites would simply not be here?"]
    post = ["The state has until Friday to decide whether it will build its own exchange, and it has not said a word.",
            "Officials said on Monday that a decision would come soon, but would not say which way the governor leans."]
    form = ["Leave a Reply", "Your email address will not be published.", "Name *", "Email *", "Website",
            "Post Comment"]

    def read(texts):
        texts = [*texts, "ADVERTISEMENT"]
        monkeypatch.setattr(relabel_module, "tag", _verdicts([("article", 0.9, 0.05) if text in post else
                                                              ("other", 0.05, 0.9) for text in texts]))
        monkeypatch.setattr(relabel_module, "_move_title", lambda *args: None)
        state = _as_article("\n\n".join(texts) + "\n")
        relabel_module.relabel(state)
        return [(c.author, [state.lines[i].stripped for i in c.lines]) for c in state.comments]

    comments = read([*post, "COMMENTS", "LOGIN TO COMMENT | REGISTER TODAY", *thread])
    assert [author for author, _body in comments] == ["rightappeal", "DerKrieger", "h4rm0ny", "Jan-Willem Wisgerhof"]
    assert comments[1][1] == thread[3:6]  # a letter's "Dear Governor," is no name
    assert read([*post, "Comment", "Post a Comment", *thread]) == comments
    assert read([*post, "Comments", *thread, *form]) == comments  # the thread ends at the form over its fields
    assert read([*post, "Comments", "Sign in", "Sort by: Newest", *thread]) == comments  # two lines of furniture
    assert read([*post, "Comments", "Sign in", "Sort by: Newest", "Subscribe", *thread]) == []  # three
    # a comment form's heading or its "Comment" field, a "Comments" link above the post or under its dek alone,
    # a sentence under the heading: no thread
    assert read([*post, "Leave a Reply", *thread]) == []
    assert read([*post, *form[:5], "Comment", "Submit", *thread]) == []
    assert read(["Comments", *thread, *post]) == []
    assert read([post[0], "Comments", *thread, post[1]]) == []
    assert read([*post, "Comments", "Please be civil and stay on the topic of the post.", *thread]) == []
    # a sidebar of cards or of teasers cut off with an ellipsis, an interview, two names: no thread
    cards = ["GO", "Chase Freedom Visa", "Earn a bonus after you spend $500 in your first 3 months.",
             "GO", "Miles Card", "Earn 1 mile on every $1 you spend.",
             "GO", "Slate", "No fee when you transfer a balance in the first 60 days."]
    assert read([*post, "Comments", *cards]) == []
    teasers = ["Budget Talks Stall", "Lawmakers left the capitol on Thursday without a deal on the budget…",
               "Medicaid Expansion", "The governor says the state cannot afford to expand the program this year…",
               "Exchange Deadline Nears", "With days to go, three states still have not said what they will do…"]
    assert read([*post, "Popular", "Comments", "Tags", *teasers]) == []
    interview = ["Jane Porter", "Why did you run?", "Tom Hale", "Because nobody else would.",
                 "Jane Porter", "Will you win?", "Tom Hale", "We will see in November."]
    assert read([*post, "Comments", *interview]) == []
    assert read([*post, "Comments", *[line.replace("Jane Porter", "Q").replace("Tom Hale", "A") for line in interview]]) == []
    assert read([*post, "Comments", *interview[:4], *interview[2:4], *interview[4:]]) != []  # not taking turns: a thread
    assert read([*post, "Comments", *thread[2:4], *thread[2:4], *thread[2:4]]) == []  # one person alone
    # a reader and the post's author answering each other take turns, but do not only ask: a thread
    replies = ["Ann Lee", "Will the state build its own exchange?", "Chris Rowe", "Officials will not say yet.",
               "Ann Lee", "Then I will ask them myself.", "Chris Rowe", "Please tell us what they say."]
    assert [author for author, _body in read([*post, "Comments", *replies])] == ["Ann Lee", "Chris Rowe"] * 2
    # a "Leave a comment" link in the post's footer is no form over the thread's heading
    assert read([*post, "Leave a comment", "Tweet", "Share", "COMMENTS", *thread]) == comments
    assert read([*post, "Comments", *thread[:4]]) == []
    # a short line that ends a comment is no one's name: the thread would name the wrong people
    thanked = ["Ann", "Great post, thanks.", "Bob", "I agree with Ann on this one.", "Thanks again",
               "Carl", "Well said. The governors should pay."]
    assert read([*post, "Comments", *thanked]) == []


def test_the_template_wins_when_it_cuts_the_rules_few_long_comments_into_many_as_well_covered():
    from archive.reading.linemodel import relabel as relabel_module
    from archive.reading.state import COMMENT_BODY, COMMENT_HEADER, Comment

    names = ["Ana Ruiz", "Bo Chen", "Cy Twombly", "Di Fox", "Ed Nolan", "Flo Kerr", "Gus Van", "Hal Moss", "Ida Bell",
             "Jo Park", "Kai Lund", "Lea Roth", "Mo Diaz", "Ned Hale", "Olu Ade"]
    text = "".join(f"{name} | March {n}, 2011 at 10:15 pm\n\nI think the ferry should run all winter, {n} times.\n\n"
                   for n, name in enumerate(names, start=1))

    def challenged(group: int) -> int:
        """The rules' reading runs ``group`` comments into one; how many comments stand after the challenge?"""
        state = _as_article(text)
        index = [i for i, line in enumerate(state.lines) if not line.blank]
        heads = index[::2]
        for number, start in enumerate(range(0, len(heads), group), start=1):
            first, last = heads[start], (heads[start + group] if start + group < len(heads) else len(state.lines))
            body = [i for i in index if first < i < last]
            state.lines[first].role = COMMENT_HEADER
            for i in body:
                state.lines[i].role = COMMENT_BODY
            state.comments.append(Comment(number, None, None, body, header=first))
        relabel_module._challenge(state, index, ["comment"] * len(index), index, set())
        return len(state.comments)

    assert challenged(3) == 15  # five comments of three each: the template's fifteen cover them as well
    assert challenged(8) == 15  # two comments of fifteen lines or more: several run into each
    assert challenged(2) == 8  # eight of two: not enough more to overrule the rules at equal cover
    assert challenged(15) == 1  # one comment alone, however long, stands: a thread of one may be one long reply


def test_lines_under_a_comment_form_that_the_model_is_sure_are_comments_are_cut_by_the_template(monkeypatch):
    from archive.reading.linemodel import relabel as relabel_module

    state = parse_text(NAME_UNDER_NUMBERED_STAMP.replace('6 Responses to "The ferry to the outer islands"', "Comment on this article"), model=False)
    assert state.presumed and not state.comments  # the rules set the whole thread aside under the heading
    texts = [line.stripped for line in state.lines if not line.blank]
    sure = [("other", 0.0, 0.9) if text in ("Comment on this article", "Leave a Reply") else ("comment", 0.0, 0.05)
            for text in texts]
    monkeypatch.setattr(relabel_module, "tag", _verdicts(sure))
    relabel_module.relabel(state)
    assert [(c.author, c.date) for c in state.comments][:2] == [("Halvard Oyelaran", "2011-03-09"),
                                                                 ("Wren", "2011-03-09")]
    assert len(state.comments) == 6
    # a presumed line no comment took goes back to the rules' reason (on this page of furniture alone, the
    # title ranker may still put the title on one of them: the title is not a reason)
    monkeypatch.setattr(relabel_module, "tag", _verdicts([("other", 0.0, 0.9)] * len(texts)))
    state = parse_text(NAME_UNDER_NUMBERED_STAMP.replace('6 Responses to "The ferry to the outer islands"', "Comment on this article"), model=False)
    relabel_module.relabel(state)
    assert not state.comments
    assert {line.why for i, line in enumerate(state.lines)
            if i in state.presumed and line.role != "title"} == {"comment-section furniture"}


def test_a_trail_that_ends_in_the_headline_gives_way_to_the_headline():
    texts = ["Harbour Notes", "Home / Ferries / Winter timetable for the north crossing", "Menu",
             "Winter timetable for the north crossing", "Posted on March 3, 2011 by Wren", "The ferry leaves at nine."]
    scored = [(k, {}) for k in (0, 1, 3)]
    assert titles.past_trail(texts, 1, scored) == 3
    assert titles.past_trail(texts, 3, scored) == 3  # the headline itself stays
    assert titles.past_trail(texts, 0, scored) == 0  # no trail
    # a trail whose last step is no candidate stays the choice (nothing better to give way to)
    assert titles.past_trail(texts, 1, [(1, {}), (0, {})]) == 1
    texts[1] = "You are here: Home > Ferries > Winter timetable for the north crossing"
    assert titles.past_trail(texts, 1, scored) == 3


def test_a_timed_headline_that_completed_the_dateline_stays_the_title_but_a_time_elsewhere_does_not(monkeypatch):
    """"09:02 am - <headline>" under a dateline is a headline by its layout: the
    ranker does not overrule it; a line that only looks so, its time not the
    date's, is one candidate among others."""
    from archive.reading.linemodel import relabel as relabel_module
    from archive.reading.parse import parse_text

    def read(header: str, dateline: str = "March 3rd, 2006"):
        text = ("Marmalade Days\n\n" + dateline + "\n" + header + "\n\nIt is done. After three weekends, every "
                "book I own is finally on a shelf.\n\nThe Great Shelf Hunt\n\nPhotos tomorrow when the light is "
                "better.\n")
        state = parse_text(text, model=False)
        monkeypatch.setattr(relabel_module, "tag", lambda feats: (["article"] * len(feats), [
            {"title": 0.0, "article": 0.9, "comment": 0.05, "other": 0.05}] * len(feats)))
        texts = [line.stripped for line in state.lines if not line.blank]
        monkeypatch.setattr(relabel_module, "choose", lambda scored: next(  # the ranker would take the later line
            (k, 0.9) for k, _feats in scored if texts[k] == "The Great Shelf Hunt"))
        relabel_module.relabel(state)
        return state.title, state.date

    assert read("09:02 am - The great bookshelf migration") == ("The great bookshelf migration", "2006-03-03T09:02")
    # the dateline had its own time: the headline's did not complete it, even when it is the same
    assert read("09:02 am - The great bookshelf migration", "March 3rd, 2006 10:15 am") == (
        "The Great Shelf Hunt", "2006-03-03T10:15")
    assert read("09:02 am - The great bookshelf migration", "March 3rd, 2006 9:02 am") == (
        "The Great Shelf Hunt", "2006-03-03T09:02")
    # the header rule says it took the time: a headline that starts with that time itself stays
    assert read("09:02 am - 09:02 am, and the shelves are up") == ("09:02 am, and the shelves are up",
                                                                  "2006-03-03T09:02")
    # a line too long to be the headline gives the dateline no time either
    long_line = "09:02 am - " + "The great bookshelf migration, " * 8
    assert parse_text(f"Marmalade Days\n\nMarch 3rd, 2006\n{long_line}\n\nIt is done.\n", model=False).date == (
        "2006-03-03")


LONE_PAGE = """The Coffee Log Diaries

Posted by Alexandra Grigorescu / November 13, 2012

{above}

For those lucky enough to have fireplaces, there is a new way to keep warm this winter: logs made of coffee.

Made from old coffee grounds and waxed in molasses, the logs burn longer than wood and smell like a cafe.

The logs are available at three cafes in the west end, and the maker plans to sell them online next year.

Tweet

1 Comment

Sort by Oldest First

{comment}

Reply

Leave a Reply

Name (required)
"""


def _read_lone(monkeypatch, page: str, talk: tuple[str, ...]):
    """``page`` read by the rules, then by a line model that reads the ``talk`` lines as comments."""
    return _relabelled(monkeypatch, parse_text(page, model=False), lambda text: ("comment", 0.05, 0.05)
                       if text in talk else ARTICLE_LINE if len(text) > 60 else FURNITURE_LINE)


def test_a_lone_comment_under_a_heading_that_says_there_is_one_is_read_with_its_name_and_stamp(monkeypatch):
    comment = ("1. Soup Waiter says:", "November 2, 2012 at 10:46 pm",
               "Well, they got one thing right: it is a moment, just like the first one was.")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(comment)), comment)
    assert [(c.author, c.date, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
        ("Soup Waiter", "2012-11-02T22:46", [comment[2]])]
    assert [state.lines[i].role for i in state.comments[0].header_lines] == ["comment-header"] * 2
    # a bare name over the stamp is the header too
    named = ("Ted Wilson", "October 14th, 2012 at 4:51 pm", "Woe is me! I sound just like my father now.")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(named)), named)
    assert [(c.author, c.date) for c in state.comments] == [("Ted Wilson", "2012-10-14T16:51")]


def test_a_lone_comment_needs_the_models_reading_and_a_posts_own_count_above_its_text_is_no_heading(monkeypatch):
    comment = ("Damien / November 13, 2012 at 04:03 pm", "Jamie, I want to order directly from you - tell me how!")
    page = LONE_PAGE.format(above="1 Comment", comment="\n\n".join(comment))
    state = _read_lone(monkeypatch, page, comment)
    assert [(c.author, c.date) for c in state.comments] == [("Damien", "2012-11-13T16:03")]
    assert all(line.role == "body" for line in state.lines if line.stripped.startswith(("For those", "Made from")))
    # the model reads none of it as a comment: a header with a name and a stamp still says it is one
    state = _read_lone(monkeypatch, page, ())
    assert [(c.author, c.date) for c in state.comments] == [("Damien", "2012-11-13T16:03")]
    # but the heading alone claims nothing: no header, no reading as a comment ("Follow us" under "Comments (1)")
    furniture = ("All comments will be published after moderation", "Follow us on the networks")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(furniture)), ())
    assert state.comments == []


def test_a_lone_comment_headed_as_one_under_the_posts_prose_stands_though_the_model_reads_its_text_as_article(
        monkeypatch):
    comment = ("Damien / November 13, 2012 at 04:03 pm",
               "Jamie, I want to order a box directly from you, so tell me how and where your shop is!")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(comment)), ())
    assert [(c.author, c.date, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
        ("Damien", "2012-11-13T16:03", [comment[1]])]
    # over a post's own text (the first of a page of posts), the same count and header are the post's
    post = LONE_PAGE.split("\n\n{above}\n\n")[1].split("\n\nTweet")[0]
    page = ("The Coffee Log Diaries\n\n1 Comment\n\nDamien / November 13, 2012 at 04:03 pm\n\n" + post
            + "\n\nTweet\n\nThe Tea Log Diaries\n\nNo Comments\n\n"
            + "Tea leaves are next: the maker says a log of them burns just as long and smells of a summer garden.\n")
    state = _read_lone(monkeypatch, page, ())
    assert state.comments == []
    assert [line.role for line in state.lines if line.stripped.startswith(("For those", "Made from"))] == ["body"] * 2
    # nor as the second, under a shorter post: its byline and text are more prose than the post above them
    page = ("The Tea Log Diaries\n\nNo Comments\n\n"
            "Tea leaves are next: the maker says a log of them burns just as long and smells of a summer garden.\n\n"
            "Tweet\n\nThe Coffee Log Diaries\n\n1 Comment\n\nDamien / November 13, 2012 at 04:03 pm\n\n" + post
            + "\n\nTweet\n\nOlder Posts\n")
    state = _read_lone(monkeypatch, page, ())
    assert state.comments == []


def test_a_lone_comment_takes_no_sentence_for_its_header_and_no_posts_text_for_itself(monkeypatch):
    # a comment that opens with a sentence has no header: no author, and every line is its text
    said = ("I love this idea, I will be buying some for my fireplace this winter for sure.",
            "Hi Jamie, I bought a box on November 3 and they burned all evening.")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(said)), said)
    assert [(c.author, c.date, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
        (None, None, list(said))]
    assert (state.comments[0].header, state.comments[0].all_header_lines()) == (None, [])  # no date read from its words
    # a post's own "1 Comment" over its byline and text: the byline looks like a header, the text is the article's
    page = ("The Coffee Log Diaries\n\n1 Comment\n\nAlexandra Grigorescu / November 13, 2012\n\n"
            + LONE_PAGE.split("\n\n{above}\n\n")[1].split("\n\nTweet")[0] + "\n\nTweet\n\nLeave a Reply\n")
    state = _read_lone(monkeypatch, page, ())
    assert state.comments == []
    assert [line.role for line in state.lines if line.stripped.startswith(("For those", "Made from"))] == ["body"] * 2


def test_a_lone_comment_may_close_with_its_footer(monkeypatch):
    """A name and a stamp under the comment's text ("Posted by jenn | …") sign it,
    under "Reader Comments (1)" as under "1 Comment"; the comment ends there."""
    comment = ("Lindy is my village, and to see it in ruins is devastating; but the town is strong.",
               "Posted by jenn | November 6, 2012 1:04 PM")
    for heading in ("1 Comment", "Reader Comments (1)"):
        page = LONE_PAGE.format(above="", comment="\n\n".join(comment)).replace("1 Comment", heading)
        state = _read_lone(monkeypatch, page, ())
        assert [(c.author, c.date, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
            ("jenn", "2012-11-06T13:04", [comment[0]])], heading
        assert [state.lines[i].stripped for i in state.comments[0].all_header_lines()] == [comment[1]]
    # a comment form's fields over a numbered header are no body, and that header no footer
    form = ("Name", "Email address", "Notify me of follow-up comments via email.",
            "1. Aylak Monday, November 5 2012", ".. and it's currently down!")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(form)), ())
    assert not any(state.lines[i].stripped in form[:3] for c in state.comments for i in c.own_lines())
    # nor are a thread's sort controls over a header whose text the model set aside
    sorting = ("Newest", "Most Replied", "thecrus8r • 15 minutes ago")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(sorting)), ())
    assert state.comments == []
    # a numbered line opens its comment: under sentences, it is no footer of theirs
    numbered = ("Great post, thanks for sharing it with us.", "1. Aylak Monday, November 5 2012")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(numbered)), ())
    assert [c.author for c in state.comments] != ["Aylak"]
    # the comment ends at its footer: what follows is not its text
    page = LONE_PAGE.format(above="", comment="\n\n".join((*comment, "Tell us what you burn in your fireplace")))
    state = _read_lone(monkeypatch, page.replace("1 Comment", "Reader's Comments (1)"), ())
    assert [[state.lines[i].stripped for i in c.own_lines()] for c in state.comments] == [list(comment)]


def test_a_lone_comments_dated_line_is_its_text_and_a_posts_byline_no_footer(monkeypatch):
    # the model reads it all as one comment, with no header: a line with a date and words is its text
    said = ("I love this idea, I will be buying some for my fireplace this winter for sure.",
            "See you at the market on November 12, 2012 Jamie",
            "My kids will love the smell of coffee in the living room, and so will the dog.")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(said)), said)
    assert [(c.author, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [(None, list(said))]
    # read by the model as none, it signs nothing either: more words than a name, or a sentence's end
    for line in ("See you at the market on November 12, 2012 Jamie", "Bought mine on November 3."):
        state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join((said[0], line))), ())
        assert [c.author for c in state.comments] == [], line
    # on a page with one post, its byline may be signed as the comment is
    page = LONE_PAGE.replace("Posted by Alexandra Grigorescu / November 13, 2012",
                             "Posted by Alexandra | November 5, 2012 9:00 AM").format(
        above="", comment="\n\n".join(("Lindy is my village, and to see it in ruins is devastating; but the town "
                                        "is strong.", "Posted by jenn | November 6, 2012 1:04 PM")))
    assert [c.author for c in _read_lone(monkeypatch, page, ()).comments] == ["jenn"]
    # a page of posts, each signed by its byline under its text: the second post is no comment under the first's count
    post = LONE_PAGE.split("\n\n{above}\n\n")[1].split("\n\nTweet")[0]
    page = ("Coffee logs for the fireplace\n\n" + post + "\n\nPosted by jenn | November 6, 2012 1:04 PM\n\n"
            "Comments (1)\n\nWould you burn tea leaves in your fireplace too?\n\n"
            "Tea leaves are next: the maker says a log of them burns just as long, and smells of a summer garden.\n\n"
            "Posted by jenn | November 5, 2012 9:12 AM\n\nComments (0)\n")
    state = _read_lone(monkeypatch, page, ())
    assert state.comments == []


POST_UNDER_A_FORM_HEADING = """October 30, 2012 3:15 PM

Voice search shoot-out: Google against Siri
{post}
{count}Add a Comment

Siri does have two advantages. First, she knows a few select areas deeply, and second, she remembers context.

Google seems to be smarter, to know more, and it answers before Siri has finished thinking about the question.

Source: John Koetsier

(Note the vestiges of skeuomorphic design in the answer.)

Both fared well on some standard factual questions, though Siri picked out the British version of one answer.

Topics:
"""


def test_a_lone_comment_may_open_in_a_teaser_block_that_ran_on_past_its_heading(monkeypatch):
    """"Related Posts" over three headlines, "1 CommentNo Reactions", and the
    comment's name and stamp: the rules read the name and stamp as two more
    teasers. They open the comment; a teaser block under its text does not join it."""
    related = "Related Posts\n\nThe Hotlist – Edition 3\n\nThe Hotlist – Edition 4\n\nTen Business Cards We Love"
    page = LONE_PAGE.replace("1 Comment\n\nSort by Oldest First", related + "\n\n1 CommentNo Reactions")
    comment = ("1. Wade McMaster", "4 Nov 12 at 11:22 pm",
               "Nice cards. I prefer the illustrations over the designs though, they show a little more.")
    state = _read_lone(monkeypatch, page.format(above="", comment="\n\n".join(comment)), ())
    assert [(c.author, [state.lines[i].stripped for i in c.own_lines()]) for c in state.comments] == [
        ("Wade McMaster", list(comment))]
    assert [line.why for line in state.lines if line.stripped.startswith(("The Hotlist", "Ten Business"))] == [
        "related or latest-news teasers"] * 3
    # a teaser block that opens under the heading is no comment's: it did not run on past it
    said = ("I love this idea, I will be buying some for my fireplace this winter for sure.",
            "Hi Jamie, I bought a box on November 3 and they burned all evening.")
    page = LONE_PAGE.replace("Sort by Oldest First", "Related Posts\n\nThe Hotlist – Edition 3")
    state = _read_lone(monkeypatch, page.format(above="", comment="\n\n".join(said)), said)
    assert [[state.lines[i].stripped for i in c.own_lines()] for c in state.comments] == [list(said)]
    # nor is a list of teasers that each show their count: the page states more than one
    teasers = ("Related Posts\n\nTen Business Cards We Love\n\nOctober 2, 2012\n\n"
               "We asked fifty designers for the card they keep.\n\n1 Comment\n\nMeet Jamie Oliver\n\n"
               "October 14, 2012\n\nThe chef came to town and cooked for three hundred people.\n\n3 Comments\n\n"
               "The Hotlist – Edition 4\n\nOctober 20, 2012\n\nTen more things we loved this month.\n\n5 Comments")
    page = LONE_PAGE.replace("1 Comment\n\nSort by Oldest First\n\n{comment}\n\nReply\n\n", teasers + "\n\n")
    assert _read_lone(monkeypatch, page.format(above=""), ()).comments == []
    # teasers under the comment's own lines are the page's next block, not its text
    page = LONE_PAGE.replace("Reply\n\nLeave a Reply", related + "\n\nLeave a Reply")
    named = ("Ted Wilson", "October 14th, 2012 at 4:51 pm", "Woe is me! I sound just like my father now.")
    state = _read_lone(monkeypatch, page.format(above="", comment="\n\n".join(named)), named)
    assert [[state.lines[i].stripped for i in c.own_lines()] for c in state.comments] == [list(named)]


TWO_WAYS_NUMBERED = """1 Teresha August 9, 2012 at 9:03 am

I have to say I feel like Super Woman when I eat clean, and the frittata is next on my list.

Reply

2 Charise @ I Thought I Knew Mama
Twitter: ithoughtiknewma
August 9, 2012 at 9:44 am

The frittata sounds delicious! I am going to pass this post along to my cousin.

Reply

3 Sage August 9, 2012 at 10:19 am

This is an awesome post, thank you! I have changed my diet so much within the past year.

Reply

4 Mandi
Twitter: stblessings
August 9, 2012 at 11:53 am

We just switched to sprouted bread a few weeks ago. I feel the difference for sure.

Reply

Leave a Comment

Name (required)
"""


def test_a_counted_thread_whose_headers_differ_is_cut_by_their_numbers(monkeypatch):
    """"4 comments" over headers numbered 1 to 4, two with the stamp on the
    header line and two with it under a "Twitter:" line: no shape repeats four
    times, and the template cut two comments by the "Twitter:" lines (or none).
    The numbers count what the page counts: four comments, each named and dated."""
    post = LONE_PAGE.split("{comment}")[0].replace("{above}", "").replace(
        "1 Comment\n\nSort by Oldest First", "{ 4 comments… read them below or add one }")
    bodies = tuple(line for line in TWO_WAYS_NUMBERED.splitlines() if len(line) > 60)
    for talk in ((), bodies):
        state = _read_lone(monkeypatch, post + TWO_WAYS_NUMBERED, talk)
        assert [(c.number, c.author, c.date) for c in state.comments] == [
            (1, "Teresha", "2012-08-09T09:03"), (2, "Charise", "2012-08-09T09:44"), (3, "Sage", "2012-08-09T10:19"),
            (4, "Mandi", "2012-08-09T11:53")], talk
        assert [[state.lines[i].stripped for i in c.lines] for c in state.comments] == [[body] for body in bodies]
        assert [state.lines[i].stripped for i in state.comments[1].all_header_lines()] == [
            "2 Charise @ I Thought I Knew Mama", "Twitter: ithoughtiknewma", "August 9, 2012 at 9:44 am"]
        assert all(line.role == "boilerplate" for line in state.lines if line.stripped == "Reply")
    # the last comment keeps all its paragraphs, down to the comment form
    longer = TWO_WAYS_NUMBERED.replace("I feel the difference for sure.\n", "I feel the difference for sure.\n\n"
                                       "My husband was skeptical at first, but now he asks for it every morning.\n")
    for talk in ((), tuple(line for line in longer.splitlines() if len(line) > 60)):
        state = _read_lone(monkeypatch, post + longer, talk)
        assert [state.lines[i].stripped[:14] for i in state.comments[-1].lines] == ["We just switch", "My husband was"]
    # a post's numbered list under its own count, over the thread's count: the comments found stand
    cities = ("Lisbon", "Porto", "Madrid", "Prague", "Edinburgh")
    names = ("Teresha", "Charise", "Sage", "Mandi")
    page = ("The Coffee Log Diaries\n\n5 Comments\n\nFive cities where the logs are sold, from the maker's list.\n\n"
            + "\n\n".join(f"{n} {city}\n\nIn {city} the logs are sold in three cafes, and the maker says they sell "
                          "out every week." for n, city in enumerate(cities, start=1)) + "\n\nTweet\n\n5 Comments\n\n"
            + "\n\n".join(f"{name} August 9, 2012 at 9:0{k} am\n\nWhat a lovely idea, I will be buying some for my "
                          "fireplace this winter.\n\nReply" for k, name in enumerate(names))
            + "\n\nLeave a Comment\n\nName (required)\n")
    talk = tuple(line for line in page.splitlines() if line.startswith(("What a lovely", *names)))
    assert [c.author for c in _read_lone(monkeypatch, page, talk).comments] == list(names)
    # numbers that do not reach the page's count prove nothing: the thread is not cut by them
    state = _read_lone(monkeypatch, post.replace("4 comments", "5 comments") + TWO_WAYS_NUMBERED, bodies)
    assert "Teresha" not in [c.author for c in state.comments]


def test_a_page_that_says_it_has_one_comment_reads_one_where_its_paragraphs_were_cut_as_several(monkeypatch):
    """"One comment" over a name the model set aside, its stamp and three
    paragraphs: with no template to cut by, each block of the model's comment
    lines was a comment of its own (five, none with a name). The page counts
    one: it is the one under the heading, with its name and date."""
    page = LONE_PAGE.replace("1 Comment\n\nSort by Oldest First", "One comment Add your comment").replace(
        "Reply\n\nLeave a Reply", "Link\n\nReport this comment\n\nAdd your comment")
    said = ("We have been killing Johan this year, and I look for Malholm to do it again tonight.",
            "With series against the Dodgers, Nats and Giants back to back, we need to win the next two.",
            "Still, maybe we get lucky and the Astros finally get a game out of the Nats this week.", "Go Braves!")
    comment = ("ChipperisGod", "August 9th, 2012\n2:13 pm", *said)
    state = _read_lone(monkeypatch, page.format(above="", comment="\n\n".join(comment)),
                       ("August 9th, 2012", "2:13 pm", *said))
    assert [(c.number, c.author, [state.lines[i].stripped for i in c.own_lines()]) for c in state.comments] == [
        (1, "ChipperisGod", ["ChipperisGod", "August 9th, 2012", "2:13 pm", *said])]
    assert state.comments[0].date.startswith("2012-08-09")
    assert state.comments_stated == 1
    assert all(line.role == "boilerplate" for line in state.lines if line.stripped in ("Link", "Report this comment"))
    # comments with names and dates stand, whatever the count says (a stale count)
    ted = ("Ted Wilson", "October 14th, 2012 at 4:51 pm", "Woe is me! I sound just like my father now.")
    ann = ("Ann Parker", "October 15th, 2012 at 9:12 am", "Ha, we all do sooner or later, Ted. Great post though.")
    state = _read_lone(monkeypatch, LONE_PAGE.format(above="", comment="\n\n".join(ted) + "\n\nReply\n\n"
                                                      + "\n\n".join(ann)), ted + ann)
    assert [c.author for c in state.comments] == ["Ted Wilson", "Ann Parker"]
    # a post's own "1 Comment" over its paragraphs, which the model reads as comments: the post keeps its text
    paragraphs = ("Siri does have", "Google seems to be", "Both fared well")
    state = _relabelled(monkeypatch, parse_text(POST_UNDER_A_FORM_HEADING.format(post="", count="1 Comment\n\n"),
                                                model=False),
                        lambda text: ("comment", 0.05, 0.05) if text.startswith(paragraphs) else ARTICLE_LINE
                        if text.startswith(("Voice", "October", "(Note")) else FURNITURE_LINE)
    assert any(line.role == "body" for line in state.lines if line.stripped.startswith(paragraphs))


def test_nameless_undated_comments_that_leave_no_article_are_its_paragraphs(monkeypatch):
    """"Add a Comment" under the headline sets the post aside as if it lay in the
    comment form, and the model, reading it as talk, cuts it into comments that
    name no one: with no article text left, they are the article's paragraphs."""
    paragraphs = ["Siri does have", "Google seems to be", "Both fared well"]

    def read(post: str, count: str = ""):
        state = _relabelled(monkeypatch, parse_text(POST_UNDER_A_FORM_HEADING.format(post=post, count=count),
                                                    model=False),
                            lambda text: ("comment", 0.05, 0.05) if text.startswith(tuple(paragraphs)) else ARTICLE_LINE
                            if text == post.strip() or text.startswith(("Voice", "October", "(Note")) else FURNITURE_LINE)
        roles = {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}
        return (len(state.comments), [next(r for text, r in roles.items() if text.startswith(words)) for words in paragraphs],
                roles["Source: John Koetsier"], roles["(Note the vestiges of skeuomorphic design in the answer.)"])

    # the lines under the heading go back to the article, but what the model reads as furniture
    assert read("") == (0, [("body", None)] * 3, (BOILERPLATE, LINE_MODEL), ("body", None))
    # the page says how many comments it has: they are comments
    assert read("", "3 Comments\n\n")[:2] == (3, [("comment-body", None)] * 3)
    # a post of its own above the heading: the lines under it may well be readers' comments
    post = "\n" + " ".join(["The two assistants were asked the same forty questions over a week of use."] * 5) + "\n"
    assert read(post)[:2] == (3, [("comment-body", None)] * 3)


POST_FRAMED_AS_A_COMMENT = """Wheels | Main | Gadgets

Say Hello To the World's Cheapest Car
{count}
{post}

Posted by: Chuck Squatriglia | Jan 10, 2008 3:46:13 PM

That thing looks unsafe at any speed.

Posted by: Sean | Jan 10, 2008 4:49:12 PM

I would buy one tomorrow at fifty miles a gallon.{more}

Posted by: Dan | Jan 10, 2008 6:02:53 PM

It is a golf cart with a bigger motor, and that is fine by me.

Posted by: Tom | Jan 10, 2008 6:16:13 PM

The comments to this entry are closed.
"""


def _paragraphs(words: int) -> str:
    """Paragraphs of ten words (the last one shorter) that hold ``words`` words."""
    counts = [10] * (words // 10) + ([words % 10] if words % 10 else [])
    return "\n\n".join(" ".join(["word"] * (n - 1) + [f"end{k}."]) for k, n in enumerate(counts))


def test_a_first_comment_far_longer_than_the_rest_on_a_page_with_no_article_text_is_the_post(monkeypatch):
    """The thread's template framed the post too: "Posted by: <X> | <DATE>"
    under it, as under each comment, and the model reads it all as talk."""
    def read(post: int, count: str = "", more: int = 0):
        page = POST_FRAMED_AS_A_COMMENT.format(post=_paragraphs(post), count=count,
                                               more=" " + " ".join(["yes"] * (more - 10)) if more else "")
        state = _relabelled(monkeypatch, parse_text(page, model=False),
                            lambda text: FURNITURE_LINE if text.startswith("Wheels") else ARTICLE_LINE
                            if text.startswith("Say Hello") else ("comment", 0.03, 0.02))
        roles = {line.stripped: (line.role, line.why) for line in state.lines if not line.blank}
        return [(c.number, c.author) for c in state.comments], roles, state

    comments, roles, state = read(150)
    assert comments == [(1, "Sean"), (2, "Dan"), (3, "Tom")]
    assert roles["word word word word word word word word word end0."] == ("body", None)
    assert roles["Posted by: Chuck Squatriglia | Jan 10, 2008 3:46:13 PM"] == (BOILERPLATE, FOOTER)
    assert roles["That thing looks unsafe at any speed."] == ("comment-body", None)
    assert state.lines[state.comments_start].stripped == "That thing looks unsafe at any speed."
    # a first comment of fewer words, or not three times as many as every other's (Dan's, the second), is a reader's
    assert len(read(149)[0]) == 4
    assert len(read(150, more=50)[0]) == 3 and len(read(150, more=51)[0]) == 4
    # the page says how many comments it has: they are all comments
    assert len(read(150, count="\n4 Comments\n")[0]) == 4


def test_the_comments_under_a_post_read_as_a_comment_are_numbered_from_one_and_keep_whom_they_answer():
    from archive.reading.linemodel import relabel as relabel_module
    from archive.reading.state import Comment

    def read(article: str = "", comments: int = 5, byline: bool = False):
        state = _as_article("\n".join([f"Headline. {article}", "by Chuck on 8/09/2012", "Share this"]
                                      + _paragraphs(160).split("\n\n") + ["Thanks!", "No, you.", "Indeed."]) + "\n")
        post = list(range(3, 19))
        state.comments = [Comment(1, "Chuck", None, [], header=1), Comment(2, "Chuck", None, post, header=2),
                          Comment(3, "Sean", None, [19]), Comment(4, "Dan", None, [20], replies_to=3),
                          Comment(5, "Tom", None, [21], replies_to=2)][0 if byline else 1:comments]
        for c in state.comments:
            for i in c.own_lines():
                state.lines[i].role = "comment-body"
        labels = ["other" if i == 4 else "article" for i in range(22)]  # a line of the post the model sets aside
        marginals = [{"other": 0.9 if i == 4 else 0.0, "article": 0.1 if i == 4 else 1.0} for i in range(22)]
        relabel_module._post_not_comment(state, list(range(22)), labels, marginals)
        return [(c.number, c.author, c.replies_to) for c in state.comments], state

    comments, state = read()
    assert comments == [(1, "Sean", None), (2, "Dan", 1), (3, "Tom", None)]
    assert state.comments_start == 19
    roles = [(line.role, line.why) for line in state.lines]
    assert roles[2] == (BOILERPLATE, FOOTER) and roles[4] == (BOILERPLATE, LINE_MODEL)
    assert roles[3] == roles[5] == roles[18] == ("body", None)
    # a wordless comment above the post (its byline read as a header) goes with it; none may be left
    comments, state = read(byline=True, comments=2)
    assert comments == [] and state.comments_start is None
    assert [(line.role, line.why) for line in state.lines[1:3]] == [(BOILERPLATE, FOOTER)] * 2
    # a page that keeps a paragraph of its own, or finds one comment only: the comments stand
    assert len(read(" ".join(["An editor's note, ten words long, on the launch here."] * 6))[0]) == 4
    assert read(comments=2)[0] == [(2, "Chuck", None)]  # numbered as the rules numbered it


POST_UNDER_A_COMMENT_LINK = """Democracy of Domination: a game engine for everyone

by Intel [Sponsored Feature]

Post A Comment
{between}
Disrupting the market by dominating an underserved niche is the stuff that chief executives dream of at night.

Unity calls it democratizing the game industry, and it has leveled the playing field with one engine for all.

Not too shabby.

Since launching its first engine in 2005, Unity has powered thousands of games on every platform there is.

To maintain its edge, the company must keep improving its tools, and it has chosen its partners for that.

Comments

Submit Comment
"""


def test_the_prose_right_under_a_comment_forms_heading_on_a_page_with_no_article_is_the_article(monkeypatch):
    """"Post A Comment" by the byline sets the whole post aside as the comment form,
    and the model, trusting the rules, reads it as furniture: on a page with no
    article text and no comments, the one long run of prose that opens right under
    the heading is the article. Not when a form's fields lie between (a real form
    over a sidebar's prose), nor when the page has its article elsewhere."""
    def read(page: str):
        state = _relabelled(monkeypatch, parse_text(page, model=False),  # the post above the heading reads as one
                            lambda text: ARTICLE_LINE if text.startswith("The engine") else FURNITURE_LINE)
        return {line.stripped[:12]: line.role for line in state.lines if not line.blank}

    roles = read(POST_UNDER_A_COMMENT_LINK.format(between=""))
    assert [roles[start] for start in ("Disrupting t", "Unity calls ", "Not too shab", "Since launch", "To maintain ")] == [
        "body"] * 5
    assert (roles["Comments"], roles["Submit Comme"]) == (BOILERPLATE, BOILERPLATE)
    # a form's fields between the heading and the prose: it is a form, over some other text
    roles = read(POST_UNDER_A_COMMENT_LINK.format(between="\nName (required)\n\nMail (required)\n\nWebsite\n"))
    assert roles["Disrupting t"] == roles["Since launch"] == BOILERPLATE
    # however the form's last line reads: its fields are counted from the form's own heading
    roles = read(POST_UNDER_A_COMMENT_LINK.format(between="\nCancel reply\n\nName *\n\nEmail *\n\nPost Comment\n"))
    assert roles["Disrupting t"] == roles["Since launch"] == BOILERPLATE
    # the page keeps its own article above: what lies under the form is not it
    post = " ".join(["The engine was tested on a dozen machines over a week, with every setting turned up."] * 6)
    roles = read(POST_UNDER_A_COMMENT_LINK.replace("Post A Comment", post + "\n\nPost A Comment").format(between=""))
    assert roles["The engine w"] == "body" and roles["Disrupting t"] == BOILERPLATE


COUNTED_THREAD = """Rooftop gardens of Lisbon

We spent a week climbing stairs to see what grows above the city, and the answer is: almost everything.

{count} Comments

  1. Marta

    March 3, 2013, | Permalink

    The fig tree on the last photo is older than my grandmother.

  2. Jo @ Green Ledges

    March 3, 2013, | Permalink

    Lovely. Which month did you go?

    http://greenledges.example

  3. Teodor

    March 4, 2013, | Permalink

    Next time, take the tram up and walk down.

Leave a Reply
"""


def test_a_thread_the_model_missed_is_cut_when_the_page_counts_it(monkeypatch):
    """A site the model never saw: it reads every comment as furniture. The heading
    states three comments and a stamped line repeats three times under it: the
    page's template cuts them. A count that does not match leaves the page as it was."""
    def read(count: int, page: str = COUNTED_THREAD):
        return _relabelled(monkeypatch, parse_text(page.format(count=count), model=False),
                           lambda text: ARTICLE_LINE if text.startswith("We spent") else FURNITURE_LINE)

    state = read(3)
    assert [(c.author, c.date, [state.lines[i].stripped for i in c.lines][0]) for c in state.comments] == [
        ("Marta", "2013-03-03", "The fig tree on the last photo is older than my grandmother."),
        ("Jo", "2013-03-03", "Lovely. Which month did you go?"),  # a name's blog after "@" is not the name
        ("Teodor", "2013-03-04", "Next time, take the tram up and walk down.")]
    assert next(line for line in state.lines if line.stripped == "Leave a Reply").role == BOILERPLATE
    # under a comment form's heading, the thread was set aside for where it lies: it is lent to the template
    state = read(3, COUNTED_THREAD.replace(" Comments\n", " Comments\n\nLeave a comment\n"))
    assert [c.author for c in state.comments] == ["Marta", "Jo", "Teodor"]
    # the page says four: three repeats are not its thread, and every line stays where the model put it
    state = read(4)
    assert state.comments == []
    assert {line.why for line in state.lines if line.stripped.startswith(("March", "The fig", "Next time"))} == {
        LINE_MODEL}
    # so do the lines lent from under a comment form's heading: they go back to the form
    state = read(4, COUNTED_THREAD.replace(" Comments\n", " Comments\n\nLeave a comment\n"))
    assert state.comments == []
    assert {line.why for line in state.lines if line.stripped.startswith(("March", "The fig", "Next time"))} == {
        COMMENT_FURNITURE}


FOOTED_THREAD = """Productivity is about giving something up

November 5th, 2012

3 Comments

I hate myself for not doing yoga every day, and this post is about why that is so.

Before I go on about it, let me assure you that I am more accomplished than most people you know.

Comments (3)

Leave a comment

This is me, every single morning.

Posted by tj on November 5, 2012 at 7:56 am | permalink | Reply

I am starting to figure out what I want.

Posted by Harriet May on November 5, 2012 at 8:37 am | permalink | Reply

No one is a loser.

Posted by Lori Pollard on November 5, 2012 at 10:23 am | permalink | Reply
"""


def test_a_counted_thread_opens_under_the_lower_of_two_headings_that_count_it_and_under_the_topmost_else(monkeypatch):
    """The post's header and the thread's heading both count three comments, each
    signed under its text: the thread opens under the lower heading, and the first
    comment's text with it, not at the post's first paragraph. A lower count that
    the stamps under it happen to match (a reply count in the thread, a sidebar's
    count under it) does not take the thread from the heading over it."""
    def read(page: str):
        return _relabelled(monkeypatch, parse_text(page, model=False),
                           lambda text: ARTICLE_LINE if text.startswith(("I hate", "Before I", "We spent"))
                           else FURNITURE_LINE)

    state = read(FOOTED_THREAD)
    assert [(c.author, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
        ("tj", ["This is me, every single morning."]),
        ("Harriet May", ["I am starting to figure out what I want."]),
        ("Lori Pollard", ["No one is a loser."])]
    assert {line.role for line in state.lines if line.stripped.startswith(("I hate", "Before I"))} == {"body"}
    replies = "".join(f"\n  {n}. {name}\n\n    March {day}, 2013, | Permalink\n\n    {text}\n"
                      for n, name, day, text in ((4, "Ana", 5, "Agreed, the tram is the only sane way up."),
                                                 (5, "Luis", 6, "The walk down is the best part of it.")))
    state = read(COUNTED_THREAD.format(count=5).replace("Leave a Reply\n", "    2 Replies\n" + replies
                                                         + "\nLeave a Reply\n"))
    assert [c.author for c in state.comments] == ["Marta", "Jo", "Teodor", "Ana", "Luis"]
    sidebar = ("\nPrevious post: Madrid terraces\n\n2 Comments\n\nSeville patios\n\nMarch 1, 2013\n\n"
               "Granada courtyards\n\nMarch 2, 2013\n")
    state = read(COUNTED_THREAD.format(count=3) + sidebar)
    assert [c.author for c in state.comments] == ["Marta", "Jo", "Teodor"]


def test_a_counted_thread_is_cut_from_a_teaser_block_that_ran_into_it(monkeypatch):
    """A "Related Articles" block runs on to the page's end when no heading closes
    it; the count by the headline and the stamps under it still cut the thread."""
    page = ("Rooftop gardens of Lisbon\n\n3 Comments\n\n"
            + COUNTED_THREAD.format(count=3).split("\n\n", 1)[1].replace(
                "3 Comments\n", "Related Articles\n\nTen gardens in Porto\n\nPost a Comment Get a Gravatar\n\n"
                "Gardens we could not fit in\n"))
    state = _relabelled(monkeypatch, parse_text(page, model=False),
                        lambda text: ARTICLE_LINE if text.startswith("We spent") else FURNITURE_LINE)
    assert [(c.author, c.date) for c in state.comments] == [
        ("Marta", "2013-03-03"), ("Jo", "2013-03-03"), ("Teodor", "2013-03-04")]
    assert {(line.role, line.why) for line in state.lines if line.stripped in (  # what no comment took stays a teaser
        "Related Articles", "Ten gardens in Porto", "Gardens we could not fit in")} == {(BOILERPLATE, TEASERS)}
    # a teaser list under the thread is no comment's text
    page = COUNTED_THREAD.format(count=3).replace(
        "Leave a Reply\n", "Related Articles\n\nTen gardens in Porto\n\nWhy figs love the rooftops of Lisbon\n")
    state = _relabelled(monkeypatch, parse_text(page, model=False),
                        lambda text: ARTICLE_LINE if text.startswith("We spent") else FURNITURE_LINE)
    assert [[state.lines[i].stripped for i in c.lines] for c in state.comments][-1] == [
        "Next time, take the tram up and walk down."]
    # nor, with no comment heading in it, a teaser list of dated posts that happens to be as long as the count
    teasers = "".join(f"\n{title} | March {day}, 2013\n\nWe went up on the roof and found …\n"
                      for title, day in (("Porto gardens", 3), ("Madrid terraces", 4), ("Seville patios", 5)))
    page = COUNTED_THREAD.format(count=3).split("  1. Marta")[0] + "Related Posts\n" + teasers
    state = _relabelled(monkeypatch, parse_text(page, model=False),
                        lambda text: ARTICLE_LINE if text.startswith("We spent") else FURNITURE_LINE)
    assert state.comments == []


def test_the_lines_after_comments_the_model_undoes_are_read_again(monkeypatch):
    """A "Comment" subheading in the post let the rules take its byline for a
    signed comment, and set aside all below it as after the comments. The model
    reads the thread further down: the rules' comment is undone, and so is what
    they set aside after it, so that the page's own template cuts the thread."""
    page = """Dharmesh on Startups

The Classy Way To Get Media Coverage

When a journalist writes about your startup, the story is theirs to tell, and the best thing you can do is help.

Comment

Having a network of people who offer opinion and analysis is critical for most journalists, and you can be one.

Posted by Dharmesh Shah on Tue, Oct 30, 2012

COMMENTS

Interesting. Some time ago I got an interview with a prominent business publication and never heard back.

posted on Tuesday, October 30, 2012 at 9:46 AM by Peter Alberti

I am concentrating on developing this business, and this blog is providing great insights.

posted on Tuesday, October 30, 2012 at 9:56 AM by Richard Viers

Great article, and the same approach works for prospecting and sales.

posted on Tuesday, October 30, 2012 at 10:22 AM by Melody Penney

Post Comment

Name
"""
    rules = parse_text(page, model=False)
    assert [c.author for c in rules.comments] == ["Dharmesh Shah"]  # the rules alone: the byline signs a comment
    thread = page.split("COMMENTS\n\n")[1].split("\n\nPost Comment")[0].split("\n\n")
    state = _relabelled(monkeypatch, rules, lambda text: ("comment", 0.05, 0.05) if text in thread
                        else ARTICLE_LINE if len(text) > 60 else FURNITURE_LINE)
    assert [(c.author, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
        ("Peter Alberti", [thread[0]]), ("Richard Viers", [thread[2]]), ("Melody Penney", [thread[4]])]
    assert next(line for line in state.lines if line.stripped.startswith("Posted by Dharmesh")).role != COMMENT_HEADER


SIGNED_THREAD = """Remember where you came from

One of my favourite company blogs is written by the chairman himself, and it shows in every post.

If I learned that an agency wrote it for him, I would stop reading it the same day.

Comments
{lead}
Presenting a brand the same way on every platform is a critical part of marketing.

Posted by: marry john on Oct 31, 2012 6:44:07 AM

The competition in social media is too high to get away with a ghost writer.

Posted by: {second} on Nov 3, 2012 9:12:46 AM

Great post. Love it. Keep sharing more.

Posted by: Ann Lee on Nov 6, 2012 4:29:18 AM

Post a comment

Name:
"""


def test_a_thread_signed_by_a_repeated_stamp_under_a_bare_comments_heading_is_cut(monkeypatch):
    """No count, no line the model reads as a comment: under "Comments", below
    the post, a stamped signature with a name repeats three times. The page's
    own template cuts the thread; a signature always by one name, or a list
    further down past lines a rule set aside, is none."""
    def read(page):
        return _relabelled(monkeypatch, parse_text(page, model=False),
                           lambda text: ARTICLE_LINE if len(text) > 80 else FURNITURE_LINE)

    state = read(SIGNED_THREAD.format(lead="", second="Media Buyers"))
    assert [(c.author, c.date, [state.lines[i].stripped for i in c.lines]) for c in state.comments] == [
        ("marry john", "2012-10-31T06:44", ["Presenting a brand the same way on every platform is a critical part "
                                            "of marketing."]),
        ("Media Buyers", "2012-11-03T09:12", ["The competition in social media is too high to get away with a "
                                              "ghost writer."]),
        ("Ann Lee", "2012-11-06T04:29", ["Great post. Love it. Keep sharing more."])]
    assert read(SIGNED_THREAD.format(lead="", second="marry john").replace("Ann Lee", "marry john")).comments == []
    lead = "".join(f"\nSubscribe to MLB Daily Dish Stories {n}\n" for n in range(4))  # four lines a rule sets aside
    assert read(SIGNED_THREAD.format(lead=lead, second="Media Buyers")).comments == []
    two = SIGNED_THREAD.format(lead="", second="Media Buyers").split("Great post.")[0] + "Post a comment\n"
    assert read(two).comments == []
    # nor a list of dated headlines, each over its excerpt cut off with "…"
    items = (("Why the shelf matters", "Alice Smith", 3), ("A new season", "Bob Jones", 1),
             ("Spring notes", "Carol White", 28))
    headlines = SIGNED_THREAD.split("Comments\n")[0] + "Comments\n\nComments are closed for this post.\n\n" + "".join(
        f"{title}\n\nby {name} on Oct {day}, 2012\n\nWe went up on the roof and found a garden …\n\n"
        for title, name, day in items) + "Copyright 2012 The Marketing Blog\n"
    assert read(headlines).comments == []
    # nor posts, each signed and with its own count, under the first post's "Comments" link
    posts = SIGNED_THREAD.split("Comments\n")[0] + "Comments\n\n" + "".join(
        f"{title}\n\nPresenting a brand the same way on every platform is a critical part of marketing now.\n\n"
        f"Posted by: {name} on Oct {day}, 2012 9:12:46 AM\n\nComments ({day % 5})\n\n" for title, name, day in items)
    assert read(posts).comments == []
    # nor a "Comments" link over the post, with none of its prose above it: a page of signed posts
    no_post = "Remember where you came from\n\nComments\n" + SIGNED_THREAD.format(
        lead="", second="Media Buyers").split("Comments\n")[1]
    assert read(no_post).comments == []


HEADLESS_STORY = """Striker reveals transfer frustration

The striker said on Tuesday that he had asked the club twice to let him leave before the window closed.

He will concentrate on his recovery from a stress fracture and fly out to join the squad next month.

The manager said that no offer had reached the club and that the player was not for sale at any price.

Supporters have been told that the club will make no further comment until the transfer window closes.

The player has scored eleven goals in nineteen games this season, more than anyone else in the squad.

7:51pm Tuesday 1st January 2008

Print Email this Comment
"""
HEADLESS_COMMENTS = (
    ("Posted by: tom3465, farnworth on 8:21pm Tue 1 Jan 08",
     "As long as he does not take advice from his cousin on the finer points of driving."),
    ("Posted by: donmarg, bolton on 9:06pm Tue 1 Jan 08",
     "Why not take the rest of the team, they have been acting as cricketers for long enough."),
    ("Posted by: King Eric on 9:55am Wed 2 Jan 08", "Give it a rest about him, all you jealous ones."),
    ("Posted by: Andrew, Bury on 3:37pm Wed 2 Jan 08", "This is not about him at all."),
)
HEADLESS_BODIES = ("As long as", "Why not take", "Give it a rest", "This is not about", "He will be back",
                   "We went up", "Good to see", "Best of luck")


def _headless_thread(comments=HEADLESS_COMMENTS, footers=False):
    """The comments, each as header, text and "Quote | Report this post" (``footers``: text, then its signature)."""
    return "".join(f"\n{body}\n\n{header}\n\nQuote | Report this post\n" if footers else
                   f"\n{header}\n\n{body}\n\nQuote | Report this post\n" for header, body in comments)


def test_a_thread_under_no_count_is_cut_by_the_header_that_heads_each_comment(monkeypatch):
    """A story that counts no comments, and no line the model reads as one:
    under its prose, a stamped header with a name heads each of four comments,
    told in sentences in which the model hears a comment, if faintly. The page's
    own template cuts them, down to a comment form's heading or to where the
    headers stop coming (a box of comments from elsewhere below), and a reply's
    header worded another way is one more. Where the model hears no comment (a
    list of signed stories), where two names take turns, where the header repeats
    only three times, under two sentences (a forum's lead), on a page that counts
    its comments, where each signs the comment above it, where nothing under
    the last header ends as a sentence does, or over excerpts cut off with
    "…", there is no thread."""
    def read(page, heard=0.2):
        return _relabelled(monkeypatch, parse_text(page, model=False), lambda text: (
            ("other", 1 - 0.6 - heard, 0.6) if text.startswith(HEADLESS_BODIES) else
            ARTICLE_LINE if len(text) > 80 else FURNITURE_LINE))

    def comments(state):
        return [(c.author, state.lines[c.header].stripped, [state.lines[i].stripped for i in c.lines])
                for c in state.comments]

    thread = [(author, header, [body]) for author, (header, body) in
              zip(("tom3465", "donmarg", "King Eric", "Andrew"), HEADLESS_COMMENTS)]
    assert comments(read(HEADLESS_STORY + _headless_thread())) == thread
    form = "\nPost a comment\n\nName\n\nEmail\n"
    box = _headless_thread((("Posted by: Ann, Wigan on 1:02pm Mon 7 Jan 08", "Good to see him back in the side."),
                            ("Posted by: Jo, Leigh on 2:13pm Mon 7 Jan 08", "Best of luck to him wherever he goes."),
                            ("Posted by: Sam, Chorley on 4:40pm Mon 7 Jan 08", "He will be back, mark my words.")))
    assert comments(read(HEADLESS_STORY + _headless_thread() + form + box)) == thread
    far = "".join(f"\nMost read story {n}\n" for n in range(12))
    assert comments(read(HEADLESS_STORY + _headless_thread() + far + box)) == thread
    reply = ("Reply by: Sue, Horwich on 9:30pm Tue 1 Jan 08", "He will be back, mark my words.")
    with_reply = HEADLESS_COMMENTS[:2] + (reply,) + HEADLESS_COMMENTS[2:]
    assert [author for author, _header, _lines in comments(read(HEADLESS_STORY + _headless_thread(with_reply)))] == [
        "tom3465", "donmarg", "Sue", "King Eric", "Andrew"]

    assert read(HEADLESS_STORY + _headless_thread(), heard=0.02).comments == []
    two_names = tuple((header.replace("tom3465, farnworth", "King Eric").replace("Andrew, Bury", "donmarg, bolton"),
                       body) for header, body in HEADLESS_COMMENTS)
    assert read(HEADLESS_STORY + _headless_thread(two_names)).comments == []
    assert read(HEADLESS_STORY + _headless_thread(HEADLESS_COMMENTS[:3])).comments == []
    lead = HEADLESS_STORY.split("The manager said")[0] + "7:51pm Tuesday 1st January 2008\n\nPrint Email this Comment\n"
    assert read(lead + _headless_thread()).comments == []
    counted = HEADLESS_STORY + "\n2 Comments\n" + _headless_thread()
    assert read(counted).comments == []
    moderated = "\nComments are moderated before they appear.\n"
    assert read(HEADLESS_STORY + _headless_thread(footers=True) + moderated).comments == []
    short_last = HEADLESS_COMMENTS[:3] + ((HEADLESS_COMMENTS[3][0], "This is not about him"),)
    assert read(HEADLESS_STORY + _headless_thread(short_last)).comments == []
    cut_off = tuple((header, "We went up on the roof and found a garden …") for header, _body in HEADLESS_COMMENTS)
    assert read(HEADLESS_STORY + _headless_thread(cut_off[:3] + HEADLESS_COMMENTS[3:])).comments == []


def test_a_counted_thread_may_take_lines_another_reading_gave_to_comments():
    """The count challenges a reading that found fewer comments: their lines are the counted thread's too."""
    from archive.reading.rules.comments.counted import counted_lines

    state = parse_text(COUNTED_THREAD.format(count=3), model=False)
    first_stamp = next(i for i, line in enumerate(state.lines) if line.stripped.startswith("March 3"))
    state.lines[first_stamp].role = COMMENT_HEADER  # as if another reading had taken it for a header
    stated, lines = counted_lines(state, set())
    assert stated == 3 and first_stamp in lines
    assert [state.lines[i].stripped for i in lines][-1] == "Next time, take the tram up and walk down."


def test_a_template_reads_the_year_a_day_first_stamp_gives_after_a_comma():
    from archive.reading.rules.comments.template import author_and_date
    from archive.reading.state import ParseState

    state = ParseState.from_text("1. Pere Ubu - 20 August, 2011\nIrma - 3 days ago\nNoor - 20 August\n")
    # "20 August" is the stamp's slot; its year follows the comma. A relative stamp or a day with no year is no date
    assert [author_and_date(state, i, None) for i in range(3)] == [
        ("Pere Ubu", "2011-08-20"), ("Irma", None), ("Noor", None)]


BADGED_THREAD = """Banks and the rate inquiry

The inquiry into the rate setting went on for a year, and the banks said they would help it along.

Comments
{comments}"""


def test_a_badge_that_every_comment_repeats_above_its_stamp_is_no_ones_name():
    """"557 Fans" above each stamp sits where a name would: words that never vary
    are a badge, and the comment is left with no author rather than "Fans"."""
    from archive.reading.rules.comments.template import induced_comments

    def authors(badges):
        said = ("The President may decide otherwise.", "The truth will out.", "Could it be time for them to pay?")
        comments = "".join(f"\n{badge}\n\n{ago} ago (2:26 PM)\n\n{text}\n"
                           for badge, ago, text in zip(badges, ("1 second", "29 seconds", "1 minute"), said))
        state = parse_text(BADGED_THREAD.format(comments=comments), model=False)
        start = next(i for i, line in enumerate(state.lines) if line.stripped == "Comments")
        induced_comments(state, [i for i in range(start + 1, len(state.lines)) if not state.lines[i].blank], set())
        return [c.author for c in state.comments]

    assert authors(["557 Fans", "61 Fans", "12 Fans"]) == [None] * 3
    assert authors(["iam99", "mac33z", "vetxcl"]) == ["iam99", "mac33z", "vetxcl"]  # names vary
    assert authors(["Anonymous"] * 3) == ["Anonymous"] * 3  # one name, written the same each time, is a name

def test_a_stamp_gives_its_own_date_and_none_from_a_longer_number():
    from archive.reading.shapes import day_first, stamp_date

    assert [stamp_date(text) for text in (
        "1. Pere Ubu - 20 August, 2011", "Marta - Aug 20 2011", "Jo - 20 August,2011",  # the year after the slot
        "Noor on 20 August (edited 21 August 2012)",  # the first stamp's year is not written: not the edit's
        "Irma | 20 August | 3/4/2010",
        "Pam11/4/12 7:40 AM", "Posted by nolasad on 01/13/08 at 12:02PM",  # a widget's two-digit year
        "build 2012/10/12", "Pere - 1/2/123", "Irma - 3 days ago",
        "Jo - Tuesday, 15th January 2008 at 3:05 pm", "4. fieryredhead686October 22, 2012 1:23 PM")] == [
        "2011-08-20", "2011-08-20", "2011-08-20", None, None, "2012-11-04T07:40", "2008-01-13T12:02", None, None, None,
        "2008-01-15T15:05", "2012-10-22T13:23"]  # a weekday before the date; a name glued to a month
    # a thread whose stamps put a day above 12 first writes the day first, all through
    stamps = ["Ann 25/12/12 5:00 pm", "Bo 5/1/12"]
    assert day_first(stamps) and day_first(["Tue 25/12/2012", "Bo 5/1/12"])
    assert not day_first(["Bo 5/1/12", "Al 12/11/12"])
    assert not day_first(["Ann 2013/10/12 08:02", "Bo 5/1/12"])  # "13/10/12" is cut from a longer number
    assert not day_first(["Al 12/25/12", "Ann 25/12/12"])  # both ways in one thread: month first stands
    assert [stamp_date(text, day_first(stamps)) for text in stamps] == ["2012-12-25T17:00", "2012-01-05"]


HEADLINE_UNDER_COMMENTS = """Fleming plays down the row

Posted on January 11, 2008

"The ICC, the way it stands, doesn't really have any power," Fleming said on Friday in Wellington.

Fleming said the Australians are known to play hard and put pressure on the umpires all day.

Comments

by Ramesh on 1/11/2008 6:24:39 PM

Other Headlines
"""


def test_comments_with_no_words_in_lines_the_model_reads_as_furniture_were_no_thread(monkeypatch):
    """A header with nothing under it is no comment when the model does not read it as one:
    it goes back to the page, set aside as the model's furniture."""
    def read(header_label: str, stated: int | None = None):
        state = parse_text(HEADLINE_UNDER_COMMENTS, model=False)
        state.comments_stated = stated  # as a heading "1 Comment" would say
        assert [(c.author, c.text) for c in state.comments] == [("Ramesh", "")]  # the rules' reading
        _relabelled(monkeypatch, state, lambda text: (header_label, 0.05, 0.9 if header_label == "other" else 0.05)
                    if text.startswith("by Ramesh") else ARTICLE_LINE if len(text) > 60 else FURNITURE_LINE)
        header = next(line for line in state.lines if line.stripped.startswith("by Ramesh"))
        return len(state.comments), (header.role, header.why)

    assert read("other") == (0, (BOILERPLATE, LINE_MODEL))
    assert read("comment") == (1, (COMMENT_HEADER, None))  # the model reads it as a comment: it stands
    assert read("other", 1) == (1, (COMMENT_HEADER, None))  # the page says there is one (an image, say): it stands


CRITICS = ("By Ian Cohen; October 24, 2012", "By Stuart Berman; October 25, 2012",
           "By Jeff Weiss; October 26, 2012", "By Mark Richardson; October 15, 2012")


def _reviews(*bodies: tuple[str, ...]) -> str:
    """A post and, under "Most Read Reviews", a critic's stamp over each body's lines."""
    parts = ["Andy Stott: Numb", "The track opens with a low hum and a voice that never quite arrives, and it stays "
             "with you for days after.", "Most Read Reviews"]
    for critic, body in zip(CRITICS, bodies):
        parts += [critic, *body]
    return "\n\n".join(parts) + "\n"


REVIEWED = (("Lost Songs", "Trail of Dead"), ("Ellie Goulding", "Halcyon"), ("Bat For Lashes", "The Haunted Man"),
           ("Tame Impala", "Lonerism"))


def test_a_thread_whose_comments_only_name_things_in_headline_case_is_a_list_of_teasers(monkeypatch):
    """The model reads a list of reviews ("By <critic>; <date>" over an artist and
    an album) as a thread; a comment says something, so it was none."""
    def comments(*bodies: tuple[str, ...]):
        state = _as_article(_reviews(*bodies))
        under = _text_index(state, "Most Read")
        readings = {line.stripped: ("comment", 0.02, 0.03) if i > under else
                    ARTICLE_LINE if len(line.stripped) > 60 else FURNITURE_LINE
                    for i, line in enumerate(state.lines) if not line.blank}
        state = _relabelled(monkeypatch, state, readings.__getitem__)
        assert bool(state.comments) == bool({line.role for line in state.lines} & {COMMENT_HEADER, COMMENT_BODY})
        return [c.author for c in state.comments]

    assert comments(*REVIEWED) == []
    # the small words of a title are not what a sentence is made of
    assert comments(("Kings of Leon", "Only by the Night"), ("Songs for the Deaf",), *REVIEWED[2:]) == []
    critics = ["Ian Cohen", "Stuart Berman", "Jeff Weiss", "Mark Richardson"]
    # short comments that say something, however little, stand
    assert comments(("great post",), ("Thanks!",), ("me too",), ("LOL :)",)) == critics
    assert comments(("Thanks",), ("Agreed",), ("Merci",), ("Danke",)) == critics  # one word names nothing
    assert comments(("Great Record.",), ("Love This Band!",), *REVIEWED[2:]) == critics  # a sentence's end
    assert comments(("Great Post :D",), ("Love This Band!",), *REVIEWED[2:]) == critics  # or a smile's
    assert comments(("Thanks", "Mark"), ("Agreed", "Ann"), ("Merci", "Luc"), ("Danke", "Jo")) == critics  # signed
    assert comments(("GREAT POST",), ("OMG YES",), ("NICE WORK",), ("Great Post :D",)) == critics  # shouted
    assert comments(("Tame Impala", "saw them live, what a night"), ("Beach House", "it is so good"),
                    *REVIEWED[2:]) == critics  # a name, then a sentence: a comment about a band
    assert comments(("Tame Impala",), ("Ellie Goulding",), ("Beach House",), ("Grizzly Bear",)) == []
    # a script without case has no headline case
    assert comments(("写得 真好",), ("谢谢 分享",), ("我也 这么 想",), ("同意 同意",)) == critics
    assert comments(("شكرا جزيلا",), ("مقال رائع",), ("أتفق معك",), ("جميل جدا",)) == critics
    # two in three, at least, only name things: two of four is a thread
    assert comments(*REVIEWED[:2], ("What a record.",), ("i keep coming back to it",)) == critics
    assert comments(*REVIEWED[:3], ("What a record.",)) == []
    # comments with no text name nothing; three in four of them, four at least, with nothing to say were no
    # thread, however the model reads them (`_wordless_thread`)
    assert comments((), (), (), ()) == []
    assert comments((), (), (), ("What a record.",)) == []
    assert comments((), (), ("great post",), ("What a record.",)) == critics  # half of them say something
    # three comments are too few to call a list
    assert comments(*REVIEWED[:3]) == critics[:3]
    assert comments((), (), ()) == critics[:3]


def test_comments_said_on_their_header_line_say_something(monkeypatch):
    """A comment may say what it says on its header's line, after its stamp
    ("Ann Lee – March 3, 2012: Lovely photos"): with no body under it, it is
    no wordless comment, and a thread of them stands, however few of them
    have a body; an index of posts, each line a title over its day, says
    nothing after its stamp."""
    from archive.reading.linemodel.relabel import _said_after_stamp

    assert _said_after_stamp(shape("Ann Lee – March 3, 2012: Lovely photos, such warm light"))
    assert _said_after_stamp(shape("Ann – May 3, 2012: Thanks!"))
    assert not _said_after_stamp(shape("5. A Dreadful Act II (Los Angeles Times, February 13th, 2003)"))
    assert not _said_after_stamp(shape("Bogdanov 11.06.12 at 7:46 pm"))
    assert not _said_after_stamp(shape("Ann Lee"))  # no stamp: a bare name says nothing of its own

    def comments(lines: list[str]) -> int:
        lede = ("The harbour at dawn is the quietest place in town, and these photographs were taken there over "
                "one long week of fog and early light.")
        state = _as_article("\n\n".join(["Harbour at dawn", lede, "Comments", *lines]) + "\n")
        state = _relabelled(monkeypatch, state, lambda text: ("comment", 0.02, 0.03) if text in lines else
                            ARTICLE_LINE if len(text) > 60 else FURNITURE_LINE)
        return len(state.comments)

    said = ["Ann Lee – March 3, 2012: Lovely photos, such warm light", "Bo Chen – March 4, 2012: The second one "
            "is my favourite", "Cy Ruiz – March 5, 2012: Where was this taken", "Di Park – March 6, 2012: Saving "
            "these for my trip"]
    assert comments(said) == 4
    posts = [f"{n}. A Dreadful Act {n} (Los Angeles Times, March {n}, 2003)" for n in range(1, 5)]
    assert comments(posts) == 0


def test_a_list_of_teasers_undone_as_a_thread_is_set_aside_when_it_lies_apart_from_the_article(monkeypatch):
    """A list of teasers the model read as a thread goes back to the page once
    it is known for no thread; lying apart from the article's run of prose, it
    is a list under the article, not the article's own: it is set aside. Lines
    the model reads as comments that no thread took stay where they are."""
    shares = [f"Share link {n}" for n in range(9)]  # more than APART lines of furniture

    def roles(between: list[str], listed: tuple[str, float, float] = ("comment", 0.15, 0.05)):
        more = "Its second side is darker still, a record of rooms at night, and it rewards a patient listener more."
        text = _reviews(*REVIEWED).replace("\n\nMost Read Reviews", "".join(f"\n\n{line}" for line in [more, *between]))
        state = _as_article(text)
        under = _text_index(state, CRITICS[0])
        # comments sure enough to cut a thread from, likelier article than furniture
        readings = {line.stripped: listed if i >= under else
                    FURNITURE_LINE if line.stripped in shares else ARTICLE_LINE
                    for i, line in enumerate(state.lines) if not line.blank}
        state = _relabelled(monkeypatch, state, readings.__getitem__)
        assert not state.comments
        return {(line.role, line.why) for line in state.lines[under:] if not line.blank}

    assert roles(shares) == {(BOILERPLATE, LINE_MODEL)}
    assert roles(shares[:3]) == {("body", None)}  # close under the prose: the article's own list
    assert roles(shares, ("comment", 0.4, 0.1)) == {("body", None)}  # too unsure to cut a thread: none was given back


def test_a_post_given_back_by_its_thread_stays_the_article_though_the_model_read_it_as_comments(monkeypatch):
    """The first comment the template cut was the post ("Posted by: <X> | <date>"
    under it, as under each comment): given back, it is the article, however
    short its lines (a recipe), not a list apart from the site's name above it."""
    top = ["Kitchen notebook of a home cook"]
    shares = [f"Archive link {n}" for n in range(9)]
    post = ["Grandma's lentil soup for cold winter evenings", "You will need the following for four bowls",
            "1 cup of red lentils, rinsed well", "1 large onion, finely chopped", "2 carrots, peeled and diced",
            "2 cloves of garlic, crushed", "4 cups of vegetable stock", "Method",
            "Fry the onion in oil until soft and golden", "Add the lentils, carrots and the stock",
            "Bring it to the boil, then simmer for thirty minutes", "Blend until smooth and season well",
            "Serve with crusty bread and a little yoghurt", "It keeps for three days in the fridge",
            "It also freezes well for a month or so", "Enjoy it on the coldest night of the year",
            "My grandmother made it every Sunday in the winter", "She never wrote the recipe down anywhere at all",
            "A little smoked paprika on top is my own addition to it",
            "Any red lentils will do, and a stock cube works as well as the homemade kind"]  # 150 words: a post
    thread = ["Posted by: Ann | March 3, 2009", "Lovely soup, made it twice already.", "Posted by: Bob | March 4, 2009",
              "Added chilli, it was great.", "Posted by: Cy | March 5, 2009"]
    state = _as_article("\n\n".join(top + shares + post + thread) + "\n")
    state = _relabelled(monkeypatch, state, lambda text: ARTICLE_LINE if text in top else FURNITURE_LINE
                        if text in shares else ("comment", 0.02, 0.03))
    assert [c.author for c in state.comments] == ["Bob", "Cy"]
    assert {(line.role, line.why) for line in state.lines if line.stripped in post} == {("body", None)}


def test_lines_read_as_comments_that_no_thread_took_are_in_no_run_and_the_article_stays(monkeypatch):
    """A recipe is a list; long replies far under it, which the model reads as
    comments without cutting a thread from them, have more words, but no
    thread gave them back: they are in no run, and the recipe is not set aside
    as a list apart from them."""
    recipe = ["Grandma's lentil soup", "A warming soup for cold evenings.", "Ingredients", "1 cup red lentils",
              "1 onion, chopped", "2 carrots, diced", "Method", "Fry the onion until soft.", "Blend and serve."]
    shares = [f"Share on network {n}" for n in range(9)]
    replies = ["I made this last night and my kids, who usually refuse anything green, asked for seconds of it.",
               "We added a squeeze of lemon at the end and a handful of spinach, and it was even better that way.",
               "Can this be frozen? I would love to make a double batch on Sunday and keep half of it for later."]
    state = _as_article("\n\n".join(recipe + shares + replies) + "\n")
    state = _relabelled(monkeypatch, state, lambda text: FURNITURE_LINE if text in shares else ("comment", 0.3, 0.1)
                        if text in replies else ARTICLE_LINE)
    assert {(line.role, line.why) for line in state.lines if line.stripped in recipe} == {("body", None)}


def test_a_thread_of_one_unsigned_line_each_under_a_bare_stamp_is_a_list_of_dated_headlines(monkeypatch):
    """A newswire's list of headlines, each over its time of day, reads to the
    model as a thread; a comment has an author or says something, so it was none."""
    post = ("Fix of Hubble Space Telescope on hold\n\nNASA said on Tuesday that the repair mission would wait for "
            "the shuttle fleet to be cleared again, pushing it into the autumn.\n\nNews List\n\n")

    def comments(*bodies: str, by: str = ""):
        stamps = [f"{by}15.01.08 19:{minute:02d}" for minute in range(50, 50 - len(bodies), -1)]
        state = _as_article(post + "".join(f"{body}\n\n{stamp}\n\n" for body, stamp in zip(bodies, stamps)))
        under = _text_index(state, "News List")
        readings = {line.stripped: ("comment", 0.02, 0.03) if i > under else
                    ARTICLE_LINE if len(line.stripped) > 60 else FURNITURE_LINE
                    for i, line in enumerate(state.lines) if not line.blank}
        state = _relabelled(monkeypatch, state, readings.__getitem__)
        return len(state.comments)

    headlines = ["Two killed, 10 wounded in blast north of Beirut (new casualty figures)",
                 "Number of people infected with hepatitis falls", "Rice lauds Iraqi reconciliation efforts",
                 "Average cost of first property market of Baku in 2007 announced"]
    assert comments(*headlines) == 0
    assert comments("I doubt the repair will wait that long.", "Great news!", *headlines[2:]) == 4  # two say something
    assert comments(*headlines[:3]) == 3  # three are too few to call a list
    assert comments(*headlines, by="Tom Fields | ") == 4  # signed: readers who wrote no sentence
    talk = ["i ditched evernote last year and never looked back tbh", "The same thing happened to my notebook",
            "Which one do you use for work these days", "Totally agree, the apps made me anxious all the time"]
    assert comments(*talk) == 4  # unsigned readers who end no sentence still talk in the first or second person
    lower = ["lol the reminder thing is so true", "same thing happened to the notebook at work",
             "totally agree, the apps are a mess", headlines[0]]
    assert comments(*lower) == 4  # or open in lower case, as no headline does
    thanks = ["Great post, thanks for sharing this with everyone", "Youʼll love the paper ones, trust the reviews",
              "Ich habe das auch so gemacht und bin froh", "Спасибо за статью, очень точно описаны все проблемы"]
    assert comments(*thanks) == 4  # thanks, "you'll" (with any apostrophe), another language's readers
    quoted = ["“Oil prices fall to a six-month low on weak demand”", "3 killed in blast north of Beirut, police say",
              "«Baku hosts international energy forum with fifty delegations»", headlines[1]]
    assert comments(*quoted) == 0  # a headline may open with a quotation mark or a number


def test_a_candidates_echoes_count_the_lines_that_hold_its_words_once_each():
    from archive.reading.linemodel.titles import _lines_holding

    page = "the great shelf hunt\nthe great shelf hunt, the great shelf hunt again\nno hunt here\nthe great shelf hunt"
    assert _lines_holding(page, "the great shelf hunt") == 3  # twice in one line is one line
    assert _lines_holding(page, "shelf hunt again") == 1 and _lines_holding(page, "a shelf") == 0
    assert _lines_holding("aaaa\naa", "aa") == 2


def test_a_name_that_ends_as_a_month_does_is_no_date():
    """"Kumar 12" is no 12 March, nor "Bogdanov 11.06.12" a 11 November: a month
    opens a word (or a capitalised word run on from the one before it)."""
    from archive.reading.shapes import stamp_date

    assert stamps("Bogdanov 11.06.12 at 7:46 pm") == [("<DATE>", "11.06.12"), ("<TIME>", "7:46 pm")]
    assert shape("Bogdanov 11.06.12 at 7:46 pm") == shape("Voltaire 11.06.12 at 7:03 pm") == "<X> <DATE> at <TIME>"
    assert stamps("Ravi Kumar 12 March 2012") == [("<DATE>", "12 March 2012")]
    assert stamp_date("Ravi Kumar 12 March 2012") == "2012-03-12"
    for name in ("Kumar 12", "Omar 5th, 2011", "Lemay 5, 2012", "Smirnov 2 replies"):
        assert not any(slot == "<DATE>" for slot, _words in stamps(name)), name
    # a month still opens a line, follows a mark or a space in any case, or is run on, capitalised, from the
    # word before
    assert [words for _slot, words in stamps("(Nov 3) x-Mar 12 Posted onNovember 5, 2012")] == [
        "Nov 3", "Mar 12", "November 5, 2012"]
    assert [words for _slot, words in stamps("posted on nov 3, NOV 4 and Mon, Nov 5")] == ["nov 3", "NOV 4", "Mon, Nov 5"]


def test_a_stamp_written_in_digits_of_another_script_is_a_stamp():
    from archive.reading.shapes import stamp_date

    assert stamps("Posted by: Omar | ١٢/٠٥/٢٠١٢ ٣:٤٠ PM") == [("<DATE>", "١٢/٠٥/٢٠١٢"), ("<TIME>", "٣:٤٠ PM")]
    assert stamp_date("Posted by: Omar | ١٢/٠٥/٢٠١٢ ٣:٤٠ PM") == "2012-12-05T15:40"
    assert shape("Ann • ３ days ago") == "<X> • <AGO>"  # a full-width digit
