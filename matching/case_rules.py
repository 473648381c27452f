"""Who may see and work on cases (imported by matching/rules.py)."""
