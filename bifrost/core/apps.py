from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bifrost.core"
    label = "core"
    verbose_name = "BIFROST core"
