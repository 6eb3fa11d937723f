"""The case page, its allocation and closure, and the manager's allocation queue."""

from django.urls import path

from . import views_case

urlpatterns = [
    path("allocations/", views_case.allocation_queue, name="allocation_queue"),
    path("<uuid:case_id>/", views_case.case_detail, name="case_detail"),
    path("<uuid:case_id>/allocate/", views_case.case_allocate, name="case_allocate"),
    path("<uuid:case_id>/close/", views_case.case_close, name="case_close"),
]
