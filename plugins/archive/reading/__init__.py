"""Reading one capture: its bytes → its lines → a role for every line (rules,
then the line model) → title, date, authors, site and comments.

In: a capture file (and what the corpus knows of its site's repeated lines).
Out: a `ParseState` (`state.py`), which `archive.record` turns into the record.
Sees one capture at a time (of other captures, only the lines its site repeats,
which the corpus hands in), and nothing of the site or of Pelican.
"""
