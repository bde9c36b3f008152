"""What the stages share, below all of them: document ids, dates, the one
normalisation of words (and the alignment of two word lists that quotations and
shared passages both use), the folding of names (actors, search), disjoint
sets, and the editors' Markdown files.

In: text and the editors' files. Out: plain values. Imports nothing else of the archive.
"""
