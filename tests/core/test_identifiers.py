"""The shared identifier normalisers, fed the awkward things people really type.

Pure functions: no database, no Django settings needed.
"""

from __future__ import annotations

import string
import unicodedata

import phonenumbers
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from cehub.core.identifiers import (
    PLATFORMS,
    InvalidIdentifier,
    RegistrationFormat,
    format_nhs_number,
    format_phone,
    format_vehicle_registration,
    name_search_key,
    nhs_check_digit,
    normalise_nhs_number,
    normalise_online_handle,
    normalise_person_name,
    normalise_phone,
    normalise_platform,
    normalise_postcode,
    normalise_postcode_prefix,
    normalise_vehicle_registration,
    postcode_area,
    postcode_outward,
    postcode_sector,
    vehicle_registration_format,
)


def rejects(func: object, *args: object, **kwargs: object) -> str:
    """Call ``func`` expecting ``InvalidIdentifier``; return its message."""
    assert callable(func)
    with pytest.raises(InvalidIdentifier) as caught:
        func(*args, **kwargs)
    return caught.value.message


def test_invalid_identifier_is_a_value_error_with_a_message() -> None:
    error = InvalidIdentifier("Enter a postcode")
    assert isinstance(error, ValueError)
    assert error.message == "Enter a postcode"
    assert str(error) == "Enter a postcode"


# --- postcodes ---------------------------------------------------------------------------------

POSTCODE_INVALID = "Enter a real postcode, like SW1A 1AA"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("sw1a1aa", "SW1A 1AA", id="lower-no-space"),
        pytest.param(" SW1A  1AA ", "SW1A 1AA", id="padded-double-space"),
        pytest.param("S W 1 A 1 A A", "SW1A 1AA", id="spaced-out"),
        pytest.param("sw1a-1aa", "SW1A 1AA", id="hyphen-separator"),
        pytest.param("(SW1A 1AA).", "SW1A 1AA", id="surrounding-punctuation"),
        pytest.param('"sw1a 1aa",', "SW1A 1AA", id="quoted-with-comma"),
        pytest.param("SW1A\u00a01AA", "SW1A 1AA", id="no-break-space"),
        pytest.param("SW1A\t1AA\n", "SW1A 1AA", id="tab-and-newline"),
        pytest.param("ＳＷ１Ａ １ＡＡ", "SW1A 1AA", id="full-width"),
        pytest.param("EC1A 1BB", "EC1A 1BB", id="AA9A"),
        pytest.param("W1A 0AX", "W1A 0AX", id="A9A"),
        pytest.param("M1 1AE", "M1 1AE", id="A9"),
        pytest.param("B33 8TH", "B33 8TH", id="A99"),
        pytest.param("CR2 6XH", "CR2 6XH", id="AA9"),
        pytest.param("DN55 1PT", "DN55 1PT", id="AA99"),
        pytest.param("gir0aa", "GIR 0AA", id="girobank"),
        pytest.param("BF1 3AA", "BF1 3AA", id="bfpo-postcode-format"),
    ],
)
def test_normalise_postcode_accepts(text: str, expected: str) -> None:
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "Enter a postcode", id="empty"),
        pytest.param("   ", "Enter a postcode", id="blank"),
        pytest.param("SW1A", POSTCODE_INVALID, id="outward-only"),
        pytest.param("12345", POSTCODE_INVALID, id="zip-code"),
        pytest.param("ZZ99 9ZZZ", POSTCODE_INVALID, id="too-long"),
        pytest.param("ZZ99 3VZ", POSTCODE_INVALID, id="nhs-no-fixed-abode-pseudo-postcode"),
        pytest.param("SW1A OAA", POSTCODE_INVALID, id="letter-o-for-zero-not-guessed"),
        pytest.param("SW1A 1CA", POSTCODE_INVALID, id="inward-letter-C"),
        pytest.param("QA1 1AA", POSTCODE_INVALID, id="first-letter-Q"),
        pytest.param("AZ1 1AA", POSTCODE_INVALID, id="second-letter-Z"),
        pytest.param("W1I 1AA", POSTCODE_INVALID, id="A9A-third-letter-I"),
        pytest.param("SW1A.1AA", POSTCODE_INVALID, id="full-stop-inside"),
        pytest.param("SW1A--1AA", POSTCODE_INVALID, id="double-hyphen"),
        pytest.param("BFPO 123", POSTCODE_INVALID, id="bfpo-number"),
        pytest.param("ASCN 1ZZ", POSTCODE_INVALID, id="overseas-territory"),
        pytest.param("SW1A 1AAß", POSTCODE_INVALID, id="non-ascii"),
    ],
)
def test_normalise_postcode_rejects(text: str, message: str) -> None:
    assert rejects(normalise_postcode, text) == message


