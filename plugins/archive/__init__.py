"""Text analysis for the web archive: plain Python, no Pelican import.

The data flows one way, one package per stage: `reading` turns a capture into
roles, metadata and comments, `record` makes that the document's record,
`linking` joins the records (shared passages, actors, editors' notes), and
`publishing` makes what the site shows and exports; `shared` holds what the
stages share. `corpus` reads and links a whole folder and collects the
problems it meets.
"""

# The archive's version: shown on every archival page and in every record.
__version__ = "0.7.0"
