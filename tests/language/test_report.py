"""The managers' report of kept wording: chart layout, the page, its filters, access and audit."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date, datetime

import pyotp
import pytest
from django.db import connection
from django.http import Http404
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from cehub.accounts.models import Team, User
from cehub.core.models import AccessEvent
from cehub.core.roles import Role
from cehub.language.loader import CATEGORIES
from cehub.language.matcher import default_checker
from cehub.language.models import KeptWording
from cehub.language.report_chart import (
    BOTTOM,
    CATEGORY_LABELS,
    MAX_BAR_WIDTH,
    PATTERN_STYLES,
    PLOT_HEIGHT,
    TOP,
    add_months,
    category_label,
    describe_trend,
    field_label,
    layout_trend_chart,
    month_sequence,
    nice_scale,
    report_categories,
    rule_summaries,
)
from cehub.language.selectors import NO_TEAM, ReportFilters, kept_wording_report
from tests.browser import assert_accessible, sign_in
from tests.factories import TeamFactory, UserFactory
from tests.language.concerns import told

REPORT = "language:report"
FLAGGED = "She has been putting herself at risk with an older boyfriend."


# --- The chart's layout (no database) ------------------------------------------------------


def _months(count: int, last: date = date(2025, 11, 1)) -> list[date]:
    return month_sequence(last, count)


def _stack_is_contiguous(chart_bar: object, baseline: float) -> None:
    segments = chart_bar.segments  # type: ignore[attr-defined]
    bottom = baseline
    for segment in segments:
        assert segment.y + segment.height == pytest.approx(bottom, abs=0.02)
        bottom = segment.y


@pytest.mark.parametrize(
    ("largest", "expected"),
    [
        (0, (1, 1)),
        (1, (1, 1)),
        (3, (3, 1)),
        (4, (4, 1)),
        (5, (6, 2)),
        (14, (15, 5)),
        (100, (100, 50)),
        (1_234_567, (1_500_000, 500_000)),
    ],
)
def test_the_scale_uses_round_steps_and_fits_the_largest_month(
    largest: int, expected: tuple[int, int]
) -> None:
    axis_max, step = nice_scale(largest)
    assert (axis_max, step) == expected
    assert axis_max >= largest
    assert axis_max // step <= 4
    assert str(step).strip("0") in {"1", "2", "5"}


def test_months_run_oldest_first_across_the_new_year() -> None:
    assert month_sequence(date(2026, 2, 17), 4) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert add_months(date(2026, 1, 1), -13) == date(2024, 12, 1)
    assert len(month_sequence(date(2026, 6, 30), 12)) == 12


def test_months_with_nothing_kept_still_get_a_place_and_a_zero() -> None:
    months = _months(12)
    chart = layout_trend_chart(
        months=months, categories=list(CATEGORIES), counts=[[0] * 5 for _ in months]
    )
    assert chart.empty
    assert len(chart.bars) == 12
    assert all(bar.segments == () for bar in chart.bars)
    assert [bar.total_label for bar in chart.bars] == ["0"] * 12
    assert all(bar.total_y == chart.baseline - 6 for bar in chart.bars)
    assert [tick.label for tick in chart.ticks] == ["0", "1"]
    assert chart.description == ("No flagged wording was kept in December 2024 to November 2025.")
    assert [text for text, _ in chart.bars[1].lines] == ["Jan", "2025"]  # a new year
    # Bars are evenly spaced, left to right, inside the plot.
    xs = [bar.x for bar in chart.bars]
    assert xs == sorted(xs)
    assert chart.plot_left < xs[0] and xs[-1] + chart.bars[-1].width < chart.plot_right


def test_a_zero_month_between_busy_months_keeps_its_place() -> None:
    months = _months(3)
    chart = layout_trend_chart(
        months=months, categories=["blames_child"], counts=[[4], [0], [2]], partial_last=True
    )
    assert [bar.total for bar in chart.bars] == [4, 0, 2]
    assert [[text for text, _ in bar.lines] for bar in chart.bars] == [
        ["Sep", "2025"],
        ["Oct"],
        ["Nov", "so far"],  # straight under the month, with no gap where a year would go
    ]
    assert [y for _, y in chart.bars[2].lines] == [chart.baseline + 20, chart.baseline + 36]
    assert chart.bars[1].segments == ()
    gaps = {round(b.x - a.x, 2) for a, b in zip(chart.bars, chart.bars[1:], strict=False)}
    assert len(gaps) == 1


def test_one_month_is_one_centred_bar_no_wider_than_the_cap() -> None:
    chart = layout_trend_chart(
        months=[date(2025, 6, 1)],
        categories=list(CATEGORIES),
        counts=[[2, 1, 0, 0, 0]],
        partial_last=True,
    )
    (bar,) = chart.bars
    assert bar.width == MAX_BAR_WIDTH
    assert bar.centre == pytest.approx((chart.plot_left + chart.plot_right) / 2, abs=0.02)
    assert [segment.count for segment in bar.segments] == [2, 1]
    _stack_is_contiguous(bar, chart.baseline)
    assert [text for text, _ in bar.lines] == ["Jun", "2025", "so far"]
    assert chart.description == (
        "3 kept findings in June 2025 (so far). The kind kept most often was Blames the child (2)."
    )


def test_many_categories_stack_in_order_each_with_its_own_pattern() -> None:
    categories = [*CATEGORIES, "later_a", "later_b", "later_c", "later_d"]  # nine
    months = _months(6)
    counts = [[month + category for category in range(9)] for month in range(6)]
    chart = layout_trend_chart(months=months, categories=categories, counts=counts)
    pattern_ids = [pattern.id for pattern in chart.patterns]
    assert len(set(pattern_ids)) == 9
    # Eight looks, then they repeat; the first eight are all different.
    assert len({pattern.style for pattern in chart.patterns[:8]}) == 8
    assert chart.patterns[8].style == PATTERN_STYLES[0]
    assert all(style.colour.startswith("#") for style in PATTERN_STYLES)
    assert [item.label for item in chart.legend][-1] == "Later d"
    scale = PLOT_HEIGHT / chart.axis_max
    for bar, row in zip(chart.bars, counts, strict=True):
        assert [s.count for s in bar.segments] == [value for value in row if value]
        assert [s.pattern_id for s in bar.segments] == [
            pattern_ids[j] for j, value in enumerate(row) if value
        ]
        _stack_is_contiguous(bar, chart.baseline)
        top = bar.segments[-1].y
        assert top == pytest.approx(chart.baseline - sum(row) * scale, abs=0.1)
        assert top >= chart.plot_top - 0.01


def test_large_numbers_fit_and_are_written_with_commas() -> None:
    months = _months(12)
    counts = [[0, 0, 0, 0, 0] for _ in months]
    counts[3] = [1_000_000, 200_000, 30_000, 4_000, 567]  # 1,234,567
    counts[11] = [1, 0, 0, 0, 0]
    chart = layout_trend_chart(months=months, categories=list(CATEGORIES), counts=counts)
    assert chart.bars[3].total_label == "1,234,567"
    assert chart.ticks[-1].label == "1,500,000"
    assert chart.ticks[-1].y == chart.plot_top
    # The y-axis margin grows with the longest label.
    assert chart.plot_left >= 16 + 8 * len("1,500,000")
    tallest = chart.bars[3]
    _stack_is_contiguous(tallest, chart.baseline)
    assert tallest.segments[-1].y >= chart.plot_top
    # A single finding beside a million still exists as a (very thin) segment.
    assert chart.bars[11].segments[0].count == 1
    assert chart.height == TOP + PLOT_HEIGHT + BOTTOM
    assert "1,234,567" in chart.description


def test_the_description_says_which_way_the_trend_went() -> None:
    months = _months(6, date(2025, 11, 1))
    assert describe_trend(months=months, totals=[14, 9, 20, 5, 4, 3], partial_last=True) == (
        "Kept findings fell from 14 in June 2025 to 3 in November 2025 (so far). "
        "The most in one month was 20, in August 2025. 55 in all."
    )
    assert describe_trend(months=months, totals=[1, 0, 0, 0, 0, 6]).startswith(
        "Kept findings rose from 1 in June 2025 to 6 in November 2025."
    )
    same = describe_trend(
        months=months, totals=[2, 0, 0, 0, 0, 2], by_category=[("Minimises harm", 4)]
    )
    assert same == (
        "Kept findings were 2 in June 2025 and 2 in November 2025. 4 in all. "
        "The kind kept most often was Minimises harm (4)."
    )
    assert describe_trend(months=[], totals=[]) == "There are no months to show."


def test_counts_that_do_not_match_the_months_or_categories_are_refused() -> None:
    months = _months(2)
    with pytest.raises(ValueError, match="2 months but 1 rows"):
        layout_trend_chart(months=months, categories=["a"], counts=[[1]])
    with pytest.raises(ValueError, match="1 categories but a row of 2"):
        layout_trend_chart(months=months, categories=["a"], counts=[[1], [1, 2]])
    with pytest.raises(ValueError, match="negative"):
        layout_trend_chart(months=months, categories=["a"], counts=[[1], [-1]])


def test_no_months_lays_out_an_empty_frame() -> None:
    chart = layout_trend_chart(months=[], categories=list(CATEGORIES), counts=[])
    assert chart.bars == ()
    assert chart.empty


def test_every_category_rule_and_field_has_a_readable_name() -> None:
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert category_label("blames_child") == "Blames the child"
    assert category_label("at_risk_after_harm") == "Says 'at risk' after harm"
    assert category_label("something_new") == "Something new"
    summaries = rule_summaries(default_checker().ruleset.rules)
    assert summaries["putting-themselves-at-risk"].name == "Putting themselves at risk"
    assert summaries["putting-themselves-at-risk"].suggestion.startswith("[Child] is being")
    assert all(s.name and s.suggestion for s in summaries.values())
    assert field_label("concern.what_happened") == "Concern: what happened"
    assert field_label("case_note.body_text") == "Case note: body text"
    assert report_categories(["minimises_harm", "retired_kind"]) == [*CATEGORIES, "retired_kind"]


def test_the_chart_template_draws_with_attributes_only_and_is_labelled() -> None:
    months = _months(3)
    chart = layout_trend_chart(
        months=months,
        categories=list(CATEGORIES),
        counts=[[1, 2, 3, 4, 5], [0, 0, 0, 0, 0], [5, 0, 0, 0, 1]],
        id_prefix="t",
    )
    svg = render_to_string("language/_trend_chart.svg.html", {"chart": chart})
    assert 'role="img"' in svg
    assert 'aria-labelledby="t-title t-desc"' in svg
    assert f'<title id="t-title">{chart.title}</title>' in svg
    assert '<desc id="t-desc">Kept findings fell from 15 in September 2025' in svg
    assert "style" not in svg.replace("font-", "")  # no style attribute or element (CSP)
    assert svg.count('fill="url(#t-pattern-') == 7  # one per non-zero segment
    assert svg.count("<pattern ") == 5
    assert ">0</text>" in svg  # the empty month's total is written


# --- The page -------------------------------------------------------------------------------


def _kept(
    user: User,
    *,
    months_ago: int,
    category: str = "blames_child",
    rule_id: str = "putting-themselves-at-risk",
    field: str = "concern.what_happened",
    times: int = 1,
) -> None:
    """Rows as kept_wording_record writes them, ``months_ago`` calendar months back."""
    now = timezone.localtime()
    if months_ago == 0:
        when = now
    else:
        month = add_months(now.date(), -months_ago)
        when = timezone.make_aware(datetime(month.year, month.month, 10, 12))
    KeptWording.objects.bulk_create(
        KeptWording(
            user=user,
            team_id=user.team_id,
            agency_id=user.agency_id,
            field=field,
            rule_id=rule_id,
            category=category,
            recorded_at=when,
        )
        for _ in range(times)
    )


@pytest.fixture
def hub(make_persona: Callable[..., User], teacher: User) -> dict[str, object]:
    """Two hub teams, one with three authors and one with a single author, and a teacher."""
    duty = TeamFactory(name="Duty and assessment")
    exploitation = TeamFactory(name="Exploitation team")
    a, b, c = (
        make_persona(Role.HUB_PRACTITIONER, team=duty, full_name=name)
        for name in ("Dana Whitfield", "Omar Rashid", "Kerry Lyons")
    )
    solo = make_persona(Role.HUB_PRACTITIONER, team=exploitation, full_name="Tomasz Nowak")
    _kept(a, months_ago=0, times=3)
    _kept(b, months_ago=1, category="implies_consent", rule_id="older-boyfriend", times=2)
    _kept(
        c, months_ago=5, category="minimises_harm", rule_id="streetwise", field="meeting.decisions"
    )
    _kept(solo, months_ago=2, category="criminalising_or_outdated", rule_id="drug-running")
    _kept(solo, months_ago=8, category="at_risk_after_harm", rule_id="at-risk-after-harm")
    _kept(teacher, months_ago=4, field="concern.child_words")
    _kept(a, months_ago=13, times=50)  # before any period offered
    return {"duty": duty, "exploitation": exploitation, "authors": [a, b, c, solo, teacher]}


def _html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.HUB_MANAGER, Role.PARTNERSHIP_LEAD])
def test_managers_and_partnership_leads_see_the_trend_teams_and_kinds(
    role: Role,
    hub: dict[str, object],
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    viewer = make_persona(role)
    response = signed_in(viewer).get(reverse(REPORT))
    assert response.status_code == 200
    report = response.context["report"]
    assert report.total == 9  # the 50 from 13 months ago are outside the last 12 months
    assert report.authors == 5
    assert [m.total for m in report.months] == [0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 2, 3]
    assert report.months[-1].partial and not report.months[0].partial
    html = _html(response)
    # The chart, labelled in words, and its table.
    assert re.search(
        r'<svg[^>]*role="img"[^>]*aria-labelledby="kept-trend-title kept-trend-desc"', html
    )
    assert '<title id="kept-trend-title">Kept findings per month by kind of wording' in html
    assert '<desc id="kept-trend-desc">Kept findings rose from 0 in' in html
    assert "The kind kept most often was Blames the child (4)." in html
    assert "Kept findings by month and kind of wording" in html
    # Plain-English names for kinds, fields and rules.
    for label in (
        "Blames the child",
        "Implies the child consented",
        "Minimises harm",
        "Criminalising or outdated term",
        "Says &#x27;at risk&#x27; after harm",
        "Concern: what happened",
        "Meeting: decisions",
        "Older boyfriend",
        "Suggested instead:",
    ):
        assert label in html, label
    # Teams: the team of one is shown, and marked.
    teams = {team.name: team for team in report.teams}
    duty = teams[f"Duty and assessment ({hub['duty'].agency.name})"]  # type: ignore[attr-defined]
    assert (duty.authors, duty.total, duty.few_authors) == (3, 6, False)
    solo = teams[f"Exploitation team ({hub['exploitation'].agency.name})"]  # type: ignore[attr-defined]
    assert (solo.authors, solo.total, solo.few_authors) == (1, 2, True)
    assert teams["No team (partner agency staff)"].total == 1
    assert html.count("Fewer than 3 authors</strong>") == 2  # the team of one, the teacher
    assert "still has its counts shown" in html
    # Counts only: no author is named, no address shown.
    for author in hub["authors"]:  # type: ignore[attr-defined]
        assert author.full_name not in html
        assert author.email not in html
    # Viewing is audited, with the filters.
    event = AccessEvent.objects.filter(object_type="language-report").get()
    assert event.user == viewer
    assert event.details == {"filters": {"team": "all", "months": 12}, "result_count": 9}


@pytest.mark.django_db
def test_note_text_never_reaches_the_report(
    teacher: User, make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    told(teacher, FLAGGED, given_name="Zephyrine", family_name="Quillfeather")
    html = _html(signed_in(make_persona(Role.HUB_MANAGER)).get(reverse(REPORT)))
    assert "Older boyfriend" in html and "Putting themselves at risk" in html  # rule names
    for text in (FLAGGED, "putting herself", "Zephyrine", "Quillfeather", teacher.full_name):
        assert text not in html


@pytest.mark.django_db
def test_the_period_filter_counts_only_the_chosen_months(
    hub: dict[str, object], make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(make_persona(Role.HUB_MANAGER))
    response = client.get(reverse(REPORT), {"period": "3"})
    report = response.context["report"]
    assert len(report.months) == 3
    assert [m.total for m in report.months] == [1, 2, 3]
    assert report.total == 6
    assert 'value="3" checked' in _html(response)
    six = client.get(reverse(REPORT), {"period": "6"}).context["report"]
    assert six.total == 8  # adds five and four months ago, not eight


@pytest.mark.django_db
def test_the_team_filter_shows_one_team_or_those_without_one(
    hub: dict[str, object], make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(make_persona(Role.HUB_MANAGER))
    exploitation: Team = hub["exploitation"]  # type: ignore[assignment]
    response = client.get(reverse(REPORT), {"team": str(exploitation.pk)})
    report = response.context["report"]
    assert report.total == 2
    assert [t.total for t in report.teams] == [2]
    assert report.few_authors
    html = _html(response)
    assert "Fewer than 3 authors kept flagged wording in these counts" in html
    assert f'<option value="{exploitation.pk}" selected>' in html
    assert 'value="12" checked' in html  # the period defaults to a year
    event = AccessEvent.objects.filter(object_type="language-report").get()
    assert event.details["filters"] == {"team": str(exploitation.pk), "months": 12}

    partners = client.get(reverse(REPORT), {"team": NO_TEAM, "period": "6"}).context["report"]
    assert (partners.total, partners.team_name) == (1, "No team (partner agency staff)")

    duty: Team = hub["duty"]  # type: ignore[assignment]
    duty_report = client.get(reverse(REPORT), {"team": str(duty.pk)}).context["report"]
    assert (duty_report.total, duty_report.few_authors) == (6, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"team": "not-a-team"}, "Select a team from the list"),
        ({"team": str(uuid.uuid4())}, "Select a team from the list"),
        ({"period": "7"}, "Select the last 3, 6 or 12 months"),
        ({"period": "twelve", "team": ""}, "Select the last 3, 6 or 12 months"),
    ],
)
def test_filters_that_are_not_offered_get_the_form_error_not_a_report(
    query: dict[str, str],
    message: str,
    hub: dict[str, object],
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    response = signed_in(make_persona(Role.HUB_MANAGER)).get(reverse(REPORT), query)
    assert response.status_code == 200
    html = _html(response)
    assert "govuk-error-summary" in html
    assert message in html
    assert "<title>Error:" in html
    assert response.context["report"] is None
    assert "<svg" not in html and "Correct the filters above" in html
    assert not AccessEvent.objects.filter(object_type="language-report").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role",
    [
        Role.REFERRER,
        Role.HUB_PRACTITIONER,
        Role.INTELLIGENCE_OFFICER,
        Role.ANALYST,
        Role.PRIVACY_OFFICER,
        Role.SYSTEM_ADMINISTRATOR,
    ],
)
def test_other_roles_get_404_and_nothing_is_logged_as_viewed(
    role: Role,
    hub: dict[str, object],
    make_persona: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    user = make_persona(role)
    assert signed_in(user).get(reverse(REPORT)).status_code == 404
    assert not AccessEvent.objects.filter(object_type="language-report").exists()
    with pytest.raises(Http404):
        kept_wording_report(viewer=user)


@pytest.mark.django_db
def test_the_selector_refuses_a_team_it_does_not_know(make_persona: Callable[..., User]) -> None:
    manager = make_persona(Role.HUB_MANAGER)
    with pytest.raises(Http404):
        kept_wording_report(viewer=manager, filters=ReportFilters(team=uuid.uuid4()))
    with pytest.raises(ValueError, match="months"):
        ReportFilters(months=5)


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_rows(
    make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    client = signed_in(make_persona(Role.HUB_MANAGER))
    author = make_persona(Role.HUB_PRACTITIONER)
    _kept(author, months_ago=1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(REPORT)).status_code == 200
    for index in range(8):
        team = TeamFactory()
        for months_ago in range(12):
            _kept(
                UserFactory(team=team, agency=team.agency),
                months_ago=months_ago,
                category=CATEGORIES[months_ago % 5],
                field=f"form_{index}.field_{months_ago}",
                times=2,
            )
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse(REPORT))
    assert response.context["report"].total == 1 + 8 * 12 * 2
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db
def test_the_page_is_structured_for_assistive_technology(
    hub: dict[str, object], make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    html = _html(signed_in(make_persona(Role.HUB_MANAGER)).get(reverse(REPORT)))
    assert html.count("<table") == html.count("<caption") == 5
    assert 'id="kept-trend-title"' in html and 'id="kept-trend-desc"' in html
    # Legend swatches are decoration; the words beside them carry the meaning.
    assert html.count('aria-hidden="true" focusable="false"') == len(CATEGORIES)
    assert ' style="' not in html and "<style" not in html
    assert html.count('scope="col"') >= 4


@pytest.mark.django_db
def test_an_empty_report_says_so_in_the_chart_and_tables(
    make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    html = _html(signed_in(make_persona(Role.HUB_MANAGER)).get(reverse(REPORT)))
    assert "No flagged wording was kept in this period" in html
    assert "No team kept flagged wording in this period." in html
    assert '<desc id="kept-trend-desc">No flagged wording was kept in' in html


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_the_report_in_a_browser_passes_axe_and_the_csp(page: Page, live_server: object) -> None:
    base = str(live_server)
    secret = pyotp.random_base32()
    manager = UserFactory(
        email="manager@hub.example",
        role=Role.HUB_MANAGER,
        team=TeamFactory(name="Exploitation team"),
        totp_secret=secret,
    )
    _kept(manager, months_ago=1, times=4)
    _kept(manager, months_ago=0, category="minimises_harm", rule_id="streetwise")
    sign_in(page, base, manager.email, secret)
    page.goto(base + reverse(REPORT))
    chart = page.get_by_role("img", name=re.compile("Kept findings per month"))
    expect(chart).to_be_visible()
    assert page.locator("svg[role=img] rect[fill^='url(#kept-trend-pattern-']").count() == 2
    assert_accessible(page)  # the page fixture also fails on any CSP violation in the console
    page.get_by_label("Last 3 months").check()
    page.get_by_role("button", name="Show report").click()
    expect(page).to_have_url(re.compile(r"period=3"))
    expect(page.locator("table").first).to_contain_text("(so far)")
