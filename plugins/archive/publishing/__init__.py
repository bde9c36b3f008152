"""Publishing: what the site's pages, search and exports are made of:
permalinks and their registry, the kind of each page and its citation in each
style, exports (BibTeX, RIS, CSL-JSON, CSV, Web Annotations), the search data,
the map's geometry and the marks in a text.

In: records with their links. Out: data the Pelican glue (`archive_site`)
writes and the theme's templates show.
"""
