"""Write every app's search index anew (PostgreSQL vectors, or the SQLite FTS5 tables)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from bifrost.core.search.indexes import rebuild_all


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search indexes of the knowledge pages and the logbook "
        "entries from their text (safe to run at any time)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = rebuild_all()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} indexed.")
        self.stdout.write(self.style.SUCCESS("Search indexes are up to date."))
