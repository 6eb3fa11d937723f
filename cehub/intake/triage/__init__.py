"""The hub's side of intake: the triage queue, triaging a concern (which child, what is shared,
what happens next) and grading partner information."""
