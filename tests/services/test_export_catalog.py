"""Export for the other tools: catalog codes and kinds, Chinese headers, review comments, SDMX."""

import csv

import pytest

from indicite.core.catalog import CatalogItem
from indicite.services import review
from indicite.services.catalog import add_item
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.export import export
from indicite.services.indicators import create_indicator
from indicite.services.load import load
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user

TEXT = "2025年1—11月，全市规模以上工业增加值115.01亿元，增长4.2%。预计全年增长5%。\n"


@pytest.fixture
def doc(session, tmp_path):
    path = tmp_path / "公报.txt"
    path.write_text(TEXT, encoding="utf-8")
    meta = DocumentMeta(subject="天津", published_on="2025-12-20", issuer="天津市统计局")
    return import_file(session, path, meta).document_id


@pytest.fixture
def entries(session, doc):
    add_item(session, CatalogItem(code="IVA", name="规模以上工业增加值"))

    def cite(quote, **fields):
        start = TEXT.index(quote)
        return create_indicator(session, doc, fields, [(start, start + len(quote))])

    level = cite(
        "115.01亿元",
        name="规上工业增加值",
        value=115.01,
        unit="亿元",
        period_label="2025年1—11月",
        subject="天津",
    )
    cite(
        "4.2%",
        name="工业增加值增速",
        value=4.2,
        unit="%",
        measure="growth_yoy",
        period_label="2025年1—11月",
        subject="天津",
    )
    cite(
        "5%",
        name="工业增加值增速",
        value=5.0,
        unit="%",
        measure="growth_yoy",
        period_label="2025年",
        subject="天津",
        kind="forecast",
    )
    ensure_user(session)
    add_user(session, "eve", "editor")
    submitted = review.submit(session, level.id, level.version)
    review.return_(Session(session.store, "eve"), level.id, submitted.version, "单位应核实")
    return doc


def rows_of(path, encoding="utf-8-sig"):
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def test_catalog_code_kind_and_the_comment_thread_are_exported(session, entries, tmp_path):
    export(session, tmp_path / "out.csv", "csv")
    level, growth, forecast = rows_of(tmp_path / "out.csv")
    assert (level["catalog_code"], level["kind"], level["status"]) == ("IVA", "actual", "returned")
    assert level["comments"].endswith("eve: 单位应核实")
    assert (growth["catalog_code"], growth["comments"]) == ("", "")
    assert forecast["kind"] == "forecast"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_chinese_headers_are_written_and_loaded_back(
    session, entries, tmp_path, fmt, other_location
):
    out = tmp_path / f"zh.{fmt}"
    export(session, out, fmt, headers="zh")
    if fmt == "csv":
        header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        assert header[:3] == ["编号", "指标名称", "主体"]
        assert header[-3:] == ["指标代码", "数值类型", "审核意见"]
    other = Session.open(other_location, "colleague")
    try:
        source = tmp_path / "公报.txt"
        import_file(other, source, DocumentMeta(subject="天津", published_on="2025-12-20"))
        add_item(other, CatalogItem(code="IVA", name="规模以上工业增加值"))
        report = load(other, out)
        assert (report.loaded, report.refused) == (3, [])
        loaded = other.store.indicators.for_document(1)
        assert [(i.name, i.kind, i.catalog_id is not None) for i in loaded] == [
            ("规上工业增加值", "actual", True),
            ("工业增加值增速", "actual", False),
            ("工业增加值增速", "forecast", False),
        ]
    finally:
        other.close()


def test_sdmx_csv_is_read_back_by_an_sdmx_library(session, entries, tmp_path):
    from pysdmx.io import read_sdmx

    out = tmp_path / "out.sdmx.csv"
    export(session, out, "sdmx-csv")
    message = read_sdmx(out)
    (dataset,) = message.data
    frame = dataset.data
    assert dataset.short_urn == "Dataflow=INDICITE:DF_INDICATORS(1.0)"
    first = frame.iloc[0]
    assert (first["INDICATOR"], first["REF_AREA"], first["TIME_PERIOD"]) == (
        "IVA",
        "天津",
        "2025-01-01/P11M",
    )
    assert (first["MEASURE"], first["VALUE_KIND"]) == ("level", "actual")
    assert float(first["OBS_VALUE"]) == 11501000000 and first["UNIT_MEASURE"] == "元"
    assert list(frame["VALUE_KIND"]) == ["actual", "actual", "forecast"]
    assert list(frame["TIME_PERIOD"])[2] == "2025"
    assert list(frame["INDICATOR"])[1] == "工业增加值增速"  # no catalog item: the name
