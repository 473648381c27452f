"""The knowledge site's part of a person's data (self-assessments, page revisions)."""
