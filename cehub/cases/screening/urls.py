"""Screening pages, under /cases/screening/. Paths carry UUIDs only."""

from django.urls import path

from . import views

urlpatterns = [
    path("screening/people/<uuid:person_id>/new/", views.screen, name="screening_new"),
    path("screening/people/<uuid:person_id>/preview/", views.preview, name="screening_preview"),
    path("screening/<uuid:screening_id>/", views.detail, name="screening_detail"),
    path("screening/<uuid:screening_id>/decide/", views.decide, name="screening_decide"),
    path("screening/approvals/", views.approval_queue, name="approval_queue"),
]
