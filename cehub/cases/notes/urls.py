"""Case notes: the list, adding one, correcting one (UUIDs only; no edit or delete)."""

from django.urls import URLPattern, path

from . import views

NOTES = "<uuid:case_id>/notes/"

urlpatterns: list[URLPattern] = [
    path(NOTES, views.case_notes, name="case_notes"),
    path(NOTES + "new/", views.case_note_new, name="case_note_new"),
    path(NOTES + "<uuid:note_id>/correct/", views.case_note_correct, name="case_note_correct"),
]
