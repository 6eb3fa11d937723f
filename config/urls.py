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
    path("accounts/users/", include("cehub.accounts.urls")),
    path("intake/", include("cehub.intake.urls")),
    path("people/", include("cehub.people.urls")),
    path("contexts/", include("cehub.contexts.urls")),
    path("screening/", include("cehub.screening.urls")),
    path("cases/", include("cehub.cases.urls")),
    path("meetings/", include("cehub.meetings.urls")),
    path("language/", include("cehub.language.urls")),
    path("privacy-office/", include("cehub.privacy.urls")),
]

handler400 = "cehub.core.views.bad_request"
handler403 = "cehub.core.views.permission_denied"
handler404 = "cehub.core.views.page_not_found"
handler500 = "cehub.core.views.server_error"
