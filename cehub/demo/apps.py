from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "cehub.demo"
    label = "demo"
    verbose_name = "Demo partnership"
