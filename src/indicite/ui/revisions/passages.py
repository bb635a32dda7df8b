"""A passage as it read before and as it reads now, side by side, with the difference marked."""

from difflib import SequenceMatcher
from html import escape

OLD_MARK = "background:#ffcdd2;text-decoration:line-through;"
NEW_MARK = "background:#c8e6c9;font-weight:bold;"


def marked_pair(old: str, new: str) -> tuple[str, str]:
    """HTML of both quotes with the characters that differ marked (removed / added)."""
    left, right = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        a, b = escape(old[i1:i2]), escape(new[j1:j2])
        if tag == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f'<span style="{OLD_MARK}">{a}</span>')
        if b:
            right.append(f'<span style="{NEW_MARK}">{b}</span>')
    return "".join(left), "".join(right)


def side_by_side(
    rows: list[tuple[str, tuple[str, str, str], tuple[str, str, str] | None]],
    headers: tuple[str, str, str],
    lost: str,
) -> str:
    """An HTML table: a label, then the old and the new passage (prefix, quote, suffix) with
    the quotes' difference marked; a passage that is gone shows ``lost``."""
    cells = [f"<tr>{''.join(f'<th align=left>{escape(h)}</th>' for h in headers)}</tr>"]
    for label, old, new in rows:
        if new is None:
            old_quote, new_html = (
                f'<span style="{OLD_MARK}">{escape(old[1])}</span>',
                f"<i>{escape(lost)}</i>",
            )
        else:
            old_quote, new_quote = marked_pair(old[1], new[1])
            new_html = f"…{escape(new[0][-12:])}{new_quote}{escape(new[2][:12])}…"
        old_html = f"…{escape(old[0][-12:])}{old_quote}{escape(old[2][:12])}…"
        cells.append(f"<tr><td>{escape(label)}</td><td>{old_html}</td><td>{new_html}</td></tr>")
    return f"<table cellspacing=0 cellpadding=4 border=1>{''.join(cells)}</table>"
