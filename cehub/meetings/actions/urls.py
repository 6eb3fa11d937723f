"""The actions tracker, and a meeting's actions as CSV. Only UUIDs appear in paths."""

from django.urls import path

from . import views

urlpatterns = [
    path("<uuid:meeting_id>/actions.csv", views.actions_csv, name="actions_csv"),
    path("actions/mine/", views.my_actions, name="my_actions"),
    path("actions/team/", views.team_actions, name="team_actions"),
    path("actions/overdue/", views.overdue_actions, name="overdue_actions"),
    path("actions/<uuid:action_id>/complete/", views.action_complete, name="action_complete"),
]
