"""A small hand-written corpus: news-style documents with the events a perfect extractor would
find, evidence spans at the right offsets. Tests store these directly (``Store.add_document``), so
they do not depend on how good the extractor is today."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.records import Actor, Count, Document, Event, EventDate, Location, Source, Span


def span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span.of(text, start, start + len(sentence))


@dataclass(frozen=True)
class Item:
    doc: Document
    events: list[Event]


KAFRNABL = dict(
    name="Kafr Nabl", geonames_id=169304, lat=35.61365, lon=36.56124, admin1="Idlib", country="SY"
)
SYRIAN_ARMY = dict(name="Military Forces of Syria", type="State forces")
CIVILIANS = dict(name="Civilians", type="Civilians")

# Two outlets report the same shelling with different death tolls: one canonical event, two reports.
D1 = (
    "قُتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة كفرنبل بريف إدلب الجنوبي أمس. "
    "وقال المرصد السوري لحقوق الإنسان إن القصف مصدره قوات النظام المتمركزة في معسكر قريب.\n"
    "وتشهد المنطقة تصعيدًا منذ أسابيع."
)
D1_S1 = "قُتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة كفرنبل بريف إدلب الجنوبي أمس."
D1_S2 = "وقال المرصد السوري لحقوق الإنسان إن القصف مصدره قوات النظام المتمركزة في معسكر قريب."

D2 = "أفادت مصادر محلية بمقتل أربعة مدنيين جراء قصف قوات النظام على كفرنبل يوم أمس، بينهم طفلان."

D3 = (
    "شنت طائرات التحالف بقيادة السعودية غارتين جويتين على مدينة صعدة صباح اليوم، "
    "ما أدى إلى مقتل مدني واحد وإصابة اثنين، بحسب قناة المسيرة."
)
D4 = "تظاهر مئات المحتجين في ساحة التحرير وسط بغداد اليوم للمطالبة بتحسين الخدمات ومكافحة الفساد."
D5 = (
    "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وعناصر من تنظيم داعش في ريف دير الزور الشرقي "
    "فجر اليوم، وأسفرت عن مقتل سبعة مسلحين."
)
D6 = (
    "Police arrested 12 people in Tunis on Friday after a night of rioting in the capital's "
    "western suburbs, the interior ministry said."
)
D7 = "أعلنت الحكومة السودانية حالة الطوارئ في عموم البلاد لمدة ثلاثة أشهر."


def items() -> list[Item]:
    return [
        Item(
            Document(
                id="d1",
                text=D1,
                published="2026-11-20",
                outlet="Outlet A",
                url="https://a.example/1",
                language="ar",
            ),
            [
                Event(
                    event_type="Explosions/Remote violence",
                    sub_event_type="Shelling/artillery/missile attack",
                    date=EventDate(value="2026-11-19", precision=1, text="أمس"),
                    actor1=Actor(**SYRIAN_ARMY, text="قوات النظام"),
                    actor2=Actor(**CIVILIANS, text="مدنيين"),
                    location=Location(**KAFRNABL, text="كفرنبل", precision=1),
                    fatalities=Count(value=3, text="ثلاثة مدنيين"),
                    injured=Count(value=5, text="خمسة"),
                    sources=[
                        Source(
                            name="Syrian Observatory for Human Rights",
                            text="المرصد السوري لحقوق الإنسان",
                            kind="monitor",
                        )
                    ],
                    evidence=[span(D1, D1_S1), span(D1, D1_S2)],
                    confidence=0.9,
                )
            ],
        ),
        Item(
            Document(id="d2", text=D2, published="2026-11-20", outlet="Outlet B", language="ar"),
            [
                Event(
                    event_type="Explosions/Remote violence",
                    sub_event_type="Shelling/artillery/missile attack",
                    date=EventDate(value="2026-11-19", precision=1, text="يوم أمس"),
                    actor1=Actor(**SYRIAN_ARMY, text="قوات النظام"),
                    actor2=Actor(**CIVILIANS, text="مدنيين"),
                    location=Location(**KAFRNABL, text="كفرنبل", precision=1),
                    fatalities=Count(value=4, text="أربعة مدنيين"),
                    sources=[Source(name="Local sources", text="مصادر محلية", kind="local")],
                    evidence=[span(D2, D2)],
                    confidence=0.8,
                )
            ],
        ),
        Item(
            Document(id="d3", text=D3, published="2026-11-22", outlet="Outlet C", language="ar"),
            [
                Event(
                    event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike",
                    date=EventDate(value="2026-11-22", precision=1, text="صباح اليوم"),
                    actor1=Actor(
                        name="Saudi-led Coalition",
                        text="طائرات التحالف بقيادة السعودية",
                        type="External/Other forces",
                    ),
                    actor2=Actor(**CIVILIANS, text="مدني"),
                    location=Location(
                        name="Sa'dah",
                        text="صعدة",
                        geonames_id=71333,
                        lat=16.94021,
                        lon=43.76393,
                        admin1="Sa'dah",
                        country="YE",
                    ),
                    fatalities=Count(value=1, text="مدني واحد"),
                    injured=Count(value=2, text="اثنين"),
                    sources=[Source(name="Al Masirah", text="قناة المسيرة", kind="media")],
                    evidence=[span(D3, D3)],
                    confidence=0.85,
                )
            ],
        ),
        Item(
            Document(id="d4", text=D4, published="2026-11-23", outlet="Outlet A", language="ar"),
            [
                Event(
                    event_type="Protests",
                    sub_event_type="Peaceful protest",
                    date=EventDate(value="2026-11-23", precision=1, text="اليوم"),
                    actor1=Actor(name="Protesters (Iraq)", text="المحتجين", type="Protesters"),
                    location=Location(
                        name="Baghdad",
                        text="بغداد",
                        geonames_id=98182,
                        lat=33.34058,
                        lon=44.40088,
                        admin1="Baghdad",
                        country="IQ",
                        sublocation="ساحة التحرير",
                    ),
                    evidence=[span(D4, D4)],
                    confidence=0.7,
                )
            ],
        ),
        Item(
            Document(id="d5", text=D5, published="2026-11-23", outlet="Outlet D", language="ar"),
            [
                Event(
                    event_type="Battles",
                    sub_event_type="Armed clash",
                    date=EventDate(value="2026-11-23", precision=1, text="فجر اليوم"),
                    actor1=Actor(
                        name="Syrian Democratic Forces", text="قوات سوريا الديمقراطية", type="Rebel group"
                    ),
                    actor2=Actor(name="Islamic State", text="تنظيم داعش", type="Rebel group"),
                    location=Location(
                        name="Deir ez-Zor",
                        text="دير الزور",
                        geonames_id=170794,
                        lat=35.33588,
                        lon=40.14084,
                        admin1="Deir ez-Zor",
                        country="SY",
                        precision=2,
                    ),
                    fatalities=Count(value=7, text="سبعة مسلحين"),
                    evidence=[span(D5, D5)],
                    confidence=0.6,
                )
            ],
        ),
        Item(
            Document(id="d6", text=D6, published="2026-11-21", outlet="Outlet E", language="en"),
            [
                Event(
                    event_type="Strategic developments",
                    sub_event_type="Arrests",
                    date=EventDate(value="2026-11-20", precision=1, text="on Friday"),
                    actor1=Actor(name="Police Forces of Tunisia", text="Police", type="State forces"),
                    location=Location(
                        name="Tunis",
                        text="Tunis",
                        geonames_id=2464470,
                        lat=36.81897,
                        lon=10.16579,
                        admin1="Tunis",
                        country="TN",
                    ),
                    arrested=Count(value=12, text="12 people"),
                    sources=[
                        Source(
                            name="Interior Ministry of Tunisia", text="the interior ministry", kind="official"
                        )
                    ],
                    evidence=[span(D6, D6)],
                    confidence=0.75,
                )
            ],
        ),
        Item(
            Document(id="d7", text=D7, published="2026-11-24", outlet="Outlet C", language="ar"),
            [
                Event(
                    event_type="Strategic developments",
                    sub_event_type="Other",
                    date=EventDate(value="2026-11-24", precision=2),
                    actor1=Actor(name="Government of Sudan", text="الحكومة السودانية", type="State forces"),
                    location=Location(name="Sudan", text="البلاد", country="SD", precision=3),
                    evidence=[span(D7, D7)],
                    confidence=0.5,
                )
            ],
        ),
    ]


# What a correct store and API give for this corpus (one canonical event per happening).
N_EVENTS = 6  # d1 and d2 are the same shelling
N_DOCUMENTS = 7
