"""Safety plans: versions written on a child's case, with actions by agency; printable."""
