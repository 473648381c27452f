"""`manage.py demo_data`: one programme's worth of fictional data. Safe to run again.

Each installed app may provide a `demo` module with a `load(stdout, today)`
function (and a `reset(stdout)` for `--reset`); they run in INSTALLED_APPS order, which follows the dependency direction
(accounts → knowledge → programme → matching → logbook). Discovering them
keeps apps from importing apps to their right.

The demo is dated around `today` (the local date; `--today` for another day, see
`programme/demo_calendar.py`). A demo that is already there is left as it is, so
a rerun changes nothing, even on a later day; `--reset` first removes what the
`reset` functions remove (programme.demo: the demo programme, and with it its
meetings, cases and logbooks), so the demo is loaded again around today. The demo
people and organisations are kept.
"""

import datetime
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from bifrost.core.search.indexes import rebuild_all


class Command(BaseCommand):
    help = (
        "Create fictional demo people, organisations and content, dated around today "
        "(idempotent; never in production)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo programme with its meetings, cases and logbooks first.",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Date the demo around this day (YYYY-MM-DD) instead of today.",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("demo_data refuses to run with production settings.")
        today = options.get("today") or timezone.localdate()
        modules = [
            import_module(f"{config.name}.demo")
            for config in apps.get_app_configs()
            if find_spec(f"{config.name}.demo") is not None
        ]
        with transaction.atomic():
            if options.get("reset"):
                # Right to left, so what depends on a demo object goes first.
                for module in reversed(modules):
                    if hasattr(module, "reset"):
                        module.reset(stdout=self.stdout)
            for module in modules:
                module.load(stdout=self.stdout, today=today)
            # The search indexes match what was just loaded, on SQLite as well.
            rebuild_all()
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
