"""Recognisers: small functions that claim lines of a `ParseState` (and the last,
`counts.state_count`, that reads what the page says of its comments' number).

Each module holds one family of rules; `archive.reading.parse.RULES` lists the order
in which they run.
"""
