"""The meeting and its minutes. Only UUIDs appear in paths."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("new/", views.meeting_create, name="meeting_create"),
    path("<uuid:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("<uuid:meeting_id>/items/add/", views.item_add, name="item_add"),
    path("<uuid:meeting_id>/start/", views.meeting_start, name="meeting_start"),
    path("<uuid:meeting_id>/close/", views.meeting_close, name="meeting_close"),
    path("<uuid:meeting_id>/corrections/", views.correction_add, name="correction_add"),
    path("<uuid:meeting_id>/minutes/print/", views.minutes_print, name="minutes_print"),
    path("items/<uuid:item_id>/", views.item_run, name="item_run"),
    path("items/<uuid:item_id>/remove/", views.item_remove, name="item_remove"),
    path("items/<uuid:item_id>/move/", views.item_move, name="item_move"),
]
