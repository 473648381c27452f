# Models arrive with the matching issue.
