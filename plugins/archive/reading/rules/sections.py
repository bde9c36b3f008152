"""Page furniture around the article: footers, teaser blocks, comment-section lines."""

from __future__ import annotations

import re

from .counts import comment_count_heading, count_heading
from .masthead import button
from ..state import (ADVERTISEMENT, AFTER_COMMENTS, BOILERPLATE, COMMENT_BODY, COMMENT_FURNITURE,
                     COMMENT_HEADER, FOOTER, NAVIGATION, SUBSCRIPTION, TEASERS, ParseState)

_FOOTER = [re.compile(p, re.IGNORECASE) for p in (
    r"^This entry was posted in .{1,200}\bBookmark the permalink\.?$",
    r"^(?:Share|Share this|Tweet|Email|Print)(?: this(?: post| article)?)?:?$",
    r"^Posted in .{1,120}\|\s*\d+ comments?$",
    r"^Labels?:\s.{1,200}$",
    r"^(?:Email This|BlogThis!|Share to )\S.{0,150}$",
    r"^Share(?: (?:on|via|to))? (?:Facebook|Twitter|X|LinkedIn|Reddit|WhatsApp|Email|Pinterest)$",
    r"^Like this:?$|^Like Loading\.*$",
    r"^(?:Twitter|Facebook|LinkedIn|Reddit|WhatsApp|Pinterest|Tumblr|Pocket|Telegram)$",
    r"^(?:[\w'’ ()]{2,25}\s+[|·•∙]\s+){2,}[\w'’ ()]{2,25}$",  # "About Us | Contact | Comments (6)"
    r"^(?:Categories|Tags|Filed under|Posted in):?\s.{1,80}(?<![.!?…])$",
    r"^.{0,80}\b(?:(?-i:Powered by)|Proudly powered by)\b.{0,80}$|^(?:Blog at|Theme:)\s.{1,80}$",
    r"^Board index\s{2,}.{0,150}$",
    r"^(?:Get the (?:[\w-]+ )?app|Topics|Written by [A-Z].{1,60})$",
)]
# "… © 2020 example inc. All rights reserved.", "… are registered trademarks of …": a legal footer
_RIGHTS = re.compile(r"\b(?:All rights reserved|registered trademarks? of)\b", re.IGNORECASE)
MAX_RIGHTS_LINE = 250
# "Use of this site … © 2020 example inc. All rights reserved."
_COPYRIGHT_INSIDE = re.compile(r"©\s*\d{4}\s+(?P<site>\w[\w&’' -]{1,40}?)(?:,?\s+(?i:inc|ltd|llc|plc))?\.\s")
# "1.4K claps", "48 Likes", "1,208": counters of a share bar or under a comment
COUNTER = re.compile(r"^(?:\d[\d,.]*[KkM]?(?: (?:likes?|claps?|shares?|comments?|views?|votes?|points?))?"
                     r"|Shares|Likes|Claps|Views)$", re.IGNORECASE)
# Under "Topics" or "Written by …": tags, a follow button, the author's note, up to a blank line
FOOTER_BLOCK = re.compile(r"^(?:Topics|Tags|Written by [A-Z].{1,60})$")
# Links to the previous and next post: "← Older title", "Newer title →".
# (A line in French quotation marks, « … », is not one.)
_POST_NAVIGATION = re.compile(
    r"^(?:[←‹]\s*\S.{0,150}|\S.{0,150}\s*[→›]|«\s*[^»]{1,150}|[^«]{1,150}\s*»|.{1,150} \| Main \| .{1,150}"
    r"|(?:Newer Posts?\s*)?(?:Older Posts?\s*)?Home|Return to .{1,60}|Jump to:? .{1,60})$")


def is_post_navigation(text: str) -> bool:
    return bool(_POST_NAVIGATION.match(text))


_ADVERTISEMENT = re.compile(r"^(?:Advertisements?|Sponsored(?: Content| Links?)?|Ad|Promoted|Paid Content|"
                            r"Report this ad)$",
                            re.IGNORECASE)
_SUBSCRIPTION = re.compile(
    r"^(?:Subscribe to:?\s.{0,100}|(?:Sign up|Subscribe|Get our|Join our)\b.{0,120}"
    r"\b(?:newsletter|briefing|e-?mails?|inbox|updates)\b.{0,120}|(?:Type|Enter) your email\W{0,3})$", re.IGNORECASE)
