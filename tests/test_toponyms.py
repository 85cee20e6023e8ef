"""Toponyms: every place an article names, resolved to GeoNames, with offsets."""

from __future__ import annotations

import pytest

from communique.actors import ArticleActors
from communique.gazetteer import gazetteer
from communique.records import Place
from communique.toponyms import find_places


@pytest.fixture(scope="module")
def places(nlp):
    """find_places over a parsed text, the spaCy pipeline loaded once per session."""

    def run(text: str, **options: bool) -> list[Place]:
        return find_places(nlp(text), **options)

    return run


def _named(found: list[Place], text: str) -> Place:
    return next(p for p in found if p.text == text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "country", "geonameid"),
    [
        (
            "Defence ministers met in Qingdao, China, on the sidelines of the SCO.",
            "Qingdao",
            "CHN",
            1797929,
        ),
        ("The festival returns to Paris, Texas, this spring.", "Paris", "USA", 4717560),
        ("The minister flew to Paris for talks with Emmanuel Macron.", "Paris", "FRA", 2988507),
        (
            "Police in Sindh said the flooding reached Karachi and Hyderabad, where Pakistani "
            "troops were deployed.",
            "Hyderabad",
            "PAK",
            None,
        ),
        (
            "Indian officials in Telangana said Hyderabad and Bengaluru had record rain.",
            "Hyderabad",
            "IND",
            None,
        ),
    ],
)
def test_a_name_resolves_to_the_place_its_context_means(
    places, text: str, surface: str, country: str, geonameid: int | None
) -> None:
    place = _named(places(text), surface)
    assert place.country == country
    if geonameid is not None:
        assert place.geonameid == geonameid
    assert place.lat is not None and place.lon is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "country", "feature"),
    [
        ("Farmers in Kerala protested on Monday.", "Kerala", "IND", "A"),
        ("Russia said the talks would resume.", "Russia", "RUS", "A"),
        ("Fighting continued in Darfur.", "Darfur", "SDN", "A"),
        ("Flights across the Atlantic were cancelled.", "Atlantic", None, "L"),
        ("The outbreak spread in the Gaza Strip.", "Gaza Strip", "PSE", "A"),
    ],
)
def test_countries_regions_and_areas_have_their_kind_and_a_point(
    places, text: str, surface: str, country: str | None, feature: str
) -> None:
    place = _named(places(text), surface)
    assert (place.country, place.feature) == (country, feature)
    assert place.lat is not None and place.lon is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Nigerians voted on Saturday.",
        "Indian officials met on Tuesday.",
        "The Russians declined to comment.",
    ],
)
def test_a_demonym_or_an_adjective_is_not_a_place(places, text: str) -> None:
    assert places(text) == []


@pytest.mark.model
def test_adjectives_are_places_only_when_asked_for(places) -> None:
    found = places("Russian troops crossed the border.", adjectives=True)
    assert [(p.text, p.country) for p in found] == [("Russian", "RUS")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "embedded"),
    [
        ("A spokesman for the Kenya Red Cross Society said 45 died.", "Kenya", True),
        ("A spokesman for the Kenya Red Cross Society said 45 died.", "Kenya", False),
    ],
)
def test_names_inside_organisations_only_when_asked_for(
    places, text: str, surface: str, embedded: bool
) -> None:
    found = [p.text for p in places(text, embedded=embedded)]
    assert (surface in found) is embedded


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Cases of West Nile virus rose in the summer.",
        "The UN said NATO would meet in March.",
    ],
)
def test_diseases_acronyms_and_months_are_not_places(places, text: str) -> None:
    assert places(text) == []


@pytest.mark.model
def test_offsets_point_into_the_text(places) -> None:
    text = (
        "HOUSTON — Officials in the United States and South Korea's capital, Seoul, "
        "said Tamil Nadu and New South Wales (NSW) were next."
    )
    found = places(text)
    assert {p.text for p in found} >= {
        "HOUSTON",
        "United States",
        "South Korea",
        "Seoul",
        "Tamil Nadu",
        "New South Wales",
        "NSW",
    }
    for place in found:
        assert text[place.start : place.end] == place.text


@pytest.mark.model
def test_one_name_keeps_one_sense_and_sites_sit_in_their_town(places) -> None:
    text = (
        "Paris, Texas, opened a museum on Main Street. Visitors to Paris praised it. "
        "The museum sits near Lamar Avenue in Paris."
    )
    found = places(text)
    assert {p.geonameid for p in found if p.text == "Paris"} == {4717560}
    avenue = _named(found, "Lamar Avenue")
    assert (avenue.feature, avenue.country, avenue.geonameid) == ("S", "USA", None)


@pytest.mark.model
def test_knowledge_base_matches_come_from_the_article_actors(nlp, kb) -> None:
    doc = nlp("Delegates from Burkina Faso arrived in Ouagadougou.")
    found = find_places(doc, ArticleActors(doc, kb, None))
    assert {(p.text, p.country) for p in found} == {
        ("Burkina Faso", "BFA"),
        ("Ouagadougou", "BFA"),
    }


@pytest.mark.parametrize(
    ("name", "prefer", "country"),
    [("Qingdao", ["CHN"], "CHN"), ("Hyderabad", ["PAK"], "PAK"), ("Hyderabad", [], "IND")],
)
def test_gazetteer_city_keeps_its_contract(name: str, prefer: list[str], country: str) -> None:
    place = gazetteer().city(name, prefer=prefer)
    assert place is not None and place.country == country and place.feature == "P"


def test_gazetteer_country_gives_a_point_only_when_asked() -> None:
    gaz = gazetteer()
    plain, pointed = gaz.country("USA"), gaz.country("USA", point=True)
    assert plain is not None and plain.lat is None and plain.geonameid == 6252001
    assert pointed is not None and (pointed.lat, pointed.lon) == (39.76, -98.5)


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Texas", "USA", "region"),
        ("Ontario", "CAN", "region"),
        ("Kashmir", None, "area"),
        ("Crimea", "UKR", "region"),
        ("Europe", None, "continent"),
    ],
)
def test_gazetteer_knows_regions_and_areas(name: str, country: str | None, kind: str) -> None:
    entries = [e for e in gazetteer().lookup(name) if e.kind == kind]
    assert entries and entries[0].country == country
