from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("access-log/", views.access_log, name="access_log"),
    path("access-log/check/", views.access_log_check, name="access_log_check"),
]
