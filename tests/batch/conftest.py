"""A small news corpus written for these tests, with a bad line and an empty document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DOCS = [
    {
        "id": "ar-1",
        "text": "شنت طائرات التحالف غارات على مدينة صعدة أمس، ما أدى إلى مقتل خمسة مدنيين.",
        "published": "2015-07-21",
    },
    {
        "id": "ar-2",
        "text": "تظاهر مئات الطلاب أمام جامعة القاهرة اليوم احتجاجا على رفع الرسوم.",
        "published": "2015-07-22",
    },
    {
        "id": "ar-3",
        "text": "قالت مصادر محلية إن اشتباكات عنيفة اندلعت في حي الشيخ مقصود بمدينة حلب.",
        "published": "2016-02-03",
    },
    {
        "id": "ar-4",
        "text": "اعتقلت قوات الأمن 12 شخصا في مدينة البصرة بعد مواجهات مع محتجين.",
        "published": "2019-10-05",
    },
    {
        "id": "en-1",
        "text": "Clashes erupted between government forces and rebels in Taiz on Monday, killing three fighters.",
        "published": "2017-03-14",
    },
    {
        "id": "ar-5",
        "text": "انفجرت عبوة ناسفة على طريق في مدينة الرمادي صباح اليوم دون وقوع إصابات.",
        "published": "2014-12-01",
    },
    {"id": "empty", "text": "   "},
    {
        "id": "ar-6",
        "text": "نزحت نحو 1100 عائلة من قرى ريف الحسكة خلال الأيام الماضية بسبب المعارك.",
        "published": "2019-10-15",
    },
    {
        "id": "en-2",
        "text": "Hundreds of protesters gathered in Khartoum on Thursday demanding the release of detainees.",
        "published": "2019-01-17",
    },
    {
        "id": "ar-7",
        "text": "أعلن الجيش السيطرة على بلدة في ريف إدلب الجنوبي بعد معارك مع فصائل المعارضة.",
        "published": "2020-01-28",
    },
    {
        "id": "ar-8",
        "text": "سقطت قذائف هاون على حي سكني في دمشق مساء أمس ما أسفر عن إصابة أربعة أشخاص.",
        "published": "2018-03-20",
    },
    {"id": "ar-1", "text": "تكرار معرف: قصفت المدفعية مواقع في ريف حماة الشمالي.", "published": "2018-05-02"},
    {
        "id": "en-3",
        "text": "Unknown gunmen abducted a journalist in Mogadishu late on Saturday, police said.",
        "published": "2021-06-12",
    },
]

BAD_LINE_AT = 4  # a broken JSON line goes after this many documents


def write_corpus(path: Path, docs: list[dict] = DOCS, bad_line: bool = True) -> Path:
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    if bad_line:
        lines.insert(BAD_LINE_AT, '{"id": "broken", "text": ')
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl")


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline for the in-process (``workers=0``) runs of this suite."""
    from rasd.pipeline import Pipeline

    return Pipeline().warm_up()
