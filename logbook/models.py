"""The company logbook: entries with versions, change logics, readiness checks, exports.

The logbook concerns people's mental health at work. Entries must not name
employees or give health details (the forms say so and warn); nothing from a
logbook goes into a URL, an e-mail or a server-side cache.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from bifrost.core.exports.models import FileExport
from bifrost.core.threads.models import ThreadComment
from knowledge.models import Page
from matching.models import CaseGoal, Challenge
from programme.models import Meeting, Programme


class Logbook(models.Model):
    """One per company per programme, with the company's consent to share it.

    Defaults: the advisor may read it, the researchers (facilitators) may not.
    ``staff_names`` (one name per line, optional) lets the privacy guard warn
    when an entry names an employee; it is never shown outside the company.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="logbooks")
    company = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="logbooks")
    share_with_advisor = models.BooleanField(_("our advisor may read the logbook"), default=True)
    share_with_researchers = models.BooleanField(
        _("the researchers (facilitators) may read the logbook"), default=False
    )
    consent_updated_at = models.DateTimeField(null=True, blank=True)
    consent_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    staff_names = models.TextField(_("staff list (one name per line)"), blank=True)
    reminders_enabled = models.BooleanField(
        _("remind us when nothing was written in the 14 days before a meeting"), default=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("logbook")
        verbose_name_plural = _("logbooks")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "company"], name="logbook_one_per_company_and_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.programme}"


class Entry(models.Model):
    """A logbook entry. ``version`` is the optimistic lock: a save must name the
    version it was based on, and a stale one is a conflict, never an overwrite.

    Kind-specific fields: an initiative has ``for_whom``, ``when_text`` and
    ``expected_effect`` (``body`` says what); a reflection has ``hindrances`` and
    ``helps`` (lists of short strings). Deleting sets ``deleted_at``; the entry can
    be restored for 30 days and is purged after that.
    """

    class Kind(models.TextChoices):
        PROBLEM_FOCUS = "problem_focus", _("Problem focus")
        INITIATIVE = "initiative", _("Initiative")
        REFLECTION = "reflection", _("Reflection: what hinders and what helps")
        ADVISOR_EXPERIENCE = "advisor_experience", _("Experience with the advisor")
        MEETING_INPUT = "meeting_input", _("Input for the next development meeting")

    logbook = models.ForeignKey(Logbook, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    entry_date = models.DateField(_("date"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), max_length=20000, blank=True)
    for_whom = models.CharField(_("for whom"), max_length=300, blank=True)
    when_text = models.CharField(_("when"), max_length=200, blank=True)
    expected_effect = models.TextField(_("expected effect"), max_length=3000, blank=True)
    hindrances = models.JSONField(_("what hinders"), default=list, blank=True)
    helps = models.JSONField(_("what helps"), default=list, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prepares for development meeting"),
    )
    goals = models.ManyToManyField(
        CaseGoal, blank=True, related_name="logbook_entries", verbose_name=_("case goals")
    )
    knowledge_pages = models.ManyToManyField(
        Page,
        blank=True,
        related_name="+",
        verbose_name=_("principles and phases"),
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("logbook entry")
        verbose_name_plural = _("logbook entries")
        ordering = ["-entry_date", "-pk"]
        indexes = [models.Index(fields=["logbook", "deleted_at", "-entry_date"])]

    def __str__(self) -> str:
        return self.title


class EntryVersion(models.Model):
    """A copy of an entry as saved (every save keeps one); ``data`` holds its fields."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="entry_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.number}"


class EntryDraft(models.Model):
    """Autosaved, unsaved form content of one person (a new entry when ``entry`` is null).

    ``base_version`` is the entry version the draft started from, so restoring a
    draft of an entry that changed since is shown as a conflict too.
    """

    logbook = models.ForeignKey(Logbook, on_delete=models.CASCADE, related_name="drafts")
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, null=True, blank=True, related_name="drafts"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField()
    base_version = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "entry"],
                condition=Q(entry__isnull=False),
                name="entry_draft_one_per_user_and_entry",
            ),
            models.UniqueConstraint(
                fields=["user", "logbook"],
                condition=Q(entry__isnull=True),
                name="entry_draft_one_new_per_user_and_logbook",
            ),
        ]

    def __str__(self) -> str:
        return f"draft {self.pk}"


class EntryComment(ThreadComment):
    """A comment on an entry, or a reply to one (`bifrost.core.threads`): by the
    company's people or its consented advisor; researchers read them."""

    thread_field = "entry"

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="comments")

    class Meta(ThreadComment.Meta):
        verbose_name = _("comment on an entry")
        verbose_name_plural = _("comments on entries")

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.entry_id}"


