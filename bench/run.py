"""CE Hub benchmarks (`make bench`): medians and rates, on a throwaway PostgreSQL database.

Measures what the foundation puts on every request: writing an access event (hash chain under
an advisory lock), verifying the chain, and serving a signed-in page. The machine is shared
and noisy, so each figure is the median of several rounds; compare ratios, not absolutes.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ROUNDS = 5


def median_seconds(rounds: int, work: Callable[[], None]) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def bench_hub_pages() -> None:
    """The hub's busiest reads on the demo partnership (CEHUB_BENCH_SCALE, default 1):
    fuzzy search, the triage queue and a child's record."""
    import tempfile

    from cehub.accounts.models import User
    from cehub.demo.services import seed_demo_partnership
    from cehub.people.models import Person, PersonCategory, PersonTeamAccess
    from cehub.people.selectors import SearchCriteria, person_search

    settings.DEMO_MODE = True  # this throwaway database only
    scale = float(os.environ.get("CEHUB_BENCH_SCALE", "1"))
    start = time.perf_counter()
    seed_demo_partnership(var_dir=Path(tempfile.mkdtemp()), scale=scale)
    print(
        f"demo partnership at scale {scale}: loaded in {time.perf_counter() - start:.1f} s, "
        f"{Person.objects.filter(category=PersonCategory.CHILD).count()} children"
    )
    worker = User.objects.get(email="hub-practitioner@demo.cehub.test")
    child = Person.objects.filter(
        team_access__team_id=worker.team_id, category=PersonCategory.CHILD
    ).first()
    misspelt = (child.given_name[:-1] + " " + child.family_name) if child else "Kayley Brooks"
    search = median_seconds(
        ROUNDS, lambda: person_search(viewer=worker, criteria=SearchCriteria(name=misspelt))
    )
    print(f"person_search (misspelt name): median {search * 1000:.1f} ms")
    client = Client()
    client.force_login(worker)
    pages = ["/intake/triage/", "/people/search/"]
    if child is not None and PersonTeamAccess.objects.filter(person=child).exists():
        pages.append(f"/people/{child.pk}/")
    for path in pages:
        client.get(path)
        requests = 20
        seconds = median_seconds(
            ROUNDS, lambda p=path, n=requests: [client.get(p) for _ in range(n)]
        )
        print(
            f"GET {path.replace(str(child.pk) if child else '-', '<child>')}: "
            f"median {seconds / requests * 1000:.1f} ms per request"
        )
    bench_language_in_pages(client)


def bench_language_in_pages(client: Client) -> None:
    """What an author waits for: the live check's round trip as they pause in typing, and
    the review on submit over the biggest form (screening: a box per indicator)."""
    from cehub.language.review import wording_review_pending
    from cehub.screening.forms import ScreeningForm
    from cehub.screening.services import tool_get

    note = (
        "Jade was found at the flat at 2am. She has been putting herself at risk with an "
        "older boyfriend and says she chose to go. Police attended and took her home. " * 3
    )
    requests = 20
    seconds = median_seconds(
        ROUNDS,
        lambda: [
            client.post("/language/check/", {"note": note}, HTTP_HX_TRIGGER_NAME="note")
            for _ in range(requests)
        ],
    )
    print(
        f"POST /language/check/ ({len(note)} characters): "
        f"median {seconds / requests * 1000:.1f} ms per request"
    )
    tool = tool_get()
    data = {"tool": tool.ref, "final_level": tool.levels[0], "disclosure": "no"}
    data.update({f"{indicator}__evidence": note for indicator in tool.indicators})
    form = ScreeningForm(data, tool=tool, calculate_only=True)
    form.is_valid()
    review = median_seconds(ROUNDS, lambda: wording_review_pending(form))
    print(
        f"wording_review_pending over the screening form ({len(tool.indicators)} boxes, all "
        f"flagged): median {review * 1000:.1f} ms"
    )


def main() -> None:
    connection.settings_dict["TEST"]["NAME"] = "bench_cehub"
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        from cehub.accounts.models import Agency, User
        from cehub.core.audit import audit_record, verify_chain
        from cehub.core.models import AccessAction, AccessEvent
        from cehub.core.roles import AgencyKind, Role

        batch = 500
        per_batch = median_seconds(
            ROUNDS,
            lambda: [
                audit_record(action=AccessAction.VIEW, object_type="bench", object_id=str(n))
                for n in range(batch)
            ],
        )
        print(
            f"audit_record: {batch / per_batch:,.0f} events/s "
            f"(median {per_batch / batch * 1000:.2f} ms per event, {ROUNDS} rounds of {batch})"
        )

        total = AccessEvent.objects.count()
        verify = median_seconds(ROUNDS, verify_chain)
        print(f"audit_verify: {total / verify:,.0f} events/s over {total:,} events")

        agency = Agency.objects.create(name="Bench agency", kind=AgencyKind.POLICE)
        user = User.objects.create_user(
            "bench@x.example", "bench passphrase 123", role=Role.PRIVACY_OFFICER, agency=agency
        )
        TOTP.activate(user, generate_totp_secret())
        client = Client()
        client.force_login(user)
        for path in ("/", "/privacy-office/access-log/"):
            client.get(path)  # warm up
            requests = 50
            seconds = median_seconds(
                ROUNDS, lambda p=path, n=requests: [client.get(p) for _ in range(n)]
            )
            print(
                f"GET {path}: median {seconds / requests * 1000:.1f} ms per request "
                f"({ROUNDS} rounds of {requests}, signed in, MFA checked)"
            )
        bench_hub_pages()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    language_bench = ROOT / "bench" / "language_bench.py"
    if language_bench.exists():
        os.execv(sys.executable, [sys.executable, str(language_bench)])  # noqa: S606


if __name__ == "__main__":
    main()
