"""Invitations: a facilitator invites a person into an organisation with a role;
the person follows a one-time link and has an account (or joins with theirs)."""