class ChangeLogic(models.Model):
    """The change logic (forandringslogik) of an initiative entry.

    Prefilled from the entries (the initiative, its expected effect, linked
    knowledge pages) and then edited by the company.
    """

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="change_logic")
    challenge = models.CharField(
        _("challenge"), max_length=60, choices=Challenge.choices, blank=True
    )
    challenge_text = models.TextField(_("the challenge in our words"), max_length=3000, blank=True)
    expected_results = models.TextField(_("expected results"), max_length=3000, blank=True)
    knowledge_and_tools = models.TextField(
        _("knowledge and tools (references)"), max_length=5000, blank=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"change logic of {self.entry_id}"


class ReadinessCheck(models.Model):
    """The company's own rating of the six retention-readiness statements (1–5 each).

    ``scores`` maps statement keys (see ``logbook.readiness.STATEMENTS``) to 1..5.
    """

    logbook = models.ForeignKey(Logbook, on_delete=models.CASCADE, related_name="readiness_checks")
    taken_on = models.DateField(_("date"))
    scores = models.JSONField()
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["taken_on", "pk"]

    def __str__(self) -> str:
        return f"{self.logbook_id} {self.taken_on}"


class CriticalSituation(models.Model):
    """A critical situation at work, without any name or health detail of an employee."""

    class Trigger(models.TextChoices):
        CONCENTRATION = "concentration", _("Concentration")
        WORK_PRESSURE = "work_pressure", _("Work pressure")
        UNCLEAR_EXPECTATIONS = "unclear_expectations", _("Unclear expectations")
        DEMANDING_MANAGEMENT = "demanding_management", _("Demanding management")
        COLLEAGUES = "colleagues", _("Colleagues")
        OTHER = "other", _("Other")

    logbook = models.ForeignKey(
        Logbook, on_delete=models.CASCADE, related_name="critical_situations"
    )
    occurred_on = models.DateField(_("date"))
    trigger = models.CharField(_("what triggered it"), max_length=30, choices=Trigger.choices)
    what_happened = models.TextField(_("what happened"), max_length=3000)
    what_supported = models.TextField(_("what supported"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_trigger_display()} {self.occurred_on}"


class LogbookExport(FileExport):
    """A PDF of a logbook (or a date range of it), made by a Celery task, kept 7 days.

    ``version`` hashes the content and the options, so the same request lands
    on the same row and the task's file name is deterministic.
    """

    class Grouping(models.TextChoices):
        KIND = "kind", _("By kind of entry")
        MEETING = "meeting", _("By meeting period")

    logbook = models.ForeignKey(Logbook, on_delete=models.CASCADE, related_name="exports")
    version = models.CharField(max_length=64)
    date_from = models.DateField(_("from"), null=True, blank=True)
    date_to = models.DateField(_("to"), null=True, blank=True)
    grouping = models.CharField(
        _("group entries"), max_length=10, choices=Grouping.choices, default=Grouping.KIND
    )
    file = models.FileField(upload_to="exports/logbook/", blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta(FileExport.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["logbook", "version"], name="logbook_export_once_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.logbook_id} {self.version[:8]}"


class LogbookReminder(models.Model):
    """The one reminder a company gets before a meeting when nothing was written for 14 days."""

    logbook = models.ForeignKey(Logbook, on_delete=models.CASCADE, related_name="reminders")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["logbook", "meeting"], name="logbook_reminder_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.logbook_id} → {self.meeting_id}"
