"""Screening pages. Paths carry UUIDs only."""

from django.urls import path

from . import views

app_name = "screening"
urlpatterns = [
    path("people/<uuid:person_id>/new/", views.screen, name="screen"),
    path("people/<uuid:person_id>/preview/", views.preview, name="preview"),
    path("<uuid:screening_id>/", views.detail, name="detail"),
    path("<uuid:screening_id>/decide/", views.decide, name="decide"),
    path("approvals/", views.approval_queue, name="approval_queue"),
    path("guidance/low-risk/", views.low_risk_guidance, name="low_risk_guidance"),
]
