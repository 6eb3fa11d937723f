from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "cehub.language"
    label = "language"
    verbose_name = "Language checker"

    def ready(self) -> None:
        # The form renderer (core) shows our findings without importing us.
        from cehub.core.govuk_forms.field_review import register_field_review

        from .review import LanguageFieldReview

        register_field_review(LanguageFieldReview())
