"""The public Python API: a small explicit surface, pinned."""

from __future__ import annotations

import communique
from communique import Analysis, Failure, analyze, analyze_many


def test_public_names_are_pinned() -> None:
    assert sorted(communique.__all__) == sorted(
        [
            "Analysis",
            "Article",
            "CommuniqueError",
            "Entity",
            "Event",
            "Failure",
            "Forum",
            "InputError",
            "KnowledgeError",
            "ModelError",
            "Place",
            "Store",
            "__version__",
            "analyze",
            "analyze_many",
        ]
    )


def test_store_is_public_and_loaded_on_first_use(tmp_path) -> None:
    from communique.store import Store

    assert communique.Store is Store
    with communique.Store.open(tmp_path / "c.db") as store:
        assert store.counts()["events"] == 0


def test_analyze_text_and_html_agree() -> None:
    text = "Poland expels Russian diplomats\n\nPoland expelled five Russian diplomats on Tuesday."
    html = (
        "<html><head><title>Poland expels Russian diplomats</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<h1>Poland expels Russian diplomats</h1>"
        "<p>Poland expelled five Russian diplomats on Tuesday.</p></article></body></html>"
    )
    a = analyze(text, published="2024-05-21")
    b = analyze(html, published="2024-05-21")
    assert isinstance(a, Analysis) and a.digest is not None
    assert a.digest["fact_density"] == 1.0 and not a.digest["padded"]
    assert (
        [(e.event, e.actor[0].code) for e in a.events]
        == [(e.event, e.actor[0].code) for e in b.events]
        == [("SANCTION", "POL")]
    )


def test_analyze_many_keeps_order_ids_and_failures() -> None:
    results = list(
        analyze_many(
            [
                {"id": "x", "text": "Poland expelled five Russian diplomats."},
                {"id": "y"},
                "India and China held talks in Beijing.",
            ]
        )
    )
    assert isinstance(results[0], Analysis) and results[0].article.id == "x"
    assert isinstance(results[1], Failure) and results[1].code == "E107"
    assert isinstance(results[2], Analysis) and results[2].events[0].event == "CONSULT"
