from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cehub.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects allauth and auth signals to the audit log)
