"""The BIFROST course as a template: a kick-off and six half-day development meetings.

The facilitator creates a programme from it and then edits anything.
"""

from django.utils.translation import gettext_lazy as _

# (number, title, theme, audience, agenda [(title, kind, minutes)])
MEETINGS = [
    (
        0,
        _("Kick-off meeting"),
        _(
            "Introduction to the programme. Figures on mental-health problems in the "
            "companies' industries and on how SMVs use external advisory; the companies' "
            "own experiences and practical challenges."
        ),
        "smv_only",
        [
            (_("Welcome and introductions"), "plenary", 20),
            (_("The programme: six development meetings and the logbook"), "presentation", 25),
            (_("Data: mental health in your industry"), "presentation", 30),
            (_("Coffee break"), "break", 15),
            (_("Data: SMVs and external advisory"), "presentation", 25),
            (_("Your experiences and challenges"), "workshop", 60),
            (_("Summing up and next steps"), "plenary", 15),
        ],
    ),
    (
        1,
        _("Development meeting 1: Prejudices and perspectives"),
        _(
            "How SMVs organise preventive work; the prejudice game: advisors' assumptions "
            "about SMVs and SMVs' assumptions about external advisors, exchanged and examined."
        ),
        "all",
        [
            (_("Welcome"), "plenary", 15),
            (_("Research perspective: prevention in small companies"), "presentation", 40),
            (_("Coffee break"), "break", 15),
            (_("The prejudice game"), "exercise", 75),
            (_("What did we learn?"), "plenary", 25),
            (_("Preparing development meeting 2"), "plenary", 15),
        ],
    ),
    (
        2,
        _("Development meeting 2: Good practice and dilemmas in retention"),
        _(
            "Workshop on dilemma situations in handling employees with mental-health "
            "challenges; each company concretises its own dilemmas. Each company is matched "
            "with an advisor."
        ),
        "all",
        [
            (_("Welcome"), "plenary", 15),
            (_("Good practice in retention"), "presentation", 30),
            (_("Dilemma workshop"), "exercise", 60),
            (_("Coffee break"), "break", 15),
            (_("Matching companies and advisors"), "workshop", 60),
            (_("Agreements until next time"), "plenary", 30),
        ],
    ),
    (
        3,
        _("Development meeting 3: The work of being a bridge-builder"),
        _("Focus areas that matter for the collaboration between advisor and company."),
        "all",
        [
            (_("Welcome and news from the pairs"), "plenary", 25),
            (_("The bridge-builder's focus areas"), "presentation", 35),
            (_("Coffee break"), "break", 15),
            (_("Pair work: our shared development goals"), "workshop", 75),
            (_("Summing up"), "plenary", 30),
        ],
    ),
    (
        4,
        _("Development meeting 4: Dilemmas played out"),
        _(
            "The companies' dilemmas, turned into scenarios (dilemma play) and adjusted so "
            "they are recognisable, are played and discussed."
        ),
        "all",
        [
            (_("Welcome"), "plenary", 15),
            (_("Dilemma play"), "exercise", 90),
            (_("Coffee break"), "break", 15),
            (_("What would we do? Discussion across companies"), "workshop", 60),
            (_("Summing up"), "plenary", 30),
        ],
    ),
    (
        5,
        _("Development meeting 5: Advisory work for retention"),
        _(
            "Together developing recommendations for bridge-building advisory on retention, "
            "based on the companies' concrete experiences."
        ),
        "all",
        [
            (_("Welcome"), "plenary", 15),
            (_("Experiences so far"), "plenary", 30),
            (_("Recommendations workshop"), "exercise", 75),
            (_("Coffee break"), "break", 15),
            (_("Merging and agreeing on recommendations"), "plenary", 60),
            (_("Preparing the evaluation"), "plenary", 15),
        ],
    ),
    (
        6,
        _("Development meeting 6: Evaluation"),
        _(
            "Summing up the whole course and identifying experience-based principles and "
            "tools for future advisory."
        ),
        "all",
        [
            (_("Welcome"), "plenary", 15),
            (_("Evaluation questionnaire"), "exercise", 30),
            (_("Results and reflections"), "plenary", 45),
            (_("Coffee break"), "break", 15),
            (_("Principles and tools for the future"), "workshop", 75),
            (_("Farewell"), "plenary", 30),
        ],
    ),
]
