"""Case URLs: the case itself (allocation, closure) and the work around it."""

from . import urls_case, urls_work

app_name = "cases"
urlpatterns = [*urls_case.urlpatterns, *urls_work.urlpatterns]
