"""Case URLs: the case itself (allocation, closure), the work around it and its notes."""

from . import urls_case, urls_notes, urls_work
from .screening import urls as screening_urls

app_name = "cases"
urlpatterns = [*urls_case.urlpatterns, *urls_work.urlpatterns, *urls_notes.urlpatterns]
urlpatterns += screening_urls.urlpatterns  # screening branch only: the lead redoes it on merge
