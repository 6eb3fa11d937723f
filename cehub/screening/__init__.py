"""Screening: versioned screening tools (data files) and the pure scoring engine.

``engine`` scores, ``registry`` loads and validates tool files, ``cli`` backs the
``screening_score`` and ``screening_tool`` management commands. See docs/screening.md.
"""
