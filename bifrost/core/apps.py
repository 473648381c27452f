from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "bifrost.core"
    label = "core"
    verbose_name = "BIFROST core"

    def ready(self) -> None:
        from bifrost.core import personal_data, privacy, table_versions

        # Every write through Django changes its table's version (viewer_cache).
        table_versions.install()

        # The core's own section of a person's data download: the outbox.
        personal_data.register(
            "core",
            label=_("E-mails and notifications"),
            description=_(
                "The platform's e-mails to you that are still kept (up to 30 days after "
                "sending): subject, status and times, without their text; your "
                "notifications and how you chose to get them by e-mail."
            ),
            collect=privacy.collect,
            erase=privacy.erase,
        )
