"""A plain-text layout that lays out some blocks on tab stops of their own.

QPlainTextDocumentLayout gives every block the document's QTextOption and ignores the tab
positions and indents of block formats, so a table header row that starts one cell right of
the stub, or whose group headers span two sub-columns, cannot line up with the body rows on
the document's tab stops. This layout lets such blocks (a handful per table) be laid out again
with their own stops and a leading indent; all other blocks keep Qt's own layout, so a long
document costs one dictionary look-up per block Qt measures. The text is untouched: citations
are offsets into it.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument, QTextOption
from PySide6.QtWidgets import QPlainTextDocumentLayout


class RowStops(NamedTuple):
    """Where a block starts (``indent``, pixels) and its tab stops (relative to the indent)."""

    indent: float
    tabs: list[QTextOption.Tab]


class GridLayout(QPlainTextDocumentLayout):
    """Qt's plain-text layout, with chosen blocks on their own tab stops."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._rows: dict[int, RowStops] = {}

    def set_rows(self, rows: dict[int, RowStops]) -> None:
        """Lay out the blocks numbered in ``rows`` on their own stops (after setPlainText)."""
        self._rows = rows
        document = self.document()
        for number in rows:
            block = document.findBlockByNumber(number)
            if block.isValid() and block.layout().lineCount():
                self._lay_out(block, rows[number])

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        """Qt asks this before it draws or hit-tests a block, also after it laid the block
        out again (new width, new highlight formats): the moment to put a row on its stops."""
        if self._rows:
            row = self._rows.get(block.blockNumber())
            if row is not None:
                super().blockBoundingRect(block)  # Qt lays the block out if it must
                self._lay_out(block, row)
        return super().blockBoundingRect(block)

    def _lay_out(self, block: QTextBlock, row: RowStops) -> None:
        """Lay out a block Qt has laid out as QPlainTextDocumentLayout.layoutBlock does, with
        the row's stops and indent (nothing to do when it is laid out so already)."""
        layout = block.layout()
        margin = self.document().documentMargin()
        first = layout.lineAt(0)
        if first.x() == margin + row.indent and layout.textOption().tabs() == row.tabs:
            return
        width = first.width() - row.indent  # Qt's lines are as wide as the view allows
        option = QTextOption(layout.textOption())
        option.setTabs(row.tabs)
        layout.setTextOption(option)
        height = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLeadingIncluded(True)
            line.setLineWidth(max(width, 1.0))
            line.setPosition(QPointF(margin + row.indent, height))
            height += line.height() + min(line.leading(), 0.0)
        layout.endLayout()
        block.setLineCount(layout.lineCount() if block.isVisible() else 0)
