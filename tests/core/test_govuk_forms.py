"""The GOV.UK form renderer, date field and error summary tags.

No database: every form here is built from plain fields and choices.
"""

from __future__ import annotations

import datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from django import forms
from django.template import engines
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from cehub.core.govuk_forms import GovukDateField, GovukDateInput, GovukFormRenderer

# --- a very small HTML tree, enough to ask questions of the rendered markup -----------------

VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "area", "col", "embed"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return " ".join(" ".join(parts).split())

    def iter(self) -> Any:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            if cls and cls not in node.classes:
                continue
            if any(node.attrs.get(k.rstrip("_").replace("_", "-")) != v for k, v in attrs.items()):
                continue
            found.append(node)
        return found

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'}> class={cls} {attrs}"
        return found[0]

    def by_id(self, id_: str) -> Node:
        matches = [node for node in self.iter() if node.attrs.get("id") == id_]
        assert len(matches) == 1, (
            f"expected exactly one element with id {id_!r}, got {len(matches)}"
        )
        return matches[0]

    def ancestors(self) -> list[Node]:
        result = []
        node = self.parent
        while node is not None:
            result.append(node)
            node = node.parent
        return result


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"unbalanced </{tag}>"
        assert node.parent is not None, f"unbalanced </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(str(html))
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


def render(template: str, **context: Any) -> str:
    return engines["django"].from_string(template).render(context)


def described_by(node: Node) -> list[str]:
    return (node.attrs.get("aria-describedby") or "").split()


# --- forms --------------------------------------------------------------------------------


class GovukForm(forms.Form):
    default_renderer = GovukFormRenderer


COLOURS = [("red", "Red"), ("green", "Green"), ("blue", "Blue")]


class EverythingForm(GovukForm):
    name = forms.CharField(
        label="Full name",
        help_text="As it appears on official documents",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name", "govuk_width": 20}),
    )
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    age = forms.IntegerField(widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}))
    password = forms.CharField(widget=forms.PasswordInput)
    website = forms.URLField(required=False)
    summary = forms.CharField(widget=forms.Textarea, required=False)
    notes = forms.CharField(widget=forms.Textarea, max_length=500, required=False)
    team = forms.ChoiceField(
        choices=[("", "Choose a team"), ("north", "North"), ("south", "South")]
    )
    colour = forms.ChoiceField(choices=COLOURS, widget=forms.RadioSelect, help_text="Pick one")
    pets = forms.MultipleChoiceField(
        choices=[("cat", "Cat"), ("dog", "Dog")], widget=forms.CheckboxSelectMultiple
    )
    agree = forms.BooleanField(label="I agree")
    dob = GovukDateField(label="Date of birth", help_text="For example, 27 3 2007")
    token = forms.CharField(widget=forms.HiddenInput, required=False)


def everything(data: dict[str, Any] | None = None) -> EverythingForm:
    return EverythingForm(data=data) if data is not None else EverythingForm()


# --- widget kinds -------------------------------------------------------------------------


def test_text_inputs_render_as_govuk_inputs() -> None:
    page = parse(str(everything()))
    name = page.by_id("id_name")
    assert name.tag == "input"
    assert name.attrs["type"] == "text"
    assert name.attrs["name"] == "name"
    assert name.classes == ["govuk-input", "govuk-input--width-20"]
    assert name.attrs["autocomplete"] == "name"
    assert "govuk_width" not in name.attrs
    label = page.find("label", for_="id_name")
    assert label.classes == ["govuk-label"]
    assert label.text == "Full name"
    group = label.parent
    assert group is not None
    assert group.classes == ["govuk-form-group"]

    email = page.by_id("id_email")
    assert email.attrs["type"] == "email"
    assert email.attrs["spellcheck"] == "false"
    assert email.attrs["autocomplete"] == "email"
    assert "govuk-input" in email.classes

    age = page.by_id("id_age")
    assert age.attrs["type"] == "number"
    assert age.classes == ["govuk-input", "govuk-input--width-3"]
    assert page.by_id("id_password").attrs["type"] == "password"
    assert page.by_id("id_website").attrs["type"] == "url"
    # GOV.UK forms validate on the server.
    assert "required" not in name.attrs


