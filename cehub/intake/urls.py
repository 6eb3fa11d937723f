"""Intake URLs (mounted at /intake/): the referrer's side (submit) and the hub's side (triage)."""

from .submit import urls as submit_urls
from .triage import urls as triage_urls

app_name = "intake"
urlpatterns = [*submit_urls.urlpatterns, *triage_urls.urlpatterns]
