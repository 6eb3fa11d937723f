"""Screening pages that need nothing from cases: the low-risk guidance.

Screening a child, a screening and the approvals hand the screening to a case, so they live
in ``cehub.cases.screening`` (under /cases/screening/).
"""

from django.urls import path

from . import views

app_name = "screening"
urlpatterns = [
    path("guidance/low-risk/", views.low_risk_guidance, name="low_risk_guidance"),
]
