"""What makes big documents and big databases fast must still show the right things.

The indicator table fetches rows a page at a time (right rows, right order, few pages read);
the highlighter formats every cited character, whether it repaints block by block or in one
pass over the document.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QTableView

from indicite.core.citations import quote_at
from indicite.core.entities import Indicator
from indicite.storage.indicator_queries import IndicatorQueries
from indicite.ui.highlighter import STATUS_COLOURS, CitationHighlighter, Span
from indicite.ui.indicator_model import COLUMNS, PAGE_SIZE, IndicatorTableModel

ROWS = 3 * PAGE_SIZE + 10
SUBJECTS = ("天津", "北京", "上海")


@pytest.fixture
def many(session, sample_doc):
    """ROWS indicators on the sample: names 指标0000…, subjects and statuses in turn."""
    store = session.store
    text = store.documents.get(sample_doc).text
    quote = quote_at(text, 10, 14)
    with store.transaction():
        for n in range(ROWS):
            store.indicators.insert(
                Indicator(
                    document_id=sample_doc,
                    name=f"指标{n:04d}",
                    subject=SUBJECTS[n % 3],
                    status=("draft", "submitted", "approved", "returned")[n % 4],
                    version=1,
                    created_by="tester",
                    created_at="2026-01-01T00:00:00.000+00:00",
                ),
                [quote],
            )
    return sample_doc


class CountingQueries(IndicatorQueries):
    """The real queries, counting how many rows the model asked for."""

    fetched = 0

    def rows(self, ids):
        self.fetched += len(ids)
        return super().rows(ids)


@pytest.fixture
def model(qtbot, session, many):
    model = IndicatorTableModel(CountingQueries(session.store.db))
    model.set_document(many)
    return model


def shown(model, row, key="name"):
    return model.data(model.index(row, COLUMNS.index(key)))


def test_rows_on_every_page_are_the_right_ones(model):
    assert model.rowCount() == ROWS
    for row in (0, PAGE_SIZE - 1, PAGE_SIZE, 2 * PAGE_SIZE + 7, ROWS - 1):
        assert shown(model, row) == f"指标{row:04d}"


def test_a_table_on_screen_reads_a_page_not_every_row(qtbot, model):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    view.grab()
    assert 0 < model.queries.fetched <= PAGE_SIZE
    view.scrollToBottom()
    view.grab()
    assert shown(model, ROWS - 1) == f"指标{ROWS - 1:04d}"
    assert model.queries.fetched <= 3 * PAGE_SIZE


def test_sorting_orders_all_rows_with_ties_by_id(model):
    model.sort(COLUMNS.index("subject"))
    subjects = [shown(model, row, "subject") for row in range(ROWS)]
    names = [shown(model, row) for row in range(ROWS)]
    assert subjects == sorted(subjects)
    first_beijing = subjects.index("北京")
    assert names[first_beijing : first_beijing + 2] == ["指标0001", "指标0004"]
    model.sort(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)
    assert shown(model, 0) == f"指标{ROWS - 1:04d}"


def test_filter_by_status_keeps_only_those_rows(model):
    model.set_filter(status="approved")
    assert model.rowCount() == len(range(2, ROWS, 4))
    assert shown(model, 0) == "指标0002"
    assert shown(model, model.rowCount() - 1) == f"指标{max(range(2, ROWS, 4)):04d}"


def test_the_lazy_model_keeps_the_qt_model_rules(qtmodeltester, model):
    qtmodeltester.check(model)


# --- highlighter ----------------------------------------------------------------------------

PARAGRAPH = "全年规模以上工业增加值增长4.2%，高于全国。"


@pytest.fixture
def document(qtbot):
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setPlainText("\n".join([PARAGRAPH] * 200))
    return doc


def background_at(doc, position):
    block = doc.findBlock(position)
    offset = position - block.position()
    for fmt_range in block.layout().formats():
        if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
            return fmt_range.format.background().color()
    return None


def value_spans(statuses):
    """A span over "4.2%" in each paragraph, with the given statuses in turn."""
    step = len(PARAGRAPH) + 1
    offset = PARAGRAPH.index("4.2%")
    return [
        Span(n * step + offset, n * step + offset + 4, n + 1, statuses[n % len(statuses)], "")
        for n in range(200)
    ]


def test_every_cited_character_and_no_other_is_highlighted(document):
    highlighter = CitationHighlighter(document)
    spans = value_spans(["draft", "approved"])
    highlighter.set_spans(spans)  # many blocks: all stale, every block of a bare document formatted
    for span in spans[:3] + spans[-3:]:
        expected = QColor(STATUS_COLOURS[span.status])
        assert all(background_at(document, p) == expected for p in range(span.start, span.end))
        assert background_at(document, span.start - 1) is None
        assert background_at(document, span.end) is None


def test_replacing_a_few_highlights_repaints_just_those(document):
    highlighter = CitationHighlighter(document)
    spans = value_spans(["draft"])
    highlighter.set_spans(spans)
    changed = [*spans[:5], Span(spans[5].start, spans[5].end, 6, "approved", ""), *spans[6:]]
    highlighter.set_spans(changed[1:])  # the first one removed, the sixth approved
    assert background_at(document, spans[0].start) is None
    assert background_at(document, spans[5].start) == QColor(STATUS_COLOURS["approved"])
    assert background_at(document, spans[6].start) == QColor(STATUS_COLOURS["draft"])


def test_overlapping_highlights_are_found_shortest_first(document):
    highlighter = CitationHighlighter(document)
    outer = Span(0, 20, 1, "draft", "outer")
    inner = Span(8, 12, 2, "approved", "inner")
    highlighter.set_spans([outer, inner])
    assert highlighter.spans_at(9) == [inner, outer]
    assert highlighter.spans_at(3) == [outer]
    assert highlighter.spans_at(25) == []
