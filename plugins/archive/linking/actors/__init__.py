"""Actors: the editors' registry of people, organisations, media and places,
and their detection under every spelling (plain Python, no Pelican)."""

from .detect import ActorFinder, DocumentActors
from .registry import Actor, Registry, load_registry

__all__ = ["Actor", "ActorFinder", "DocumentActors", "Registry", "load_registry"]
