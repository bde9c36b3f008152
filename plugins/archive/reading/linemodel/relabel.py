"""The line model's verdicts applied to a parse the rules have made.

The rules run first and their verdicts are features of the model, so they act
as priors; the model decides what the rules left to the default ("article
text") and overrules them where the page's structure says otherwise:

- a line left as article text that the model reads as page furniture is set
  aside, with the reason ``not article text (line model)``, and so is a list
  (short lines: links, tags) that lies apart from the article's main run;
- the title is the line the title ranker (`titles`) chooses among the lines
  the model finds most title-like;
- the comments the rules found stand if they lie where the model reads the
  comment section, and are forgotten (back to article text) if not, with the
  lines they had set aside for lying after them;
- comments the rules missed are cut by the page's own comment template
  (`archive.reading.rules.comments.template`), over the lines the model reads as
  comments; the comments the rules found give way to the template's where
  these cover the model's comment lines half as well again, or as well when
  the rules found two or more, of six lines each on average, and the template
  cuts three times as many (the rules ran several into one);
- a thread of comments headed by bare names, under a heading that states how
  many comments there are or a bare "Comments" under the post's prose
  (`archive.reading.rules.comments.named`), stands when it finds more of them
  than any other reading;
- a heading that states how many comments there are, with a stamped shape under
  it that repeats that many times, cuts them by that template when the model
  read none of them, or when the comments found are not as many; they stand
  only if that many are cut (`archive.reading.rules.comments.counted`), and
  may take lines the rules set aside only for where they lie, or as a
  "Related posts" block that ran on past a heading that opens the comments;
  with no comments found, so does a stamped shape with a name in it that
  repeats at least three times under a bare "Comments" heading below the
  post ("Posted by: <X> on <DATE> <TIME>" under each comment), or, on a page
  that counts no comments, one that heads each of four comments at least
  under a story, naming three people, where the model hears a comment in
  half of them at least (a thread it never saw, not a list of dated
  headlines); and, still
  not as many as the page states, so do header lines under the heading
  numbered 1 to that count, however their wording differs
  (`archive.reading.rules.comments.numbered`);
- with no comments found, a heading that states there is one takes the lines
  under it that the model reads as a comment, or that open with a comment's
  header or close with its footer, over what is no article text or under more
  of the post's prose than they hold (`archive.reading.rules.comments.lone`);
  with more than one found where it says there is one (each paragraph of it
  cut as a comment), the one that reading finds is the page's comment;
- comments that are at least half wordless, in lines the model does not read
  as comments, or three in four of which, four at least, say nothing (no text,
  nor any on the header after its stamp) however the model reads them, on a
  page that does not state their number, were no thread (a list of dated
  headlines, an index of posts); nor were comments that, two in three and four
  at least, only name things in headline case (a list of teasers: an artist,
  an album), or name no author and are one line that reads as a headline (a
  newswire's headlines, each over its time of day);
- a line the model reads as a comment that no comment took is set aside when
  the model finds it likelier furniture than article text;
- comments with no header, cut from the lines under a comment form's heading,
  that leave the page less than a paragraph of article text are the article's
  own paragraphs ("Add a Comment" under a headline let the rules take the post
  for a thread); on a page with no comments and less than a paragraph of
  article text, so is the page's one long run of prose that opens right under
  such a heading; and on a page left with less than a paragraph that does
  not state as many comments as were found, the first of two comments or
  more with text, if far longer than any under it, is the post ("Posted by:
  <X> | <DATE>" under it, as under each comment; its stamps set aside as its
  footer), and the comments under it are numbered from 1;
- once the comments are settled, a list that a thread had taken and gave
  back to the page is set aside if it lies apart from the article, even where
  the model read it as comments (a list of teasers; a post given back is the
  article's own run);
- what is still left as article text above the headline is set aside as lying
  there, if more of the article's words lie under it, down to the comments,
  than above it.

Every line still ends in exactly one role, with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from ..rules.comments.counted import counted_lines, headless_lines, told_in_sentences, uncounted_lines
from ..rules.comments.lone import claim_lone, lone_comment
from ..rules.comments.named import claim_named, named_thread
from ..rules.comments.numbered import cut_numbered, numbered_lines
from ..rules.comments.template import induced_comments, is_teaser
from ..rules.sections import is_comment_form_heading
from ..shapes import SLOTS, VARYING, shape
from ..state import (ABOVE_HEADLINE, AFTER_COMMENTS, BODY, BOILERPLATE, CAPTION, COMMENT_BODY, COMMENT_FURNITURE,
                     COMMENT_HEADER, FOOTER, LINE_MODEL, TEASERS, TITLE, Comment, ParseState)
from .features import STOP_WORDS, WORD_PATTERN, page_features
from .labels import ARTICLE, COMMENT, OTHER
from .tagger import tag
from .titles import candidates, choose, past_trail

# How sure the model must be to overrule the rules.
SET_ASIDE = 0.6  # a default article line becomes furniture: more than even odds, as a lost line costs more
INDUCE = 0.75  # how sure the model must be of a line to cut comments the rules missed from it
AGREE = 0.35  # overlap of the rules' comment section with the model's (intersection over union)
AGREE_ALONE = 0.25  # share of a page the rules' comments may take when the model sees none
APART = 8  # text lines between two runs of article text
LIST_WORDS = 12  # words a line, on average, below which a run apart from the article is a list
LIST_LINES = 3  # lines a list has at least (one short line apart, "Update: …", is not a list)
SPLIT, SPLIT_FROM = 3, 2  # the template's comments, times the rules' (two at least), that win at equal cover
CHALLENGE = 1.5  # how many times more comments (and more of the model's comment lines) the template must find
UNDER_HEADING = 2  # text lines between a comment form's heading and the post it lies over ("Updated: …", a date)
ARTICLE_WORDS = 60  # words of article text below which a page has no article but a short paragraph


def relabel(state: ParseState) -> None:
    index, feats = page_features(state)
    tagged = tag(feats)
    if tagged is None:  # no model: the rules' verdicts stand
        return
    labels, marginals = tagged
    if state.comments and not _rules_agree(state, index, labels):
        _undo_comments(state)
        _release_after_comments(state)
    _move_title(state, index, feats, marginals)
    set_aside = [k for k, i in enumerate(index)
                 if state.lines[i].role == BODY and _sure_furniture(labels, marginals, k)]
    _set_aside(state, index, set_aside, marginals)
    _set_aside(state, index, _lists_apart(state, index, labels), marginals)
    sure = [i for k, i in enumerate(index) if labels[k] == COMMENT and marginals[k][COMMENT] >= INDUCE]
    furniture = {i for k, i in enumerate(index) if labels[k] == OTHER}
    released = _release_presumed(state, sure)
    if not state.comments:
        induced_comments(state, sure, furniture)
    elif sure:
        _challenge(state, index, labels, sure, furniture)
    thread = named_thread(state)
    if thread and len(thread) > CHALLENGE * len(state.comments):  # the page says how many: these add up
        _undo_comments(state)
        claim_named(state, thread)
    if not state.comments or state.comments_stated not in (None, len(state.comments)):
        # the page may count a thread the model did not read
        released += _counted_thread(state, furniture, counted_lines(state, state.presumed))
    if not state.comments:  # or head or sign each of its comments with a stamp and a name
        released += _counted_thread(state, furniture, uncounted_lines(state, state.presumed), told_in_sentences)
    if not state.comments:  # or, on a page that counts none, head each of them under a story
        released += _counted_thread(state, furniture, headless_lines(state, state.presumed),
                                    lambda cut: told_in_sentences(cut) and _heard(cut, index, marginals),
                                    at_least=True)
    if state.comments_stated not in (None, len(state.comments)):  # or number them
        released += _counted_thread(state, furniture, numbered_lines(state, state.presumed), told_in_sentences,
                                    cut_numbered)
    talk = {i for k, i in enumerate(index) if labels[k] == COMMENT}
    article = {i for k, i in enumerate(index) if labels[k] == ARTICLE}
    if not state.comments:  # the page may say there is one
        lone = lone_comment(state, talk, furniture, article)
        if lone:
            claim_lone(state, lone)
    elif state.comments_stated == 1 and len(state.comments) > 1:
        _one_as_stated(state, talk, furniture, article)
    for i in released:
        if state.lines[i].role == BOILERPLATE and state.lines[i].why == LINE_MODEL:
            state.lines[i].why = COMMENT_FURNITURE  # no comment took it: it stays what the rules said
    held = _comment_lines(state)  # what the checks below may give back to the page
    _wordless_thread(state, index, labels, marginals)
    _set_aside_strays(state, index, labels, marginals)
    _paragraphs_not_comments(state, index, labels, marginals)
    _post_not_comment(state, index, labels, marginals)
    _article_under_form(state, index, feats)
    _set_aside(state, index, _lists_apart(state, index, labels, given_back=held), marginals)
    _above_the_headline(state)


def _counted_thread(state: ParseState, furniture: set[int], found: tuple[int, list[int]] | None,
                    check: Callable[[ParseState], bool] | None = None,
                    cut: Callable[[ParseState, list[int], set[int]], bool] = induced_comments,
                    at_least: bool = False) -> list[int]:
    """Comments cut where ``found`` says how many there are and which lines
    hold them: a heading that states their number with a stamped shape under
    it that repeats that many times (`counted.counted_lines`), or a stamped
    shape that repeats under a bare "Comments" heading (`counted.uncounted_lines`),
    cut by the template reader (``cut``, `template.induced_comments`); or header
    lines numbered 1 to the count a heading states (`numbered.numbered_lines`),
    cut at those lines (`numbered.cut_numbered`, which cuts one comment per
    numbered line: there ``check`` decides). They stand if as many are cut
    (``at_least``: as many or more, a reply's header worded another way being
    one more) and ``check`` says so of them. The lines set aside for lying under a
    comment form's heading, and a teaser block's that ran on into the
    comments, it lends the cutter: what no comment takes goes back (the first
    returned, to the reason the rules gave; the teasers stay teasers)."""
    if found is None:
        return []
    stated, lines = found
    if len(state.comments) == stated:
        return []
    before = _reading(state)
    _undo_comments(state)
    lent = [i for i in lines if i in state.presumed and state.lines[i].role == BOILERPLATE]
    teasers = [i for i in lines if is_teaser(state, i)]
    for i in lent + teasers:
        state.lines[i].why = LINE_MODEL
    cut(state, lines, furniture)
    if (len(state.comments) >= stated if at_least else len(state.comments) == stated) and (
            check is None or check(state)):
        for i in teasers:
            if state.lines[i].role == BOILERPLATE and state.lines[i].why == LINE_MODEL:
                state.lines[i].why = TEASERS  # no comment took it: it stays a teaser
        return lent
    _restore(state, before)  # not the thread the page counts: as it was
    return []


def _one_as_stated(state: ParseState, talk: set[int], furniture: set[int], article: set[int]) -> None:
    """The page says there is one comment and several were found, at most one
    of them with a name or a date (its stamp and paragraphs cut as comments of
    their own): the comment is the one that the first heading stating one
    holds (`lone.lone_comment`, read afresh), if it finds one over lines the
    comments found held. The lines of those comments that it leaves are set
    aside, but those the model reads as article text. The comments found stand
    where it finds none, where it overlaps none of them, or where the page
    would be left with no article text (a post's own "1 Comment" over its
    paragraphs). Named or dated comments stand whatever the count says.
    ``talk``, ``furniture``, ``article``: the lines the model reads as comments,
    as furniture, as article text."""
    if sum(c.author is not None or c.date is not None for c in state.comments) > 1:
        return
    before = _reading(state)
    found = _comment_lines(state)
    _undo_comments(state)
    lone = lone_comment(state, talk, furniture, article)
    if lone is None or not found.intersection(lone):
        _restore(state, before)
        return
    claim_lone(state, lone)
    for i in sorted(found - set(lone) - article):
        state.lines[i].role, state.lines[i].why = BOILERPLATE, COMMENT_FURNITURE
    if not any(line.role == BODY for line in state.lines):
        _restore(state, before)


def _article_under_form(state: ParseState, index: list[int], feats: list[list[str]]) -> None:
    """An article has text: on a page with no comments that keeps less than
    ``ARTICLE_WORDS`` words of article text, the page's one long run of prose
    (`features.prose_core`), where it opens right under a comment form's heading
    (at most ``UNDER_HEADING`` text lines between) and was set aside for lying
    there alone (`ParseState.presumed`), is the article ("Post A Comment" by the
    byline, over the post). A form's fields, a thread or a sidebar between the
    heading and the prose say it is a real form, and the prose another page's."""
    if state.comments or not state.presumed or _article_words(state) >= ARTICLE_WORDS:
        return
    back = [i for i, f in zip(index, feats) if "core=in" in f and i in state.presumed
            and state.lines[i].role == BOILERPLATE and state.lines[i].why == COMMENT_FURNITURE]
    if _words(state, back) < ARTICLE_WORDS:
        return
    heading = max((i for i in range(back[0]) if is_comment_form_heading(state.lines[i].stripped)), default=None)
    if heading is None or sum(not line.blank for line in state.lines[heading + 1:back[0]]) > UNDER_HEADING:
        return
    for i in back:
        state.lines[i].role, state.lines[i].why = BODY, None


