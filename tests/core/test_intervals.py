"""Values compared as intervals: a range agrees with a single value inside it."""

from indicite.core.intervals import interval, intervals_meet


def test_a_single_value_is_a_point_and_a_range_its_two_ends():
    assert interval(5.2) == (5.2, 5.2)
    assert interval(7.0, 7.5) == (7.0, 7.5)
    assert interval(None, 3) is None


def test_a_range_meets_a_value_inside_it_and_not_one_outside():
    target = interval(7.0, 7.5)
    assert intervals_meet(target, interval(7.2))
    assert intervals_meet(target, interval(7.5))
    assert not intervals_meet(target, interval(7.6))
    assert intervals_meet(interval(5, 6), interval(5.5, 8))
    assert not intervals_meet(interval(5, 6), interval(6.5, 8))


def test_rounding_slack_and_missing_values():
    assert not intervals_meet(interval(5.0), interval(5.04))
    assert intervals_meet(interval(5.0), interval(5.04), rel_tol=0.01)
    assert not intervals_meet(interval(None), interval(5.0))