def test_width_from_form_options_and_field_attribute() -> None:
    class WidthForm(GovukForm):
        govuk_options = {"postcode": {"width": 10}}
        postcode = forms.CharField()
        town = forms.CharField()
        reason = forms.ChoiceField(choices=COLOURS)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["town"].govuk = {"width": "two-thirds"}  # type: ignore[attr-defined]
            self.fields["reason"].govuk = {"width": "one-half"}  # type: ignore[attr-defined]

    page = parse(str(WidthForm()))
    assert "govuk-input--width-10" in page.by_id("id_postcode").classes
    assert "govuk-!-width-two-thirds" in page.by_id("id_town").classes
    assert "govuk-!-width-one-half" in page.by_id("id_reason").classes


def test_unknown_width_is_refused() -> None:
    class BadWidth(GovukForm):
        name = forms.CharField(widget=forms.TextInput(attrs={"govuk_width": 7}))

    with pytest.raises(ValueError, match=r"Unknown GOV\.UK width"):
        str(BadWidth())


def test_textarea_without_limit_is_a_plain_govuk_textarea() -> None:
    page = parse(str(everything()))
    summary = page.by_id("id_summary")
    assert summary.tag == "textarea"
    assert summary.classes == ["govuk-textarea"]
    assert summary.attrs["rows"] == "5"
    assert "cols" not in summary.attrs
    assert not page.find_all(id="id_summary-info")


def test_textarea_with_max_length_is_a_character_count() -> None:
    page = parse(str(everything()))
    notes = page.by_id("id_notes")
    assert notes.classes == ["govuk-textarea", "govuk-js-character-count"]
    # No hard limit: the component counts and the server validates.
    assert "maxlength" not in notes.attrs
    wrapper = notes.parent
    assert wrapper is not None
    assert wrapper.classes == ["govuk-form-group", "govuk-character-count"]
    assert wrapper.attrs["data-module"] == "govuk-character-count"
    assert wrapper.attrs["data-maxlength"] == "500"
    info = page.by_id("id_notes-info")
    assert info.classes == ["govuk-hint", "govuk-character-count__message"]
    assert info.text == "You can enter up to 500 characters"
    assert described_by(notes) == ["id_notes-info"]


def test_character_count_over_the_limit_keeps_text_and_describes_error() -> None:
    form = everything({"notes": "x" * 501})
    page = parse(str(form["notes"]))
    notes = page.by_id("id_notes")
    assert notes.text == "x" * 501
    assert "govuk-textarea--error" in notes.classes
    assert described_by(notes) == ["id_notes-info", "id_notes-error"]
    assert "govuk-form-group--error" in page.find("div", cls="govuk-character-count").classes


def test_select_renders_govuk_select() -> None:
    page = parse(str(everything()))
    select = page.by_id("id_team")
    assert select.tag == "select"
    assert select.classes == ["govuk-select"]
    options = select.find_all("option")
    assert [(o.attrs["value"], o.text) for o in options] == [
        ("", "Choose a team"),
        ("north", "North"),
        ("south", "South"),
    ]
    assert page.find("label", for_="id_team").classes == ["govuk-label"]


def test_radios_render_in_a_fieldset_with_legend() -> None:
    page = parse(str(everything()))
    first = page.by_id("id_colour")
    assert first.attrs["type"] == "radio"
    assert first.attrs["value"] == "red"
    assert first.classes == ["govuk-radios__input"]
    radios = page.find_all("input", type="radio")
    assert [r.attrs["id"] for r in radios] == ["id_colour", "id_colour_2", "id_colour_3"]
    assert {r.attrs["name"] for r in radios} == {"colour"}
    for radio in radios:
        label = page.find("label", for_=str(radio.attrs["id"]))
        assert label.classes == ["govuk-label", "govuk-radios__label"]
    container = page.find("div", cls="govuk-radios")
    assert container.attrs["data-module"] == "govuk-radios"
    fieldset = next(a for a in first.ancestors() if a.tag == "fieldset")
    assert fieldset.classes == ["govuk-fieldset"]
    legend = fieldset.find("legend")
    assert legend.classes == ["govuk-fieldset__legend"]
    assert legend.text == "Colour"
    assert described_by(fieldset) == ["id_colour-hint"]
    assert page.by_id("id_colour-hint").text == "Pick one"


