"""Telling ``seed_demo`` how far the load has got, one stage at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def with_progress[T](
    items: Sequence[T], stage: str, progress: Progress, *, every: int = 25
) -> Iterator[T]:
    """Each of ``items``; after every ``every``-th one is dealt with, and the last, ``progress``
    hears how many are done (so a long stage is not silent, and a short one is not noisy)."""
    for done, item in enumerate(items, start=1):
        yield item
        if done % every == 0 or done == len(items):
            progress(stage, done, len(items))
