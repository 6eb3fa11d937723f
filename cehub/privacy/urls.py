"""The privacy office, under /privacy-office/."""

from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("access-log/", views.access_log, name="access_log"),
    path("access-log/check/", views.access_log_check, name="access_log_check"),
    path("emergency-access/", views.break_glass_queue, name="break_glass_queue"),
    path(
        "emergency-access/<uuid:grant_id>/",
        views.break_glass_review,
        name="break_glass_review",
    ),
]
