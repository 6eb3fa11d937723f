"""Missing episodes: a child's list, a new one, one episode (found, interview), a police list."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("people/<uuid:person_id>/missing/", views.missing_list, name="missing_list"),
    path("people/<uuid:person_id>/missing/new/", views.missing_new, name="missing_new"),
    path("missing/<uuid:episode_id>/", views.missing_detail, name="missing_detail"),
    path("missing/<uuid:episode_id>/found/", views.missing_found, name="missing_found"),
    path("missing/<uuid:episode_id>/interview/", views.missing_interview, name="missing_interview"),
    path("missing/import/", views.missing_import, name="missing_import"),
]
