"""From practice to knowledge: a programme's published recommendations (meeting 5)
and agreed principles and tools (meeting 6) become knowledge page drafts, with
their provenance, in one step."""
