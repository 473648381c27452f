"""The two keys of a case page: the company and its advisor approve the exact text.

A case page drafted from a company's logbook names the company only as the
company chooses (`company_label`). The facilitator sends the text for approval;
any SMV owner of the company (the company's key) and the case's advisor (the
advisor's key) approve *that text*: an approval stores the hash of the content it
was given. The page can be published only while both keys hold for the content
being published, so a text changed after approval needs approval again. Either
key can be withdrawn later, which takes the page off the site. Every step is a
`CaseApprovalEvent` (who, which key, when; never the text).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from knowledge.models.pages import Page


class Party(models.TextChoices):
    COMPANY = "company", _("The company")
    ADVISOR = "advisor", _("The advisor")


class CaseApproval(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="approval")
    # The company must approve; it cannot disappear while its consent is on record.
    company = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    company_label = models.CharField(
        _("the company is named"),
        max_length=100,
        help_text=_("How the page names the company, as the company wants, e.g. “en lokal avis”."),
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The exact content the two parties were asked about, and its hash.
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_content = models.JSONField(default=dict, blank=True)
    sent_hash = models.CharField(max_length=64, blank=True)
    company_approved_hash = models.CharField(max_length=64, blank=True)
    company_approved_at = models.DateTimeField(null=True, blank=True)
    company_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    advisor_approved_hash = models.CharField(max_length=64, blank=True)
    advisor_approved_at = models.DateTimeField(null=True, blank=True)
    advisor_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("case page approval")
        verbose_name_plural = _("case page approvals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(company_approved_hash="") | Q(company_approved_at__isnull=False),
                name="case_approval_company_key_dated",
            ),
            models.CheckConstraint(
                condition=Q(advisor_approved_hash="") | Q(advisor_approved_at__isnull=False),
                name="case_approval_advisor_key_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company_label} ({self.page_id})"

    def approved_hash(self, party: str) -> str:
        return self.company_approved_hash if party == Party.COMPANY else self.advisor_approved_hash

    def holds(self, party: str) -> bool:
        """The party's key holds for the text that was sent."""
        return bool(self.sent_hash) and self.approved_hash(party) == self.sent_hash

    @property
    def company_holds(self) -> bool:
        return self.holds(Party.COMPANY)

    @property
    def advisor_holds(self) -> bool:
        return self.holds(Party.ADVISOR)

    @property
    def both_hold(self) -> bool:
        return self.company_holds and self.advisor_holds


class CaseApprovalEvent(models.Model):
    """One step of a case page's approval. Never holds any of the text."""

    class Action(models.TextChoices):
        DRAFTED = "drafted", _("Drafted")
        SENT = "sent", _("Sent for approval")
        APPROVED = "approved", _("Approved")
        WITHDRAWN = "withdrawn", _("Approval withdrawn")
        SUGGESTED = "suggested", _("Suggested a change")
        CHANGED = "changed", _("Text changed after it was sent")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Taken off the site")

    approval = models.ForeignKey(CaseApproval, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("what"), max_length=12, choices=Action.choices)
    party = models.CharField(_("key"), max_length=10, choices=Party.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    content_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("case page approval event")
        verbose_name_plural = _("case page approval events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.approval_id} {self.action} {self.created_at:%Y-%m-%d}"


class CaseSuggestion(models.Model):
    """A change the company or the advisor asks for, about the text they were shown."""

    approval = models.ForeignKey(CaseApproval, on_delete=models.CASCADE, related_name="suggestions")
    party = models.CharField(_("key"), max_length=10, choices=Party.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("suggested change"), max_length=3000)
    content_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suggested change")
        verbose_name_plural = _("suggested changes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"suggestion {self.pk} on {self.approval_id}"
