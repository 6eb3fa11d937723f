"""Online handles: a platform slug and the account's username on it.

Decisions:

- The platform is one of ``PLATFORMS``. Common names and abbreviations are accepted ("Snap",
  "insta", "IG", "Twitter", "X (Twitter)", "FB", "YT"); any other non-empty name maps to
  "other", because "other" exists for platforms not on the list. An empty platform is rejected.
- Handles lose surrounding whitespace and leading "@"s. Profile links are reduced to the
  username ("https://www.instagram.com/some.user/?igsh=x" -> "some.user"). A link to a known
  platform given with platform "other" moves to that platform; a link to a different platform
  from the one chosen is rejected rather than silently reassigned.
- All the listed platforms treat usernames case-insensitively, so they are lower-cased. The
  exceptions are YouTube channel IDs ("UC..."), which are case-sensitive and kept as given,
  and "other", whose rules are unknown.
- Each platform's allowed characters and maximum length are enforced; minimum lengths are not,
  because platforms have changed them and older accounts keep short names.
- WhatsApp accounts are phone numbers, so the handle is normalised to E.164 like any phone.
- "other" accepts anything without spaces, up to 100 characters, as typed (including links).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qs, urlsplit

from ._text import fold_compat
from .errors import InvalidIdentifier
from .phones import normalise_phone

__all__ = ["PLATFORMS", "normalise_online_handle", "normalise_platform"]

OTHER = "other"
OTHER_MAX_LENGTH = 100

MESSAGE_PLATFORM = "Select the platform"
MESSAGE_EMPTY = "Enter a username"
MESSAGE_SPACES = "Username must not include spaces"
MESSAGE_OTHER_CHARACTERS = "Username must only include letters, numbers and symbols"
MESSAGE_OTHER_LONG = f"Username must be {OTHER_MAX_LENGTH} characters or fewer"
MESSAGE_BAD_LINK = "Enter a username, or a link to the person's profile"


@dataclass(frozen=True, slots=True)
class _Platform:
    label: str
    pattern: re.Pattern[str]
    characters: str  # for messages: "letters, numbers, ..."
    max_length: int
    hosts: tuple[str, ...]


def _platform(label: str, charset: str, characters: str, max_length: int, *hosts: str) -> _Platform:
    return _Platform(label, re.compile(f"[{charset}]+"), characters, max_length, hosts)


_PLATFORMS: dict[str, _Platform] = {
    "snapchat": _platform(
        "Snapchat", "a-z0-9._-", "letters, numbers, hyphens, full stops and underscores", 15,
        "snapchat.com",
    ),
    "instagram": _platform(
        "Instagram", "a-z0-9._", "letters, numbers, full stops and underscores", 30,
        "instagram.com", "instagr.am",
    ),
    "tiktok": _platform(
        "TikTok", "a-z0-9._", "letters, numbers, full stops and underscores", 24, "tiktok.com"
    ),
    "facebook": _platform(
        "Facebook", "a-z0-9.", "letters, numbers and full stops", 50,
        "facebook.com", "fb.com", "fb.me",
    ),
    # Checked as a phone number instead of by pattern.
    "whatsapp": _platform("WhatsApp", "0-9+", "numbers", 16, "wa.me", "whatsapp.com"),
    "telegram": _platform(
        "Telegram", "a-z0-9_", "letters, numbers and underscores", 32,
        "t.me", "telegram.me", "telegram.dog",
    ),
    "x": _platform("X", "a-z0-9_", "letters, numbers and underscores", 15, "x.com", "twitter.com"),
    "discord": _platform(
        "Discord", "a-z0-9._", "letters, numbers, full stops and underscores", 32,
        "discord.com", "discordapp.com",
    ),
    "youtube": _platform(
        "YouTube", "a-z0-9._-", "letters, numbers, hyphens, full stops and underscores", 30,
        "youtube.com",
    ),
}  # fmt: skip

#: (slug, label) pairs in display order, for form choices.
PLATFORMS: tuple[tuple[str, str], ...] = (
    *((slug, spec.label) for slug, spec in _PLATFORMS.items()),
    (OTHER, "Other"),
)

# Keys are lower case with everything but letters and digits removed.
_ALIASES = {
    "snap": "snapchat",
    "sc": "snapchat",
    "insta": "instagram",
    "ig": "instagram",
    "fb": "facebook",
    "messenger": "facebook",
    "facebookmessenger": "facebook",
    "wa": "whatsapp",
    "tg": "telegram",
    "twitter": "x",
    "xtwitter": "x",
    "twitterx": "x",
    "xformerlytwitter": "x",
    "yt": "youtube",
}
_DISCORD_LEGACY_RE = re.compile(r"(?P<name>[^#]+)#(?P<tag>[0-9]{4})")
_YOUTUBE_CHANNEL_RE = re.compile(r"UC[A-Za-z0-9_-]{22}")
# Per platform, path segments that come before the username in a profile link, and first
# segments of links to posts, videos and pages rather than to an account (all reserved by the
# platform, so no account has them as its name).
_LINK_PREFIXES: dict[str, frozenset[str]] = {
    "snapchat": frozenset({"add"}),
    "instagram": frozenset({"stories"}),
    "telegram": frozenset({"s"}),
    "discord": frozenset({"users"}),
    "youtube": frozenset({"c", "user", "channel"}),
}
_NOT_PROFILES: dict[str, frozenset[str]] = {
    "snapchat": frozenset({"discover", "spotlight", "t"}),
    "instagram": frozenset({"p", "reel", "reels", "tv", "explore", "accounts"}),
    "tiktok": frozenset({"discover", "tag", "music", "t"}),
    "facebook": frozenset({"groups", "events", "share", "sharer", "watch", "profile.php"}),
    "whatsapp": frozenset({"send", "channel"}),
    "telegram": frozenset({"joinchat", "addstickers", "share"}),
    "x": frozenset({"i", "intent", "home", "search", "hashtag", "explore"}),
    "discord": frozenset({"invite", "channels"}),
    "youtube": frozenset({"watch", "shorts", "playlist", "results", "live"}),
}


def normalise_platform(text: str) -> str:
    """The platform slug for a name or alias: "Insta" -> "instagram", "Kik" -> "other"."""
    key = "".join(ch for ch in fold_compat(text).casefold() if ch.isalnum())
    if not key:
        raise InvalidIdentifier(MESSAGE_PLATFORM)
    if key in _PLATFORMS or key == OTHER:
        return key
    return _ALIASES.get(key, OTHER)


def _platform_for_host(host: str) -> str | None:
    host = host.lower()  # subdomains (www., m., api.) match by suffix
    for slug, spec in _PLATFORMS.items():
        if any(host == domain or host.endswith(f".{domain}") for domain in spec.hosts):
            return slug
    return None


def _looks_like_link(handle: str) -> bool:
    return "://" in handle or "/" in handle


def _split_link(link: str) -> SplitResult:
    try:
        return urlsplit(link if "://" in link else f"https://{link}")
    except ValueError:  # such as an unclosed "[" in the host
        raise InvalidIdentifier(MESSAGE_BAD_LINK) from None


def _username_from_link(slug: str, link: str) -> str:
    """The username in a profile link, or "" when the link names no account."""
    parts = _split_link(link)
    query = parse_qs(parts.query)
    if slug == "facebook" and query.get("id"):  # profile.php?id=100012345678
        return query["id"][0]
    if slug == "whatsapp" and query.get("phone"):  # api.whatsapp.com/send?phone=44...
        return query["phone"][0]
    segments = [segment for segment in parts.path.split("/") if segment]
    if slug == "facebook" and segments and segments[0].lower() == "people":
        return segments[2] if len(segments) > 2 else ""  # people/Some-Name/100012345678
    if segments and segments[0].lower() in _LINK_PREFIXES.get(slug, frozenset()):
        segments = segments[1:]
    if not segments or segments[0].lower() in _NOT_PROFILES[slug]:
        return ""
    return segments[0]


def _check(slug: str, handle: str) -> str:
    spec = _PLATFORMS[slug]
    if slug == "whatsapp":
        number = handle if handle.startswith(("+", "0")) else f"+{handle}"
        try:
            return normalise_phone(number)
        except InvalidIdentifier:
            raise InvalidIdentifier(
                "Enter the WhatsApp phone number, like 07700 900 982 or +44 7700 900 982"
            ) from None
    if slug == "youtube" and _YOUTUBE_CHANNEL_RE.fullmatch(handle):
        return handle  # channel IDs are case-sensitive
    name, suffix = handle, ""
    if slug == "discord" and (legacy := _DISCORD_LEGACY_RE.fullmatch(handle)):
        name, suffix = legacy["name"], f"#{legacy['tag']}"  # pre-2023 "name#1234" form
    lowered = name.lower()
    # ASCII first, so look-alikes from other scripts (Cyrillic "а") never pass as Latin.
    if not name.isascii() or not spec.pattern.fullmatch(lowered):
        raise InvalidIdentifier(f"{spec.label} usernames can only include {spec.characters}")
    if len(lowered) > spec.max_length:
        raise InvalidIdentifier(
            f"{spec.label} usernames must be {spec.max_length} characters or fewer"
        )
    return lowered + suffix


def normalise_online_handle(platform: str, handle: str) -> tuple[str, str]:
    """Return ``(platform_slug, username)`` in canonical form or raise ``InvalidIdentifier``."""
    slug = normalise_platform(platform)
    text = fold_compat(handle or "").strip()
    if not text:
        raise InvalidIdentifier(MESSAGE_EMPTY)
    if slug == "whatsapp" and not _looks_like_link(text):
        return slug, _check(slug, text)  # a phone number, spaces and all
    if any(ch.isspace() for ch in text):
        raise InvalidIdentifier(MESSAGE_SPACES)
    if not text.isprintable():
        raise InvalidIdentifier(MESSAGE_OTHER_CHARACTERS)
    if _looks_like_link(text):
        slug, text = _from_link(slug, text)
    text = text.lstrip("@")  # lstrip, not removeprefix, so "@@name" is stable
    if not text:
        raise InvalidIdentifier(MESSAGE_EMPTY)
    if slug != OTHER:
        return slug, _check(slug, text)
    if len(text) > OTHER_MAX_LENGTH:
        raise InvalidIdentifier(MESSAGE_OTHER_LONG)
    return OTHER, text


def _from_link(slug: str, link: str) -> tuple[str, str]:
    """The platform and username for a profile link; unknown sites stay "other", as typed."""
    host = _split_link(link).hostname or ""
    linked = _platform_for_host(host)
    if slug == OTHER:
        if linked is None:
            return OTHER, link
        slug = linked
    label = _PLATFORMS[slug].label
    if linked != slug:
        raise InvalidIdentifier(
            f"Enter the person's {label} username, or a link to their {label} profile"
        )
    username = _username_from_link(slug, link)
    if not username:
        raise InvalidIdentifier(
            f"Enter a link to the person's {label} profile, not to a post or page"
        )
    return slug, username
