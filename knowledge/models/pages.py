"""Pages of the SMV-brobygger knowledge site, their revisions and role self-assessments.

Every piece of knowledge (a section intro, a principle, an advisor role, a
phase, a challenge, a case, a recommendation or tool from a programme) is a
Page, so drafts, publishing, revisions and search work the same for all.
Kind-specific attributes (a principle's SMV attention point, a role's focus, a
case's change logic) live in `fields`, described by KIND_FIELDS.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    FRONT = "forside", _("Front page")
    WHAT = "hvad-er-det", _("What is it?")
    METHOD = "brobyggermetoden", _("The bridge-builder method")
    ADVISOR_ROLE = "raadgiverrollen", _("The advisor role")
    PREVENTION = "forebyg-sygefravaer", _("Preventing sick leave")
    PHASES = "brobyggerfaser", _("Bridge-building phases")
    CASES = "cases", _("Cases")
    RECOMMENDATIONS = "anbefalinger", _("Recommendations")


# Sections in reading order, as the navigation shows them (the front page is "/").
SECTION_ORDER = [s for s in Section if s != Section.FRONT]


class Kind(models.TextChoices):
    ARTICLE = "article", _("Article")
    PRINCIPLE = "principle", _("Principle")
    ADVISOR_ROLE = "advisor_role", _("Advisor role")
    PHASE = "phase", _("Phase")
    CHALLENGE = "challenge", _("Challenge")
    CASE = "case", _("Case")
    RECOMMENDATION = "recommendation", _("Recommendation")
    TOOL = "tool", _("Tool")


# Structured attributes per kind: (key, label, is_list). Lists are one item a line.
KIND_FIELDS: dict[str, list[tuple[str, str, bool]]] = {
    Kind.ARTICLE: [],
    Kind.PRINCIPLE: [("smv_attention", _("Attention point in the SMV situation"), False)],
    Kind.ADVISOR_ROLE: [
        ("focus", _("Focus"), False),
        ("energy", _("Where the advisor's energy goes"), False),
        ("smv_gets", _("What the SMV gets"), False),
        ("relation", _("The relation it builds"), False),
    ],
    Kind.PHASE: [
        ("attention_points", _("Attention points"), True),
        ("quote", _("Quote"), False),
    ],
    Kind.CHALLENGE: [],
    Kind.CASE: [
        ("company", _("Company"), False),
        ("challenge", _("Challenge"), False),
        ("initiative", _("Initiative (change logic)"), False),
        ("expected_results", _("Expected results"), False),
        ("knowledge_tools", _("Knowledge and tools"), False),
        ("references", _("Literature references"), True),
    ],
    Kind.RECOMMENDATION: [],
    Kind.TOOL: [],
}

# The section each structured kind belongs to.
KIND_SECTION = {
    Kind.PRINCIPLE: Section.PREVENTION,
    Kind.ADVISOR_ROLE: Section.ADVISOR_ROLE,
    Kind.PHASE: Section.PHASES,
    Kind.CHALLENGE: Section.METHOD,
    Kind.CASE: Section.CASES,
    Kind.RECOMMENDATION: Section.RECOMMENDATIONS,
    Kind.TOOL: Section.RECOMMENDATIONS,
}


def _clean_lines(value: str | list[str] | None) -> list[str]:
    """A list field: one item a line (the editor's textarea) or a list already."""
    lines = value.splitlines() if isinstance(value, str) else value or []
    return [line.strip() for line in lines if line.strip()]


def clean_kind_fields(kind: str, fields: dict) -> dict[str, str | list[str]]:
    """The kind's structured fields as a page stores them (lists split, text trimmed)."""
    cleaned: dict[str, str | list[str]] = {}
    for key, _label, is_list in KIND_FIELDS[kind]:
        value = fields.get(key)
        cleaned[key] = _clean_lines(value) if is_list else (value or "").strip()
    return cleaned


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Page.Status.PUBLISHED)


class Page(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    section = models.CharField(_("section"), max_length=30, choices=Section.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text=_("The last part of the page's address: lowercase letters, digits and hyphens."),
    )
    order = models.PositiveIntegerField(
        _("order in section"), default=0, help_text=_("Lower numbers come first.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The live content: what readers see once the page is published.
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences; shown in lists and used as the meta description."),
    )
    body = models.TextField(_("text (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    body_text = models.TextField(editable=False, blank=True)
    fields = models.JSONField(_("structured fields"), default=dict, blank=True)
    # Optional English translation; readers who chose English see it where it exists.
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    body_en = models.TextField(_("text (English, Markdown)"), blank=True)
    body_html_en = models.TextField(editable=False, blank=True)
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="referenced_by",
        verbose_name=_("related pages"),
        help_text=_("For a case: the principles, phase and challenges it illustrates."),
    )
    has_unpublished_changes = models.BooleanField(default=False, editable=False)
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")
        ordering = ["section", "order", "title"]
        # The GIN indexes on search_vector (0002) and on its adjacent lexeme pairs
        # (0006) are made by migrations on PostgreSQL only (the embedded SQLite
        # mode searches its own FTS5 table, 0005).
        indexes = [
            models.Index(fields=["section", "status", "order"], name="knowledge_page_section_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.section == Section.FRONT:
            return reverse("front_page")
        if self.is_section_intro:
            return reverse("knowledge:section", kwargs={"section": self.section})
        return reverse("knowledge:page", kwargs={"section": self.section, "slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_section_intro(self) -> bool:
        return self.slug == self.section

    def field(self, key: str, default=""):
        return (self.fields or {}).get(key, default)

    @property
    def has_english(self) -> bool:
        return bool(self.title_en)

    def _reads_english(self) -> bool:
        return self.has_english and translation.get_language() == "en"

    @property
    def display_title(self) -> str:
        return self.title_en if self._reads_english() else self.title

    @property
    def display_summary(self) -> str:
        return self.summary_en if self._reads_english() and self.summary_en else self.summary

    @property
    def display_body_html(self) -> str:
        return self.body_html_en if self._reads_english() and self.body_en else self.body_html

    @property
    def content_language(self) -> str:
        """The language the reader actually gets (for the lang attribute)."""
        return "en" if self._reads_english() else "da"

    def structured_items(self) -> list[tuple[str, object, bool]]:
        """(label, value, is_list) of the kind's filled-in structured fields."""
        items = []
        for key, label, is_list in KIND_FIELDS.get(self.kind, []):
            value = self.field(key, [] if is_list else "")
            if value:
                items.append((label, value, is_list))
        return items


class PageRevision(models.Model):
    """A saved version of a page's content. Restoring one makes a new revision."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    content = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)
    published = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("page revision")
        verbose_name_plural = _("page revisions")

    def __str__(self) -> str:
        return f"{self.content.get('title', '')} ({self.created_at:%Y-%m-%d %H:%M})"


class RoleSelfAssessment(models.Model):
    """A saved answer to "Which advisor role do you have?" (only when the reader chose to)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_self_assessments"
    )
    answers = models.JSONField()
    scores = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("role self-assessment")
        verbose_name_plural = _("role self-assessments")

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"
