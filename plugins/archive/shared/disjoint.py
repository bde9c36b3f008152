"""Disjoint sets (union-find): items joined in pairs, read back as groups."""

from __future__ import annotations


class DisjointSets:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def add(self) -> int:
        """A new item in a set of its own; its number."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(b)] = self.find(a)

    def groups(self, order=None) -> list[list[int]]:
        """The sets, each in ``order`` (default: by number), the sets by their first member."""
        found: dict[int, list[int]] = {}
        for n in range(len(self.parent)) if order is None else order:
            found.setdefault(self.find(n), []).append(n)
        return list(found.values())
