"""Intake URLs: the referrer's side (submitting) and the hub's side (triage)."""

from . import submit_urls, triage_urls

app_name = "intake"
urlpatterns = [*submit_urls.urlpatterns, *triage_urls.urlpatterns]
