"""Pelican settings for building the archive (development)."""

import os

SITENAME = "Annotated Web Archive"
AUTHOR = "The archive's editors"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PATH = "content"
PAGE_PATHS = ["pages"]  # About, Method: Markdown read with markdown-it-py
ARTICLE_PATHS = ["articles"]  # captures are not Pelican articles: see ARCHIVE_SEEDS
STATIC_PATHS = []
THEME = "theme"
THEME_STATIC_DIR = "theme"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["archive_site"]
ARCHIVE_SEEDS = os.environ.get("ARCHIVE_SEEDS", "seeds")
# Readings of captures kept between builds (archive/cache.py); ARCHIVE_CACHE="" reads every capture anew.
ARCHIVE_CACHE = os.environ.get("ARCHIVE_CACHE", ".cache/archive")
ARCHIVE_ACTORS = "content/actors"  # the actor registry: one Markdown file per actor
ARCHIVE_LUNR_JS = "theme/node_modules/lunr/lunr.min.js"  # from npm (theme/package.json), copied into the site
ARCHIVE_SEARCH_SPLIT = int(os.environ.get("ARCHIVE_SEARCH_SPLIT", 200))  # documents; above this the index is split

# Every link is relative and points at a file, so the site works from disk
# (file://), on GitHub Pages and under any subpath.
RELATIVE_URLS = True
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# The archive writes its own index; none of Pelican's blog pages or feeds.
DIRECT_TEMPLATES = []
FEED_ALL_ATOM = FEED_ALL_RSS = FEED_ATOM = FEED_RSS = None
CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = None
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
PAGE_URL = "pages/{slug}.html"
PAGE_SAVE_AS = "pages/{slug}.html"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DEFAULT_PAGINATION = False
