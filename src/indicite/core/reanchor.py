"""Placing the citations of one version of a document in its revised text.

A citation is a quote with its context and its position (W3C Web Annotation selectors), so it
can be found again in a revised text the way Hypothesis finds annotations on an edited page:

1. the diff of the two texts (diff-match-patch) carries the position over unchanged stretches:
   when the quote lies in an unchanged stretch and its context agrees, it is ``exact`` (same
   offset) or ``moved`` (other offset);
2. else the quote is searched for verbatim; the occurrence whose context agrees best is taken
   (``moved``) if that agreement is clear;
3. else quote and context are matched approximately (rapidfuzz) near where the diff puts the
   passage, or near where its context still stands: ``changed``, with a score;
4. else ``orphaned``.

Only ``exact`` and ``moved`` claim that the new span reads the same passage; a placement that
cannot be sure is ``changed`` or ``orphaned``, so a person looks at it.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from indicite.core.citations import common_prefix, common_suffix

EXACT, MOVED, CHANGED, ORPHANED = "exact", "moved", "changed", "orphaned"
STATES = (EXACT, MOVED, CHANGED, ORPHANED)

# A verbatim quote is trusted only with this much agreement of its context (0-100), and only
# where the diff does not show the same characters as another, unchanged passage of the old text.
CONTEXT_AGREEMENT = 60.0
# Below this similarity of quote and context, an approximate match is no match.
APPROXIMATE_AGREEMENT = 60.0
# Unchanged text on both sides of a quote that shows the diff aligned the right passage.
SURE_RUN = 8
ONE_SIDE = 0.75
# Characters next to the quote that must agree for one side to count as intact.
ADJACENT = 6
# Characters next to the quote, on either side, that count as one intact side.
ADJACENT = 10
MAX_OCCURRENCES = 2000
# How far around a moved sentence of its paragraph a quote is looked for (characters).
MOVED_WINDOW = 2_000
# Places to look closer together than this are looked at as one.
CENTRE_GAP = 24
DIGITS = frozenset("0123456789０１２３４５６７８９.．")
MAX_CONTEXT_HITS = 20
# How far from where the diff puts a passage it is looked for first (characters).
NEAR = 20_000
# Shorter common stretches inside an edited paragraph are coincidence, not kept text.
MIN_RUN = 8
# Fewer unchanged characters than this between two edits make one edit in a diff view.
HUNK_GAP = 3
# Edited stretches larger than this (characters squared) are not aligned character by character.
MAX_ALIGNED = 400_000_000


@dataclass(frozen=True, slots=True)
class Placement:
    state: str
    start: int | None = None
    end: int | None = None
    score: float = 0.0

    @property
    def placed(self) -> bool:
        return self.state != ORPHANED


@dataclass(frozen=True, slots=True)
class Hunk:
    """One edit: old_text[old_start:old_end] became new_text[new_start:new_end]."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    before: str  # unchanged text just before the edit
    after: str  # unchanged text just after it


