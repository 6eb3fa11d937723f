"""People: search, record pages and break-glass. Paths carry UUIDs only, never names."""

from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("people/search/", views.search, name="search"),
    path("people/<uuid:person_id>/", views.person_detail, name="person_detail"),
    path("people/<uuid:person_id>/emergency-access/", views.break_glass, name="break_glass"),
    path("privacy-office/emergency-access/", views.break_glass_queue, name="break_glass_queue"),
    path(
        "privacy-office/emergency-access/<uuid:grant_id>/",
        views.break_glass_review,
        name="break_glass_review",
    ),
]
