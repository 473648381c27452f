"""Where a page came from: the facts behind the box "Sådan blev denne side til".

A page drafted from a programme (a recommendation of development meeting 5, a
principle or tool agreed at meeting 6, a company's case) keeps its origin here in
app-neutral fields: names, numbers and dates copied when the draft was made, no
link to the programme's rows (knowledge sits below programme, matching and
logbook). So the box never depends on data the reader may not see, and it never
names a person or a company: only counts by role.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from knowledge.models.pages import Page


class Provenance(models.Model):
    class Source(models.TextChoices):
        RECOMMENDATION = "recommendation", _("A recommendation from a development meeting")
        PRINCIPLE = "principle", _("A principle agreed at the evaluation")
        TOOL = "tool", _("A tool agreed at the evaluation")
        CASE = "case", _("A company's own experience")

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="provenance")
    source = models.CharField(_("made from"), max_length=20, choices=Source.choices)
    # What the page was made from, e.g. "programme.recommendation:17": drafting the
    # same thing again finds this page instead of making a second one.
    source_key = models.CharField(max_length=100, unique=True)
    programme_name = models.CharField(_("programme"), max_length=200)
    meeting_number = models.PositiveSmallIntegerField(_("meeting number"), null=True, blank=True)
    meeting_title = models.CharField(_("meeting"), max_length=200, blank=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    # How many companies and advisors backed it (endorsed it, or took part when it
    # was agreed); None when nobody was counted.
    companies = models.PositiveIntegerField(_("companies"), null=True, blank=True)
    advisors = models.PositiveIntegerField(_("advisors"), null=True, blank=True)
    source_date = models.DateField(_("published at the meeting on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("provenance")
        verbose_name_plural = _("provenances")

    def __str__(self) -> str:
        return f"{self.get_source_display()} – {self.programme_name}"
