"""The export format's derived fields: readable citation, paragraphs, Qt offsets, neutralising."""

import pytest

from indicite.core.export_format import (
    DocumentPositions,
    human_citation,
    neutralise,
    restore,
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1", "'+1"),
        ("-13.5%", "'-13.5%"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("增长5.2%", "增长5.2%"),
        ("a=b", "a=b"),
    ],
)
def test_formula_starts_are_neutralised_and_restored_exactly(text, shown):
    assert neutralise(text) == shown
    assert restore(neutralise(text)) == text


def test_readable_citation_names_title_issuer_date_paragraph_and_page():
    assert (
        human_citation("天津工业", "天津市工业和信息化局", "2025-01-20", 3)
        == "《天津工业》，天津市工业和信息化局，2025-01-20，第3段"
    )
    assert human_citation("报告", "", None, 2, page=5) == "《报告》，第2段，第5页"


def test_paragraphs_count_non_empty_lines_and_utf16_counts_astral_twice():
    text = "标题\n\n𠀀第一段有数字\n第二段"
    positions = DocumentPositions(text)
    assert positions.paragraph_of(0) == 1
    first = text.index("第一段")
    second = text.index("第二段")
    assert positions.paragraph_of(first) == 2
    assert positions.paragraph_of(second) == 3
    fields = positions.citation_fields(
        {"title": "T", "issuer": "", "published_on": None}, first, second, None
    )
    assert (fields["start_utf16"], fields["end_utf16"]) == (first + 1, second + 1)
    assert fields["citation"] == "《T》，第2段"
