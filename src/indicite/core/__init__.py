"""Plain-Python domain rules: entities, citations, numbers, workflow. No Qt, no SQL."""
