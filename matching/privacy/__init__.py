"""Matching's part of a person's data: advisor profiles, cases, notes, goals, tasks."""
