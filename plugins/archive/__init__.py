"""Text analysis for the web archive: plain Python, no Pelican import.

The data flows one way: a capture file (`capture`) is parsed into roles and
metadata (`parse`), and turned into a document record (`record`); `corpus`
does this for a whole folder and collects the problems it meets.
"""

# The archive's version: shown on every archival page and in every record.
__version__ = "0.7.0"
