"""The meeting exercises, one package each:

- `prejudice_game` (meeting 1): assumptions about the other side, reviewed after the talk;
- `dilemmas` (meetings 2 and 4): catalogue → a company's concrete dilemma → dilemma play;
- `recommendations` (meeting 5): propose, comment, endorse, merge duplicates, publish;
- `evaluation` (meeting 6): the questionnaire, and the agreed principles and tools.

What they share is here: which meeting runs which exercise and the facilitator's
switches (`selectors`), the workflow checks of the services (`services`), and who
may contribute (`rules`). The recommendations PDF is in `programme.exports`.
"""
