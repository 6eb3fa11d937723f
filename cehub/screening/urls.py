"""Screening pages. Paths carry UUIDs only."""

from django.urls import path

from . import views

app_name = "screening"
urlpatterns = [
    path("people/<uuid:person_id>/screening/new/", views.screen, name="screen"),
    path("people/<uuid:person_id>/screening/preview/", views.preview, name="preview"),
    path("screenings/<uuid:screening_id>/", views.detail, name="detail"),
    path("screenings/<uuid:screening_id>/decide/", views.decide, name="decide"),
    path("hub/approvals/", views.approval_queue, name="approval_queue"),
    path("guidance/low-risk/", views.low_risk_guidance, name="low_risk_guidance"),
]
