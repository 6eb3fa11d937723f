from django.urls import path

from . import views

app_name = "language"

urlpatterns = [
    path("language/check/", views.check, name="check"),
    path("hub/language/", views.report, name="report"),
]
