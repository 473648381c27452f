# Models arrive with the logbook issue.
