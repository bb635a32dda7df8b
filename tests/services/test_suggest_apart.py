"""A big text's suggestions come from a child process and are the same as computed in place."""

from pathlib import Path

from indicite.services import suggest_apart
from indicite.services.suggestions import suggestions_for_text

DATA = Path(__file__).parents[1] / "data"


def test_a_big_text_gets_the_same_suggestions_from_a_child_process(monkeypatch):
    text = (DATA / "tianjin_industry_2025.txt").read_text(encoding="utf-8")
    big = "\n".join([text] * 3)
    monkeypatch.setattr(suggest_apart, "CHILD_PROCESS_CHARS", len(big) - 1)
    found = suggest_apart.suggestions_apart(big, "2025-12-31", "天津")
    assert found == suggestions_for_text(big, "2025-12-31", "天津")
    monkeypatch.setattr(suggest_apart, "ProcessPoolExecutor", None)  # shown again: no process
    assert suggest_apart.suggestions_apart(big, "2025-12-31", "天津") == found
    assert [big[s.start : s.end] for s in found[:3]] == [s.text for s in found[:3]]
    assert len(found) >= 3 * len(suggestions_for_text(text, "2025-12-31", "天津"))


def test_a_small_text_is_read_in_place(monkeypatch):
    monkeypatch.setattr(suggest_apart, "ProcessPoolExecutor", None)  # would fail if started
    found = suggest_apart.suggestions_apart("工业增加值增长5.2%。", "2025-12-31", "天津")
    assert [s.text for s in found] == ["5.2%"]


def test_without_a_child_process_the_text_is_read_in_place(monkeypatch):
    def no_processes(*_args, **_kwargs):
        raise OSError("cannot start a process here")

    monkeypatch.setattr(suggest_apart, "CHILD_PROCESS_CHARS", 1)
    monkeypatch.setattr(suggest_apart, "ProcessPoolExecutor", no_processes)
    found = suggest_apart.suggestions_apart("工业增加值增长5.3%。", "2025-12-31", "天津")
    assert [s.text for s in found] == ["5.3%"]
