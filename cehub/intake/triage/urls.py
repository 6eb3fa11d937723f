"""The hub's side of intake: the triage queue, triaging concerns and grading intelligence.

Only UUIDs appear in these paths; searches and decisions are POSTed.
"""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("triage/", views.triage_queue, name="triage_queue"),
    path("triage/concerns/<uuid:concern_id>/", views.concern_triage, name="concern_triage"),
    path(
        "triage/concerns/<uuid:concern_id>/find-child/",
        views.concern_find_child,
        name="concern_find_child",
    ),
    path(
        "triage/concerns/<uuid:concern_id>/link-child/",
        views.concern_link_child,
        name="concern_link_child",
    ),
    path(
        "triage/concerns/<uuid:concern_id>/create-child/",
        views.concern_create_child,
        name="concern_create_child",
    ),
    path(
        "triage/concerns/<uuid:concern_id>/sharing/", views.concern_sharing, name="concern_sharing"
    ),
    path(
        "triage/concerns/<uuid:concern_id>/next-step/",
        views.concern_next_step,
        name="concern_next_step",
    ),
    path(
        "triage/intelligence/<uuid:item_id>/", views.intelligence_triage, name="intelligence_triage"
    ),
    path(
        "triage/intelligence/<uuid:item_id>/sharing/",
        views.intelligence_sharing,
        name="intelligence_sharing",
    ),
    path(
        "triage/intelligence/<uuid:item_id>/grade/",
        views.intelligence_grade,
        name="intelligence_grade",
    ),
]
