from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cehub.cases"
    label = "cases"

    def ready(self) -> None:
        # People is below cases, so cases adds to the person page and its access rule here
        # rather than people importing cases (see cehub/cases/record_sections.py).
        from cehub.people.access import register_record_access_rule
        from cehub.people.record_sections import register_record_section

        from .record_sections import awaits_allocation_by, person_summary_section

        register_record_section(person_summary_section)
        register_record_access_rule(awaits_allocation_by)
