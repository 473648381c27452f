"""`manage.py demo_data`: one programme's worth of fictional data. Safe to run again.

Each installed app may provide a `demo` module with a `load(stdout)` function;
they run in INSTALLED_APPS order, which follows the dependency direction
(accounts → knowledge → programme → matching → logbook). Discovering them
keeps apps from importing apps to their right.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create fictional demo people, organisations and content (idempotent; never in production)."
    )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("demo_data refuses to run with production settings.")
        with transaction.atomic():
            for config in apps.get_app_configs():
                if find_spec(f"{config.name}.demo") is not None:
                    import_module(f"{config.name}.demo").load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
