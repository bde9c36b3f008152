"""Pelican settings for publishing (GitHub Pages, a project subpath, or a folder).

Links stay relative, so the same build works at any address and from disk.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The public address, for what must be absolute (canonical links, sitemap).
SITEURL = os.environ.get("ARCHIVE_SITEURL", "")
RELATIVE_URLS = True
