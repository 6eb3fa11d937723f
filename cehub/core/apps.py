from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cehub.core"
    label = "core"
    verbose_name = "Core"
