"""What every stage needs, below all of them: document ids, dates, the one
normalisation of words (and the alignment of two word lists that quotations and
shared passages both use), disjoint sets, and the editors' Markdown files.

In: text. Out: plain values. Imports nothing else of the archive.
"""
