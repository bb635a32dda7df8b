"""Seeded, deterministic inputs for the scale benchmarks (issues 8 and 22).

- ``big_document_db``: the 72 national reports (3.3 MB) as ONE document with 20,000 citations;
- ``big_document_db(seed, "5mb")``: those reports and the 2026 provincial ones (5.1 MB) as one
  document with 20,000 citations, for documents somewhat bigger than the first;
- ``big_database``: 1,000,000 indicators over 2,000 documents cut from the same corpus;
- ``report_files``: the 72 reports as separate text files, for import throughput.

Generating is not what is measured, so rows go in with ``executemany`` in one transaction each.
Results are cached under ``bench/out/`` keyed by seed and generator version; reruns are instant.

    python bench/generate.py [--seed N] [all|document|database|reports]
"""

import argparse
import random
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from indicite.core.citations import quote_at
from indicite.core.magnitudes import to_base
from indicite.core.text import sha256_text
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.session import Session
from indicite.storage.database import open_database

GENERATOR_VERSION = 3
OUT = Path(__file__).parent / "out"
CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "scale"
    / "national_gov_work_reports_1954_2025.txt"
)
# Inputs generated without the corpus are named apart: their text changed in issue 22.
VERSION = f"v{GENERATOR_VERSION}" if CORPUS.exists() else f"v{GENERATOR_VERSION}-generated2"
PROVINCIAL = CORPUS.with_name("provincial_gov_work_reports_2026.txt")
BIG_DOC_CITATIONS = 20_000
BIG_DB_DOCUMENTS = 2_000
BIG_DB_INDICATORS = 1_000_000
SLICE_CHARS = 3_000
USERS = ("王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞")

NUMBER = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千]+(?:点[一二三四五六七八九]+)?)"
    r"(?:万亿|亿|万|千)?(?:元|美元|吨|人|个|户|公里|千瓦|%|％)"
    r"|\d+(?:\.\d+)?"
)
NAMES = (
    "国内生产总值",
    "规模以上工业增加值",
    "城镇新增就业",
    "城镇调查失业率",
    "居民消费价格",
    "粮食产量",
    "社会消费品零售总额",
    "固定资产投资",
    "进出口总额",
    "实际使用外资",
    "一般公共预算收入",
    "财政赤字",
    "居民人均可支配收入",
    "农村居民人均可支配收入",
    "单位国内生产总值能耗",
    "研发经费投入",
    "高技术制造业增加值",
    "货物贸易进出口",
    "棚户区改造",
    "农村贫困人口减少",
    "新增减税降费",
    "专项债券",
    "基本养老保险参保人数",
    "铁路营业里程",
    "高速公路里程",
    "5G基站",
    "新能源汽车产量",
    "发电装机容量",
    "造林面积",
    "保障性住房",
    "高校毕业生",
    "煤炭消费比重",
    "钢铁产量",
    "原油产量",
)
QUALIFIERS = ("", "全国", "城镇", "农村", "东部地区", "中西部地区")
SUBJECTS = (
    "全国",
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
)
PERIODS = (("全年", "01-01", "12-31"), ("上半年", "01-01", "06-30"),
           ("前三季度", "01-01", "09-30"), ("1—11月", "01-01", "11-30"),
           ("一季度", "01-01", "03-31"))  # fmt: skip
# A working archive: most entries approved, a backlog of 3% waiting for review.
STATUSES = (("draft", 5), ("submitted", 3), ("approved", 90), ("returned", 2))
MEASURES = ("level", "count", "growth_yoy", "share", "rate")
PLAIN = ("坚持稳中求进工作总基调", "深化改革扩大开放", "推动经济高质量发展",
         "加强生态环境保护", "保障和改善民生", "推进区域协调发展", "全面推进乡村振兴",
         "加快建设现代化产业体系", "扎实推进共同富裕", "提高社会治理水平",
         "完善宏观经济治理", "激发各类经营主体活力")  # fmt: skip


def corpus_text(seed: int = 0) -> str:
    """The scale corpus, or, where it is missing, generated text like it: 72 reports, 1.1M
    characters, a number in one clause of twenty (as many suggestions per MB as the corpus)."""
    if CORPUS.exists():
        return CORPUS.read_text(encoding="utf-8")
    rng = random.Random(seed)
    reports = []
    for year in range(2025, 1953, -1):
        sentences = [
            f"{rng.choice(NAMES)}达到{rng.randint(1, 9999)}.{rng.randint(0, 9)}亿元，"
            f"增长{rng.randint(1, 15)}.{rng.randint(0, 9)}%。"
            if rng.random() < 0.05
            else f"{rng.choice(PLAIN)}，{rng.choice(PLAIN)}。"
            for _ in range(780)
        ]
        body = "\n\n".join("".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6))
        reports.append(f"=== {year}年政府工作报告 ===\n各位代表：\n\n{body}\n")
    return "".join(reports)


