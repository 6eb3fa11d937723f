from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "cehub.people"
    label = "people"
