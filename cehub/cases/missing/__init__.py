"""Missing episodes, the return home interview after each, and importing a police list."""