@pytest.mark.parametrize(
    ("text", "outward", "sector", "area"),
    [
        pytest.param("sw1a1aa", "SW1A", "SW1A 1", "SW", id="AA9A"),
        pytest.param("M1 1AE", "M1", "M1 1", "M", id="A9"),
        pytest.param("DN55 1PT", "DN55", "DN55 1", "DN", id="AA99"),
        pytest.param("W1A 0AX", "W1A", "W1A 0", "W", id="A9A"),
    ],
)
def test_postcode_parts(text: str, outward: str, sector: str, area: str) -> None:
    assert postcode_outward(text) == outward
    assert postcode_sector(text) == sector
    assert postcode_area(text) == area


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("sw1a 1aa", "SW1A 1AA", id="full"),
        pytest.param("sw1a", "SW1A", id="outward"),
        pytest.param("sw1a 1", "SW1A 1", id="sector"),
        pytest.param("SW1A1A", "SW1A 1A", id="no-space-partial-inward"),
        pytest.param("sw", "SW", id="area"),
        pytest.param("m11", "M11", id="ambiguous-read-as-district"),
        pytest.param("M1 1", "M1 1", id="space-disambiguates"),
    ],
)
def test_normalise_postcode_prefix(text: str, expected: str) -> None:
    assert normalise_postcode_prefix(text) == expected


@pytest.mark.parametrize("text", ["", "Q1", "SW1A X", "12", "SW1A 1AA 1"])
def test_normalise_postcode_prefix_rejects(text: str) -> None:
    rejects(normalise_postcode_prefix, text)


# Letters allowed in each position by the postcode standard, for generating real-format codes.
FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ"
SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"
THIRD_A9A = "ABCDEFGHJKPSTUW"
FOURTH_AA9A = "ABEHMNPRVWXY"
INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def letters(alphabet: str, n: int = 1) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=n, max_size=n)


DIGIT = st.sampled_from(string.digits)
OUTWARDS = st.one_of(
    st.tuples(letters(FIRST), DIGIT).map("".join),
    st.tuples(letters(FIRST), DIGIT, DIGIT).map("".join),
    st.tuples(letters(FIRST), letters(SECOND), DIGIT).map("".join),
    st.tuples(letters(FIRST), letters(SECOND), DIGIT, DIGIT).map("".join),
    st.tuples(letters(FIRST), DIGIT, letters(THIRD_A9A)).map("".join),
    st.tuples(letters(FIRST), letters(SECOND), DIGIT, letters(FOURTH_AA9A)).map("".join),
)
POSTCODES = st.tuples(OUTWARDS, DIGIT, letters(INWARD, 2)).map(lambda p: f"{p[0]} {p[1]}{p[2]}")


@st.composite
def messy(draw: st.DrawFn, canonical: str, separators: str = " ") -> str:
    """``canonical`` as someone might type it: any case, separators anywhere, padding."""
    out = [draw(st.text(alphabet=" \t", max_size=2))]
    for ch in canonical.replace(" ", ""):
        out.append(ch.lower() if draw(st.booleans()) else ch)
        out.append(draw(st.text(alphabet=separators, max_size=1)))
    out.append(draw(st.text(alphabet=" \t", max_size=2)))
    return "".join(out)


@given(data=st.data(), postcode=POSTCODES)
def test_postcodes_normalise_to_one_canonical_form(data: st.DataObject, postcode: str) -> None:
    typed = data.draw(messy(postcode))
    assert normalise_postcode(typed) == postcode
    assert normalise_postcode(postcode) == postcode
    assert postcode_outward(postcode) == postcode.split()[0]
    assert normalise_postcode_prefix(postcode_outward(postcode)) == postcode.split()[0]


# --- NHS numbers -------------------------------------------------------------------------------


def modulus_11_ok(number: str) -> bool:
    """An independent statement of the NHS Modulus 11 rule, to check the examples against."""
    total = sum(int(number[i]) * (10 - i) for i in range(9))
    check = (11 - total % 11) % 11  # 11 -> 0
    return check != 10 and check == int(number[9])


@pytest.mark.parametrize(
    "number", ["9434765919", "4010232137", "9990000018", "6000000006", "4505577104"]
)
def test_example_nhs_numbers_really_pass_modulus_11(number: str) -> None:
    assert modulus_11_ok(number)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("943 476 5919", "9434765919", id="spaced"),
        pytest.param("943-476-5919", "9434765919", id="hyphenated"),
        pytest.param("9434765919", "9434765919", id="plain"),
        pytest.param("  943 4765 919 ", "9434765919", id="odd-grouping"),
        pytest.param("401 023 2137", "4010232137", id="another"),
        pytest.param("999 000 0018", "9990000018", id="test-range-999"),
        pytest.param("600 000 0006", "6000000006", id="check-digit-eleven-becomes-0"),
        pytest.param("９４３４７６５９１９", "9434765919", id="full-width-digits"),
    ],
)
def test_normalise_nhs_number_accepts(text: str, expected: str) -> None:
    assert normalise_nhs_number(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "Enter an NHS number", id="empty"),
        pytest.param("943 476 5918", "Enter a valid NHS number – check the digits", id="bad-check"),
        pytest.param("943 476 9519", "Enter a valid NHS number – check the digits", id="swapped"),
        pytest.param("943 476 591", "NHS number must be 10 digits", id="nine-digits"),
        pytest.param("943 476 59190", "NHS number must be 10 digits", id="eleven-digits"),
        pytest.param("943 476 591O", "NHS number must only include numbers", id="letter-O"),
        pytest.param("NHS 9434765919", "NHS number must only include numbers", id="prefix-text"),
        pytest.param("943.476.5919", "NHS number must only include numbers", id="full-stops"),
        pytest.param("٩٤٣٤٧٦٥٩١٩", "NHS number must only include numbers", id="arabic-indic"),
        pytest.param("0000000000", "Enter a valid NHS number – check the digits", id="zeros"),
        pytest.param("1111111111", "Enter a valid NHS number – check the digits", id="ones"),
        pytest.param("9999999999", "Enter a valid NHS number – check the digits", id="nines"),
    ],
)
def test_normalise_nhs_number_rejects(text: str, message: str) -> None:
    assert rejects(normalise_nhs_number, text) == message


