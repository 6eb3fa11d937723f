from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "cehub.screening"
    label = "screening"
    verbose_name = "Screening"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the system check that loads every tool file, so `manage.py check` and
        # start-up report a broken partnership tool instead of the first screening.
        from cehub.screening import checks  # noqa: F401
