"""Every company actively enrolled in a programme has its logbook.

Logbooks used to be made when a company owner first opened the logbook landing
page; they are now made at enrolment (`logbook.logbooks.receivers`). This makes
the ones that are missing for enrolments that existed before.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef


def create_missing_logbooks(apps, schema_editor):
    Enrolment = apps.get_model("programme", "Enrolment")
    Logbook = apps.get_model("logbook", "Logbook")
    has_logbook = Logbook.objects.filter(
        programme_id=OuterRef("programme_id"), company_id=OuterRef("organisation_id")
    )
    pairs = (
        Enrolment.objects.filter(left_at__isnull=True, organisation__kind="company")
        .exclude(Exists(has_logbook))
        .values_list("programme_id", "organisation_id")
    )
    Logbook.objects.bulk_create(
        [Logbook(programme_id=programme_id, company_id=company_id) for programme_id, company_id in pairs],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("logbook", "0003_export_heartbeat"),
        ("programme", "0005_meeting_run_ended"),
    ]

    operations = [
        migrations.RunPython(create_missing_logbooks, migrations.RunPython.noop),
    ]