@pytest.mark.parametrize("digit", string.digits)
def test_repeated_digit_numbers_pass_modulus_11_but_are_rejected(digit: str) -> None:
    assert modulus_11_ok(digit * 10)  # why they need rejecting explicitly
    rejects(normalise_nhs_number, digit * 10)


def test_a_number_whose_check_digit_would_be_10_is_always_rejected() -> None:
    prefix = next(
        f"{n:09d}" for n in range(100_000_000, 200_000_000) if nhs_check_digit(f"{n:09d}") is None
    )
    for last in string.digits:
        assert not modulus_11_ok(prefix + last)
        rejects(normalise_nhs_number, prefix + last)


def test_format_nhs_number() -> None:
    assert format_nhs_number("9434765919") == "943 476 5919"
    assert format_nhs_number("943-476-5919") == "943 476 5919"
    rejects(format_nhs_number, "9434765918")


@given(first_nine=st.text(alphabet=string.digits, min_size=9, max_size=9), data=st.data())
def test_nhs_numbers_round_trip(first_nine: str, data: st.DataObject) -> None:
    check = nhs_check_digit(first_nine)
    assume(check is not None and len(set(first_nine)) > 1)
    number = f"{first_nine}{check}"
    assert modulus_11_ok(number)
    assert normalise_nhs_number(number) == number
    assert normalise_nhs_number(format_nhs_number(number)) == number
    assert normalise_nhs_number(data.draw(messy(number, " -"))) == number


@given(number=st.text(alphabet=string.digits, min_size=10, max_size=10))
def test_nhs_normaliser_agrees_with_modulus_11(number: str) -> None:
    accepted = True
    try:
        normalise_nhs_number(number)
    except InvalidIdentifier:
        accepted = False
    assert accepted == (modulus_11_ok(number) and len(set(number)) > 1)


# --- phone numbers -----------------------------------------------------------------------------

PHONE_INVALID = "Enter a real phone number, like 07700 900 982 or +44 7700 900 982"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("07700 900123", "+447700900123", id="drama-mobile-national"),
        pytest.param("07700900123", "+447700900123", id="no-spaces"),
        pytest.param("+44 7700 900123", "+447700900123", id="international"),
        pytest.param("+44 (0)7700 900123", "+447700900123", id="plus-44-bracket-0"),
        pytest.param("+44 07700 900123", "+447700900123", id="plus-44-and-0"),
        pytest.param("0044 7700 900 123", "+447700900123", id="00-prefix"),
        pytest.param("07700-900-123", "+447700900123", id="dashes"),
        pytest.param("07700.900.123", "+447700900123", id="full-stops"),
        pytest.param("447700900123", "+447700900123", id="44-without-plus"),
        pytest.param("(0161) 496 0000", "+441614960000", id="landline-brackets"),
        pytest.param("020 7946 0000", "+442079460000", id="london-drama-landline"),
        pytest.param("01632 960 123", "+441632960123", id="drama-no-area-range"),
        pytest.param("0808 157 0000", "+448081570000", id="freephone"),
        pytest.param("07911 123456", "+447911123456", id="mobile-phonenumbers-calls-GG"),
        pytest.param("+33 6 12 34 56 78", "+33612345678", id="french-mobile"),
        pytest.param("+353 85 123 4567", "+353851234567", id="irish-mobile"),
        pytest.param("+1 (202) 555-0123", "+12025550123", id="us"),
        pytest.param("＋44 7700 900123", "+447700900123", id="full-width-plus"),
    ],
)
def test_normalise_phone_accepts(text: str, expected: str) -> None:
    assert normalise_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "Enter a phone number", id="empty"),
        pytest.param("123", PHONE_INVALID, id="too-short"),
        pytest.param("07700 90012", PHONE_INVALID, id="mobile-one-digit-short"),
        pytest.param("07700 900 1234", PHONE_INVALID, id="mobile-one-digit-long"),
        pytest.param("07700 9OO123", PHONE_INVALID, id="letter-O"),
        pytest.param("0800 FLOWERS", PHONE_INVALID, id="vanity-letters"),
        pytest.param("07700 900123 ext 12", PHONE_INVALID, id="extension"),
        pytest.param("phone me", PHONE_INVALID, id="words"),
        pytest.param("999", PHONE_INVALID, id="emergency"),
        pytest.param("116 123", PHONE_INVALID, id="short-code"),
        pytest.param("+44", PHONE_INVALID, id="country-code-only"),
        pytest.param("+", PHONE_INVALID, id="plus-only"),
        pytest.param("06 12 34 56 78", PHONE_INVALID, id="french-national-read-as-uk"),
        pytest.param("07700 900123 / 07700 900124", PHONE_INVALID, id="two-numbers"),
        pytest.param("01632 961 123", PHONE_INVALID, id="outside-drama-range"),
    ],
)
def test_normalise_phone_rejects(text: str, message: str) -> None:
    assert rejects(normalise_phone, text) == message


