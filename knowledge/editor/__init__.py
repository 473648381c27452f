"""Writing the knowledge site (facilitators): drafts, publishing, revisions and
restoring them, and loading the initial content."""
