"""Disruption: the actions against a context node (a person, place, vehicle or group)."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("contexts/<uuid:node_id>/disruption/", views.disruption_list, name="disruption_list"),
    path("contexts/<uuid:node_id>/disruption/new/", views.disruption_new, name="disruption_new"),
]
