"""The consistency checks' messages in the interface language.

The templates are core.checks' constants; they are listed here literally so that lupdate finds
them (a test keeps the two lists equal).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from indicite.core.checks import Finding
from indicite.ui.errors import fill

TEMPLATES = (
    QT_TRANSLATE_NOOP(
        "Checks",
        "{value} differs from {other_value} in entry {other_id} (same indicator, period and kind)",
    ),
    QT_TRANSLATE_NOOP(
        "Checks", "{previous} → {value} is {implied} growth, but entry {other_id} says {growth}"
    ),
    QT_TRANSLATE_NOOP("Checks", "a change in percentage points is entered with the unit %"),
    QT_TRANSLATE_NOOP(
        "Checks", "a {measure} is entered in percentage points; use % or measure change_pp"
    ),
    QT_TRANSLATE_NOOP(
        "Checks", "its parts add up to {parts}, more than the total {value} (entry {other_id})"
    ),
    QT_TRANSLATE_NOOP(
        "Checks", "this part ({value}) is greater than its total {total} (entry {other_id})"
    ),
    QT_TRANSLATE_NOOP("Checks", "a share of {value}% is more than 100%"),
    QT_TRANSLATE_NOOP("Checks", "a count cannot be negative ({value})"),
    QT_TRANSLATE_NOOP("Checks", "the cited passage says {cited}, not {value}"),
    QT_TRANSLATE_NOOP(
        "Checks", "{value} is far from the rest of its series (median {median}, robust z {z})"
    ),
)


def finding_text(finding: Finding) -> str:
    """One failed check in words, translated, with its numbers filled in."""
    return fill("Checks", finding.template, finding.params, finding.text)
