"""The meeting and its minutes: set up with its agenda snapshot, the agenda, attendance, each
item's discussion, decisions and actions agreed, closing (which locks it) and corrections."""
