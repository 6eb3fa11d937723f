"""The work around a case: safety plans, missing episodes, disruption and NRM (UUIDs only)."""

from django.urls import URLPattern, path

from . import views_work as views

urlpatterns: list[URLPattern] = [
    path("<uuid:case_id>/safety-plan/new/", views.safety_plan_new, name="safety_plan_new"),
    path("safety-plans/<uuid:plan_id>/", views.safety_plan_detail, name="safety_plan_detail"),
    path("safety-plans/<uuid:plan_id>/print/", views.safety_plan_print, name="safety_plan_print"),
    path("people/<uuid:person_id>/missing/", views.missing_list, name="missing_list"),
    path("people/<uuid:person_id>/missing/new/", views.missing_new, name="missing_new"),
    path("missing/<uuid:episode_id>/", views.missing_detail, name="missing_detail"),
    path("missing/<uuid:episode_id>/found/", views.missing_found, name="missing_found"),
    path("missing/<uuid:episode_id>/interview/", views.missing_interview, name="missing_interview"),
    path("missing/import/", views.missing_import, name="missing_import"),
    path("contexts/<uuid:node_id>/disruption/", views.disruption_list, name="disruption_list"),
    path("contexts/<uuid:node_id>/disruption/new/", views.disruption_new, name="disruption_new"),
    path("people/<uuid:person_id>/nrm/new/", views.nrm_new, name="nrm_new"),
    path("nrm/<uuid:referral_id>/", views.nrm_edit, name="nrm_edit"),
]