def test_phonenumbers_itself_rejects_ofcom_drama_numbers() -> None:
    # Why the drama ranges are special-cased: if this starts failing, phonenumbers has
    # learned about them and the special case can go.
    for text in ("+447700900123", "+441632960123"):
        number = phonenumbers.parse(text)
        assert not phonenumbers.is_valid_number(number)
        assert phonenumbers.is_possible_number(number)


def test_normalise_phone_uses_region_for_national_numbers() -> None:
    assert normalise_phone("06 12 34 56 78", region="FR") == "+33612345678"
    assert normalise_phone("+44 7700 900123", region="FR") == "+447700900123"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("+447700900123", "07700 900123", id="uk-mobile"),
        pytest.param("+441614960000", "0161 496 0000", id="uk-landline"),
        pytest.param("+442079460000", "020 7946 0000", id="london"),
        pytest.param("+447911123456", "07911 123456", id="crown-dependency-range"),
        pytest.param("+33612345678", "+33 6 12 34 56 78", id="french"),
        pytest.param("0044 7700 900123", "07700 900123", id="accepts-any-input-form"),
    ],
)
def test_format_phone(text: str, expected: str) -> None:
    assert format_phone(text) == expected


UK_MOBILES = st.text(alphabet=string.digits, min_size=9, max_size=9).map(lambda d: f"07{d}")


@given(national=UK_MOBILES)
@example(national="07700900000")
@example(national="07700900999")
def test_uk_mobiles_round_trip(national: str) -> None:
    try:
        e164 = normalise_phone(national)
    except InvalidIdentifier:
        assume(False)
        raise
    assert e164 == "+44" + national[1:]
    assert normalise_phone(e164) == e164
    assert normalise_phone(format_phone(e164)) == e164


@given(
    region=st.sampled_from(sorted(phonenumbers.SUPPORTED_REGIONS)),
    kind=st.sampled_from(
        [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
    ),
)
def test_example_numbers_from_every_region_round_trip(region: str, kind: int) -> None:
    number = phonenumbers.example_number_for_type(region, kind)
    assume(number is not None)
    assert number is not None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    assert normalise_phone(e164) == e164
    assert normalise_phone(format_phone(e164)) == e164


# --- vehicle registrations ---------------------------------------------------------------------

F = RegistrationFormat


@pytest.mark.parametrize(
    ("text", "compact", "display", "kind"),
    [
        pytest.param("ab12 cde", "AB12CDE", "AB12 CDE", F.CURRENT, id="current-lower"),
        pytest.param(" AB12  CDE ", "AB12CDE", "AB12 CDE", F.CURRENT, id="current-odd-spaces"),
        pytest.param("AB 12 C D E", "AB12CDE", "AB12 CDE", F.CURRENT, id="current-spaced-out"),
        pytest.param("a123 bcd", "A123BCD", "A123 BCD", F.PREFIX, id="prefix"),
        pytest.param("A1 BCD", "A1BCD", "A1 BCD", F.PREFIX, id="prefix-one-digit"),
        pytest.param("abc 123d", "ABC123D", "ABC 123D", F.SUFFIX, id="suffix"),
        pytest.param("ABC 1D", "ABC1D", "ABC 1D", F.SUFFIX, id="suffix-one-digit"),
        pytest.param("1 A", "1A", "1 A", F.DATELESS, id="dateless-shortest"),
        pytest.param("A 1", "A1", "A 1", F.DATELESS, id="dateless-letter-first"),
        pytest.param("1234 AB", "1234AB", "1234 AB", F.DATELESS, id="dateless-digits-first"),
        pytest.param("HRH 1", "HRH1", "HRH 1", F.DATELESS, id="dateless-letters-first"),
        pytest.param("abz 1234", "ABZ1234", "ABZ 1234", F.NORTHERN_IRELAND, id="ni"),
        pytest.param("LIZ 1", "LIZ1", "LIZ 1", F.NORTHERN_IRELAND, id="ni-short"),
        pytest.param("AB-123-CD", "AB123CD", "AB123CD", None, id="french-hyphens"),
        pytest.param("12-ABC-3", "12ABC3", "12ABC3", None, id="dutch"),
        pytest.param("ＡＢ１２ ＣＤＥ", "AB12CDE", "AB12 CDE", F.CURRENT, id="full-width"),
    ],
)
def test_vehicle_registrations(
    text: str, compact: str, display: str, kind: RegistrationFormat | None
) -> None:
    assert normalise_vehicle_registration(text) == compact
    assert format_vehicle_registration(text) == display
    assert vehicle_registration_format(text) == kind
    if kind is None:
        assert rejects(normalise_vehicle_registration, text, strict=True) == (
            "Enter a UK vehicle registration, like AB12 CDE"
        )
    else:
        assert normalise_vehicle_registration(text, strict=True) == compact


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "Enter a vehicle registration", id="empty"),
        pytest.param("A", "Vehicle registration must be 2 characters or more", id="too-short"),
        pytest.param(
            "ABCD 12345", "Vehicle registration must be 8 characters or fewer", id="too-long"
        ),
        pytest.param(
            "AB12*CDE",
            "Vehicle registration must only include letters a to z and numbers",
            id="asterisk",
        ),
        pytest.param(
            "AB12_CDE",
            "Vehicle registration must only include letters a to z and numbers",
            id="underscore",
        ),
        pytest.param(
            "MÜ AB 123",
            "Vehicle registration must only include letters a to z and numbers",
            id="umlaut",
        ),
        pytest.param(
            "ßB12",
            "Vehicle registration must only include letters a to z and numbers",
            id="eszett-not-upper-cased-into-SS",
        ),
    ],
)
def test_normalise_vehicle_registration_rejects(text: str, message: str) -> None:
    assert rejects(normalise_vehicle_registration, text) == message