def _wordless_thread(state: ParseState, index: list[int], labels: list[str],
                     marginals: list[dict[str, float]]) -> None:
    """A comment says something. The comments found were no thread, on a page
    that does not state their number, when at least half of them have no text
    (a list of dated headlines, each read as a header with nothing under it)
    and the model reads fewer than half of their lines as comments, or three
    in four of them, four at least, say nothing (`_says_nothing`: no text,
    nor any on the header after its stamp), whatever the model reads (an
    index of posts, "5. A Dreadful Act II (Los Angeles Times, February 13th,
    2003)" on each line: a model that finds a dated line's words a comment
    header's still finds no comment under it); or when
    two in three of them, four at least, only name things in headline case (a
    list of teasers: "By <critic>; <date>" over an artist and an album), or
    name no author and are one line that reads as a headline (`_lone_headline`:
    a newswire's list of headlines, each over its time of day). Their
    lines go back to the article, less those the model reads as furniture,
    which are set aside."""
    if not state.comments or state.comments_stated == len(state.comments):
        return
    lines = {i for c in state.comments for i in c.own_lines()}
    wordless = sum(not any(state.lines[i].stripped for i in c.lines) for c in state.comments)
    silent = sum(_says_nothing(state, c) for c in state.comments)
    read_as_comments = sum(i in lines and label == COMMENT for i, label in zip(index, labels))
    titled = sum(_only_names(state, c.lines) for c in state.comments)
    headlines = sum(not c.author and _lone_headline(state, c.lines) for c in state.comments)
    if not (2 * wordless >= len(state.comments) and 2 * read_as_comments < len(lines)
            or len(state.comments) >= MIN_LISTED and 4 * silent >= 3 * len(state.comments)
            or len(state.comments) >= MIN_LISTED and 3 * max(titled, headlines) >= 2 * len(state.comments)):
        return
    _undo_comments(state)
    _set_aside(state, index, [k for k, i in enumerate(index) if i in lines and labels[k] == OTHER], marginals)


