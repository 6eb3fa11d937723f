"""Safety plans: a new version on a case, one version, and its printable copy."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("<uuid:case_id>/safety-plan/new/", views.safety_plan_new, name="safety_plan_new"),
    path("safety-plans/<uuid:plan_id>/", views.safety_plan_detail, name="safety_plan_detail"),
    path("safety-plans/<uuid:plan_id>/print/", views.safety_plan_print, name="safety_plan_print"),
]
