"""The closing questionnaire of meeting 6: its statements and the answer scale."""

from django.utils.translation import gettext_lazy

SCALE = (1, 2, 3, 4, 5)
SCALE_LABELS = {
    1: gettext_lazy("Strongly disagree"),
    2: gettext_lazy("Disagree"),
    3: gettext_lazy("Neither agree nor disagree"),
    4: gettext_lazy("Agree"),
    5: gettext_lazy("Strongly agree"),
}
# (key, statement). The key is stored in the answers (`EvaluationResponse.answers`);
# never rename a key once a programme has used it.
EVALUATION_QUESTIONS = (
    ("useful", gettext_lazy("The programme has been useful for my daily work.")),
    (
        "collaboration",
        gettext_lazy("The collaboration between the companies and the advisors worked well."),
    ),
    (
        "retention",
        gettext_lazy(
            "I am better able to help employees with mental-health challenges stay at work."
        ),
    ),
    ("tools", gettext_lazy("I leave with tools and methods I will keep using.")),
    ("meetings", gettext_lazy("The development meetings were well prepared and well run.")),
)
