"""Record pages for places, objects and groups. Paths carry UUIDs only."""

from django.urls import path

from . import views

app_name = "contexts"
urlpatterns = [
    path("places/<uuid:location_id>/", views.location_detail, name="location_detail"),
    path("objects/<uuid:object_id>/", views.object_detail, name="object_detail"),
    path("groups/<uuid:group_id>/", views.group_detail, name="group_detail"),
]
