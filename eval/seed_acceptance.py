"""The seed article's acceptance check (issue 2), run by `.ci/run` when ../shared exists.

    python eval/seed_acceptance.py --shared ../shared

Runs `communique analyze` on ../shared/seed/article.txt and on the same article dressed
as a blog page (tests/fixtures/blog_page.html: nav, sidebar, comments, pager), and checks
that each prints exactly the two asserted meetings, and that with --all nothing else is
asserted while the speculation shows up as non-asserted. Prints each check; exits 1 if
any fails.
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "fixtures" / "blog_page.html"
PUBLISHED = "2025-06-27"
BLOG_CHROME = {"Post a Comment", "Previous Post Next Post"}


def blog_page(text: str, published: str = PUBLISHED) -> str:
    """The seed text laid out as a blog post inside the template's page chrome."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0]
    body: list[str] = []
    bullets: list[str] = []
    for line in lines[1:]:
        if line == title or line in BLOG_CHROME:
            continue
        if line.startswith("•"):
            bullets.append(f"<li>{html.escape(line.lstrip('• ').strip())}</li>")
            continue
        if bullets:
            body.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        body.append(f"<p>{html.escape(line)}</p>")
    page = TEMPLATE.read_text(encoding="utf-8")
    return (
        page.replace("{title}", html.escape(title))
        .replace("{published}", published)
        .replace("{body}", "\n".join(body))
    )


def run(path: Path, *extra: str) -> list[dict[str, Any]]:
    exe = Path(sys.executable).with_name("communique")
    cmd = [str(exe), "analyze", str(path), "--published", PUBLISHED, "--format", "jsonl", *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"communique failed ({done.returncode}): {done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def _names(event: dict[str, Any]) -> dict[str, str | None]:
    return {str(e.get("name")): e.get("code") for e in event["actor"] + event["recipient"]}


def check(events: list[dict[str, Any]], everything: list[dict[str, Any]]) -> list[tuple[str, bool]]:
    results: list[tuple[str, bool]] = [("exactly two events", len(events) == 2)]
    khrenin = [e for e in events if _names(e).get("Viktor Khrenin") == "BLR"]
    belousov = [e for e in events if _names(e).get("Andrey Belousov") == "RUS"]
    results.append(
        (
            "a CONSULT with Rajnath Singh (IND) and Viktor Khrenin (BLR)",
            bool(khrenin)
            and khrenin[0]["event"] == "CONSULT"
            and _names(khrenin[0]).get("Rajnath Singh") == "IND",
        )
    )
    if khrenin:
        loc = khrenin[0].get("event_loc") or {}
        results.append(
            (
                "  event_loc Qingdao, CHN, geonameid 1797929",
                loc.get("name") == "Qingdao"
                and loc.get("country") == "CHN"
                and loc.get("geonameid") == 1797929,
            )
        )
        forum = khrenin[0].get("forum") or {}
        results.append(("  forum: the SCO meeting", forum.get("org") == "SCO"))
    results.append(
        (
            "a CONSULT with Rajnath Singh (IND) and 'Andrey Belouso' as Andrey Belousov (RUS)",
            bool(belousov)
            and belousov[0]["event"] == "CONSULT"
            and _names(belousov[0]).get("Rajnath Singh") == "IND"
            and any("Belouso" in a["entity_text"] for a in belousov[0]["actor"]),
        )
    )
    asserted = [e for e in everything if e["factuality"] in {"asserted", "reported"}]
    results.append(
        (
            "--all: nothing else asserted or reported",
            sorted(e["id"] for e in asserted) == sorted(e["id"] for e in events),
        )
    )
    others = [e for e in everything if e["factuality"] not in {"asserted", "reported"}]
    results.append(
        (
            "--all: speculation appears as non-asserted events",
            bool(others) and all(e["factuality"] == "speculative" for e in others),
        )
    )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    seed = args.shared / "seed" / "article.txt"
    if not seed.exists():
        print(f"no seed article at {seed}")
        return 1
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seed-blog.html"
        page.write_text(blog_page(seed.read_text(encoding="utf-8")), encoding="utf-8")
        for label, path in (("seed article.txt", seed), ("seed as a blog page (HTML)", page)):
            print(f"== {label}")
            for name, passed in check(run(path), run(path, "--all")):
                print(f"  {'PASS' if passed else 'FAIL'}  {name}")
                ok = ok and passed
    print("seed acceptance:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