_COMMENT_FORM_HEADING = re.compile(
    r"^(?:Leave a (?:Reply|Comment)|Post a Comment|Add (?:a|your) comment|Join the discussion|"
    r"Comment on this (?:post|article)|Speak your mind)\b.{0,20}$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\([cC]\)|Copyright|COPYRIGHT)\s*(?:©\s*)?(?:\d{4}(?:[-–]\d{4})?,?\s+)?"
                        r"(?P<site>[A-Z][^.©|]{1,60}?)(?:\.?(?:\s+(?i:All rights reserved)\.?)?"
                        r"|\.\s+[^|.]{1,40}(?=\s*\|))(?:\s*\|.{0,200})?$"  # "© 2009 Site. Terms | Privacy"
                        r"|^(?P<owner>[A-Z][^.©|]{1,60}?)\s+©\s*\d{4}(?:[-–]\d{4})?\.?$")  # "The Site © 2022"
_TEASER_LINE = re.compile(r"^(?:Read more|See also|Also read|Related|More|Read next):\s+\S.{4,200}$", re.IGNORECASE)
_PLATFORM_CREDIT = re.compile(r"^(?:Blog at|Powered by|Proudly powered by|Theme:|Website Powered by)\s.{1,80}$",
                              re.IGNORECASE)
MAX_PROMPT_TAIL = 120  # a short line right under an ad or a sign-up prompt belongs to it
MAX_FURNITURE_BLOCK_LINE = 300  # lines of a TrackBack or comment-preview block
_COMMENT_FURNITURE = [re.compile(p, re.IGNORECASE) for p in (
    r"^Comments?:?$",
    r"^Showing \d+ of \d+ comments.{0,40}$",
    r"^Comments are closed\.?$",
    r"^Leave a (?:Reply|Comment).{0,80}$",
    r"^Trackbacks?/Pings?$",
    r"^(?:TrackBacks?|Verify your Comment|Previewing your Comment)$",
    r"^_{5,}$",  # a forum signature follows
    r"^(?:Top|Back to top|Post Reply\b.{0,80}|Display posts from previous:.{0,120})$",
    r"^(?:\d+\.\s+)?(?:Pingback|Trackback):\s.{1,300}$",
    r"^(?:Reply|Reply ↓|Report|Flag|Permalink|Edit|Like|Reply • Share ›|Share ›)$",
    r"^Liked by (?:\d+|one) (?:people|person)$",
    r"^You must be (?:logged|signed) in to (?:post a )?comment\.?(?:\s+Log in\b.{0,40})?$",
    r"^(?:Log ?in|Sign in)(?: or (?:register|sign up))? to (?:post )?(?:comments?|reply)\.?$",
    # the buttons, counts and notes of comment widgets, in one pattern (checked on every line)
    r"^(?:(?:Like|Vote|Upvote|Downvote)(?: \(\d+\))?|Report(?: abuse| comment)?|level \d{1,2}"
    r"|(?:(?:permalink|embed|save|parent|report|reply(?: to this)?|share|hide|context|give award)\s*){2,}"
    r"|(?:\((?:Reply|Parent|Thread|Link|Edit|Delete)\)\s*){2,}"  # "(Reply) (Thread)"
    r"|\[ ?(?:Parent|Reply|Thread|Link) ?\]"  # "[ Parent ]"
    r"|(?:Display|Sort|View)\b.{0,60}\b(?:Threaded|Flat|Nested|Oldest|Newest)\b.{0,40}"  # "Display: Threaded  Flat"
    r"|(?:(?:Hide|Show|Expand|Collapse) all\s*\|?\s*){2}|There (?:may be|are) more comments\b.{0,200}"
    r"|(?:[^|]{1,100}\|){2,}\s*\d+ comments?\s*(?:\|[^|]{1,40})+"  # "Title | Log In | 187 comments | Search"
    r"|(?:all )?\d+ comments?(?:\s+(?:share|save|hide|report))*|(?:sort|sorted) by:? \w+"
    r"|(?:Write|Add|Post) (?:a )?(?:comment|response|reply)\W{0,3}"
    r"|(?:Discussion|Comments|Conversation) (?:about|on) this (?:post|article|story)"
    r"|(?:load|show|view) more (?:comments|replies)\b.{0,30}|\d+ more (?:comments|replies)\W{0,3}"
    r"|(?:[\w ]{1,20}:\s+)?(?:The following )?comments are (?:owned by|the opinions|the views|moderated)\b.{0,200})$",
    r"^(?:Load more comments|Show more replies|Hide \d+ repl(?:y|ies)|View \d+ more repl(?:y|ies)|"
    r"Sort by (?:Best|Newest|Oldest|Top)|Login|Log in|Recommend(?:\s+\d+)?|Subscribe|Privacy|"
    r"Do Not Sell My Data|Add Disqus to your site.{0,40}|Powered by Disqus)$",
    r"^\d*\s*△\s*▽$",
    r"^Trackback URL$",
    # "Closed on November 29, 2021", "This topic was automatically closed 14 days after…"
    r"^(?:Closed|Locked|Archived) on .{1,60}$"
    r"|^This (?:topic|thread|discussion) (?:was|has been) (?:automatically )?(?:closed|locked|archived)\b.{0,200}$",
    r"^Post a Comment$",
    r"^Note from (?P<site>.{1,60}?) management:.*$",
)]


