"""The dashboard each role lands on after logging in."""