MIN_LISTED = 4  # comments, at least, that say nothing, only name things or read as headlines before they are a list


def _says_nothing(state: ParseState, comment: Comment) -> bool:
    """Does a comment say nothing: no line of its body has text, nor does its
    header after its last stamp? "Ann Lee – March 3, 2012: Lovely photos" says
    something on one line; "5. A Dreadful Act II (Los Angeles Times, February
    13th, 2003)" names a post and its day, and "Bogdanov 11.06.12 at 7:46 pm"
    over no text says nothing. A header with no stamp says nothing of its own
    (a bare name)."""
    if any(state.lines[i].stripped for i in comment.lines):
        return False
    return not any(_said_after_stamp(shape(state.lines[i].stripped)) for i in comment.all_header_lines())


def _said_after_stamp(shape_text: str) -> bool:
    """Has a line's shape words of its own (``<X>``) after its last stamp?"""
    pieces = shape_text.split()
    last = max((n for n, piece in enumerate(pieces) if piece in SLOTS), default=None)
    return last is not None and VARYING in pieces[last + 1:]


NAMING_WORDS = 2  # capitalised words a line of a comment has at least to name things ("Bat For Lashes"; not "Thanks")
_SAYS = (".", "!", "?", "…", "。", "！", "？", "؟", "।", ":)", ":-)", ":D", ";)", "<3")  # a sentence's (or a smile's) end