def _any_of(patterns: list[re.Pattern]) -> re.Pattern:
    """One pattern that matches where the first of ``patterns`` that matches does
    (one scan of a line instead of one per pattern: these are tried on every line)."""
    flags = {pattern.flags for pattern in patterns}
    assert len(flags) == 1, "patterns joined into one share their flags"
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), flags.pop())


_ANY_FOOTER = _any_of(_FOOTER)
_ANY_COMMENT_FURNITURE = _any_of(_COMMENT_FURNITURE)
_TEASER_HEADING = re.compile(
    r"^(?:Related(?: (?:Posts|Articles|Stories|Links|Topics))?"
    r"|(?:Latest|Recent) (?:News|Posts|Stories|Entries|Diaries)|"
    r"Must read|Upcoming events|Most commented|"
    r"You might also like.{0,20}|Recommended(?: to you| for you)?|Popular Posts|"
    r"Most (?:Read|Popular|Viewed)|More (?:Stories|News|from .{1,60})|Also on .{1,60}|You May Like|"
    r"You might be interested in|Read more)\s*:?$",
    re.IGNORECASE,
)


_COMMENTS_HEADING = re.compile(r"^Comments?:?$", re.IGNORECASE)


def is_uncounted_comment_heading(text: str) -> bool:
    """"Comments", "COMMENT:": a heading that says comments follow, without a count."""
    return bool(_COMMENTS_HEADING.match(text))


def is_comment_heading(state: ParseState, text: str) -> bool:
    """"23 Responses to <the title>", "Comments", "5 comments:": a comment section opens."""
    return comment_count_heading(state, text) is not None or is_uncounted_comment_heading(text)


def _legal_footer(text: str) -> bool:
    """A rights notice anywhere in a line (a cheap test first: it is checked on every line)."""
    return (len(text) <= MAX_RIGHTS_LINE and ("eserved" in text or "ESERVED" in text or "trademark" in text)
            and bool(_RIGHTS.search(text)))


def _furniture_reason(state: ParseState, text: str) -> str | None:
    """Why a single line is page furniture, checked from the most specific reason."""
    if comment_count_heading(state, text) is not None:
        return COMMENT_FURNITURE
    return _furniture_wording(state, text)


def _furniture_wording(state: ParseState, text: str) -> str | None:
    """Why a line that states no count of comments is page furniture (`_furniture_reason`)."""
    match = _ANY_COMMENT_FURNITURE.match(text)
    if match:
        if match["site"] is not None and state.site is None:
            state.site = match["site"]
        return COMMENT_FURNITURE
    copyright_line = _COPYRIGHT.match(text)
    if copyright_line:
        state.site = state.site or (copyright_line["site"] or copyright_line["owner"]).strip()
        return FOOTER
    if _ANY_FOOTER.match(text) or _legal_footer(text):
        owner = _COPYRIGHT_INSIDE.search(text)
        if owner and state.site is None:
            state.site = owner["site"]
        return FOOTER
    if button(text):
        return SUBSCRIPTION
    for pattern, why in ((_TEASER_LINE, TEASERS), (_POST_NAVIGATION, NAVIGATION),
                         (_ADVERTISEMENT, ADVERTISEMENT), (_SUBSCRIPTION, SUBSCRIPTION)):
        if pattern.match(text):
            return why
    return None


def furniture_lines(state: ParseState) -> None:
    """Claim single lines that are footers or comment-section furniture, anywhere
    (with the lines that belong to an advertisement or a sign-up prompt); note
    each count heading ("3 Responses to …") for `counts.state_count`."""
    for i, line in enumerate(state.lines):
        if not state.free(i) or line.blank:
            continue
        heading = count_heading(state, line.stripped)
        if heading:
            state.count_headings.append((i, heading.count, heading.names_post))
        why = COMMENT_FURNITURE if heading else _furniture_wording(state, line.stripped)
        if why:
            state.claim(i, BOILERPLATE, why)
            _prompt_tail(state, i, why)


