"""An accepted request's course: the provider's model as dated steps (the follow-up
conversation among them), the agreed local follow-up, files."""
