"""A person's own data: downloading it (JSON) and deleting their account."""
