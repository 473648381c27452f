# Models arrive with the knowledge issue.
