"""The two keys of a case page (the company and its advisor approve the exact text),
the flags that must be cleared before a text is sent, and the approval's log."""
