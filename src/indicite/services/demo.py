"""The throwaway database `indicite --demo` opens, holding the bundled sample document."""

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


def open_demo(user: str | None = None) -> tuple[Session, int]:
    folder = Path(tempfile.mkdtemp(prefix="indicite-demo-"))
    session = Session.open(folder / "demo.sqlite", user)
    return session, import_sample(session)