LETTER = string.ascii_uppercase
NOT_NI = LETTER.replace("I", "").replace("Z", "")


def runs(alphabet: str, low: int, high: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=low, max_size=high)


UK_REGISTRATIONS = st.one_of(
    st.tuples(
        st.just(F.CURRENT), runs(LETTER, 2, 2), runs(string.digits, 2, 2), runs(LETTER, 3, 3)
    ),
    st.tuples(st.just(F.PREFIX), runs(LETTER, 1, 1), runs(string.digits, 1, 3), runs(LETTER, 3, 3)),
    st.tuples(st.just(F.SUFFIX), runs(LETTER, 3, 3), runs(string.digits, 1, 3), runs(LETTER, 1, 1)),
    st.tuples(st.just(F.DATELESS), runs(NOT_NI, 1, 3), runs(string.digits, 1, 4), st.just("")),
    st.tuples(st.just(F.DATELESS), st.just(""), runs(string.digits, 1, 4), runs(LETTER, 1, 3)),
    st.tuples(
        st.just(F.NORTHERN_IRELAND),
        st.tuples(runs(LETTER, 1, 1), st.sampled_from(["IA", "AZ", "BZ", "JI", "XI"])).map("".join),
        runs(string.digits, 1, 4),
        st.just(""),
    ),
)


@given(parts=UK_REGISTRATIONS, data=st.data())
def test_uk_registrations_round_trip(
    parts: tuple[RegistrationFormat, str, str, str], data: st.DataObject
) -> None:
    kind, *pieces = parts
    compact = "".join(pieces)
    assert normalise_vehicle_registration(data.draw(messy(compact))) == compact
    assert normalise_vehicle_registration(compact, strict=True) == compact
    display = format_vehicle_registration(compact)
    assert display.count(" ") == 1
    assert normalise_vehicle_registration(display) == compact
    assert vehicle_registration_format(display) == kind


@given(text=st.text(alphabet=LETTER + string.digits + " -", max_size=12))
def test_any_accepted_registration_is_stable(text: str) -> None:
    try:
        compact = normalise_vehicle_registration(text)
    except InvalidIdentifier:
        assume(False)
        raise
    assert normalise_vehicle_registration(compact) == compact
    assert normalise_vehicle_registration(format_vehicle_registration(compact)) == compact


# --- online handles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        pytest.param("Snapchat", "snapchat", id="name"),
        pytest.param("Snap", "snapchat", id="snap"),
        pytest.param("insta", "instagram", id="insta"),
        pytest.param("IG", "instagram", id="ig"),
        pytest.param("Twitter", "x", id="twitter"),
        pytest.param("X (Twitter)", "x", id="x-twitter"),
        pytest.param("X", "x", id="x"),
        pytest.param("Tik Tok", "tiktok", id="tik-tok"),
        pytest.param("Facebook Messenger", "facebook", id="messenger"),
        pytest.param("WhatsApp", "whatsapp", id="whatsapp"),
        pytest.param("you tube", "youtube", id="you-tube"),
        pytest.param("Kik", "other", id="unknown-is-other"),
        pytest.param("other", "other", id="other"),
    ],
)
def test_normalise_platform(platform: str, expected: str) -> None:
    assert normalise_platform(platform) == expected


def test_platform_choices_cover_every_slug() -> None:
    slugs = [slug for slug, _ in PLATFORMS]
    assert slugs == [
        "snapchat",
        "instagram",
        "tiktok",
        "facebook",
        "whatsapp",
        "telegram",
        "x",
        "discord",
        "youtube",
        "other",
    ]
    assert all(normalise_platform(slug) == slug for slug in slugs)
    assert all(normalise_platform(label) == slug for slug, label in PLATFORMS)


