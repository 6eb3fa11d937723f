from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The privacy office: the access log, the emergency-access reviews (and, from issue 11,
    subject access requests and the sharing register). Above the apps whose records it reads."""

    name = "cehub.privacy"
    label = "privacy"
    verbose_name = "Privacy office"
