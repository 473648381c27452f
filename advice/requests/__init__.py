"""A workplace's request: the leader starts it, the representative confirms it, the
provider's first-come-first-served queue, accept or decline, withdrawal, reminders and
expiry."""
