"""People: search, record pages and break-glass. Paths carry UUIDs only, never names."""

from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("<uuid:person_id>/", views.person_detail, name="person_detail"),
    path("<uuid:person_id>/emergency-access/", views.break_glass, name="break_glass"),
]
