"""Case notes: the list, adding one, correcting one (UUIDs only; no edit or delete)."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("<uuid:case_id>/notes/", views.case_notes, name="case_notes"),
    path("<uuid:case_id>/notes/new/", views.case_note_new, name="case_note_new"),
    path(
        "<uuid:case_id>/notes/<uuid:note_id>/correct/",
        views.case_note_correct,
        name="case_note_correct",
    ),
]
