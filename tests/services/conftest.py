"""Every service test taking ``session`` runs on SQLite and on PostgreSQL."""

import pytest


@pytest.fixture
def session(store_location):
    from indicite.services.session import Session

    s = Session.open(store_location, "tester")
    yield s
    s.close()