class Reanchorer:
    """The diff of two texts, computed once, and the placement of any number of quotes."""

    def __init__(self, old_text: str, new_text: str):
        self.old_text, self.new_text = old_text, new_text
        # Unchanged runs as parallel lists: old start, new start, length.
        self._old: list[int] = []
        self._new: list[int] = []
        self._len: list[int] = []
        # Every stretch the alignment found equal, however short, for telling siblings apart.
        self._claim_old: list[int] = []
        self._claim_new: list[int] = []
        self._claim_len: list[int] = []
        old_sentences, new_sentences = _sentences(old_text), _sentences(new_text)
        # Where each old sentence starts, and where each sentence of the new text stands (if
        # it stands there a few times at most): a moved paragraph is found by its sentences.
        self._old_sentence = old_sentences
        self._old_sentence_at = _starts(old_sentences)
        self._new_sentence_at: dict[str, list[int]] = {}
        for sentence, at in zip(new_sentences, _starts(new_sentences), strict=False):
            self._new_sentence_at.setdefault(sentence, []).append(at)
        for old, new, length in _unchanged_runs(old_text, new_text, old_sentences, new_sentences):
            if length >= MIN_RUN:
                self._old.append(old)
                self._new.append(new)
                self._len.append(length)
            self._claim_old.append(old)
            self._claim_new.append(new)
            self._claim_len.append(length)

    def hunks(self, context: int = 30) -> list["Hunk"]:
        """The edited stretches of the revision, each with some unchanged text around it."""
        out: list[Hunk] = []
        o = n = 0
        kept = [
            run
            for run in zip(self._claim_old, self._claim_new, self._claim_len, strict=True)
            if run[2] >= HUNK_GAP
        ]
        for old_start, new_start, length in [*kept, (len(self.old_text), len(self.new_text), 0)]:
            if old_start > o or new_start > n:
                out.append(
                    Hunk(
                        o,
                        old_start,
                        n,
                        new_start,
                        self.old_text[max(0, o - context) : o],
                        self.old_text[old_start : old_start + context],
                    )
                )
            o, n = old_start + length, new_start + length
        return out

    def map_position(self, offset: int) -> int:
        """Where an old offset falls in the new text (inside an edit: the edit's start)."""
        i = bisect_right(self._old, offset) - 1
        if i < 0:
            return 0
        return self._new[i] + min(offset - self._old[i], self._len[i])

    def place(self, start: int, end: int, exact: str, prefix: str, suffix: str) -> Placement:
        """Where the quote old_text[start:end] (with its context) stands in the new text."""
        if not exact:
            return Placement(ORPHANED)
        kept = self._kept(start, end, exact, prefix, suffix)
        if kept is not None:
            return kept
        guess = self.map_position(start)
        found = self._verbatim(start, exact, prefix, suffix, guess)
        if found is not None:
            return found
        return self._approximate(start, exact, prefix, suffix, guess)

    def _same_number_edges(self, start: int, end: int, old_start: int, old_end: int) -> bool:
        """ "12" inside "120" is another number: a digit may touch the found quote only where
        one touched the old quote."""
        old, new = self.old_text, self.new_text
        return _digit_at(new, start - 1) == _digit_at(old, old_start - 1) and _digit_at(
            new, end
        ) == _digit_at(old, old_end)

    def _claimed(self, new_start: int, new_end: int, old_start: int) -> bool:
        """The new span is, by the diff, an unchanged copy of another old passage.

        A quote whose own sentence was edited away must not land on a sibling sentence that
        says the same (第一产业…增长0.1个百分点 / 第二产业…增长0.1个百分点): that sibling is
        itself unchanged, so the diff shows where it came from.
        """
        i = bisect_right(self._claim_new, new_start) - 1
        if i < 0 or new_start >= self._claim_new[i] + self._claim_len[i]:
            return False
        return self._claim_old[i] + (new_start - self._claim_new[i]) != old_start

    def _kept(self, start: int, end: int, exact: str, prefix: str, suffix: str) -> Placement | None:
        i = bisect_right(self._old, start) - 1
        if i < 0 or end > self._old[i] + self._len[i]:
            return None
        new_start = self._new[i] + start - self._old[i]
        new_end = new_start + (end - start)
        if self.new_text[new_start:new_end] != exact:
            return None
        run_before = start - self._old[i]
        run_after = self._old[i] + self._len[i] - end
        agreement = self._context(new_start, new_end, prefix, suffix)
        sure = run_before >= min(SURE_RUN, len(prefix)) and run_after >= min(SURE_RUN, len(suffix))
        if not sure and agreement < _needed(exact):
            return None
        return Placement(EXACT if new_start == start else MOVED, new_start, new_end, agreement)

    def _context(self, start: int, end: int, prefix: str, suffix: str) -> float:
        """How well the text around [start, end) agrees with the quote's context (0-100)."""
        from rapidfuzz.fuzz import ratio

        before = self.new_text[max(0, start - len(prefix)) : start]
        after = self.new_text[end : end + len(suffix)]
        sides = []  # (agreement, weight, intact up to the quote)
        if prefix:
            adjacent = common_suffix(before, prefix) >= min(ADJACENT, len(prefix))
            sides.append((ratio(before, prefix), len(prefix), adjacent))
        if suffix:
            adjacent = common_prefix(after, suffix) >= min(ADJACENT, len(suffix))
            sides.append((ratio(after, suffix), len(suffix), adjacent))
        if not sides:
            return 100.0
        both = sum(score * weight for score, weight, _ in sides) / sum(w for _, w, _ in sides)
        # One side intact up to the quote is good evidence too: the other side may be the
        # edited sentence.
        return max([both, *(ONE_SIDE * score for score, _, intact in sides if intact)])

    def _verbatim(
        self, start: int, exact: str, prefix: str, suffix: str, guess: int
    ) -> Placement | None:
        """The quote found verbatim near where the diff puts it, else anywhere (a moved
        paragraph), where its context agrees clearly better than at any other place."""
        windows = [(max(0, guess - NEAR), guess + NEAR)]
        windows += [(max(0, c - MOVED_WINDOW), c + MOVED_WINDOW) for c in self._moved_to(start)]
        for lo, hi in (windows[0], *_merged_windows(windows[1:])):
            scored: list[tuple[float, int, int]] = []
            pos = self.new_text.find(exact, lo, hi)
            while pos != -1 and len(scored) < MAX_OCCURRENCES:
                if self._same_number_edges(
                    pos, pos + len(exact), start, start + len(exact)
                ) and not self._claimed(pos, pos + len(exact), start):
                    agreement = self._context(pos, pos + len(exact), prefix, suffix)
                    scored.append((agreement, -abs(pos - guess), pos))
                pos = self.new_text.find(exact, pos + 1, hi)
            scored.sort(reverse=True)
            if not scored or scored[0][0] < _needed(exact):
                continue
            best, best_pos = scored[0][0], scored[0][2]
            # Two places whose context agrees equally well: the quote's place is not known.
            if len(scored) > 1 and scored[1][0] >= best - 1.0 and (prefix or suffix):
                return None
            return Placement(MOVED, best_pos, best_pos + len(exact), best)
        return None

    def _moved_to(self, start: int) -> list[int]:
        """Where the sentences around an old offset stand in the new text, carried to the
        offset itself: a paragraph moved elsewhere keeps most of its sentences."""
        k = bisect_right(self._old_sentence_at, start) - 1
        centres = []
        for near in range(max(0, k - 3), min(len(self._old_sentence), k + 4)):
            for at in self._new_sentence_at.get(self._old_sentence[near], [])[:3]:
                centres.append(at + start - self._old_sentence_at[near])
        return centres

    def _approximate(
        self, old_start: int, exact: str, prefix: str, suffix: str, guess: int
    ) -> Placement:
        from rapidfuzz.fuzz import partial_ratio_alignment

        needle = prefix + exact + suffix
        margin = len(needle) + 64
        best: tuple[float, int, int] | None = None
        for centre in self._candidate_centres(old_start, prefix, suffix, guess):
            lo = max(0, centre - margin)
            window = self.new_text[lo : centre + margin]
            aligned = partial_ratio_alignment(needle, window, score_cutoff=APPROXIMATE_AGREEMENT)
            if aligned is None:
                continue
            span = _inner_span(needle, len(prefix), len(prefix) + len(exact),
                               window[aligned.dest_start : aligned.dest_end])  # fmt: skip
            if span is None:
                continue
            start, end = lo + aligned.dest_start + span[0], lo + aligned.dest_start + span[1]
            if best is None or aligned.score > best[0]:
                best = (aligned.score, start, end)
        if best is None:
            return Placement(ORPHANED)
        score, start, end = best
        if (
            self.new_text[start:end] == exact
            and self._context(start, end, prefix, suffix) >= _needed(exact)
            and self._same_number_edges(start, end, old_start, old_start + len(exact))
            and not self._claimed(start, end, old_start)
        ):
            return Placement(MOVED, start, end, score)
        return Placement(CHANGED, start, end, score)

    def _candidate_centres(self, old_start: int, prefix: str, suffix: str, guess: int) -> list[int]:
        """Where to look: where the diff puts the passage, and where its context still stands."""
        centres = [guess, *self._moved_to(old_start)]
        for probe, shift in ((prefix[-10:], len(prefix[-10:])), (suffix[:10], 0)):
            if len(probe) < 4:
                continue
            lo, hi = max(0, guess - NEAR), guess + NEAR
            pos = self.new_text.find(probe, lo, hi)
            hits = 0
            while pos != -1 and hits < MAX_CONTEXT_HITS:
                centres.append(pos + shift)
                hits += 1
                pos = self.new_text.find(probe, pos + 1, hi)
        kept: list[int] = []
        for centre in sorted(centres):  # windows that overlap much are looked at once
            if not kept or centre - kept[-1] > CENTRE_GAP:
                kept.append(centre)
        return kept


