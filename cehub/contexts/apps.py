from django.apps import AppConfig


class ContextsConfig(AppConfig):
    name = "cehub.contexts"
    label = "contexts"