def _lone_headline(state: ParseState, lines: list[int]) -> bool:
    """Is a comment's text one line that reads as a headline: it ends no
    sentence, its first letter or digit is no small letter (past a quotation
    mark: "3 killed in blast", "“Rebels retreat”"; a script without case passes),
    and it has none of a reader's talk (`_READER_WORDS`: "i ditched it last year",
    "Same here, my notebook goes everywhere", "Great post, thanks")? Known
    limit: the talk is known in English and by a few words of a few other
    languages; a reader who talks otherwise ("Great post, sharing it with the
    team") reads as a headline."""
    texts = [state.lines[i].stripped for i in lines if state.lines[i].stripped]
    if len(texts) != 1 or texts[0].endswith(_SAYS):
        return False
    lead = next((char for char in texts[0] if char.isalnum()), "")
    if lead.islower():
        return False
    return not any(word.lower().replace("’", "'").replace("ʼ", "'") in _READER_WORDS
                   for word in WORD_PATTERN.findall(texts[0]))


# A reader's talk, apostrophes made straight: the first and second person, and words of thanks and agreement,
# which a headline seldom uses (English, and a few other languages' commonest)
_READER_WORDS = frozenset("""
i i'm im i've ive i'd i'll me my mine myself we we're we've we'd we'll us our ours you you're you've you'd you'll
your yours thanks thank thx agree agreed lol wow awesome congrats congratulations danke merci gracias obrigado
спасибо согласен согласна
ich mich mir wir euch dich j'ai moi nous vous toi nosotros vosotros usted você nós я мне меня мы нам нас ты тебя вы вас
""".split())


