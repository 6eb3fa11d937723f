"""The case itself: opened or moved by screenings, allocated, closed; the allocation queue."""