def test_inline_and_small_radios() -> None:
    class InlineForm(GovukForm):
        govuk_options = {"answer": {"inline": True, "small": True}}
        answer = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect)

    page = parse(str(InlineForm()))
    assert page.find("div", cls="govuk-radios").classes == [
        "govuk-radios",
        "govuk-radios--inline",
        "govuk-radios--small",
    ]


def test_radio_item_hints() -> None:
    class HintForm(GovukForm):
        govuk_options = {"answer": {"item_hints": {"yes": "You will be asked more"}}}
        answer = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect)

    page = parse(str(HintForm()))
    yes = page.by_id("id_answer")
    assert described_by(yes) == ["id_answer-item-hint"]
    hint = page.by_id("id_answer-item-hint")
    assert hint.classes == ["govuk-hint", "govuk-radios__hint"]
    assert "aria-describedby" not in page.by_id("id_answer_2").attrs


def test_checkboxes_render_in_a_fieldset() -> None:
    page = parse(str(everything()))
    boxes = page.find_all("input", type="checkbox", name="pets")
    assert [b.attrs["id"] for b in boxes] == ["id_pets", "id_pets_2"]
    assert all(b.classes == ["govuk-checkboxes__input"] for b in boxes)
    container = boxes[0].parent and boxes[0].parent.parent
    assert container is not None
    assert container.classes == ["govuk-checkboxes"]
    assert container.attrs["data-module"] == "govuk-checkboxes"
    fieldset = next(a for a in boxes[0].ancestors() if a.tag == "fieldset")
    assert fieldset.find("legend").text == "Pets"
    label = page.find("label", for_="id_pets_2")
    assert label.classes == ["govuk-label", "govuk-checkboxes__label"]
    assert label.text == "Dog"


def test_single_checkbox_is_one_govuk_checkboxes_item() -> None:
    page = parse(str(everything()))
    agree = page.by_id("id_agree")
    assert agree.attrs["type"] == "checkbox"
    assert agree.attrs["name"] == "agree"
    assert agree.attrs["value"] == "true"
    assert "checked" not in agree.attrs
    item = agree.parent
    assert item is not None
    assert item.classes == ["govuk-checkboxes__item"]
    assert item.parent is not None
    assert item.parent.classes == ["govuk-checkboxes"]
    label = page.find("label", for_="id_agree")
    assert label.classes == ["govuk-label", "govuk-checkboxes__label"]
    assert label.text == "I agree"
    assert not [a for a in agree.ancestors() if a.tag == "fieldset"]


def test_single_checkbox_stays_ticked_and_cleans_to_true() -> None:
    form = everything({"agree": "true"})
    assert form.is_valid() is False  # other fields are missing
    assert form.cleaned_data["agree"] is True
    assert "checked" in parse(str(form["agree"])).by_id("id_agree").attrs


def test_date_input_markup() -> None:
    page = parse(str(everything()))
    group = page.by_id("id_dob")
    assert group.classes == ["govuk-date-input"]
    fieldset = next(a for a in group.ancestors() if a.tag == "fieldset")
    assert fieldset.attrs["role"] == "group"
    assert fieldset.find("legend").text == "Date of birth"
    assert described_by(fieldset) == ["id_dob-hint"]
    expected = [("day", "2"), ("month", "2"), ("year", "4")]
    for part, width in expected:
        box = page.by_id(f"id_dob_{part}")
        assert box.attrs["name"] == f"dob_{part}"
        assert box.attrs["type"] == "text"
        assert box.attrs["inputmode"] == "numeric"
        assert box.classes == [
            "govuk-input",
            "govuk-date-input__input",
            f"govuk-input--width-{width}",
        ]
        label = page.find("label", for_=f"id_dob_{part}")
        assert label.classes == ["govuk-label", "govuk-date-input__label"]
        assert label.text == part.capitalize()
    assert not page.find_all(name="dob_0")


def test_date_input_initial_value_and_autocomplete() -> None:
    class BirthForm(GovukForm):
        dob = GovukDateField(
            label="Date of birth", widget=GovukDateInput(attrs={"autocomplete": "bday"})
        )

    page = parse(str(BirthForm(initial={"dob": datetime.date(2007, 3, 27)})))
    values = [page.by_id(f"id_dob_{p}").attrs.get("value") for p in ("day", "month", "year")]
    assert values == ["27", "3", "2007"]
    autocomplete = [
        page.by_id(f"id_dob_{p}").attrs["autocomplete"] for p in ("day", "month", "year")
    ]
    assert autocomplete == ["bday-day", "bday-month", "bday-year"]