def _only_names(state: ParseState, lines: list[int]) -> bool:
    """Does a comment's text only name things, in headline case ("Bat For Lashes",
    "The Haunted Man": a teaser's title), with no sentence in it? Every line of
    it must be no sentence and capitalise every word but the small ones, one
    line two words at least. A reader's comment says something, however short
    ("Thanks!", "great post", "Thanks" over a signature, "GREAT POST"). A comment
    with no text names nothing, nor does one in a script without case. Known
    limit: German capitalises its nouns ("Super Artikel" reads as a name)."""
    named = [_headline_words(state.lines[i].stripped) for i in lines if state.lines[i].stripped]
    return None not in named and max(named, default=0) >= NAMING_WORDS


def _headline_words(text: str) -> int | None:
    """How many words ``text`` capitalises, if it is no sentence and capitalises
    every word but the small ones, in lower case after the capital; else None."""
    words = [word for word in WORD_PATTERN.findall(text) if word.lower() not in STOP_WORDS]
    if not words or text.endswith(_SAYS) or not all(word[0].isupper() for word in words):
        return None
    if not any(letter.islower() for word in words for letter in word):
        return None  # capitals only: shouting, or an acronym ("GREAT POST", "OMG YES")
    return len(words)


def _paragraphs_not_comments(state: ParseState, index: list[int], labels: list[str],
                             marginals: list[dict[str, float]]) -> None:
    """An article has text: comments with no header (no name, no stamp), cut only
    from lines set aside for lying under a comment form's heading
    (`ParseState.presumed`), on a page that keeps less than ``ARTICLE_WORDS``
    words of article text and does not state their number, are the article's
    paragraphs ("Add a Comment" under a headline, over the post). So are the
    other lines under that heading, but those the model reads as furniture."""
    comments = state.comments
    if not comments or state.comments_stated == len(comments):
        return
    if any(c.author is not None or c.date is not None or c.all_header_lines() or not state.presumed.issuperset(c.lines)
           for c in comments):
        return
    if _article_words(state) >= ARTICLE_WORDS:
        return
    _undo_comments(state)
    under = [k for k, i in enumerate(index) if i in state.presumed and state.lines[i].role in (BODY, BOILERPLATE)]
    for k in under:
        state.lines[index[k]].role, state.lines[index[k]].why = BODY, None
    _set_aside(state, index, [k for k in under if _sure_furniture(labels, marginals, k)], marginals)


