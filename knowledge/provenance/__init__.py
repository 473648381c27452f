"""Pages drafted from what a programme produced, with where they came from."""
