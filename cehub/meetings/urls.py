"""The daily meeting's pages (``minutes``) and the actions tracker (``actions``), under
/meetings/. URL names are the app's: ``meetings:item_run``, ``meetings:my_actions``."""

from cehub.meetings.actions.urls import urlpatterns as actions_urls
from cehub.meetings.minutes.urls import urlpatterns as minutes_urls

app_name = "meetings"
urlpatterns = [*minutes_urls, *actions_urls]