def test_file_input_renders_govuk_file_upload() -> None:
    class UploadForm(GovukForm):
        attachment = forms.FileField(widget=forms.FileInput(attrs={"accept": ".pdf"}))

    page = parse(str(UploadForm({})))
    upload = page.by_id("id_attachment")
    assert upload.attrs["type"] == "file"
    assert upload.attrs["accept"] == ".pdf"
    assert upload.classes == ["govuk-file-upload", "govuk-file-upload--error"]
    assert described_by(upload) == ["id_attachment-error"]


def test_single_checkbox_with_a_question_legend() -> None:
    class ConsentForm(GovukForm):
        govuk_options = {"consent": {"legend": "Consent", "size": "m"}}
        consent = forms.BooleanField(label="The family has agreed", help_text="Ask first")

    page = parse(str(ConsentForm({})))
    fieldset = page.find("fieldset")
    legend = fieldset.find("legend")
    assert legend.classes == ["govuk-fieldset__legend", "govuk-fieldset__legend--m"]
    assert legend.text == "Consent"
    assert described_by(fieldset) == ["id_consent-hint", "id_consent-error"]
    assert page.by_id("id_consent-hint").classes == ["govuk-hint", "govuk-checkboxes__hint"]


def test_hidden_fields_render_bare() -> None:
    page = parse(str(everything()))
    token = page.by_id("id_token")
    assert token.attrs["type"] == "hidden"
    assert token.parent is not None
    assert token.parent.tag == "#root"


def test_bound_field_renders_the_whole_group_in_templates() -> None:
    form = everything()
    page = parse(render("{{ form.name }}", form=form))
    assert page.find("div", cls="govuk-form-group").find("label").text == "Full name"
    assert page.by_id("id_name")
    # The bare widget is still there for templates that want it.
    bare = parse(render("{{ form.name.as_widget }}", form=form))
    assert not bare.find_all("label")
    assert bare.by_id("id_name")


def test_help_text_is_a_hint_referenced_by_the_input() -> None:
    page = parse(str(everything()))
    hint = page.by_id("id_name-hint")
    assert hint.classes == ["govuk-hint"]
    assert hint.text == "As it appears on official documents"
    assert described_by(page.by_id("id_name")) == ["id_name-hint"]
    assert "aria-describedby" not in page.by_id("id_email").attrs


def test_select_option_groups() -> None:
    class GroupedForm(GovukForm):
        agency = forms.ChoiceField(
            choices=[("", "Choose"), ("Police", [("met", "Met"), ("tvp", "Thames Valley")])]
        )

    page = parse(str(GroupedForm({"agency": "tvp"})))
    group = page.find("optgroup")
    assert group.attrs["label"] == "Police"
    assert [o.attrs["value"] for o in group.find_all("option")] == ["met", "tvp"]
    assert "selected" in page.find("option", value="tvp").attrs


def test_widget_aria_describedby_is_kept_and_email_type_gets_no_spellcheck() -> None:
    class ExtraForm(GovukForm):
        login = forms.CharField(
            help_text="Your work address",
            widget=forms.TextInput(attrs={"type": "email", "aria-describedby": "login-help"}),
        )

    page = parse(str(ExtraForm({})))
    login = page.by_id("id_login")
    assert login.attrs["type"] == "email"
    assert login.attrs["spellcheck"] == "false"
    assert described_by(login) == ["login-help", "id_login-hint", "id_login-error"]


def test_other_widgets_fall_back_to_django_markup_inside_a_govuk_group() -> None:
    class SplitForm(GovukForm):
        when = forms.SplitDateTimeField(help_text="Date and time")

    form = SplitForm({})
    page = parse(str(form))
    first = page.by_id("id_when_0")
    assert described_by(first) == ["id_when-hint", "id_when-error"]
    assert page.find("label").attrs["for"] == "id_when_0"
    group = page.find("div", cls="govuk-form-group")
    assert "govuk-form-group--error" in group.classes
    summary = render("{% govuk_error_summary form %}", form=form)
    assert summary_links(summary) == [("#id_when_0", "This field is required.")]


# --- errors -------------------------------------------------------------------------------


