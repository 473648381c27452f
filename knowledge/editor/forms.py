"""The editor's page form."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from knowledge.editor import selectors
from knowledge.models import KIND_FIELDS, KIND_SECTION, Page, Section

slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lowercase letters a–z, digits and single hyphens, e.g. “stress-i-teamet”."),
)


class PageForm(forms.Form):
    """The editor's form. Structured fields depend on the page's kind."""

    section = forms.ChoiceField(label=_("Section"), choices=Section.choices)
    slug = forms.CharField(
        label=_("Address (slug)"),
        max_length=80,
        validators=[slug_validator],
        help_text=_("The last part of the page's address, e.g. “stress-i-teamet”."),
    )
    order = forms.IntegerField(
        label=_("Order in section"),
        min_value=0,
        initial=0,
        help_text=_("Lower numbers come first."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences; shown in lists and used as the meta description."),
    )
    body = forms.CharField(
        label=_("Text (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "font-monospace"}),
        help_text=_(
            "Markdown: ## heading, **bold**, *italic*, - list, [link](https://…). HTML is removed."
        ),
    )
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    summary_en = forms.CharField(
        label=_("Summary in English"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    body_en = forms.CharField(
        label=_("Text in English (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "font-monospace"}),
        help_text=_("Optional. Readers who chose English see this; otherwise the Danish text."),
    )
    related = forms.ModelMultipleChoiceField(
        label=_("Related pages"),
        queryset=Page.objects.none(),
        required=False,
        # Tick boxes (with a filter field, static/js/related-filter.js), not a
        # Ctrl+click list: each choice is reachable and visible on its own.
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a case: the principles, phase and challenges it illustrates."),
    )

    def __init__(self, *args, kind: str, page: Page | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["related"].queryset = selectors.relatable_pages(other_than=page)
        self.fields["related"].label_from_instance = lambda p: f"{p.get_kind_display()}: {p.title}"
        if kind in KIND_SECTION:
            self.fields["section"].initial = KIND_SECTION[kind].value
        for key, label, is_list in KIND_FIELDS[kind]:
            help_text = _("One item per line.") if is_list else _("Markdown allowed.")
            self.fields[f"field_{key}"] = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=help_text,
            )

    def structured_field_names(self) -> list[str]:
        return [f"field_{key}" for key, _label, _is_list in KIND_FIELDS[self.kind]]

    @classmethod
    def initial_from_content(cls, content: dict) -> dict:
        initial = {key: content.get(key) for key in ("section", "slug", "order", "title")}
        initial.update(summary=content.get("summary", ""), body=content.get("body", ""))
        for key in ("title_en", "summary_en", "body_en"):
            initial[key] = content.get(key, "")
        initial["related"] = content.get("related", [])
        for key, _label, is_list in KIND_FIELDS[content["kind"]]:
            value = (content.get("fields") or {}).get(key, [] if is_list else "")
            initial[f"field_{key}"] = "\n".join(value) if is_list else value
        return initial

    def content(self) -> dict:
        data = self.cleaned_data
        return {
            "section": data["section"],
            "kind": self.kind,
            "slug": data["slug"],
            "order": data["order"],
            "title": data["title"],
            "summary": data["summary"],
            "body": data["body"],
            "fields": {
                key: data.get(f"field_{key}", "")
                for key, _label, _is_list in KIND_FIELDS[self.kind]
            },
            "related": [page.pk for page in data["related"]],
            "title_en": data["title_en"],
            "summary_en": data["summary_en"],
            "body_en": data["body_en"],
        }

    def preview_content(self) -> tuple[dict, list[Page]]:
        """The content to preview and the related pages chosen, also while some
        fields are invalid: what was typed shows, the checks come on saving."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})

        def typed(name: str, default=""):
            return data[name] if name in data else self.data.get(name, default)

        order = data.get("order")
        content = {
            "section": typed("section", KIND_SECTION.get(self.kind, Section.METHOD)),
            "kind": self.kind,
            "slug": typed("slug"),
            "order": order if isinstance(order, int) else 0,
            "fields": {
                key: typed(f"field_{key}") for key, _label, _is_list in KIND_FIELDS[self.kind]
            },
        }
        for name in ("title", "summary", "body", "title_en", "summary_en", "body_en"):
            content[name] = typed(name)
        return content, list(data.get("related") or [])

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("summary_en") or cleaned.get("body_en")) and not cleaned.get("title_en"):
            self.add_error("title_en", _("Give the English title too, or leave English empty."))
        return cleaned
