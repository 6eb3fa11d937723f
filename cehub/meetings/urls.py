"""The daily meeting's pages and the actions tracker. Only UUIDs appear in paths."""

from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("new/", views.meeting_create, name="meeting_create"),
    path("<uuid:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("<uuid:meeting_id>/items/add/", views.item_add, name="item_add"),
    path("<uuid:meeting_id>/start/", views.meeting_start, name="meeting_start"),
    path("<uuid:meeting_id>/close/", views.meeting_close, name="meeting_close"),
    path("<uuid:meeting_id>/corrections/", views.correction_add, name="correction_add"),
    path("<uuid:meeting_id>/minutes/print/", views.minutes_print, name="minutes_print"),
    path("<uuid:meeting_id>/actions.csv", views.actions_csv, name="actions_csv"),
    path("items/<uuid:item_id>/", views.item_run, name="item_run"),
    path("items/<uuid:item_id>/remove/", views.item_remove, name="item_remove"),
    path("items/<uuid:item_id>/move/", views.item_move, name="item_move"),
    path("actions/mine/", views.my_actions, name="my_actions"),
    path("actions/team/", views.team_actions, name="team_actions"),
    path("actions/overdue/", views.overdue_actions, name="overdue_actions"),
    path("actions/<uuid:action_id>/complete/", views.action_complete, name="action_complete"),
]
