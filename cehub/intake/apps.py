from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "cehub.intake"
    label = "intake"
