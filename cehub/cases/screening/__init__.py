"""Screening a child, as the hub does it: the screening pages and the hand-off to the case."""
