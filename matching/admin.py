"""Technical admin for matching data (staff only). Match runs are a record: read-only."""

from django.contrib import admin

from matching.models import (
    AdvisorProfile,
    CompanyProfile,
    MatchPair,
    MatchRun,
    MatchWeights,
    PairRule,
)


@admin.register(CompanyProfile)
class CompanyProfileAdmin(admin.ModelAdmin):
    list_display = ["company", "programme", "industry", "region", "updated_at"]
    list_filter = ["programme"]
    search_fields = ["company__name"]
    raw_id_fields = ["company", "updated_by"]
    filter_horizontal = ["existing_units"]


@admin.register(AdvisorProfile)
class AdvisorProfileAdmin(admin.ModelAdmin):
    list_display = ["advisor", "unit", "programme", "capacity", "withdrawn_at"]
    list_filter = ["programme"]
    search_fields = ["advisor__email", "advisor__full_name", "unit__name"]
    raw_id_fields = ["advisor", "unit"]


@admin.register(MatchWeights)
class MatchWeightsAdmin(admin.ModelAdmin):
    list_display = ["programme", "challenge", "industry", "region_format", "role"]
    raw_id_fields = ["updated_by"]


@admin.register(PairRule)
class PairRuleAdmin(admin.ModelAdmin):
    list_display = ["programme", "company", "advisor", "kind", "created_at"]
    list_filter = ["programme", "kind"]
    raw_id_fields = ["company", "advisor", "created_by"]


class MatchPairInline(admin.TabularInline):
    model = MatchPair
    extra = 0
    can_delete = False
    fields = ["company", "advisor", "score", "source"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = ["programme", "created_at", "mode", "status", "is_rematch", "created_by"]
    list_filter = ["programme", "status"]
    inlines = [MatchPairInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
