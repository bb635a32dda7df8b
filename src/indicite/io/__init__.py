"""File readers (txt, md, docx, pdf, html) and writers (csv, xlsx, json). No Qt, no SQL."""
