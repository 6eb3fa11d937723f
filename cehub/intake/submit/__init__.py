"""The referrer's side of intake: raising a concern, sharing partner information, and
"My submissions" (what became of them)."""
