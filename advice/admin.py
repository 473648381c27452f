"""Technical admin for the advice offer (staff only).

The catalogue (rounds, themes, providers and their parts) can be edited here; the
administrators' own editor is the everyday way. Requests are shown read-only and
without what the workplace wrote (situation, goals, agreed follow-up): that belongs
to the local parties and their provider and is read through the request pages.
Courses and their files are not shown here."""

from django.contrib import admin

from advice.models import (
    AdviceRequest,
    ContactPerson,
    CourseModelStep,
    OfferRound,
    Provider,
    ProviderCapacity,
    ProviderDecision,
    ProviderTheme,
    RequestEvent,
    Theme,
)


class ThemeInline(admin.StackedInline):
    model = Theme
    extra = 0
    prepopulated_fields = {"slug": ["title"]}


@admin.register(OfferRound)
class OfferRoundAdmin(admin.ModelAdmin):
    list_display = ["name", "accepts_from", "ends_on", "published"]
    list_filter = ["published"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ThemeInline]


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


class CourseModelStepInline(admin.StackedInline):
    model = CourseModelStep
    extra = 0


class ProviderThemeInline(admin.StackedInline):
    model = ProviderTheme
    extra = 0


class ProviderCapacityInline(admin.TabularInline):
    model = ProviderCapacity
    extra = 0


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "published", "position"]
    list_filter = ["published"]
    search_fields = ["name", "organisation__name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["organisation"]
    inlines = [
        ContactPersonInline,
        CourseModelStepInline,
        ProviderThemeInline,
        ProviderCapacityInline,
    ]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class ProviderDecisionInline(ReadOnlyInline):
    model = ProviderDecision
    fields = ["provider", "outcome", "start_date", "queue_number", "decided_at"]


class RequestEventInline(ReadOnlyInline):
    model = RequestEvent
    fields = ["kind", "provider", "at"]


# What the admin shows of a request: its course through the offer, not what it says.
REQUEST_FIELDS = (
    "round",
    "state",
    "workplace_name",
    "workplace_kind",
    "unit",
    "provider",
    "submitted_at",
    "invited_at",
    "reminded_at",
    "expires_at",
    "confirmed_at",
    "queued_at",
    "queue_number",
    "withdrawn_at",
)


@admin.register(AdviceRequest)
class AdviceRequestAdmin(admin.ModelAdmin):
    list_display = ["pk", "workplace_name", "provider", "state", "queue_number", "submitted_at"]
    list_filter = ["state", "round", "provider", "workplace_kind"]
    search_fields = ["workplace_name", "unit"]
    readonly_fields = REQUEST_FIELDS
    fields = REQUEST_FIELDS
    inlines = [ProviderDecisionInline, RequestEventInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
