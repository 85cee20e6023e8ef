"""The seed article end to end (issue 2's acceptance), through the CLI as a user runs it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location(
        "seed_acceptance", ROOT / "eval" / "seed_acceptance.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_text_and_blog_page_give_the_two_meetings(shared: Path, tmp_path: Path) -> None:
    script = _script()
    seed = shared / "seed" / "article.txt"
    page = tmp_path / "seed.html"
    page.write_text(script.blog_page(seed.read_text(encoding="utf-8")), encoding="utf-8")
    for path in (seed, page):
        results = script.check(script.run(path), script.run(path, "--all"))
        failed = [name for name, ok in results if not ok]
        assert not failed, f"{path.name}: {failed}"


def test_blog_page_chrome_is_not_article_text(shared: Path) -> None:
    from communique import sources

    script = _script()
    page = script.blog_page((shared / "seed" / "article.txt").read_text(encoding="utf-8"))
    article = sources.from_html(page, source="seed.html")
    for chrome in (
        "Post a Comment",
        "Popular Posts",
        "Previous Post",
        "Powered by Blogger",
        "arms deal next year",
    ):
        assert chrome not in article.text
    assert article.text.startswith("Rajnath Singh and Belarus Defence Minister")
