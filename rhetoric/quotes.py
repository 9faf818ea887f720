"""Quote attribution: who said what, through which verb and channel.

Placeholder until the quotes layer lands: finds nothing.
"""

from __future__ import annotations


def find_quotes(doc, analysis) -> list:
    """Direct and indirect quotes in ``doc`` with their speakers."""
    return []
