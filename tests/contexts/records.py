"""Links as the tests meet them: recorded through ``link_record``, each from its own report."""

from __future__ import annotations

import uuid
from datetime import date

from cehub.accounts.models import User
from cehub.contexts.models import Link, Node, Relation
from cehub.contexts.services import link_record


def a_link(
    actor: User | None,
    from_node: Node,
    to_node: Node,
    relation: Relation,
    *,
    source_type: str = "concern",
    seen_on: date | None = None,
    grading: tuple[str, str, str] | None = None,
    handling_conditions: str = "",
) -> Link:
    """A link reported by one (made-up) event of ``source_type``."""
    return link_record(
        from_node=from_node,
        to_node=to_node,
        relation=relation,
        source_type=source_type,
        source_id=uuid.uuid4(),
        actor=actor,
        seen_on=seen_on,
        grading=grading,
        handling_conditions=handling_conditions,
    )
