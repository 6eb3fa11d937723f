"""The referrer's side of intake: concerns, partner information and "My submissions"."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("concerns/new/", views.concern_start, name="concern_start"),
    path("concerns/new/check/", views.concern_check, name="concern_check"),
    path(
        "concerns/<uuid:concern_id>/submitted/",
        views.concern_submitted,
        name="concern_submitted",
    ),
    path("intelligence/new/", views.intelligence_start, name="intelligence_start"),
    path("intelligence/new/check/", views.intelligence_check, name="intelligence_check"),
    path(
        "intelligence/<uuid:item_id>/submitted/",
        views.intelligence_submitted,
        name="intelligence_submitted",
    ),
    path("my-submissions/", views.my_submissions, name="my_submissions"),
]
