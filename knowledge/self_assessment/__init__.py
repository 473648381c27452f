""" "Which advisor role do you have?": statements rated 1–5, scored per role, and
saved in the reader's profile only when they choose to."""
