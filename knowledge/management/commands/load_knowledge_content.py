"""Publish the initial SMV-brobygger pages that do not exist yet (safe in production)."""

from django.core.management.base import BaseCommand

from knowledge.editor.services import load_initial_content


class Command(BaseCommand):
    help = "Create and publish the initial knowledge pages; existing pages are left as they are."

    def handle(self, *args, **options):
        created = load_initial_content()
        self.stdout.write(self.style.SUCCESS(f"{created} knowledge pages created."))