def _post_not_comment(state: ParseState, index: list[int], labels: list[str],
                      marginals: list[dict[str, float]]) -> None:
    """An article has text: on a page that keeps less than ``ARTICLE_WORDS``
    words of article text and does not state as many comments as were found,
    the first of two comments or more that has text is the post when it holds at
    least ``POST_WORDS`` words, ``POST_TIMES`` as many as any comment under it
    (the thread's template framed the post too: "Posted by: <X> | <DATE>"
    under it, as under each comment). Its body lines, and those of the wordless
    comments above it, go back to the article, less those the model reads as
    furniture; their header and footer lines (a stamp, "Topics:") are set aside
    as the post's footer. The comments under it stand, numbered from 1; there
    may be none left. Known limit: when the post has no footer of its own, the
    first reader's text under it stays with the post."""
    comments = state.comments
    if len(comments) < 2:
        return  # one long comment under a short post may well be a reader's
    if state.comments_stated == len(comments) or _article_words(state) >= ARTICLE_WORDS:
        return  # the page counts them all, or has an article of its own
    words = [_words(state, c.lines) for c in comments]
    first = next((n for n, count in enumerate(words) if count), None)
    if first is None or words[first] < POST_WORDS or POST_TIMES * max(words[first + 1:], default=0) > words[first]:
        return
    body = {i for c in comments[:first + 1] for i in c.lines}
    for i in {i for c in comments[:first + 1] for i in c.all_header_lines()} - body:
        state.lines[i].role, state.lines[i].why = BOILERPLATE, FOOTER
    for i in body:
        state.lines[i].role, state.lines[i].why = BODY, None
    kept = comments[first + 1:]
    renumbered = {c.number: n for n, c in enumerate(kept, start=1)}
    for n, c in enumerate(kept, start=1):
        c.number, c.replies_to = n, renumbered.get(c.replies_to)
    state.comments = kept
    state.comments_start = min((i for c in kept for i in c.own_lines()), default=None)
    _set_aside(state, index, [k for k, i in enumerate(index) if i in body and _sure_furniture(labels, marginals, k)],
               marginals)


POST_WORDS = 150  # words, at least, of a first comment that is the post
POST_TIMES = 3  # times as many words as any other comment's


def _article_words(state: ParseState) -> int:
    """The words of the page's article text."""
    return _words(state, [i for i, line in enumerate(state.lines) if line.role == BODY])


def _words(state: ParseState, lines: list[int]) -> int:
    """The words of the ``lines`` (indices), counted as whitespace-separated runs."""
    return sum(len(state.lines[i].stripped.split()) for i in lines)


HEARD = 0.15  # the model's belief in a comment above which a line may be one


def _heard(state: ParseState, index: list[int], marginals: list[dict[str, float]]) -> bool:
    """Does the model hear, for at least half the comments found, a comment in
    one of their text lines (``HEARD``)? A thread it never saw, it reads as
    comments half-heartedly; a list of dated headlines or of signed stories,
    not at all."""
    position = {i: k for k, i in enumerate(index)}
    heard = sum(any(marginals[position[i]][COMMENT] >= HEARD for i in comment.lines) for comment in state.comments)
    return 2 * heard >= len(state.comments)


def _sure_furniture(labels: list[str], marginals: list[dict[str, float]], k: int) -> bool:
    """Does the model read text line ``k`` as furniture, sure enough to set it aside (``SET_ASIDE``)?"""
    return labels[k] == OTHER and marginals[k][OTHER] >= SET_ASIDE


