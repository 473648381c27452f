# Models arrive with the programme issue.
