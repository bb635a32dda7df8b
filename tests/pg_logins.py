"""A login of the throwaway cluster that must give a password (pg_cluster.SCRAM_GROUP), and
URLs for it: the team-mode tests of asking for, remembering and refusing a password."""

from urllib.parse import quote, urlsplit, urlunsplit

CLERK = "indicite_clerk"
CLERK_PASSWORD = "s3cret pass/word"  # noqa: S105 (a test role's, on a throwaway cluster)


def as_user(url: str, user: str, password: str = "") -> str:
    """``url`` logging in as ``user`` (with ``password`` written into it, if given)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    secret = f":{quote(password, safe='')}" if password else ""
    return urlunsplit(parts._replace(netloc=f"{user}{secret}@{host}"))
