"""The suggester for a big text in a child process, so it never holds the GUI's interpreter lock.

The suggester is pure Python: in a worker thread it holds the GIL for its whole run, and on the
3.3 MB bench document every jump in the text during that second took 90–180 ms instead of
15–25 ms. A child process runs on another core and hands the suggestions back pickled (17 ms to
unpickle 5,000). Starting one costs 0.2–0.4 s, so small texts run in the calling thread.
"""

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from typing import TYPE_CHECKING

from indicite.services import suggestions

if TYPE_CHECKING:
    from indicite.core.suggest import Suggestion
    from indicite.core.tables import Table

CHILD_PROCESS_CHARS = 300_000


def suggestions_apart(
    text: str,
    published_on: str | None = None,
    subject: str = "",
    tables: Sequence["Table"] | None = None,
) -> list["Suggestion"]:
    """``suggestions_for_text``, computed in a child process when the text is big."""
    if len(text) < CHILD_PROCESS_CHARS:
        return suggestions.suggestions_for_text(text, published_on, subject, tables)
    return list(_in_child(text, published_on, subject, None if tables is None else tuple(tables)))


@lru_cache(maxsize=4)  # a document shown again is not read again (its text never changes)
def _in_child(
    text: str, published_on: str | None, subject: str, tables: tuple["Table", ...] | None
) -> tuple["Suggestion", ...]:
    args = (text, published_on, subject, tables)
    # spawn, not fork: forking a process that runs Qt threads can deadlock the child.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return tuple(pool.submit(suggestions.suggestions_for_text, *args).result())
    except (OSError, BrokenProcessPool):  # no child process to be had: slower, but here
        return tuple(suggestions.suggestions_for_text(*args))
