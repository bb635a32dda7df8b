"""How the interface names the codes the database stores: measures, qualifiers, roles, actions.

The database keeps short English codes (``growth_yoy``, ``approx``, ``editor``); people read
these names instead, translated like every other string. Each function builds its dict when
called, so the names follow a language switch. Unknown codes are shown as they are stored.
"""

from PySide6.QtCore import QCoreApplication


def measure_names() -> dict[str, str]:
    """core.entities.MEASURES, as the indicator form lists them."""
    return {
        "level": QCoreApplication.translate("Labels", "Level (total)"),
        "count": QCoreApplication.translate("Labels", "Count"),
        "growth_yoy": QCoreApplication.translate("Labels", "Year-on-year growth"),
        "growth": QCoreApplication.translate("Labels", "Growth (other base)"),
        "growth_avg": QCoreApplication.translate("Labels", "Average yearly growth"),
        "change": QCoreApplication.translate("Labels", "Change in level"),
        "change_pp": QCoreApplication.translate("Labels", "Change in percentage points"),
        "share": QCoreApplication.translate("Labels", "Share"),
        "rate": QCoreApplication.translate("Labels", "Rate"),
        "index": QCoreApplication.translate("Labels", "Index"),
        "ratio": QCoreApplication.translate("Labels", "Ratio"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }


def qualifier_names() -> dict[str, str]:
    """core.entities.QUALIFIERS, worded to stand before the number ("about 8.6 万个")."""
    return {
        "eq": QCoreApplication.translate("Labels", "exactly"),
        "gt": QCoreApplication.translate("Labels", "over"),
        "ge": QCoreApplication.translate("Labels", "at least"),
        "lt": QCoreApplication.translate("Labels", "under"),
        "le": QCoreApplication.translate("Labels", "at most"),
        "approx": QCoreApplication.translate("Labels", "about"),
    }


def kind_names() -> dict[str, str]:
    """core.kinds.KINDS: whether a value is a result or an aim."""
    return {
        "actual": QCoreApplication.translate("Labels", "Actual"),
        "target": QCoreApplication.translate("Labels", "Target"),
        "forecast": QCoreApplication.translate("Labels", "Forecast"),
        "plan": QCoreApplication.translate("Labels", "Plan"),
    }


def role_names() -> dict[str, str]:
    """core.entities.ROLES."""
    return {
        "staff": QCoreApplication.translate("Labels", "Entry staff"),
        "editor": QCoreApplication.translate("Labels", "Editor"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
    }


def action_names() -> dict[str, str]:
    """The actions an indicator's history records."""
    return {
        "create": QCoreApplication.translate("Labels", "Created"),
        "edit": QCoreApplication.translate("Labels", "Edited"),
        "delete": QCoreApplication.translate("Labels", "Deleted"),
        "restore": QCoreApplication.translate("Labels", "Restored"),
        "cite": QCoreApplication.translate("Labels", "Citation added"),
        "uncite": QCoreApplication.translate("Labels", "Citation removed"),
        "submit": QCoreApplication.translate("Labels", "Submitted for review"),
        "approve": QCoreApplication.translate("Labels", "Approved"),
        "return": QCoreApplication.translate("Labels", "Returned"),
        "reopen": QCoreApplication.translate("Labels", "Reopened"),
        "withdraw": QCoreApplication.translate("Labels", "Withdrawn from review"),
        "comment": QCoreApplication.translate("Labels", "Comment"),
        "load": QCoreApplication.translate("Labels", "Loaded from file"),
    }


def outcome_names() -> dict[str, str]:
    """What the current review pass did to an entry in the queue."""
    return {
        "approved": QCoreApplication.translate("Labels", "Approved", "review outcome"),
        "returned": QCoreApplication.translate("Labels", "Returned", "review outcome"),
        "edited": QCoreApplication.translate("Labels", "Edited", "review outcome"),
    }


def field_names() -> dict[str, str]:
    """Indicator fields (INDICATOR_FIELDS, the citations, the status) as the history names them."""
    return {
        "name": QCoreApplication.translate("Labels", "Name"),
        "subject": QCoreApplication.translate("Labels", "Subject"),
        "period_label": QCoreApplication.translate("Labels", "Period"),
        "period_start": QCoreApplication.translate("Labels", "Period start"),
        "period_end": QCoreApplication.translate("Labels", "Period end"),
        "measure": QCoreApplication.translate("Labels", "Measure"),
        "value": QCoreApplication.translate("Labels", "Value"),
        "unit": QCoreApplication.translate("Labels", "Unit"),
        "base_value": QCoreApplication.translate("Labels", "Base value"),
        "base_unit": QCoreApplication.translate("Labels", "Base unit"),
        "value_high": QCoreApplication.translate("Labels", "Range up to"),
        "base_value_high": QCoreApplication.translate("Labels", "Base value up to"),
        "qualifier": QCoreApplication.translate("Labels", "Qualifier"),
        "value_text": QCoreApplication.translate("Labels", "As written"),
        "notes": QCoreApplication.translate("Labels", "Notes"),
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "catalog_id": QCoreApplication.translate("Labels", "Catalog item"),
        "citations": QCoreApplication.translate("Labels", "Citations"),
        "status": QCoreApplication.translate("Labels", "Status"),
    }


def claim_names() -> dict[str, str]:
    """What a loaded file claimed about an entry's past, as History shows it ("from file")."""
    return {
        "status": QCoreApplication.translate("Labels", "Status"),
        "created_by": QCoreApplication.translate("Labels", "Entered by"),
        "created_at": QCoreApplication.translate("Labels", "Entered at"),
        "reviewed_by": QCoreApplication.translate("Labels", "Reviewed by"),
        "reviewed_at": QCoreApplication.translate("Labels", "Reviewed at"),
    }


def code_names(field: str) -> dict[str, str]:
    """The names for an indicator field that holds a code (measure, qualifier), else {}."""
    if field == "measure":
        return measure_names()
    if field == "qualifier":
        return qualifier_names()
    if field == "kind":
        return kind_names()
    return {}


def workflow_verbs() -> dict[str, str]:
    """Workflow actions as verbs ("only an editor can approve"), also in their past form."""
    verbs = {
        "submit": QCoreApplication.translate("Labels", "submit"),
        "approve": QCoreApplication.translate("Labels", "approve"),
        "return": QCoreApplication.translate("Labels", "return"),
        "reopen": QCoreApplication.translate("Labels", "reopen"),
        "withdraw": QCoreApplication.translate("Labels", "withdraw"),
        "edit": QCoreApplication.translate("Labels", "edit"),
        "delete": QCoreApplication.translate("Labels", "delete"),
        "comment": QCoreApplication.translate("Labels", "comment on"),
    }
    past = {
        "submitted": "submit",
        "approved": "approve",
        "returned": "return",
        "reopened": "reopen",
        "withdrawn": "withdraw",
        "edited": "edit",
        "deleted": "delete",
        "commented": "comment",
    }
    return verbs | {word: verbs[verb] for word, verb in past.items()}


def anchor_state_names() -> dict[str, str]:
    """core.reanchor.STATES (and "" for a citation a person made), for the revision views."""
    return {
        "": QCoreApplication.translate("Labels", "cited"),
        "exact": QCoreApplication.translate("Labels", "in place"),
        "moved": QCoreApplication.translate("Labels", "moved"),
        "changed": QCoreApplication.translate("Labels", "changed"),
        "orphaned": QCoreApplication.translate("Labels", "not found"),
    }


def error_param_names() -> dict[str, dict[str, str]]:
    """Codes that error messages fill in (status, role, action …), by parameter name."""
    from indicite.ui.indicator_model import status_names

    verbs = workflow_verbs()
    return {
        "status": status_names(),
        "role": role_names(),
        "action": verbs,
        "past": verbs,
        "who": {
            "entered": QCoreApplication.translate("Labels", "entered"),
            "last changed": QCoreApplication.translate("Labels", "last changed"),
        },
    }