def _merged_windows(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _digit_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i] in DIGITS


def _needed(exact: str) -> float:
    """The context agreement a verbatim quote needs: the shorter the quote (a lone "2"), the
    more of the finding rests on its context."""
    return CONTEXT_AGREEMENT + max(0, 3 - len(exact)) * 8


def _inner_span(needle: str, start: int, end: int, region: str) -> tuple[int, int] | None:
    """Where needle[start:end] falls in ``region`` (an approximate copy of the needle)."""
    from rapidfuzz.distance import Indel

    inner_start = inner_end = None
    for op in Indel.opcodes(needle, region):
        if inner_start is None and op.src_end > start:
            inner_start = op.dest_start + (start - op.src_start if op.tag == "equal" else 0)
        if inner_end is None and op.src_end >= end:
            inner_end = op.dest_start + (end - op.src_start if op.tag == "equal" else 0)
            if op.tag != "equal":
                inner_end = op.dest_end
    if inner_start is None or inner_end is None or inner_end <= inner_start:
        return None
    return inner_start, inner_end


def _unchanged_runs(
    old: str, new: str, old_sentences: list[str], new_sentences: list[str]
) -> list[tuple[int, int, int]]:
    """(old start, new start, length) of the stretches a revision left as they were.

    Sentences first, then, inside each edited stretch, characters (rapidfuzz's bit-parallel
    alignment, in C).
    """
    from rapidfuzz.distance import Indel

    old_at, new_at = _starts(old_sentences), _starts(new_sentences)
    runs: list[tuple[int, int, int]] = []
    o = n = 0  # sentence indices reached in both texts
    for so, sn, count in [*_sentence_runs(old_sentences, new_sentences),
                          (len(old_sentences), len(new_sentences), 0)]:  # fmt: skip
        removed, added = old[old_at[o] : old_at[so]], new[new_at[n] : new_at[sn]]
        if removed and added and len(removed) * len(added) <= MAX_ALIGNED:
            for block in Indel.opcodes(removed, added):
                length = block.src_end - block.src_start
                if block.tag == "equal":
                    runs.append((old_at[o] + block.src_start, new_at[n] + block.dest_start, length))
        if count:
            runs.append((old_at[so], new_at[sn], old_at[so + count] - old_at[so]))
        o, n = so + count, sn + count
    return _merged(runs)


SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+|\n+|$)")


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.findall(text) if s]


def _starts(sentences: list[str]) -> list[int]:
    """Offset of each sentence, and the text's length at the end."""
    starts = [0]
    for sentence in sentences:
        starts.append(starts[-1] + len(sentence))
    return starts


def _sentence_runs(old: list[str], new: list[str]) -> list[tuple[int, int, int]]:
    """(old index, new index, count) of sentences kept in order, by patience diff: sentences
    found once in each text anchor the alignment (longest increasing run), and the few
    sentences between two anchors are diffed with diff-match-patch."""
    from diff_match_patch import diff_match_patch

    once = _unique_pairs(old, new)
    anchors = _longest_increasing(once)
    dmp = diff_match_patch()
    runs: list[tuple[int, int, int]] = []
    o = n = 0
    for ao, an in [*anchors, (len(old), len(new))]:
        if ao > o and an > n:
            codes: dict[str, str] = {}
            a = "".join(codes.setdefault(x, _symbol(len(codes))) for x in old[o:ao])
            b = "".join(codes.setdefault(x, _symbol(len(codes))) for x in new[n:an])
            io = i_n = 0
            for op, chunk in dmp.diff_main(a, b, False):
                if op == 0:
                    runs.append((o + io, n + i_n, len(chunk)))
                io += len(chunk) if op <= 0 else 0
                i_n += len(chunk) if op >= 0 else 0
        if ao < len(old):
            runs.append((ao, an, 1))
        o, n = ao + 1, an + 1
    return _merged(runs)


def _symbol(code: int) -> str:
    """One character per distinct sentence, never a lone surrogate."""
    return chr(code if code < 0xD800 else code + 0x800)


def _unique_pairs(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    seen_old: dict[str, int] = {}
    for i, x in enumerate(old):
        seen_old[x] = -1 if x in seen_old else i
    seen_new: dict[str, int] = {}
    for i, x in enumerate(new):
        seen_new[x] = -1 if x in seen_new else i
    return sorted(
        (i, seen_new[x]) for x, i in seen_old.items() if i >= 0 and seen_new.get(x, -1) >= 0
    )


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both texts (patience sorting)."""
    from bisect import bisect_left

    tails: list[int] = []  # smallest new index ending a chain of each length
    tail_at: list[int] = []  # which pair that is
    before: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[length], tail_at[length] = j, k
        before[k] = tail_at[length - 1] if length else -1
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        chain.append(pairs[k])
        k = before[k]
    return chain[::-1]


def _merged(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    merged: list[tuple[int, int, int]] = []
    for o, n, count in sorted(runs):
        if merged and merged[-1][0] + merged[-1][2] == o and merged[-1][1] + merged[-1][2] == n:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + count)
        else:
            merged.append((o, n, count))
    return merged