# Comment-section headings whose block runs to the next blank line.
_FURNITURE_BLOCK = re.compile(r"^(?:TrackBacks?|Verify your Comment|Previewing your Comment|_{5,})$", re.IGNORECASE)


def _prompt_tail(state: ParseState, i: int, why: str) -> None:
    """"Get our newsletter" / "The week's best stories, every Friday": one prompt,
    up to the next blank line (or a line with a reason of its own); so are an
    advertisement and a TrackBack block."""
    if why in (ADVERTISEMENT, SUBSCRIPTION):
        limit = MAX_PROMPT_TAIL
    elif why == COMMENT_FURNITURE and _FURNITURE_BLOCK.match(state.lines[i].stripped):
        limit = MAX_FURNITURE_BLOCK_LINE
    else:
        return
    following = i + 1
    while (state.free(following) and not state.lines[following].blank
           and len(state.lines[following].stripped) <= limit
           and _furniture_reason(state, state.lines[following].stripped) is None):
        state.claim(following, BOILERPLATE, why)
        following += 1


MIN_SENTENCE_WORDS = 12


def article_like(text: str) -> bool:
    """A full sentence, not a headline or a teaser cut off with an ellipsis."""
    return (len(text.split()) >= MIN_SENTENCE_WORDS and text.endswith((".", "!", "?", '"', "”"))
            and not text.endswith(("...", "…", '..."', "…”")))


def teaser_blocks(state: ParseState) -> None:
    """From a "Related Posts" or "Latest news" heading to the comments (or the end),
    unless article text resumes: a teaser block in mid-article ends there (one
    after the comments, at a blank line). The teasers are this page's: where a
    line the site repeats on every page resumes, so does the site's frame, and
    the block has ended."""
    in_block = False
    site_line = state.site_lines.why if state.site_lines is not None else None
    for i in range(len(state.lines)):
        line = state.lines[i]
        if line.role in (COMMENT_HEADER, COMMENT_BODY) or (site_line is not None and line.why == site_line):
            in_block = False
            continue
        if state.free(i) and _TEASER_HEADING.match(line.stripped):
            in_block = True
        elif line.blank and i >= state.article_end:
            in_block = False  # after the comments, a list of links ends at a blank line
        elif in_block and i < state.article_end and state.free(i) and article_like(line.stripped):
            in_block = False
        if in_block and state.free(i) and not line.blank:
            state.claim(i, BOILERPLATE, TEASERS)


def is_comment_form_heading(text: str) -> bool:
    """"Leave a Reply", "Post a Comment": a comment form opens."""
    return bool(_COMMENT_FORM_HEADING.match(text))


def comment_form(state: ParseState) -> None:
    """A "Leave a Reply" form: its heading and every unclaimed line after it."""
    in_form = False
    for i, line in enumerate(state.lines):
        heading = is_comment_form_heading(line.stripped)
        if heading:
            in_form = True
        elif in_form and (line.role in (COMMENT_HEADER, COMMENT_BODY) or _PLATFORM_CREDIT.match(line.stripped)):
            in_form = False
        if in_form and state.free(i) and not line.blank:
            state.claim(i, BOILERPLATE, COMMENT_FURNITURE)
            if not heading:  # set aside for lying under the heading: the line model may read a thread there
                state.presumed.add(i)


def opens_comment_section(state: ParseState, text: str) -> bool:
    """A heading that says comments follow: a count above zero ("3 Comments",
    "23 Responses to …"), "Comments", or a comment form's ("Leave a Reply")."""
    count = comment_count_heading(state, text)
    return (count or 0) > 0 or bool(_COMMENTS_HEADING.match(text) or _COMMENT_FORM_HEADING.match(text))


def after_comments(state: ParseState) -> None:
    """Text in the comment section that no rule claimed is never article text: a
    line between comments belongs to the comment above it (a body line that lost
    its indent); after the last comment, it is set aside."""
    if not state.comments:
        return
    owner = {}
    for comment in state.comments:
        for i in comment.own_lines():
            owner[i] = comment
    last = max(owner)
    current = None
    for i in range(state.comments_start or 0, len(state.lines)):
        if i in owner:
            current = owner[i]
        elif state.free(i) and not state.lines[i].blank:
            if current is not None and i < last:
                state.claim(i, COMMENT_BODY)
                current.lines.append(i)
            elif i > last:
                state.claim(i, BOILERPLATE, AFTER_COMMENTS)
    for comment in state.comments:
        comment.lines.sort()
