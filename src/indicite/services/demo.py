"""The throwaway database `indicite --demo` opens, holding the bundled sample document."""

import shutil
import tempfile
from pathlib import Path

from indicite.paths import sample_document
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.session import Session

SAMPLE_META = DocumentMeta(
    title="天津向高端高质攀升 推动全国先进制造研发基地建设迈上新台阶",
    issuer="天津市工业和信息化局",
    subject="天津",
)


def import_sample(session: Session) -> int:
    """Import the sample document (or find it) and return its id."""
    outcome = import_file(session, sample_document(), SAMPLE_META)
    assert outcome.document_id is not None, outcome.error
    return outcome.document_id


DEMO_PREFIX = "indicite-demo-"


def open_demo(user: str | None = None) -> tuple[Session, int]:
    """A new database in a folder of its own, to be thrown away with ``discard_demo``."""
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    session = Session.open(folder / "demo.sqlite", user)
    session.throwaway = True
    return session, import_sample(session)


def discard_demo(session: Session) -> None:
    """Remove the demo's folder once its session is closed (the app's exit)."""
    path = session.store.path
    if not session.throwaway or path is None or not path.parent.name.startswith(DEMO_PREFIX):
        return
    if not session.store.closed:
        session.close()
    shutil.rmtree(path.parent, ignore_errors=True)
