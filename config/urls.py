from django.urls import include, path

from cehub.accounts import views as account_views
from cehub.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accessibility/", core_views.accessibility_statement, name="accessibility"),
    path("privacy/", core_views.privacy_notice, name="privacy"),
    # Our sign-in view wraps allauth's; it must come before allauth's own URL for it.
    path("account/login/", account_views.login, name="account_login"),
    path("account/", include("allauth.urls")),
    path("admin/users/", include("cehub.accounts.urls")),
    path("", include("cehub.intake.urls")),
    path("", include("cehub.people.urls")),
    path("", include("cehub.contexts.urls")),
    path("", include("cehub.screening.urls")),
    path("", include("cehub.cases.urls")),
    path("", include("cehub.meetings.urls")),
    path("", include("cehub.language.urls")),
    path("privacy-office/", include("cehub.core.urls")),
]

handler400 = "cehub.core.views.bad_request"
handler403 = "cehub.core.views.permission_denied"
handler404 = "cehub.core.views.page_not_found"
handler500 = "cehub.core.views.server_error"
