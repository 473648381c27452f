"""Staff see the outbox (what was sent, what waits, what was given up), read-only."""

from django.contrib import admin

from bifrost.core.models import OutboxEmail


@admin.register(OutboxEmail)
class OutboxEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "key", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["key"]
    readonly_fields = [field.name for field in OutboxEmail._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
