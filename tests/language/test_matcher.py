"""Unit tests for the matcher: spans, inflections, quotes, guards, negation and odd input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cehub.language.matcher import CheckResult, Finding, LanguageChecker, check, default_checker


def texts(result: CheckResult) -> list[str]:
    return [f.text for f in result.findings]


def quoted_texts(result: CheckResult) -> list[str]:
    return [f.text for f in result.quoted]


# --- spans -------------------------------------------------------------------------------


def test_span_is_an_offset_into_the_original_text(checker: LanguageChecker) -> None:
    note = "Home visit. Jade is putting herself at risk by going to the park."
    [finding] = checker.check(note).findings
    assert (finding.start, finding.end) == (20, 43)
    assert note[finding.start : finding.end] == finding.text == "putting herself at risk"
    assert finding.category == "blames_child"
    assert finding.rule_id == "putting-themselves-at-risk"
    assert finding.suggestions
    assert "adults" in finding.explanation


def test_original_case_and_characters_are_kept(checker: LanguageChecker) -> None:
    note = "SOPHIE IS PUTTING HERSELF AT RISK."
    [finding] = checker.check(note).findings
    assert finding.text == "PUTTING HERSELF AT RISK"


def test_offsets_count_characters_after_non_ascii_text(checker: LanguageChecker) -> None:
    note = "Zoë 🙂 — ﬁrst visit. Chloé’s mum says she is sexually active."
    [finding] = checker.check(note).findings
    assert note[finding.start : finding.end] == "sexually active"


def test_several_findings_come_back_in_text_order(checker: LanguageChecker) -> None:
    note = (
        "She is sexually active with a 22-year-old man. He is her older boyfriend. "
        "She keeps putting herself in danger."
    )
    result = checker.check(note)
    starts = [f.start for f in result.findings]
    assert starts == sorted(starts)
    assert {f.category for f in result.findings} == {"implies_consent", "blames_child"}
    assert "older boyfriend" in texts(result)


def test_overlapping_matches_of_one_rule_become_one_finding(checker: LanguageChecker) -> None:
    result = checker.check("Mia's older boyfriend is 26.")
    assert texts(result) == ["older boyfriend is 26"]


def test_a_phrase_in_two_categories_is_reported_in_both(checker: LanguageChecker) -> None:
    result = checker.check("Reece chooses to associate with older males.")
    assert result.categories == {"blames_child", "implies_consent"}


# --- inflections and pronouns ------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "She put herself at risk.",
        "She puts herself at risk.",
        "She is putting herself at risk.",
        "They are putting themselves in danger.",
        "He puts himself in risky situations.",
        "YP has put themself at risk.",
        "He placed himself in dangerous situations.",
        "She keeps placing herself at significant risk.",
        "They exposed themselves to risk.",
        "He had put him/herself at risk.",
        "She continues to put herself in harm's way.",
        "Jade’s been putting herself at risk.",
    ],
)
def test_putting_themselves_at_risk_in_every_form(checker: LanguageChecker, note: str) -> None:
    assert checker.check(note).categories == {"blames_child"}


@pytest.mark.parametrize(
    ("note", "category"),
    [
        ("She makes poor choices.", "blames_child"),
        ("He made some really bad choices.", "blames_child"),
        ("She is making unwise decisions.", "blames_child"),
        ("He chose to go missing.", "blames_child"),
        ("She has chosen the gang lifestyle.", "blames_child"),
        ("She chooses to return to the flat.", "blames_child"),
        ("Kai engaged in risk-taking behaviour.", "blames_child"),
        ("He has been messaging adults online.", "blames_child"),
        ("She sent nudes to him.", "blames_child"),
        ("She is sexually active.", "implies_consent"),
        ("She consented to sex.", "implies_consent"),
        ("She is having sex with a 24-year-old.", "implies_consent"),
        ("Her boyfriend (23) collects her.", "implies_consent"),
        ("He is in a relationship with an older man.", "implies_consent"),
        ("He's streetwise.", "minimises_harm"),
        ("She has been sexting.", "minimises_harm"),
        ("Officers found evidence of child prostitution.", "criminalising_or_outdated"),
        ("Images were shared as child porn.", "criminalising_or_outdated"),
        ("He has been running drugs.", "criminalising_or_outdated"),
        ("He ran drugs for the gang.", "criminalising_or_outdated"),
        ("She absconds most nights.", "criminalising_or_outdated"),
        ("He recruited others.", "criminalising_or_outdated"),
    ],
)
def test_categories(checker: LanguageChecker, note: str, category: str) -> None:
    assert checker.check(note).categories == {category}


# --- quotations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        'Jade said "I put myself at risk, it\'s my fault".',
        "Jade said “I put myself at risk, it’s my fault”.",
        "Jade said ‘I put myself at risk, it’s my fault’ and cried.",
        "Jade said 'I put myself at risk' and cried.",
        "Jade said: 'I put myself at risk.'",
    ],
)
def test_the_childs_own_words_in_quotes_are_reported_as_quoted(
    checker: LanguageChecker, note: str
) -> None:
    result = checker.check(note)
    assert result.findings == []
    assert quoted_texts(result) == ["put myself at risk"]
    [quoted] = result.quoted
    assert note[quoted.start : quoted.end] == quoted.text


def test_quoted_and_unquoted_in_one_note(checker: LanguageChecker) -> None:
    note = 'She said "I\'m sexually active" and the notes say she is sexually active.'
    result = checker.check(note)
    assert [f.start for f in result.quoted] == [note.index("sexually")]
    assert [f.start for f in result.findings] == [note.rindex("sexually")]


def test_apostrophes_are_not_quotation_marks(checker: LanguageChecker) -> None:
    note = "Jade's carer says Jade's been putting herself at risk; the boys' mum agrees."
    result = checker.check(note)
    assert texts(result) == ["putting herself at risk"]
    assert result.quoted == []


def test_an_unclosed_quotation_runs_to_the_end_of_the_line(checker: LanguageChecker) -> None:
    result = checker.check('She said "I am sexually active\nShe is sexually active.')
    assert len(result.quoted) == 1
    assert len(result.findings) == 1


def test_scare_quotes_around_a_term_are_quoted(checker: LanguageChecker) -> None:
    result = checker.check("Aisha describes herself as “streetwise”.")
    assert result.findings == []
    assert quoted_texts(result) == ["streetwise"]


# --- false alarms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Jade is at risk of missing the bus.",
        "She is at risk of sexual exploitation.",  # nothing says harm has happened
        "Leah was raped; she is at risk of further sexual abuse.",
        "Her mother is sexually active.",
        "Mr Jones (45) made poor choices.",
        "Mum is in a relationship with a 40-year-old man.",
        "Her mum's older boyfriend has moved in.",
        "She was running late for school.",
        "Kai is a keen runner.",
        "Mia has a good relationship with her foster carer.",
        "Ruby is an active member of the drama club.",
        "She made a brave choice to tell her teacher.",
        "Staff are putting themselves at risk by lone working.",
        "The suspect absconded from bail.",
        "Kai was forced to sell drugs.",
        "Chloe was pressured into sending nudes.",
        "Mum consented to the referral.",
        "Children cannot consent to sexual activity.",
        "Child sexual abuse material was found.",
        "The man was exploited by nobody; he is 40.",
    ],
)
def test_no_false_alarm(checker: LanguageChecker, note: str) -> None:
    result = checker.check(note)
    assert result.findings == [], texts(result)


def test_adult_by_age_is_not_about_the_child(checker: LanguageChecker) -> None:
    assert checker.check("He is 45 and is sexually active.").findings == []
    assert checker.check("He is 15 and is sexually active.").categories == {"implies_consent"}


def test_a_reporting_verb_hands_the_sentence_back_to_the_child(checker: LanguageChecker) -> None:
    assert checker.check("Mum says Jade is sexually active.").categories == {"implies_consent"}
    assert checker.check("Mother feels Jade is making bad choices.").categories == {"blames_child"}


def test_adult_with_a_child_is_still_flagged_for_sexual_activity(checker: LanguageChecker) -> None:
    note = "The man had sexual activity with the 14-year-old."
    assert checker.check(note).categories == {"implies_consent"}
    adults = "The 35-year-old man had sexual contact with a 30-year-old woman."
    assert checker.check(adults).findings == []


def test_who_clause_takes_its_subject_from_before_who(checker: LanguageChecker) -> None:
    assert checker.check("Kayden was exploited by men who sell drugs.").findings == []


# --- negation ----------------------------------------------------------------------------


def test_denying_choice_or_consent_is_not_flagged(checker: LanguageChecker) -> None:
    for note in (
        "It was not her choice to go with them.",
        "Kai did not choose to carry drugs.",
        "Going missing is not a lifestyle choice.",
        "Mia is not sexually active.",
        "Kai was not putting himself at risk; he was being exploited.",
    ):
        assert checker.check(note).findings == [], note


def test_outdated_terms_are_flagged_even_when_negated(checker: LanguageChecker) -> None:
    result = checker.check("No child pornography was found.")
    [finding] = result.findings
    assert finding.negated is True
    assert finding.as_dict()["negated"] is True


def test_not_only_is_not_a_negation(checker: LanguageChecker) -> None:
    note = "She is not only putting herself at risk but also her sister."
    assert checker.check(note).categories == {"blames_child"}


def test_a_negation_in_another_clause_does_not_count(checker: LanguageChecker) -> None:
    note = "She is not at school, and she is putting herself at risk."
    assert checker.check(note).categories == {"blames_child"}


# --- at risk where harm has already happened ---------------------------------------------


def test_at_risk_after_harm_needs_the_harm_stated(checker: LanguageChecker) -> None:
    harmed = "Jade was raped last month. She is at risk of sexual exploitation."
    assert checker.check(harmed).categories == {"at_risk_after_harm"}
    after = "Jade is at risk of sexual exploitation. She was sexually assaulted last week."
    assert checker.check(after).categories == {"at_risk_after_harm"}


def test_at_risk_after_harm_ignores_hedged_or_other_peoples_harm(checker: LanguageChecker) -> None:
    for note in (
        "There is no evidence Kai has been exploited; he is at risk of exploitation.",
        "It is unclear whether she has been groomed; she is at risk of sexual exploitation.",
        "Her mother was sexually abused as a child. Ruby is at risk of sexual exploitation.",
        "Ruby was sexually abused as a young child; she is at risk of criminal exploitation.",
    ):
        assert checker.check(note).findings == [], note


# --- odd input ---------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["", " ", "\n\n", "\t", ".", '"', "'", "“", "‘’"])
def test_empty_and_blank_text(checker: LanguageChecker, note: str) -> None:
    assert checker.check(note) == CheckResult()
    assert checker.check(note).as_dict() == {"findings": [], "quoted": []}


def test_very_long_text_is_checked_quickly(checker: LanguageChecker) -> None:
    paragraph = (
        "Visit completed and plan reviewed with the carer. Jade is putting herself at risk. "
        'She said "I am sexually active". '
    )
    note = paragraph * 2000  # about 230,000 characters
    started = time.perf_counter()
    result = checker.check(note)
    assert time.perf_counter() - started < 10
    assert len(result.findings) == 2000
    assert len(result.quoted) == 2000


def test_pathological_repetition_does_not_backtrack(checker: LanguageChecker) -> None:
    for note in ("make " + "very " * 20000 + "choices", '"' * 20001, "at risk of " * 20000):
        started = time.perf_counter()
        checker.check(note)
        assert time.perf_counter() - started < 5


def test_module_level_check_uses_one_cached_checker() -> None:
    assert default_checker() is default_checker()
    assert check("She is streetwise.").categories == {"minimises_harm"}


def test_as_dict_has_the_command_contract(checker: LanguageChecker) -> None:
    result = checker.check("She is streetwise.").as_dict()
    [entry] = result["findings"]
    assert {"start", "end", "text", "category", "suggestions"} <= set(entry)
    assert isinstance(entry["suggestions"], list)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_consistent_spans(note: str) -> None:
    result = default_checker().check(note)
    all_findings: list[Finding] = result.findings + result.quoted
    for finding in all_findings:
        assert 0 <= finding.start < finding.end <= len(note)
        assert note[finding.start : finding.end] == finding.text
    spans = {(f.start, f.end, f.rule_id) for f in result.findings}
    assert not spans & {(f.start, f.end, f.rule_id) for f in result.quoted}


PHRASES = [
    "putting herself at risk",
    "sexually active",
    "older boyfriend",
    "child prostitution",
    "streetwise",
    "drug running",
]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(PHRASES),
    st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), max_size=40),
    st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), max_size=40),
)
def test_a_phrase_is_found_wherever_it_sits(phrase: str, before: str, after: str) -> None:
    note = f"{before}. She said she is {phrase}. {after}"
    result = default_checker().check(note)
    start = note.index(f"She said she is {phrase}") + len("She said she is ")
    assert any(f.start == start for f in result.findings), (note, result)
