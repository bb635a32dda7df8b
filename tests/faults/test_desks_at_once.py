"""Desks at once on one team database (PostgreSQL): nothing acknowledged is lost or half-done,
stale saves are refused, and every desk hears every other desk's saves.

bench/bench_team.py runs 20 desks for 60 s with the same harness (tests/faults/desks.py).
"""

import psycopg
from desks import events_by_version, heard_delays, problems_after, run_desks

DESKS = 4


def test_four_desks_for_5_seconds_lose_nothing_and_hear_each_other(pg_url, tmp_path):
    results = run_desks(pg_url, DESKS, 5, 0, tmp_path)
    done = [r for d in results for r in d["done"]]
    conflicts = sum(d["conflicts"] for d in results)
    assert problems_after(pg_url, results) == []
    assert sum(d["storage_problems"] for d in results) == 0
    assert len(done) > 40 and conflicts > 0  # the desks really worked, and collided
    delays, missed = heard_delays(results, events_by_version(pg_url))
    assert missed == 0 and len(delays) == (DESKS - 1) * sum("version" in r for r in done)
    print(f"\n{DESKS} desks, 5 s: {len(done)} actions, {conflicts} conflicts, {len(delays)} heard")


def test_the_check_sees_a_lost_update_and_a_half_applied_action(pg_url, tmp_path):
    from writer import setup

    setup(pg_url, files=tmp_path / "team")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        (ind_id,) = conn.execute(
            "SELECT indicator_id FROM events WHERE action = 'create' ORDER BY id LIMIT 1"
        ).fetchone()
        conn.execute("DELETE FROM citations WHERE indicator_id = %s", [ind_id])
    saved = {"action": "create", "indicator_id": ind_id, "version": 1}
    never = {"action": "edit", "indicator_id": ind_id, "version": 2}
    desks = [{"done": [saved, never]}, {"done": [dict(saved)]}]  # two claim the same version
    problems = problems_after(pg_url, desks)
    assert any("lost update" in p for p in problems)
    assert any(p.startswith("acknowledged but lost") and "'version': 2" in p for p in problems)
    assert any(p.startswith(f"half-applied: entry {ind_id} ") for p in problems)
