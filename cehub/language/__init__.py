"""Victim-blaming language checker: rules as data (``rules/``) and a pure matcher.

Use :func:`cehub.language.matcher.check` for the shipped rules, or build a
:class:`cehub.language.matcher.LanguageChecker` from another rules file. See docs/language.md.
"""
