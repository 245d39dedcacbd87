"""The cheap language check: script first, then function words."""

from __future__ import annotations

import pytest

from rasd.ingest import LanguageGuesser

from .pages import AR_PARAS, EN_PARAS, FR_PARAS


@pytest.fixture(scope="module")
def guesser() -> LanguageGuesser:
    return LanguageGuesser.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" ".join(AR_PARAS), "ar"),
        (" ".join(EN_PARAS), "en"),
        (" ".join(FR_PARAS), "fr"),
        (
            "Cientos de manifestantes se reunieron frente al parlamento en Beirut el lunes para denunciar la subida de los precios.",
            "es",
        ),
        (
            "Hunderte Demonstranten versammelten sich am Montag vor dem Parlament in Beirut, um gegen die Preise zu protestieren.",
            "de",
        ),
        (
            "صدها نفر از معترضان روز دوشنبه در برابر ساختمان مجلس در بیروت تجمع کردند و به افزایش قیمت سوخت اعتراض کردند که این",
            "fa",
        ),
        ("Сотни протестующих собрались в понедельник у здания парламента в Бейруте.", "und-Cyrl"),
        ("Reuters AFP", None),
        ("Gunmen abduct journalist near Mogadishu port, police say", None),  # no function words: kept
        # Headlines with hardly any function words are still Arabic (no Persian/Urdu letters).
        (
            "داعش ينشر صورة منفذ تفجير مسجد الطوارئ بعسير\nعبدالرحمن الشهري – عسير",
            "ar",
        ),  # too short to say: kept, not skipped
        # An Arabic report quoting an English name stays Arabic.
        ("قال المتحدث باسم منظمة Human Rights Watch إن القوات اعتقلت عشرين متظاهرا في المدينة أمس", "ar"),
        # Arabic beside a longer Hebrew passage: the letters of the other script are counted and lead
        (
            "قال الجيش في بيان: " + "צבא ההגנה לישראל הודיע הבוקר על פעילות בגבול הצפוני של המדינה ",
            "und-Hebr",
        ),
        # a few Greek letters in an Arabic report do not: Arabic still leads
        (
            "ارتفعت درجة الحرارة في المدينة إلى مستوى α β γ وقال الخبراء إن الطقس سيتحسن في الأيام المقبلة",
            "ar",
        ),
    ],
)
def test_guess(guesser: LanguageGuesser, text: str, expected: str | None):
    assert guesser.guess(text) == expected
