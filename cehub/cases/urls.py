"""The cases app's URLs (mounted at /cases/): each subdomain's, joined under one namespace."""

from .casework import urls as casework
from .disruption import urls as disruption
from .missing import urls as missing
from .notes import urls as notes
from .nrm import urls as nrm
from .plans import urls as plans

app_name = "cases"
urlpatterns = [
    *casework.urlpatterns,
    *plans.urlpatterns,
    *missing.urlpatterns,
    *disruption.urlpatterns,
    *nrm.urlpatterns,
    *notes.urlpatterns,
]
