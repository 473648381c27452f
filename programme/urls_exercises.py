"""URLs of the meeting exercises (prejudice game, dilemmas, recommendations, evaluation)."""

urlpatterns: list = []