def test_errors_render_message_prefix_and_classes() -> None:
    page = parse(str(everything({"name": "", "email": "not an email"})))
    message = page.by_id("id_email-error")
    assert message.tag == "p"
    assert message.classes == ["govuk-error-message"]
    prefix = message.find("span")
    assert prefix.classes == ["govuk-visually-hidden"]
    assert prefix.text == "Error:"
    assert message.text == "Error: Enter a valid email address."
    email = page.by_id("id_email")
    assert "govuk-input--error" in email.classes
    assert described_by(email) == ["id_email-error"]
    group = next(a for a in email.ancestors() if "govuk-form-group" in a.classes)
    assert "govuk-form-group--error" in group.classes

    name = page.by_id("id_name")
    assert described_by(name) == ["id_name-hint", "id_name-error"]
    for id_ in described_by(name):
        assert page.by_id(id_)

    assert "govuk-select--error" in page.by_id("id_team").classes
    radios_fieldset = next(a for a in page.by_id("id_colour").ancestors() if a.tag == "fieldset")
    assert described_by(radios_fieldset) == ["id_colour-hint", "id_colour-error"]
    group = next(a for a in radios_fieldset.ancestors() if "govuk-form-group" in a.classes)
    assert "govuk-form-group--error" in group.classes
    checkbox_fieldset = next(a for a in page.by_id("id_pets").ancestors() if a.tag == "fieldset")
    assert described_by(checkbox_fieldset) == ["id_pets-error"]
    assert described_by(page.by_id("id_agree")) == ["id_agree-error"]


def test_fields_without_errors_have_no_error_markup() -> None:
    page = parse(str(everything({"name": "Sam", "email": "sam@example.com"})))
    name = page.by_id("id_name")
    assert "govuk-input--error" not in name.classes
    assert not page.find_all(id="id_name-error")
    group = next(a for a in name.ancestors() if "govuk-form-group" in a.classes)
    assert "govuk-form-group--error" not in group.classes


def test_bound_values_are_kept_after_errors() -> None:
    form = everything(
        {
            "name": "Sam Smith",
            "email": "sam@",
            "age": "12",
            "summary": "Line one\nLine two",
            "team": "south",
            "colour": "green",
            "pets": ["dog"],
        }
    )
    assert not form.is_valid()
    page = parse(str(form))
    assert page.by_id("id_name").attrs["value"] == "Sam Smith"
    assert page.by_id("id_email").attrs["value"] == "sam@"
    assert page.by_id("id_age").attrs["value"] == "12"
    assert "Line one" in page.by_id("id_summary").text
    selected = [
        o.attrs["value"] for o in page.by_id("id_team").find_all("option") if "selected" in o.attrs
    ]
    assert selected == ["south"]
    checked = [
        i.attrs["value"] for i in page.find_all("input", type="radio") if "checked" in i.attrs
    ]
    assert checked == ["green"]
    ticked = [i.attrs["value"] for i in page.find_all("input", name="pets") if "checked" in i.attrs]
    assert ticked == ["dog"]
    # Passwords are not sent back.
    assert "value" not in page.by_id("id_password").attrs


def test_non_field_errors_render_above_the_fields() -> None:
    class CheckedForm(GovukForm):
        name = forms.CharField()

        def clean(self) -> dict[str, Any]:
            raise forms.ValidationError("These details do not match our records")

    page = parse(str(CheckedForm({"name": "x"})))
    message = page.find("p", cls="govuk-error-message")
    assert message.text == "Error: These details do not match our records"


# --- error summary ------------------------------------------------------------------------


def summary_links(html: str) -> list[tuple[str, str]]:
    summary = parse(html).find("div", cls="govuk-error-summary")
    return [(a.attrs["href"] or "", a.text) for a in summary.find_all("a")]


def test_error_summary_markup() -> None:
    form = everything({"email": "nope"})
    html = render("{% govuk_error_summary form %}", form=form)
    page = parse(html)
    summary = page.find("div", cls="govuk-error-summary")
    assert summary.attrs["data-module"] == "govuk-error-summary"
    alert = summary.find("div", role="alert")
    assert alert.find("h2", cls="govuk-error-summary__title").text == "There is a problem"
    ul = alert.find("ul")
    assert ul.classes == ["govuk-list", "govuk-error-summary__list"]
    assert ("#id_email", "Enter a valid email address.") in summary_links(html)


