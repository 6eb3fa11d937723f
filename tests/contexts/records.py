"""Kept for the folders that still import it (e2e): links come from ``tests/factories.py``."""

from __future__ import annotations

from typing import Any

from cehub.accounts.models import User
from cehub.contexts.models import Link, Node, Relation
from tests.factories import record_link


def a_link(
    actor: User | None, from_node: Node, to_node: Node, relation: Relation, **more: Any
) -> Link:
    return record_link(from_node, relation, to_node, actor=actor, **more)
