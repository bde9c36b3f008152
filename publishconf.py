"""Pelican settings for publishing (GitHub Pages, a project subpath, or a folder).

Links between pages stay relative, so the same build works at any address and
from disk. What must be absolute for citing and indexing (the canonical and
cite-as links, citation_* and Dublin Core URLs, the JSON-LD, the URLs in the
formatted citations and the downloads, sitemap.xml) uses the public address:
set ARCHIVE_SITEURL, e.g. ARCHIVE_SITEURL=https://example.org/archive
`invoke build --publish`. Without it those URLs are relative and no
sitemap.xml is written (a sitemap needs absolute URLs); the build warns.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("ARCHIVE_SITEURL", "").rstrip("/")
RELATIVE_URLS = True
ARCHIVE_PUBLISH = True