def test_error_summary_links_land_on_real_inputs() -> None:
    form = everything({"dob_day": "1", "dob_year": "2000"})
    assert not form.is_valid()
    summary = render("{% govuk_error_summary form %}", form=form)
    page = parse(str(form))
    links = summary_links(summary)
    hrefs = [href for href, _text in links]
    assert hrefs == [
        "#id_name",
        "#id_email",
        "#id_age",
        "#id_password",
        "#id_team",
        "#id_colour",
        "#id_pets",
        "#id_agree",
        "#id_dob_month",
    ]
    for href in hrefs:
        target = page.by_id(href.removeprefix("#"))
        assert target.tag in {"input", "select", "textarea"}
    # The first radio and checkbox carry the group's id.
    assert page.by_id("id_colour").attrs["value"] == "red"
    assert page.by_id("id_pets").attrs["value"] == "cat"
    # Each link's text is the field's own error message.
    for href, text in links:
        field_id = href.removeprefix("#").removesuffix("_month")
        assert page.by_id(f"{field_id}-error").text == f"Error: {text}"


def test_error_summary_lists_non_field_errors_without_a_link() -> None:
    class CheckedForm(GovukForm):
        name = forms.CharField()

        def clean(self) -> dict[str, Any]:
            raise forms.ValidationError("These details do not match our records")

    page = parse(render("{% govuk_error_summary form %}", form=CheckedForm({"name": ""})))
    items = page.find("ul").find_all("li")
    assert items[0].text == "These details do not match our records"
    assert not items[0].find_all("a")
    assert items[1].find("a").attrs["href"] == "#id_name"


def test_error_summary_renders_nothing_without_errors() -> None:
    assert render("{% govuk_error_summary form %}", form=everything()).strip() == ""
    valid = GovukForm({})
    assert render("{% govuk_error_summary form %}", form=valid).strip() == ""
    assert render("{% govuk_error_summary missing %}").strip() == ""


def test_error_summary_takes_several_forms_formsets_and_lists() -> None:
    class ItemForm(GovukForm):
        title = forms.CharField()

    item_formset = forms.formset_factory(ItemForm, extra=1, min_num=1)
    formset = item_formset(
        data={
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "0",
            "items-0-title": "",
            "items-1-title": "ok",
        },
        prefix="items",
    )
    other = everything({"email": "x"})
    html = render(
        "{% govuk_error_summary forms title='Check your answers' %}", forms=[formset, other]
    )
    links = summary_links(html)
    assert links[0] == ("#id_items-0-title", "This field is required.")
    assert ("#id_email", "Enter a valid email address.") in links
    assert parse(html).find("h2").text == "Check your answers"
    # The formset renders through the GOV.UK field templates too.
    page = parse(str(formset))
    assert page.by_id("id_items-0-title").classes == ["govuk-input", "govuk-input--error"]
    assert page.by_id("id_items-0-title-error")


def test_title_prefix() -> None:
    template = "<title>{% govuk_title_prefix form %}Add a user</title>"
    assert render(template, form=everything()) == "<title>Add a user</title>"
    assert render(template, form=everything({})) == "<title>Error: Add a user</title>"
    assert render("{% if form|govuk_has_errors %}yes{% endif %}", form=everything({})) == "yes"


# --- label as page heading ----------------------------------------------------------------


def test_label_as_page_heading() -> None:
    class HeadingForm(GovukForm):
        heading_field = "name"
        name = forms.CharField(label="What is the child's name?")

    page = parse(str(HeadingForm()))
    h1 = page.find("h1")
    assert h1.classes == ["govuk-label-wrapper"]
    label = h1.find("label")
    assert label.classes == ["govuk-label", "govuk-label--l"]
    assert label.attrs["for"] == "id_name"


def test_legend_as_page_heading_via_widget_attr() -> None:
    class HeadingForm(GovukForm):
        risk = forms.ChoiceField(
            label="What is the level of risk?",
            choices=[("low", "Low"), ("high", "High")],
            widget=forms.RadioSelect(attrs={"govuk_heading": True, "govuk_size": "xl"}),
        )

    page = parse(str(HeadingForm()))
    legend = page.find("legend")
    assert legend.classes == ["govuk-fieldset__legend", "govuk-fieldset__legend--xl"]
    assert legend.find("h1").classes == ["govuk-fieldset__heading"]
    assert "govuk_heading" not in page.by_id("id_risk").attrs


# --- escaping -----------------------------------------------------------------------------


