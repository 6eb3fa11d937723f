"""Disruption of the adults, places and vehicles that exploit children (never of a child)."""
