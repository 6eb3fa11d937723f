"""The case page, its allocation and closure, and the manager's allocation queue."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("allocations/", views.allocation_queue, name="allocation_queue"),
    path("<uuid:case_id>/", views.case_detail, name="case_detail"),
    path("<uuid:case_id>/allocate/", views.case_allocate, name="case_allocate"),
    path("<uuid:case_id>/close/", views.case_close, name="case_close"),
]