def split_reports(text: str) -> list[tuple[str, str]]:
    """(title, text) of each report, cut at the ``=== title ===`` lines."""
    starts = [m.start() for m in re.finditer(r"^=== .+ ===$", text, re.MULTILINE)]
    parts = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    return [(part.split("\n", 1)[0].strip("= "), part) for part in parts]


def report_files(seed: int = 0) -> list[Path]:
    """The 72 reports as separate UTF-8 files, in corpus order."""
    folder = OUT / f"reports-{seed}-{VERSION}"
    reports = split_reports(corpus_text(seed))
    paths = [folder / f"{i:03d}.txt" for i in range(len(reports))]
    if not all(p.exists() for p in paths):
        folder.mkdir(parents=True, exist_ok=True)
        for path, (_, text) in zip(paths, reports, strict=True):
            path.write_text(text, encoding="utf-8")
    return paths


def corpus_file(seed: int = 0, size: str = "3mb") -> Path:
    """The whole corpus as one file (the big document); "5mb" adds the provincial reports."""
    if size == "3mb" and CORPUS.exists():
        return CORPUS
    path = OUT / f"corpus-{size}-{seed}-{VERSION}.txt"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        text = corpus_text(seed)
        if size == "5mb":
            extra = PROVINCIAL.read_text(encoding="utf-8") if PROVINCIAL.exists() else ""
            text += "\n" + (extra or corpus_text(seed + 1)[: len(text) * 55 // 100])
        path.write_text(text, encoding="utf-8")
    return path


def big_document_db(seed: int = 0, size: str = "3mb") -> tuple[Path, int]:
    """A database holding the corpus as one document with 20,000 citations: (path, doc id)."""
    name = "bigdoc" if size == "3mb" else f"bigdoc{size}"
    path = OUT / f"{name}-{seed}-{VERSION}.sqlite"
    if not path.exists():
        _build(path, lambda tmp: _fill_big_document(tmp, seed, size))
    return migrated(path), 1


def big_database(seed: int = 0) -> Path:
    """A database of 1,000,000 indicators over 2,000 documents."""
    path = OUT / f"bigdb-{seed}-{VERSION}.sqlite"
    if not path.exists():
        _build(path, lambda tmp: _fill_big_database(tmp, seed))
    return migrated(path)


def migrated(path: Path) -> Path:
    """A cached database brought up to the current schema, so no probe times a migration."""
    open_database(path).close()
    return path


def _build(path: Path, fill) -> None:
    """Build into a temporary file and rename, so a killed run leaves no half database."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for leftover in path.parent.glob(tmp.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    fill(tmp)
    db = open_database(tmp)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()
    tmp.rename(path)
    print(f"built {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _fill_big_document(path: Path, seed: int, size: str) -> None:
    session = Session.open(path, "bench")
    try:
        outcome = import_file(
            session,
            corpus_file(seed, size),
            DocumentMeta(title="政府工作报告 1954—2025", subject="全国"),
        )
        assert outcome.ok, outcome.error
        doc_id = outcome.document_id
        text = session.store.documents.get(doc_id).text
    finally:
        session.close()
    rng = random.Random(seed)
    spans = {m.span() for m in NUMBER.finditer(text)}
    while len(spans) < BIG_DOC_CITATIONS:  # older reports write few figures in digits
        start = rng.randrange(len(text) - 12)
        spans.add((start, start + rng.randint(4, 12)))
    chosen = sorted(rng.sample(sorted(spans), BIG_DOC_CITATIONS))
    _insert(path, rng, [(doc_id, text, 2025, span) for span in chosen], first_id=1)


def _fill_big_database(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    text = corpus_text(seed)
    db = open_database(path)
    documents = []
    for n in range(BIG_DB_DOCUMENTS):
        start = rng.randrange(0, len(text) - SLICE_CHARS)
        body = text[start : start + SLICE_CHARS]
        year = rng.randint(2000, 2025)
        subject = rng.choice(SUBJECTS)
        documents.append(
            (n + 1, f"{subject}{year}年政府工作报告（摘录{n + 1}）", f"{subject}人民政府",
             f"{year}-03-05", "", "txt", subject, body, sha256_text(body), None, len(body),
             f"{year}-03-06T09:00:00.000+00:00", rng.choice(USERS))
        )  # fmt: skip
    with db.conn:
        db.conn.executemany(
            "INSERT INTO documents (id, title, issuer, published_on, source_url, doc_type, "
            "subject, text, text_sha256, page_starts, char_count, imported_at, imported_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            documents,
        )
    db.close()
    per_document = BIG_DB_INDICATORS // BIG_DB_DOCUMENTS

    def targets() -> Iterator[tuple[int, str, int, tuple[int, int]]]:
        for doc_id, _title, _issuer, published_on, *_rest in documents:
            body = _rest[3]
            spans = [m.span() for m in NUMBER.finditer(body)] or [(0, 4)]
            for _ in range(per_document):
                yield doc_id, body, int(published_on[:4]), rng.choice(spans)

    _insert(path, rng, targets(), first_id=1)


def _insert(path: Path, rng: random.Random, targets, first_id: int) -> None:
    """Indicators, each with one citation and its history, for (doc id, text, year, span).

    The history is what the workflow writes: a create event, a submit event for every entry
    past draft, and the editor's approve or return.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    statuses = [s for s, weight in STATUSES for _ in range(weight)]
    indicators, citations, events = [], [], []
    ind_id = first_id
    for doc_id, text, year, (start, end) in targets:
        quote = quote_at(text, start, end)
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(\D*)", quote.exact)
        value = float(match.group(1)) if match else None
        unit = match.group(2) if match else ""
        base_value, base_unit = to_base(value, unit)
        label, month_start, month_end = rng.choice(PERIODS)
        status = rng.choice(statuses)
        who, editor = rng.sample(USERS, 2)
        at = f"{year}-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}T10:00:00.000+00:00"
        submitted_at = at[:11] + "11" + at[13:]  # as migration m006 fills it for the queue
        indicators.append(
            (ind_id, doc_id, rng.choice(QUALIFIERS) + rng.choice(NAMES), rng.choice(SUBJECTS),
             f"{year}年{label}", f"{year}-{month_start}", f"{year}-{month_end}",
             rng.choice(MEASURES), value, unit, base_value, base_unit, "eq", quote.exact, "",
             status, 1, who, at, who, at, editor if status in ("approved", "returned") else None,
             at if status in ("approved", "returned") else None,
             at if rng.random() < 0.01 else None,
             submitted_at if status == "submitted" else None)
        )  # fmt: skip
        events.append((at, who, "create", ind_id, doc_id))
        if status != "draft":
            events.append((submitted_at, who, "submit", ind_id, doc_id))
        if status in ("approved", "returned"):
            action = "approve" if status == "approved" else "return"
            events.append((at[:11] + "15" + at[13:], editor, action, ind_id, doc_id))
        citations.append(
            (ind_id, ind_id, doc_id, start, end, quote.exact, quote.prefix, quote.suffix, 0)
        )
        ind_id += 1
        if len(indicators) == 50_000:
            _flush(conn, indicators, citations, events)
    _flush(conn, indicators, citations, events)
    conn.execute("COMMIT")
    conn.close()


def _flush(conn: sqlite3.Connection, indicators: list, citations: list, events: list) -> None:
    conn.executemany(
        "INSERT INTO indicators (id, document_id, name, subject, period_label, period_start, "
        "period_end, measure, value, unit, base_value, base_unit, qualifier, value_text, notes, "
        "status, version, created_by, created_at, updated_by, updated_at, reviewed_by, "
        "reviewed_at, deleted_at, submitted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        indicators,
    )
    conn.executemany(
        'INSERT INTO citations (id, indicator_id, document_id, start, "end", exact, prefix, '
        "suffix, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        citations,
    )
    conn.executemany(
        "INSERT INTO events (at, who, action, indicator_id, document_id) VALUES (?, ?, ?, ?, ?)",
        events,
    )
    indicators.clear()
    citations.clear()
    events.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    choices = ["all", "document", "document5", "database", "reports"]
    parser.add_argument("what", nargs="?", default="all", choices=choices)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.what in ("all", "reports"):
        print(len(report_files(args.seed)), "report files")
    if args.what in ("all", "document"):
        print(big_document_db(args.seed)[0])
    if args.what in ("all", "document5"):
        print(big_document_db(args.seed, "5mb")[0])
    if args.what in ("all", "database"):
        print(big_database(args.seed))


if __name__ == "__main__":
    main()
