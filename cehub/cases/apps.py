from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cehub.cases"
    label = "cases"
