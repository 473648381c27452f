"""The codes matching and cases use: challenges, advisor roles, phases, formats, competence."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Challenge(models.TextChoices):
    """The six stress challenges the programme works on (knowledge page slugs)."""

    STRESS_MANAGEMENT = "stresshaandtering", _("Stress management")
    TEAM_COLLABORATION = "stress-i-teamsamarbejde", _("Stress in team collaboration")
    STRESS_POLICY = "stresspolitik", _("Stress policy")
    RETURN_AFTER_LEAVE = (
        "tilbagevenden-efter-stresssygemelding",
        _("Return after stress-related sick leave"),
    )
    ORGANISATIONAL_CHANGE = (
        "stress-under-organisatoriske-forandringer",
        _("Stress during organisational change"),
    )
    LEADER_SPARRING = "ledersparring", _("Sparring for leaders")


class AdvisorRole(models.TextChoices):
    """The four advisor roles as knowledge brokers (knowledge page slugs)."""

    PRODUCT_SELLER = "produktsaelgeren", _("The product seller")
    EXPERT = "eksperten", _("The expert")
    VALUABLE_RESOURCE = "vaerdifuld-ressource", _("The valuable resource")
    TRUSTED_ADVISOR = "betroet-raadgiver", _("The trusted advisor")


class Phase(models.TextChoices):
    """The three bridge-building phases (knowledge page slugs)."""

    WAY_IN = "vejen-ind", _("The way in")
    RELATIONSHIP = "etablering-af-relationen", _("Establishing the relationship")
    HANDOVER = "overdragelse-af-engagement", _("Handing over engagement")


class MeetingFormat(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    VIDEO = "video", _("Video")
    EITHER = "either", _("Either")


class Competence(models.TextChoices):
    NONE = "none", _("None")
    SOME = "some", _("Some")
    STRONG = "strong", _("Strong")