@pytest.mark.parametrize(
    ("platform", "handle", "expected"),
    [
        pytest.param("instagram", "@Some.User", ("instagram", "some.user"), id="at-and-case"),
        pytest.param("insta", "  some.user  ", ("instagram", "some.user"), id="padded"),
        pytest.param(
            "Instagram",
            "https://www.instagram.com/some.user/",
            ("instagram", "some.user"),
            id="instagram-url",
        ),
        pytest.param(
            "instagram",
            "instagram.com/Some.User?igsh=abc123",
            ("instagram", "some.user"),
            id="instagram-url-no-scheme-with-query",
        ),
        pytest.param("Snap", "@Cool-Kid_99", ("snapchat", "cool-kid_99"), id="snapchat"),
        pytest.param(
            "snapchat",
            "https://www.snapchat.com/add/cool.kid",
            ("snapchat", "cool.kid"),
            id="snapchat-add-url",
        ),
        pytest.param(
            "tiktok",
            "https://www.tiktok.com/@Some_User/video/123",
            ("tiktok", "some_user"),
            id="tiktok-video-url",
        ),
        pytest.param("twitter", "@Jack", ("x", "jack"), id="twitter-alias"),
        pytest.param(
            "x", "https://twitter.com/Jack/status/1", ("x", "jack"), id="twitter-status-url"
        ),
        pytest.param("X", "x.com/jack", ("x", "jack"), id="x-url"),
        pytest.param(
            "facebook",
            "https://m.facebook.com/profile.php?id=100012345678",
            ("facebook", "100012345678"),
            id="facebook-profile-id",
        ),
        pytest.param(
            "facebook",
            "https://www.facebook.com/people/Some-Name/100012345678/",
            ("facebook", "100012345678"),
            id="facebook-people-url",
        ),
        pytest.param("fb", "Some.Name", ("facebook", "some.name"), id="facebook-username"),
        pytest.param(
            "whatsapp", "07700 900123", ("whatsapp", "+447700900123"), id="whatsapp-phone"
        ),
        pytest.param(
            "WhatsApp",
            "https://wa.me/447700900123",
            ("whatsapp", "+447700900123"),
            id="whatsapp-link",
        ),
        pytest.param("telegram", "t.me/Some_User", ("telegram", "some_user"), id="telegram-link"),
        pytest.param("discord", "Some.User", ("discord", "some.user"), id="discord"),
        pytest.param(
            "discord", "OldName#1234", ("discord", "oldname#1234"), id="discord-legacy-tag"
        ),
        pytest.param(
            "youtube",
            "https://www.youtube.com/@SomeChannel",
            ("youtube", "somechannel"),
            id="youtube-handle-url",
        ),
        pytest.param(
            "youtube",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuV",
            ("youtube", "UCabcdefghijklmnopqrstuV"),
            id="youtube-channel-id-keeps-case",
        ),
        pytest.param(
            "other",
            "https://www.tiktok.com/@Some_User",
            ("tiktok", "some_user"),
            id="other-with-known-link-moves-platform",
        ),
        pytest.param("Kik", "@SomeUser", ("other", "SomeUser"), id="unknown-keeps-case"),
        pytest.param(
            "other",
            "https://example.org/u/SomeUser",
            ("other", "https://example.org/u/SomeUser"),
            id="other-unknown-link-kept",
        ),
        pytest.param("other", "@@name", ("other", "name"), id="double-at"),
        pytest.param(
            "telegram", "\u212aelvin", ("telegram", "kelvin"), id="kelvin-sign-folded-to-k"
        ),
    ],
)
def test_normalise_online_handle_accepts(
    platform: str, handle: str, expected: tuple[str, str]
) -> None:
    assert normalise_online_handle(platform, handle) == expected
    assert normalise_online_handle(*expected) == expected


@pytest.mark.parametrize(
    ("platform", "handle", "message"),
    [
        pytest.param("", "someone", "Select the platform", id="no-platform"),
        pytest.param("instagram", "", "Enter a username", id="empty"),
        pytest.param("instagram", "@", "Enter a username", id="at-only"),
        pytest.param(
            "instagram", "some user", "Username must not include spaces", id="space-inside"
        ),
        pytest.param("other", "some user", "Username must not include spaces", id="other-space"),
        pytest.param(
            "instagram",
            "bad!name",
            "Instagram usernames can only include letters, numbers, full stops and underscores",
            id="symbol",
        ),
        pytest.param(
            "x",
            "some.user",
            "X usernames can only include letters, numbers and underscores",
            id="x-full-stop",
        ),
        pytest.param(
            "instagram",
            "zoë",
            "Instagram usernames can only include letters, numbers, full stops and underscores",
            id="accented",
        ),
        pytest.param(
            "telegram",
            "\u0430dmin",
            "Telegram usernames can only include letters, numbers and underscores",
            id="cyrillic-lookalike-a",
        ),
        pytest.param("x", "a" * 16, "X usernames must be 15 characters or fewer", id="x-too-long"),
        pytest.param(
            "tiktok",
            "https://www.instagram.com/some.user/",
            "Enter the person's TikTok username, or a link to their TikTok profile",
            id="link-to-other-platform",
        ),
        pytest.param(
            "instagram",
            "https://www.instagram.com/p/ABC123/",
            "Enter a link to the person's Instagram profile, not to a post or page",
            id="post-link",
        ),
        pytest.param(
            "youtube",
            "https://www.youtube.com/watch?v=abc",
            "Enter a link to the person's YouTube profile, not to a post or page",
            id="video-link",
        ),
        pytest.param(
            "whatsapp",
            "0770",
            "Enter the WhatsApp phone number, like 07700 900 982 or +44 7700 900 982",
            id="whatsapp-bad-number",
        ),
        pytest.param(
            "other", "x" * 101, "Username must be 100 characters or fewer", id="other-too-long"
        ),
        pytest.param(
            "instagram",
            "https://[instagram.com/x",
            "Enter a username, or a link to the person's profile",
            id="malformed-link",
        ),
        pytest.param(
            "other",
            "bad\x00name",
            "Username must only include letters, numbers and symbols",
            id="control-character",
        ),
    ],
)
def test_normalise_online_handle_rejects(platform: str, handle: str, message: str) -> None:
    assert rejects(normalise_online_handle, platform, handle) == message


