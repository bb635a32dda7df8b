"""Two app instances on one file: the second save of the same entry is refused, nothing lost."""

import pytest

from indicite.core.errors import ConflictError
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.review import submit
from indicite.services.session import Session


def test_second_save_is_refused_and_first_kept(session, sample_doc, store_location):
    ind = create_indicator(session, sample_doc, {"name": "增加值", "value": 4.2}, [(0, 4)])
    other = Session.open(store_location, "ann")
    try:
        loaded_here = session.store.indicators.get(ind.id)
        loaded_there = other.store.indicators.get(ind.id)
        update_indicator(session, ind.id, {"value": 4.3}, loaded_here.version)
        with pytest.raises(ConflictError, match="reload"):
            update_indicator(other, ind.id, {"notes": "改"}, loaded_there.version)
        with pytest.raises(ConflictError):
            submit(other, ind.id, loaded_there.version)
        seen_there = other.store.indicators.get(ind.id)
        assert (seen_there.value, seen_there.notes, seen_there.status) == (4.3, "", "draft")
        reloaded = update_indicator(other, ind.id, {"notes": "改"}, seen_there.version)
        assert (reloaded.value, reloaded.notes) == (4.3, "改")
        edits = [e.who for e in session.store.events.for_indicator(ind.id) if e.action == "edit"]
        assert edits == ["tester", "ann"]
    finally:
        other.close()