def _lists_apart(state: ParseState, index: list[int], labels: list[str],
                 given_back: Collection[int] = ()) -> list[int]:
    """Article text that lies apart from the article (more than ``APART`` text
    lines from the run of article text with the most words) and reads as a list,
    not prose (at least ``LIST_LINES`` lines of fewer than ``LIST_WORDS`` words
    on average): a link list, a tag cloud, a menu under the article that no rule
    knew. A line the model reads as a comment is in no run: a thread the rules
    missed is never taken for the article's main run. A comment's line that
    was ``given_back`` to the page is article text again and in its run, the
    article's own (a post that was read as the first comment) or apart from it
    (a list of teasers that was read as a thread). Positions in ``index``."""
    body = [k for k, i in enumerate(index)
            if state.lines[i].role == BODY and (labels[k] != COMMENT or i in given_back)]
    runs: list[list[int]] = []
    for k in body:
        if runs and k - runs[-1][-1] <= APART:
            runs[-1].append(k)
        else:
            runs.append([k])
    words = [_words(state, [index[k] for k in run]) for run in runs]
    article = max(range(len(runs)), key=lambda n: (words[n], -n), default=None)
    return [k for n, run in enumerate(runs)
            if n != article and len(run) >= LIST_LINES and words[n] < LIST_WORDS * len(run) for k in run]


def _set_aside_strays(state: ParseState, index: list[int], labels: list[str],
                      marginals: list[dict[str, float]]) -> None:
    """A line the model reads as a comment that no comment took is set aside
    when the model finds it likelier furniture than article text."""
    _set_aside(state, index, [k for k, i in enumerate(index) if state.lines[i].role == BODY
                              and labels[k] == COMMENT and marginals[k][OTHER] > marginals[k][ARTICLE]], marginals)


def _above_the_headline(state: ParseState) -> None:
    """An article opens with its headline: what is left as article text above
    it is the page's (a tagline, a promotion, a teaser's words), set aside as
    lying above the headline, when more of the article's words lie under it,
    down to the comments, than above it (a subheading taken for the headline
    leaves the article's opening above it; none lie under a "headline" that
    lies under the comments or their heading). Known limit: only what is
    still article text is counted, so where the model set aside part of a
    long opening above a subheading it took for the headline, the rest of
    that opening goes too (on `tune`, read by models that never saw the
    page's site, about one line in five this sets aside is article text)."""
    title = next((i for i, line in enumerate(state.lines) if line.role == TITLE), None)
    if title is None:
        return
    above = [i for i in range(title) if state.lines[i].role == BODY]
    below = [i for i in range(title + 1, state.article_end) if state.lines[i].role == BODY]
    if not above or _words(state, above) >= _words(state, below):
        return
    for i in above:
        state.lines[i].role, state.lines[i].why = BOILERPLATE, ABOVE_HEADLINE


def _set_aside(state: ParseState, index: list[int], chosen: list[int], marginals: list[dict[str, float]]) -> None:
    """Set the ``chosen`` lines (positions in ``index``) aside as the model's furniture;
    an article has text, so if none would be left, the likeliest of them stays."""
    for k in chosen:
        state.lines[index[k]].role, state.lines[index[k]].why = BOILERPLATE, LINE_MODEL
    if chosen and not any(line.role == BODY for line in state.lines):
        k = max(chosen, key=lambda k: marginals[k][ARTICLE])
        state.lines[index[k]].role, state.lines[index[k]].why = BODY, None


def _release_presumed(state: ParseState, sure: list[int]) -> list[int]:
    """Lines the rules set aside only for where they lie (`ParseState.presumed`)
    that the model is sure are comments: the page's template may cut comments
    from them, as from lines the model itself set aside."""
    released = [i for i in sure if i in state.presumed and state.lines[i].role == BOILERPLATE]
    for i in released:
        state.lines[i].why = LINE_MODEL
    return released


def _comment_lines(state: ParseState) -> set[int]:
    return {i for comment in state.comments for i in comment.own_lines()}


def _rules_agree(state: ParseState, index: list[int], labels: list[str]) -> bool:
    """Do the rules' comments lie where the model reads the comment section? (The
    stretch from the first comment line to the last, compared over text lines.)"""
    rules = sorted(_comment_lines(state) & set(index))
    model = [i for i, label in zip(index, labels) if label == COMMENT]
    if not rules or not model:
        return bool(rules) and len(rules) <= len(index) * AGREE_ALONE
    in_rules = {i for i in index if rules[0] <= i <= rules[-1]}
    in_model = {i for i in index if model[0] <= i <= model[-1]}
    return len(in_rules & in_model) >= AGREE * len(in_rules | in_model)


def _agreement(state: ParseState, model: set[int]) -> int:
    """How well a reading's comments cover the lines the model reads as comments."""
    found = _comment_lines(state)
    return len(found & model) - len(found - model)


