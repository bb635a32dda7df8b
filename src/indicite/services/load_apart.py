"""A big file for ``indicite load`` read and checked in a child process, while the load writes.

Of a load of 100,000 rows about half is reading and checking the file (pure Python, holding the
interpreter lock) and the other half is anchoring the rows and writing them with SQLite. A child
process on the second core reads ahead and hands the checked rows over pickled, a few hundred
at a time; the pipe holds about ten batches, so the child runs a little ahead and memory stays
flat. Starting a child costs 0.2–0.4 s, so small files are read in the loading process.
The child only reads the file: it never opens the database.
"""

import multiprocessing
import pickle
from collections.abc import Callable, Generator
from contextlib import suppress
from pathlib import Path
from typing import Any

from indicite.core.entities import Document
from indicite.core.errors import IndiciteError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
from indicite.services.load_rows import Checked, Context, Documents, Loader, checked_rows

Texts = dict[int, tuple[str, str, list[int] | None]]  # title, text, page starts by id
CHILD_PROCESS_BYTES = 8 * 1024 * 1024  # ~10,000 rows of our export
# The child gets every document's text (pickled: 0.1 s for 30 million characters); beyond
# this the loading process reads the file itself.
TEXT_CHARS = 50_000_000
BATCH = 250  # rows per message: ~100 KB
# On Linux the pipe holds 1 MB (not 64 KB): the child runs ten batches ahead and a batch is
# read whole, without waiting for the child to be scheduled again on a busy machine.
PIPE_BYTES = 1 << 20
_DONE = "done"


class ChildStopped(RuntimeError):
    """The child reading the file ended without a word (killed, out of memory, or unable to
    start); the load stops and its transaction rolls back."""


def checked_rows_apart(
    path: Path, context: Context, texts: Callable[[int], Texts | None]
) -> Generator[Checked, None, None]:
    """``checked_rows``, read in a child process when the file is big and ``texts(limit)``
    gives the documents' texts to anchor the rows in (None: more characters than ``limit``).
    As there, a file that cannot be loaded at all is refused now; a refusal found further on
    comes with the rows."""
    try:
        big = path.stat().st_size >= CHILD_PROCESS_BYTES
    except OSError:  # the reader says what is wrong with the path
        big = False
    shipped = texts(TEXT_CHARS) if big else None
    if shipped is None:
        return checked_rows(path, context)
    # spawn, not fork: forking a process that runs Qt threads can deadlock the child.
    mp = multiprocessing.get_context("spawn")
    receiver, sender = mp.Pipe(duplex=False)
    _widen(sender.fileno())
    documents = context.documents
    args = (path, documents.by_sha, documents.by_title, shipped, *context[1:], sender)
    child = mp.Process(target=_read_apart, args=args, daemon=True)
    try:
        child.start()
    except OSError:  # no child process to be had: slower, but here
        receiver.close()
        return checked_rows(path, context)
    finally:
        sender.close()
    rows = _received(receiver, child)
    try:
        first = next(rows)  # the file's own refusal (its header) is raised here, before any row
    except ChildStopped:  # it could not start (a script without a main guard): read it here
        return checked_rows(path, context)
    return _after(first, rows)


def _widen(pipe: int) -> None:
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setsize is not None:
        with suppress(OSError):  # a smaller limit (/proc/sys/fs/pipe-max-size) keeps 64 KB
            fcntl.fcntl(pipe, setsize, PIPE_BYTES)


def _after(
    first: list[Checked], rest: Generator[list[Checked], None, None]
) -> Generator[Checked, None, None]:
    try:
        yield from first
        for batch in rest:
            yield from batch
    finally:
        rest.close()  # a load that stopped early stops the child


def _received(receiver: Any, child: Any) -> Generator[list[Checked], None, None]:
    """The child's batches (its first message says whether the file can be read at all)."""
    try:
        while True:
            try:
                message = pickle.loads(receiver.recv_bytes())  # noqa: S301 (our child's own)
            except EOFError:
                raise ChildStopped("the process reading the file stopped") from None
            if message == _DONE:
                yield []
                return
            if isinstance(message, tuple):  # ("refused", the error's class, message, state)
                _, kind, text, state = message
                error = kind.__new__(kind)
                Exception.__init__(error, text)
                error.__dict__.update(state)  # its template and values, for translation
                raise error
            yield message
    finally:
        receiver.close()  # a child still writing gets a broken pipe and ends
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()
            child.join()


def _read_apart(
    path: Path,
    by_sha: dict[str, int],
    by_title: dict[str, list[int]],
    texts: Texts,
    catalog_codes: dict[str, int],
    loader: Loader,
    file: str,
    replaced: frozenset[int],
    sender: Any,
) -> None:
    """In the child: every checked row, ``BATCH`` at a time, then ``_DONE``; a file that cannot
    be loaded ends with its refusal instead."""
    documents = {
        doc_id: Document(id=doc_id, title=title, text=text, page_starts=pages)
        for doc_id, (title, text, pages) in texts.items()
    }
    found = Documents(by_sha, by_title, documents.__getitem__)
    context = Context(found, catalog_codes, loader, file, replaced)
    try:
        try:
            batch: list[Checked] = []
            for row in checked_rows(path, context):
                batch.append(row)
                if len(batch) >= BATCH:
                    sender.send_bytes(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))
                    batch = []
            if batch:
                sender.send_bytes(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))
            sender.send_bytes(pickle.dumps(_DONE))
        except IndiciteError as e:
            refusal = ("refused", type(e), str(e), e.__dict__)
            sender.send_bytes(pickle.dumps(refusal, pickle.HIGHEST_PROTOCOL))
    except (BrokenPipeError, ConnectionResetError):  # the load stopped reading: nothing to do
        pass
    finally:
        sender.close()