HANDLE_CHARSETS = {
    "snapchat": (string.ascii_letters + string.digits + "._-", 15),
    "instagram": (string.ascii_letters + string.digits + "._", 30),
    "tiktok": (string.ascii_letters + string.digits + "._", 24),
    "telegram": (string.ascii_letters + string.digits + "_", 32),
    "x": (string.ascii_letters + string.digits + "_", 15),
    "discord": (string.ascii_letters + string.digits + "._", 32),
}


@st.composite
def handles(draw: st.DrawFn) -> tuple[str, str]:
    platform = draw(st.sampled_from(sorted(HANDLE_CHARSETS)))
    alphabet, max_length = HANDLE_CHARSETS[platform]
    return platform, draw(st.text(alphabet=alphabet, min_size=1, max_size=max_length))


PROFILE_LINKS = {
    "snapchat": "https://www.snapchat.com/add/{}",
    "instagram": "https://www.instagram.com/{}/?igsh=abc",
    "tiktok": "https://www.tiktok.com/@{}",
    "telegram": "t.me/{}",
    "x": "https://mobile.twitter.com/{}/status/123",
    "discord": "{}",  # Discord profile links carry a numeric ID, not the username
}
# Path segments the platforms reserve, so no account has them as its username.
RESERVED = {"p", "reel", "reels", "tv", "explore", "accounts", "stories", "discover", "spotlight"}
RESERVED |= {"add", "t", "tag", "music", "s", "joinchat", "addstickers", "share", "i", "intent"}
RESERVED |= {"home", "search", "hashtag"}


@given(pair=handles(), decoration=st.sampled_from(["{}", "@{}", "  @{}  ", "link"]))
def test_handles_are_idempotent_and_case_insensitive(
    pair: tuple[str, str], decoration: str
) -> None:
    platform, handle = pair
    if decoration == "link":
        assume(handle.lower() not in RESERVED)
        decoration = PROFILE_LINKS[platform]
    result = normalise_online_handle(platform, decoration.format(handle))
    assert result == (platform, handle.lower())
    assert normalise_online_handle(*result) == result
    assert normalise_online_handle(platform, handle.upper()) == result


# --- names -------------------------------------------------------------------------------------

