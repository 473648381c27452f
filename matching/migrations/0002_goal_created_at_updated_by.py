"""When a goal was added, and who last changed it (for the company's dashboard).

Goals made before this migration get their last change as their creation time
(nothing better is known), and no `updated_by`: the dashboard reports none of
them as new."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


def created_from_updated(apps, schema_editor):
    CaseGoal = apps.get_model("matching", "CaseGoal")
    CaseGoal.objects.update(created_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="casegoal",
            name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(created_from_updated, migrations.RunPython.noop, elidable=True),
        migrations.AddField(
            model_name="casegoal",
            name="updated_by",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
