"""Recognisers: small functions that claim lines of a `ParseState`.

Each module holds one family of rules; `archive.reading.parse.RULES` lists the order
in which they run.
"""