def test_values_labels_and_messages_are_escaped() -> None:
    evil = '"><script>alert(1)</script>'

    class EvilForm(GovukForm):
        name = forms.CharField(label="<b>Name</b>", help_text="<i>hint</i>")
        notes = forms.CharField(widget=forms.Textarea, max_length=10)
        colour = forms.ChoiceField(choices=COLOURS)
        pick = forms.ChoiceField(choices=[(evil, evil)], widget=forms.RadioSelect)

    form = EvilForm({"name": evil, "notes": evil, "colour": evil, "pick": evil})
    html = str(form) + render("{% govuk_error_summary form %}", form=form)
    assert "<script>" not in html
    assert "<b>" not in html
    assert "<i>" not in html
    assert "&lt;b&gt;Name&lt;/b&gt;" in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    page = parse(html)
    assert page.by_id("id_name").attrs["value"] == evil
    assert page.by_id("id_notes").text == evil
    assert page.by_id("id_pick").attrs["value"] == evil
    # Django's invalid-choice message repeats what was sent; it is escaped too.
    assert evil in page.by_id("id_colour-error").text


# --- the date field -----------------------------------------------------------------------


class DateForm(GovukForm):
    dob = GovukDateField(label="Date of birth")


def date_form(day: str = "", month: str = "", year: str = "", form_class: type = DateForm) -> Any:
    return form_class({"dob_day": day, "dob_month": month, "dob_year": year})


def test_valid_date_cleans_to_a_date() -> None:
    form = date_form("27", "3", "2007")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["dob"] == datetime.date(2007, 3, 27)


def test_date_accepts_leading_zeros_spaces_and_month_names() -> None:
    form = date_form(" 07 ", "Mar", "2007")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["dob"] == datetime.date(2007, 3, 7)
    assert date_form("1", "september", "2020").is_valid()


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "wrong"),
    [
        ("", "3", "2007", "Date of birth must include a day", ["day"]),
        ("27", "", "2007", "Date of birth must include a month", ["month"]),
        ("27", "3", "", "Date of birth must include a year", ["year"]),
        ("", "", "2007", "Date of birth must include a day and month", ["day", "month"]),
        ("", "3", "", "Date of birth must include a day and year", ["day", "year"]),
        ("27", "", "", "Date of birth must include a month and year", ["month", "year"]),
    ],
)
def test_incomplete_dates(day: str, month: str, year: str, message: str, wrong: list[str]) -> None:
    form = date_form(day, month, year)
    assert not form.is_valid()
    assert form.errors["dob"] == [message]
    page = parse(str(form))
    for part in ("day", "month", "year"):
        has_error = "govuk-input--error" in page.by_id(f"id_dob_{part}").classes
        assert has_error is (part in wrong), part
    summary = render("{% govuk_error_summary form %}", form=form)
    assert summary_links(summary) == [(f"#id_dob_{wrong[0]}", message)]


def test_not_a_real_date_keeps_what_was_typed() -> None:
    form = date_form("31", "2", "2020")
    assert not form.is_valid()
    assert form.errors["dob"] == ["Date of birth must be a real date"]
    page = parse(str(form))
    values = [page.by_id(f"id_dob_{p}").attrs.get("value") for p in ("day", "month", "year")]
    assert values == ["31", "2", "2020"]
    assert page.by_id("id_dob-error").text == "Error: Date of birth must be a real date"
    fieldset = page.find("fieldset")
    assert described_by(fieldset) == ["id_dob-error"]
    assert "govuk-form-group--error" in page.find("div", cls="govuk-form-group").classes


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "wrong"),
    [
        ("32", "1", "2020", "Date of birth must be a real date", ["day"]),
        ("1", "13", "2020", "Date of birth must be a real date", ["month"]),
        ("x", "y", "2020", "Date of birth must be a real date", ["day", "month"]),
        ("1", "1", "20x0", "Date of birth must be a real date", ["year"]),
        ("1", "1", "20", "Year must include 4 numbers", ["year"]),
    ],
)
def test_invalid_parts_are_marked(
    day: str, month: str, year: str, message: str, wrong: list[str]
) -> None:
    form = date_form(day, month, year)
    assert form.errors["dob"] == [message]
    page = parse(str(form))
    marked = [
        p
        for p in ("day", "month", "year")
        if "govuk-input--error" in page.by_id(f"id_dob_{p}").classes
    ]
    assert marked == wrong
    assert page.by_id("id_dob_day").attrs.get("value") == day


