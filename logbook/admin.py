"""Admin: logbooks' consent and settings only. Entries, drafts and comments are not
shown here: their content belongs to the company and is read through the logbook
pages, where every access from outside the company is logged."""

from django.contrib import admin

from logbook.models import Logbook


@admin.register(Logbook)
class LogbookAdmin(admin.ModelAdmin):
    list_display = [
        "company",
        "programme",
        "share_with_advisor",
        "share_with_researchers",
        "consent_updated_at",
        "reminders_enabled",
    ]
    list_filter = ["programme", "share_with_advisor", "share_with_researchers"]
    search_fields = ["company__name"]
    # The consent is the company's to give; the staff list is never shown outside it.
    fields = [
        "company",
        "programme",
        "share_with_advisor",
        "share_with_researchers",
        "consent_updated_at",
        "consent_updated_by",
        "reminders_enabled",
        "created_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
