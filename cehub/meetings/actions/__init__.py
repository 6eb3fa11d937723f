"""The actions tracker: the actions a meeting agreed, by owner, team and deadline, and
completing them with an outcome (agreeing an action is part of the minutes)."""
