"""Numbers as a load or a form reads them: plain ones fast, typed ones cleaned, bad refused."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicite.core.errors import ValidationError
from indicite.core.validation import parse_value


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-1e12, max_value=1e12)
)
def test_a_plain_number_reads_as_written(number):
    text = f"{number:f}"
    assert parse_value(text) == float(text)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("４.２", 4.2), ("1,234.5", 1234.5), (" 3 ", 3.0), ("−7", -7.0), ("+5", 5.0), ("1e3", 1000.0)],
)
def test_a_typed_number_is_cleaned(typed, value):
    assert parse_value(typed) == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0." + "0" * 400 + "1", "too close to zero"),  # long, but plain-looking
        ("1" * 400, "too large"),
        ("1" * 16 + ".5", None),  # longer than the quick path reads: still a number
        ("4.2亿", "not a number"),
        ("", "not a number"),
    ],
)
def test_long_or_bad_numbers(text, reason):
    if reason is None:
        assert parse_value(text) == float(text)
        return
    with pytest.raises(ValidationError, match=reason):
        parse_value(text)