NAME_CHARACTERS = "Name must only include letters, spaces, hyphens and apostrophes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("O'Brien", "O'Brien", id="apostrophe"),
        pytest.param("O’Brien", "O'Brien", id="curly-apostrophe"),
        pytest.param("O‘Brien", "O'Brien", id="left-quote-as-apostrophe"),
        pytest.param("Oʼbrien", "O'brien", id="modifier-letter-apostrophe"),
        pytest.param("O`Brien", "O'Brien", id="backtick"),
        pytest.param("'t Hooft", "'t Hooft", id="leading-apostrophe"),
        pytest.param("Smith-Jones", "Smith-Jones", id="hyphen"),
        pytest.param("Smith–Jones", "Smith-Jones", id="en-dash"),
        pytest.param("Smith\u2010Jones", "Smith-Jones", id="unicode-hyphen"),
        pytest.param("  Zoë   Smith  ", "Zoë Smith", id="padding-and-double-space"),
        pytest.param("Zoe\u0308", "Zoë", id="combining-diaeresis-composed-by-NFC"),
        pytest.param("Siobhán", "Siobhán", id="irish-fada"),
        pytest.param("Ng", "Ng", id="two-letters"),
        pytest.param("Nguyễn", "Nguyễn", id="vietnamese"),
        pytest.param("Nguye\u0302\u0303n", "Nguyễn", id="vietnamese-decomposed"),
        pytest.param("محمد", "محمد", id="arabic"),
        pytest.param("مُحَمَّد", "مُحَمَّد", id="arabic-with-vowel-marks"),
        pytest.param("Łukasz", "Łukasz", id="polish"),
        pytest.param("Владимир", "Владимир", id="cyrillic"),
        pytest.param("张伟", "张伟", id="chinese"),
        pytest.param("प्रिया", "प्रिया", id="devanagari-with-marks"),
        pytest.param("می\u200cخواهم", "می\u200cخواهم", id="persian-zero-width-non-joiner"),
        pytest.param("St. John", "St. John", id="full-stop"),
        pytest.param("Gal·la", "Gal·la", id="catalan-middle-dot"),
        pytest.param("de la Cruz", "de la Cruz", id="case-kept"),
        pytest.param("X", "X", id="single-letter"),
        pytest.param("a" * 100, "a" * 100, id="exactly-100"),
    ],
)
def test_normalise_person_name_accepts(text: str, expected: str) -> None:
    result = normalise_person_name(text)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "Enter a name", id="empty"),
        pytest.param("   ", "Enter a name", id="blank"),
        pytest.param("J0hn", NAME_CHARACTERS, id="digit"),
        pytest.param("Henry 8", NAME_CHARACTERS, id="trailing-digit"),
        pytest.param("Amy 😀", NAME_CHARACTERS, id="emoji"),
        pytest.param("Amy ❤", NAME_CHARACTERS, id="symbol"),
        pytest.param("Smith, John", NAME_CHARACTERS, id="comma"),
        pytest.param("<script>", NAME_CHARACTERS, id="angle-brackets"),
        pytest.param("Amy\u00adLee", NAME_CHARACTERS, id="soft-hyphen"),
        pytest.param("\u0301Amy", NAME_CHARACTERS, id="orphan-combining-mark"),
        pytest.param("Amy \u0301", NAME_CHARACTERS, id="mark-after-space"),
        pytest.param("--", "Name must include at least one letter", id="punctuation-only"),
        pytest.param("a" * 101, "Name must be 100 characters or fewer", id="too-long"),
    ],
)
def test_normalise_person_name_rejects(text: str, message: str) -> None:
    assert rejects(normalise_person_name, text) == message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param("Siobhán O’Brien", "siobhan obrien", id="accent-and-curly-apostrophe"),
        pytest.param("O'Brien", "obrien", id="apostrophe-removed"),
        pytest.param("OBrien", "obrien", id="matches-without-apostrophe"),
        pytest.param("O´Brien", "obrien", id="acute-accent-as-apostrophe"),
        pytest.param("Smith-Jones", "smith jones", id="hyphen-to-space"),
        pytest.param("SMITH  JONES", "smith jones", id="matches-spaced"),
        pytest.param("Zoë", "zoe", id="diaeresis"),
        pytest.param("Zoe\u0308", "zoe", id="decomposed"),
        pytest.param("Nguyễn", "nguyen", id="stacked-marks"),
        pytest.param("Łukasz", "lukasz", id="l-stroke"),
        pytest.param("Søren Ærø", "soren aero", id="o-slash-and-ae"),
        pytest.param("Straße", "strasse", id="eszett"),
        pytest.param("İlkay", "ilkay", id="turkish-dotted-capital-i"),
        pytest.param("St. John", "st john", id="full-stop"),
        pytest.param("مُحَمَّد", "محمد", id="arabic-vowel-marks-dropped"),
        pytest.param("प्रिया", "प्रिया", id="devanagari-marks-kept"),
        pytest.param("", "", id="empty"),
        pytest.param("J0hn 😀", "j0hn 😀", id="never-raises"),
    ],
)
def test_name_search_key(text: str, key: str) -> None:
    assert name_search_key(text) == key


NAME_LETTERS = st.characters(categories=["Lu", "Ll", "Lo"])
NAME_WORDS = st.text(alphabet=NAME_LETTERS, min_size=1, max_size=10)
NAME_SEPARATORS = st.sampled_from([" ", "  ", "\t", "-", "–", "'", "’", " '", "- "])


@st.composite
def names(draw: st.DrawFn) -> str:
    words = draw(st.lists(NAME_WORDS, min_size=1, max_size=4))
    out = [draw(st.sampled_from(["", " ", "  "]))]
    for i, word in enumerate(words):
        if i:
            out.append(draw(NAME_SEPARATORS))
        out.append(word)
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(["\u0301", "\u0308", "\u0303", "\u064e"])))
    return "".join(out)


@given(text=names())
@example(text="  O’Brien–Smith ")
@example(text="Zoe\u0308")
def test_names_normalise_idempotently(text: str) -> None:
    try:
        name = normalise_person_name(text)
    except InvalidIdentifier:
        assume(False)
        raise
    assert normalise_person_name(name) == name
    assert name == name.strip()
    assert "  " not in name
    assert unicodedata.is_normalized("NFC", name)
    # Normalising for storage never changes what the name is found by.
    assert name_search_key(name) == name_search_key(text)


@given(text=st.text())
def test_name_search_key_is_total_and_idempotent(text: str) -> None:
    key = name_search_key(text)
    assert name_search_key(key) == key
    assert key == key.strip()


# --- every normaliser: whatever it accepts is already canonical ------------------------------

TYPED = st.text(
    alphabet=string.ascii_letters + string.digits + " -+()'.@/_#’\u00a0é[]:?=&%", max_size=20
)


@pytest.mark.parametrize(
    "normalise",
    [
        normalise_postcode,
        normalise_postcode_prefix,
        normalise_nhs_number,
        normalise_phone,
        normalise_vehicle_registration,
        normalise_person_name,
    ],
    ids=lambda f: f.__name__,
)
@given(text=st.one_of(TYPED, st.text(max_size=20)))
def test_anything_accepted_is_already_canonical(normalise: object, text: str) -> None:
    assert callable(normalise)
    try:
        canonical = normalise(text)
    except InvalidIdentifier:
        return
    assert normalise(canonical) == canonical


@given(platform=st.sampled_from([slug for slug, _ in PLATFORMS]), text=TYPED)
def test_any_accepted_handle_is_already_canonical(platform: str, text: str) -> None:
    try:
        result = normalise_online_handle(platform, text)
    except InvalidIdentifier:
        return
    assert normalise_online_handle(*result) == result
