"""Case notes: append-only contact records on a case; a correction is a new note."""
