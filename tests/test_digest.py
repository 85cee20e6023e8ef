"""The digest: key points with offsets, fact density, repeated claims, the padding flag."""

from __future__ import annotations

from pathlib import Path

from communique import analyze

NEWS = (
    "Poland expels Russian diplomats\n\n"
    "Poland expelled five Russian diplomats on Tuesday, the foreign ministry in Warsaw said. "
    "Foreign Minister Radoslaw Sikorski summoned the Russian ambassador on Monday. "
    "Russia condemned the decision on Wednesday."
)
HEDGES = [
    "This could potentially lead to closer ties in the future.",
    "The meeting likely touched upon many issues of mutual interest.",
    "Such engagement should be viewed as a strategic imperative.",
    "Cooperation may involve joint research and training programmes.",
    "It is important to recognise the broader context of these relations.",
]


def test_news_is_dense_and_not_padded() -> None:
    digest = analyze(NEWS, published="2024-05-21").digest
    assert digest is not None
    assert digest["fact_density"] >= 0.75 and digest["padded"] is False
    assert 1 <= len(digest["key_points"]) <= 5


def test_padding_is_flagged_and_repetition_counted() -> None:
    meeting = "Indian Defence Minister Rajnath Singh met Russia's Andrey Belousov in Qingdao."
    restated = "The meeting between Rajnath Singh and Andrey Belousov was significant."
    text = "\n\n".join([meeting] + [restated] * 3 + HEDGES * 3)
    analysis = analyze(text, published="2025-06-27")
    digest = analysis.digest
    assert digest is not None and digest["padded"] is True
    assert digest["fact_density"] < 0.3
    (claim,) = digest["repeated_claims"]
    assert claim["event"] == "CONSULT" and claim["mentions"] >= 3
    for point in digest["key_points"]:
        assert analysis.article.text[point["start"] : point["end"]] == point["text"]


def test_seed_digest(shared: Path) -> None:
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    digest = analyze(text, published="2025-06-27").digest
    assert digest is not None and digest["padded"] is True
    assert 3 <= len(digest["key_points"]) <= 5
    assert digest["repeated_claims"][0]["mentions"] >= 5