def _challenge(state: ParseState, index: list[int], labels: list[str], sure: list[int],
               furniture: set[int]) -> None:
    """The rules' comments against the page's own template: the reading that
    covers the model's comment lines better stands, or, covering them as well,
    cuts them into many more comments (the rules may have run several into one)."""
    model = {i for i, label in zip(index, labels) if label == COMMENT}
    kept = _reading(state)
    rules, count = _agreement(state, model), len(state.comments)
    splittable = count >= SPLIT_FROM and len(_comment_lines(state)) >= 2 * SPLIT * count  # a header and a line each
    if rules * CHALLENGE >= len(model) and not splittable:
        return  # no reading can cover more than all the model's comment lines, nor cut them finer: the rules' stand
    _undo_comments(state)
    if induced_comments(state, sure, furniture) and len(state.comments) > count * CHALLENGE:
        found = _agreement(state, model)
        if found > max(rules * CHALLENGE, 0):
            return
        if splittable and len(state.comments) >= count * SPLIT and found >= rules:
            return  # as well covered, cut into many more comments: the rules ran several into one
    _restore(state, kept)


Reading = tuple[list[tuple[str | None, str | None]], list[Comment], int | None]


def _reading(state: ParseState) -> Reading:
    """What a comment reading may change: each line's role and reason, the comments and where they start."""
    return [(line.role, line.why) for line in state.lines], state.comments, state.comments_start


def _restore(state: ParseState, reading: Reading) -> None:
    """Put back a reading `_reading` kept (a challenger that did not stand)."""
    roles, state.comments, state.comments_start = reading
    for line, (role, why) in zip(state.lines, roles):
        line.role, line.why = role, why


def _undo_comments(state: ParseState) -> None:
    """Forget the rules' comments: their lines go back to the default, article text."""
    for line in state.lines:
        if line.role in (COMMENT_HEADER, COMMENT_BODY):
            line.role, line.why = BODY, None
    state.comments = []
    state.comments_start = None


def _release_after_comments(state: ParseState) -> None:
    """The lines set aside for lying after comments that were forgotten: no rule
    claimed them, so they go back to the default too (the model then reads them)."""
    for line in state.lines:
        if line.role == BOILERPLATE and line.why == AFTER_COMMENTS:
            line.role, line.why = BODY, None


def _may_be_title(state: ParseState, i: int, marginals: dict[str, float]) -> bool:
    """May line ``i`` become the title? Article text, a caption or a line set
    aside may; not a line a rule gave a role of its own (a byline, a dateline,
    a comment), one its site repeats, or one the model reads as a reader's comment."""
    line = state.lines[i]
    site = state.site_lines.why if state.site_lines is not None else None
    return (line.role in (BODY, BOILERPLATE, CAPTION) and (site is None or line.why != site)
            and marginals[COMMENT] < 0.5)


def _move_title(state: ParseState, index: list[int], features: list[list[str]],
                marginals: list[dict[str, float]]) -> None:
    """The title on the line the title ranker (`titles`) likes best (or on the
    headline a trail it chose ends in), if it is not the rules' own."""
    if state.title_timed:
        return  # "09:02 am - <headline>" under the dateline it completes: a headline by its layout
    current = next((k for k, i in enumerate(index) if state.lines[i].role == TITLE), None)
    texts = [state.lines[i].stripped for i in index]
    scored = [(k, feats) for k, feats in candidates(texts, features, marginals, current)
              if k == current or _may_be_title(state, index[k], marginals[k])]
    chosen = choose(scored)
    if chosen is None:
        return
    k = past_trail(texts, chosen[0], scored)
    if k == current:
        return
    line = state.lines[index[k]]
    if not _may_be_title(state, index[k], marginals[k]):
        return
    if line.role == BODY and sum(other.role == BODY for other in state.lines) == 1:
        return  # an article has text: its only paragraph is not its title
    if current is not None:
        old = state.lines[index[current]]
        article = marginals[current][ARTICLE] >= marginals[current][OTHER]
        old.role, old.why = (BODY, None) if article else (BOILERPLATE, LINE_MODEL)
    line.role, line.why = TITLE, None
    state.title = line.stripped
