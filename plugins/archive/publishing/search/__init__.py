"""Client-side search data: built here, queried in the browser by the theme's
search.js with lunr.js. Every file is a ``.js`` loaded by a ``<script>`` tag, so
the search works from disk (file://) as well as from a server.

Small archives get one Lunr index (lunr.py), queried with lunr.js itself.
Above ``SPLIT_THRESHOLD`` documents the index is split by term prefix into
parts of about ``PART_BYTES``, so that a query loads only the parts of its
terms; scores are computed here, with Lunr's own tokenizer, stop words and
stemmer, which search.js applies to the query too.
"""

from .write import SPLIT_THRESHOLD, SearchStats, write_search

__all__ = ["SPLIT_THRESHOLD", "SearchStats", "write_search"]
