from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "cehub.language"
    label = "language"
    verbose_name = "Language checker"