def test_required_date_and_custom_message() -> None:
    assert date_form().errors["dob"] == ["Enter date of birth"]

    class CustomForm(GovukForm):
        dob = GovukDateField(
            label="Date of birth", required_message="Enter the child's date of birth"
        )

    assert date_form(form_class=CustomForm).errors["dob"] == ["Enter the child's date of birth"]

    class OptionalForm(GovukForm):
        seen = GovukDateField(label="Date last seen", required=False)

    form = OptionalForm({})
    assert form.is_valid()
    assert form.cleaned_data["seen"] is None
    assert OptionalForm({"seen_day": "3"}).errors["seen"] == [
        "Date last seen must include a month and year"
    ]


def test_required_date_without_label_uses_the_field_name() -> None:
    class UnlabelledForm(GovukForm):
        referral_date = GovukDateField()

    form = UnlabelledForm({})
    assert form.errors["referral_date"] == ["Enter referral date"]
    assert UnlabelledForm({"referral_date_day": "1"}).errors["referral_date"] == [
        "Referral date must include a month and year"
    ]


def test_past_and_future_rules() -> None:
    class PastForm(GovukForm):
        dob = GovukDateField(label="Date of birth", must_be_past=True)

    class FutureForm(GovukForm):
        dob = GovukDateField(label="Review date", must_be_future=True)

    class PastOrTodayForm(GovukForm):
        dob = GovukDateField(label="Date of incident", must_be_past=True, allow_today=True)

    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    yesterday = today - datetime.timedelta(days=1)

    def parts(d: datetime.date) -> tuple[str, str, str]:
        return str(d.day), str(d.month), str(d.year)

    assert date_form(*parts(yesterday), form_class=PastForm).is_valid()
    assert date_form(*parts(today), form_class=PastForm).errors["dob"] == [
        "Date of birth must be in the past"
    ]
    assert date_form(*parts(tomorrow), form_class=FutureForm).is_valid()
    assert date_form(*parts(yesterday), form_class=FutureForm).errors["dob"] == [
        "Review date must be in the future"
    ]
    assert date_form(*parts(today), form_class=PastOrTodayForm).is_valid()
    assert date_form(*parts(tomorrow), form_class=PastOrTodayForm).errors["dob"] == [
        "Date of incident must be today or in the past"
    ]
    future_form = date_form(*parts(tomorrow), form_class=PastForm)
    page = parse(str(future_form))
    assert all(
        "govuk-input--error" in page.by_id(f"id_dob_{p}").classes for p in ("day", "month", "year")
    )
    with pytest.raises(ValueError, match="both"):
        GovukDateField(must_be_past=True, must_be_future=True)


def test_date_field_runs_validators() -> None:
    from django.core.validators import MinValueValidator

    class RangeForm(GovukForm):
        dob = GovukDateField(
            label="Date of birth", validators=[MinValueValidator(datetime.date(2000, 1, 1))]
        )

    assert not date_form("1", "1", "1999", form_class=RangeForm).is_valid()
    assert date_form("1", "1", "2001", form_class=RangeForm).is_valid()


def test_disabled_date_field_keeps_initial() -> None:
    class LockedForm(GovukForm):
        dob = GovukDateField(label="Date of birth", disabled=True)

    form = LockedForm({}, initial={"dob": datetime.date(2010, 5, 4)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["dob"] == datetime.date(2010, 5, 4)
    page = parse(str(form))
    assert "disabled" in page.by_id("id_dob_day").attrs
    assert page.by_id("id_dob_year").attrs["value"] == "2010"


def test_date_widget_uses_named_parts() -> None:
    widget = GovukDateInput()
    assert widget.widgets_names == ["_day", "_month", "_year"]
    data = {"when_day": "1", "when_month": "2", "when_year": "2003"}
    assert widget.value_from_datadict(data, MultiValueDict(), "when") == ["1", "2", "2003"]
    assert widget.id_for_label("id_when") == "id_when_day"
    context = widget.get_context("when", ["1", "2", "2003"], {"id": "id_when"})
    assert [w["attrs"]["id"] for w in context["widget"]["subwidgets"]] == [
        "id_when_day",
        "id_when_month",
        "id_when_year",
    ]
