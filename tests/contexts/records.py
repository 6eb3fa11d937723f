"""Kept for the folders that still import it (e2e): links come from ``tests/factories.py``."""

from __future__ import annotations

from datetime import date

from cehub.accounts.models import User
from cehub.contexts.models import Link, Node, Relation
from tests.factories import record_link


def a_link(
    actor: User | None,
    from_node: Node,
    to_node: Node,
    relation: Relation,
    *,
    source_type: str = "concern",
    seen_on: date | None = None,
) -> Link:
    return record_link(
        actor=actor,
        from_node=from_node,
        to_node=to_node,
        relation=relation,
        source_type=source_type,
        seen_on=seen_on,
    )
