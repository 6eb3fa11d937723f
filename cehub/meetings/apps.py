from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "cehub.meetings"
    label = "meetings"
