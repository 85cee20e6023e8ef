"""The command line: a thin layer that parses options, calls the library, renders.

    communique analyze ARTICLE.html --published 2025-06-27 --format table
    communique analyze samples/ --save out/events.jsonl
    communique analyze --input docs.jsonl --format jsonl --all
    cat story.txt | communique analyze - --published 2024-03-01

Exit status: 0 when every input was analysed, 1 when any input failed (each failure is
reported on stderr with its file, line and reason, and the rest still run), 2 on a
usage error.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from communique import __version__, knowledge, language, render, sources, web
from communique.actors import resolve_phrase
from communique.errors import CommuniqueError, InputError
from communique.knowledge import KnowledgeBase
from communique.pipeline import analyze_many
from communique.records import Analysis, Article, Failure

EXIT_OK, EXIT_FAILURES = 0, 1


def _inputs(
    paths: tuple[str, ...], jsonl: tuple[Path, ...], published: Any
) -> Iterator[Article | Failure]:
    for raw in paths:
        if raw == "-":
            try:
                text = sources.decode(sys.stdin.buffer.read(), source="<stdin>")
                yield sources.from_string(text, source="<stdin>", published=published)
            except InputError as exc:
                yield Failure(exc.source, exc.code, str(exc.args[0]), exc.line)
            continue
        if web.is_url(raw):
            yield from web.read_url(raw, published=published)
            continue
        yield from sources.read_path(Path(raw), published=published)
    for path in jsonl:
        yield from sources.read_jsonl(path)


EXPORT_FORMATS = ("plover", "gdelt", "gdelt-mentions", "csv", "parquet", "graphml")
KB_OPTION = click.option(
    "--kb",
    "kb_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Knowledge file (YAML or CSV, bundled format; name starts with people, countries, "
    "organisations, groups, metonyms or roles) merged over the bundled one. Repeatable.",
)


def _knowledge(kb_files: tuple[Path, ...]) -> KnowledgeBase | None:
    if not kb_files:
        return None
    try:
        return knowledge.build(list(kb_files))
    except CommuniqueError as exc:
        raise click.BadParameter(str(exc), param_hint="--kb") from exc


class _Progress:
    """A one-line progress report on stderr for long runs (only on a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.start = time.monotonic()
        self.done = 0

    def tick(self) -> None:
        self.done += 1
        if self.enabled and self.done % 5 == 0:
            rate = self.done / max(1e-6, time.monotonic() - self.start)
            click.echo(f"\r{self.done} articles, {rate:.1f}/s", err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.done >= 5:
            click.echo("", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does (stderr).")
@click.option(
    "--model",
    type=click.Choice(sorted(language.MODELS)),
    default=None,
    help="spaCy pipeline: sm (default) or md (`make md`; more accurate on the held-out "
    "news gold, less well calibrated: see README). Also $COMMUNIQUE_MODEL.",
)
def main(verbose: bool, model: str | None) -> None:
    """communique: who did what to whom, where, when, and how certain the text is."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if model is not None:
        # through the environment, so that worker processes parse with it too
        os.environ[language.MODEL_ENV] = model


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--input",
    "jsonl",
    multiple=True,
    type=click.Path(path_type=Path),
    help='JSONL file: one {"id", "text" or "html", "published", "title", "url"} a line.',
)
@click.option(
    "--published",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date of single inputs: the reference for 'on Thursday'.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(render.FORMATS),
    default="jsonl",
    show_default=True,
    help="Output format on stdout.",
)
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also print speculative, future, hypothetical and negated events.",
)
@click.option(
    "--save",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the events as JSONL to this file.",
)
@click.option(
    "--plover-future",
    is_flag=True,
    help="PLOVER's rule: code a future meeting, support, cooperation or aid as AGREE.",
)
@KB_OPTION
def analyze(
    paths: tuple[str, ...],
    jsonl: tuple[Path, ...],
    published: str | None,
    fmt: str,
    include_all: bool,
    save: Path | None,
    plover_future: bool,
    kb_files: tuple[Path, ...],
) -> None:
    """Code the events in articles: PATHS are .txt/.html files, RSS/Atom feeds, WARC
    files, folders, http(s) URLs, or - for stdin.

    \b
    Examples:
      communique analyze article.html --published 2025-06-27 --format table
      communique analyze samples/ --format table --save out/events.jsonl
      communique analyze --input docs.jsonl --all
    """
    if not paths and not jsonl:
        raise click.UsageError("give a file, a folder, - for stdin, or --input FILE.jsonl")
    kb = _knowledge(kb_files)
    try:
        day = sources.parse_date(published, source="--published")
    except InputError as exc:
        raise click.BadParameter(str(exc.args[0]), param_hint="--published") from exc
    records: list[dict[str, Any]] = []
    failures: list[Failure] = []
    articles = 0
    progress = _Progress(enabled=True)
    out = None
    if save is not None:
        save.parent.mkdir(parents=True, exist_ok=True)
        out = save.open("w", encoding="utf-8")
    try:
        results = analyze_many(_inputs(paths, jsonl, day), kb=kb, plover_future=plover_future)
        for result in results:
            progress.tick()
            if isinstance(result, Failure):
                failures.append(result)
                click.echo(f"communique: {result}", err=True)
                continue
            articles += 1
            for event in _events(result, include_all):
                record = event
                if fmt == "jsonl":
                    click.echo(render.jsonl_line(record))
                else:
                    records.append(record)
                if out is not None:
                    out.write(render.jsonl_line(record) + "\n")
    except CommuniqueError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
        if out is not None:
            out.close()
    if fmt == "json":
        click.echo(render.json_document(records))
    elif fmt == "table":
        click.echo(render.table(records))
    if articles + len(failures) > 1 or failures:
        events = len(records) if fmt != "jsonl" else None
        summary = f"communique: {articles} analysed, {len(failures)} failed"
        if events is not None:
            summary += f", {events} events"
        click.echo(summary, err=True)
    sys.exit(EXIT_FAILURES if failures else EXIT_OK)


@main.command()
@click.argument("text", required=False)
@click.option(
    "--input",
    "jsonl",
    type=click.Path(path_type=Path),
    default=None,
    help='JSONL file: one {"id", "text", "context", "date"} a line.',
)
@click.option(
    "--context",
    default=None,
    metavar="ISO3",
    help="Country the phrase is read in ('the defence minister' is its).",
)
@click.option(
    "--date",
    "day",
    default=None,
    metavar="YYYY-MM-DD",
    help="Date that picks the office-holder ('the U.S. president' in 2021).",
)
@KB_OPTION
def actor(
    text: str | None,
    jsonl: Path | None,
    context: str | None,
    day: str | None,
    kb_files: tuple[Path, ...],
) -> None:
    """Resolve actor phrases to country or organisation, sector, role and person.

    \b
    Examples:
      communique actor "Indian Defence Minister Rajnath Singh"
      communique actor "the U.S. president" --date 2021-06-01
      communique actor "the defence minister" --context BLR --date 2025-06-27
      communique actor --input phrases.jsonl
    """
    if (text is None) == (jsonl is None):
        raise click.UsageError("give either a TEXT or --input phrases.jsonl")
    kb = _knowledge(kb_files)
    failures = 0
    items: list[tuple[str, dict[str, Any]]] = []
    if text is not None:
        items.append(("TEXT", {"id": None, "text": text, "context": context, "date": day}))
    elif jsonl is not None:
        for item in sources.read_jsonl_records(jsonl):
            if isinstance(item, Failure):
                failures += 1
                click.echo(f"communique: {item}", err=True)
            else:
                items.append((f"{jsonl}:{item[0]}", item[1]))
    for where, record in items:
        try:
            when = sources.parse_date(record.get("date"), source=where)
            phrase = str(record.get("text") or "").strip()
            if not phrase:
                raise InputError("no 'text' to resolve", code="E107", source=where)
        except InputError as exc:
            failures += 1
            click.echo(f"communique: {exc}", err=True)
            continue
        entity = resolve_phrase(phrase, context=record.get("context"), day=when, kb=kb)
        out = {
            "id": record.get("id"),
            "code": None,
            "org": None,
            "sector": None,
            "name": None,
            "role": None,
            "identifier": None,
        }
        if entity is not None:
            out.update({k: getattr(entity, k) for k in out if k != "id"})
        click.echo(render.jsonl_line(out))
    sys.exit(EXIT_FAILURES if failures else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published", default=None, metavar="YYYY-MM-DD", help="Publication date of single inputs."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="JSON (one object per article) or text for people.",
)
@KB_OPTION
def digest(
    paths: tuple[str, ...], published: str | None, fmt: str, kb_files: tuple[Path, ...]
) -> None:
    """Digest articles: key points, events, fact density, repeated claims, padding.

    \b
    Examples:
      communique digest ../shared/seed/article.txt --published 2025-06-27 --format text
      communique digest samples/ > digests.jsonl
    """
    try:
        day = sources.parse_date(published, source="--published")
    except InputError as exc:
        raise click.BadParameter(str(exc.args[0]), param_hint="--published") from exc
    failures = 0
    for result in analyze_many(_inputs(paths, (), day), kb=_knowledge(kb_files)):
        if isinstance(result, Failure):
            failures += 1
            click.echo(f"communique: {result}", err=True)
            continue
        record = {
            "article_id": result.article.id,
            "source": result.article.source,
            "title": result.article.title,
            **(result.digest or {}),
            "events": [e.to_dict() for e in result.visible_events()],
        }
        if fmt == "json":
            click.echo(render.jsonl_line(record))
        else:
            click.echo(render.digest_text(record))
    sys.exit(EXIT_FAILURES if failures else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--input",
    "jsonl",
    multiple=True,
    type=click.Path(path_type=Path),
    help='JSONL file: one {"id", "text" or "html", ...} a line.',
)
def places(paths: tuple[str, ...], jsonl: tuple[Path, ...]) -> None:
    """Every place named in articles, resolved to GeoNames: one JSON object per article.

    \b
    Examples:
      communique places samples/01-modi-putin-moscow-2024.html
      communique places --input docs.jsonl
    """
    from communique.pipeline import places_many

    if not paths and not jsonl:
        raise click.UsageError("give a file, a folder, - for stdin, or --input FILE.jsonl")
    failures = 0
    for result in places_many(_inputs(paths, jsonl, None)):
        if isinstance(result, Failure):
            failures += 1
            click.echo(f"communique: {result}", err=True)
            continue
        article, found = result
        click.echo(
            render.jsonl_line(
                {
                    "id": article.id,
                    "places": [
                        {
                            "start": p.start,
                            "end": p.end,
                            "text": p.text,
                            "name": p.name,
                            "country": p.country,
                            "admin1": p.admin1,
                            "geonameid": p.geonameid,
                            "lat": p.lat,
                            "lon": p.lon,
                            "feature": p.feature,
                        }
                        for p in found
                    ],
                }
            )
        )
    sys.exit(EXIT_FAILURES if failures else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--input",
    "jsonl",
    multiple=True,
    type=click.Path(path_type=Path),
    help="JSONL batch files (also accepted as PATHS).",
)
@click.option(
    "--db", default="communique.db", show_default=True, help="SQLite file or postgresql:// URL."
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Analysis processes (each loads the model once).",
)
@click.option("--plover-future", is_flag=True, help="Code future cooperation as AGREE.")
@click.option("--quiet", is_flag=True, help="No progress line.")
@click.option(
    "--fetch/--no-fetch",
    default=True,
    show_default=True,
    help="Fetch URLs and the pages of feed entries that carry only a summary; "
    "--no-fetch never uses the network (such inputs fail with a reason).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=web.DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Limit for fetching one URL.",
)
@KB_OPTION
def ingest(
    paths: tuple[str, ...],
    jsonl: tuple[Path, ...],
    db: str,
    workers: int,
    plover_future: bool,
    quiet: bool,
    fetch: bool,
    timeout: float,
    kb_files: tuple[Path, ...],
) -> None:
    """Analyse articles into a store; resumable, each article all-or-nothing.

    PATHS are .txt/.html files, JSONL batches, RSS/Atom feeds (.rss, .atom, .xml), WARC
    files (.warc, .warc.gz), folders of these, and http(s) URLs of articles or feeds.

    \b
    Examples:
      communique ingest samples/ --db communique.db
      communique ingest news/ dump.jsonl --db postgresql://user:pw@host/communique --workers 2
      communique ingest world.rss crawl.warc.gz https://example.org/feed.xml --timeout 10
    """
    from communique.ingest import ingest as run_ingest
    from communique.store import StoreError

    sources_ = [*paths, *map(str, jsonl)]
    if not sources_:
        raise click.UsageError("give files, folders or JSONL batches to ingest")
    try:
        summary = run_ingest(
            sources_,
            db=db,
            workers=workers,
            progress=not quiet,
            kb_files=kb_files,
            plover_future=plover_future,
            fetch=web.FetchOptions(enabled=fetch, timeout=timeout),
        )
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"communique: {summary}", err=True)
    sys.exit(EXIT_FAILURES if summary.failed else EXIT_OK)


@main.command()
@click.option("--db", default="communique.db", show_default=True)
@click.option("--actor", default=None, help="Actor code, organisation, or name.")
@click.option("--recipient", default=None)
@click.option("--event", "event_type", default=None, help="PLOVER type, e.g. CONSULT.")
@click.option("--since", default=None, metavar="YYYY-MM-DD")
@click.option("--until", default=None, metavar="YYYY-MM-DD")
@click.option("--country", default=None, help="Country (ISO3) where the event happened.")
@click.option("--factuality", default=None, help="asserted, reported, speculative, ...")
@click.option("--all", "include_all", is_flag=True, help="Every factuality.")
@click.option("--text", default=None, help="Words in the evidence.")
@click.option("--limit", type=int, default=None)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
def events(
    db: str,
    actor: str | None,
    recipient: str | None,
    event_type: str | None,
    since: str | None,
    until: str | None,
    country: str | None,
    factuality: str | None,
    include_all: bool,
    text: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """Query stored events.

    \b
    Examples:
      communique events --actor IND --recipient BLR
      communique events --event SANCTION --since 2024-01-01 --format csv > sanctions.csv
    """
    from communique import export
    from communique.records import DEFAULT_FACTUALITIES
    from communique.store import Store, StoreError

    facts = None if include_all else ([factuality] if factuality else sorted(DEFAULT_FACTUALITIES))
    try:
        with Store.open(db) as store:
            found = list(
                store.events(
                    actor=actor,
                    recipient=recipient,
                    event=event_type,
                    since=since,
                    until=until,
                    country=country,
                    factuality=facts,
                    text=text,
                    limit=limit,
                )
            )
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "jsonl":
        for record in found:
            click.echo(render.jsonl_line(record))
    elif fmt == "csv":
        export.write(found, "csv", sys.stdout)
    else:
        click.echo(render.table(found))


@main.command()
@click.argument("codes", nargs=-1)
@click.option("--db", default="communique.db", show_default=True)
@click.option(
    "--top",
    type=int,
    default=10,
    show_default=True,
    help="Without CODES: how many of the most active dyads to list.",
)
def dyad(codes: tuple[str, ...], db: str, top: int) -> None:
    """A relation over time (events per month by quad class, Goldstein sums), or, without
    CODES, the most active dyads.

    \b
    Examples:
      communique dyad IND BLR
      communique dyad --top 5
    """
    from communique.query import dyad_timeline, top_dyads
    from communique.store import Store, StoreError

    if codes and len(codes) != 2:
        raise click.UsageError("give two codes (communique dyad IND BLR) or none")
    try:
        with Store.open(db) as store:
            records = list(store.events())
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if not codes:
        click.echo(f"{'dyad':<12}{'events':>8}")
        for (a, b), n in top_dyads(records, top):
            click.echo(f"{a + '-' + b:<12}{n:>8}")
        return
    rows = dyad_timeline(records, codes[0], codes[1])
    click.echo(
        f"{'month':<9}{'events':>7}{'verbal coop':>13}{'material coop':>15}"
        f"{'verbal confl':>14}{'material confl':>16}{'goldstein':>11}"
    )
    for r in rows:
        click.echo(
            f"{r['month']:<9}{r['events']:>7}{r['verbal cooperation']:>13}"
            f"{r['material cooperation']:>15}{r['verbal conflict']:>14}"
            f"{r['material conflict']:>16}{r['goldstein']:>11.1f}"
        )
    if not rows:
        click.echo("(no events between them)")


@main.command()
@click.option("--db", default="communique.db", show_default=True)
@click.option("--event", "event_type", default=None, help="PLOVER type, e.g. CONSULT.")
@click.option("--actor", default=None, help="A party of any report: code, organisation, name.")
@click.option("--recipient", default=None)
@click.option("--since", default=None, metavar="YYYY-MM-DD")
@click.option("--until", default=None, metavar="YYYY-MM-DD")
@click.option(
    "--min-articles",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Only events reported by at least this many articles.",
)
@click.option("--limit", type=int, default=None)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option("--members", is_flag=True, help="jsonl: add each cluster's event records.")
def clusters(
    db: str,
    event_type: str | None,
    actor: str | None,
    recipient: str | None,
    since: str | None,
    until: str | None,
    min_articles: int,
    limit: int | None,
    fmt: str,
    members: bool,
) -> None:
    """Real events: reports of one event across articles joined in one cluster, with
    GDELT's NumArticles, NumSources and NumMentions.

    \b
    Examples:
      communique clusters --db communique.db --min-articles 2
      communique clusters --actor IND --event CONSULT --format jsonl --members
    """
    from communique.store import Store, StoreError

    try:
        with Store.open(db) as store:
            found = list(
                store.clusters(
                    event=event_type,
                    actor=actor,
                    recipient=recipient,
                    since=since,
                    until=until,
                    min_articles=min_articles,
                    members=members,
                    limit=limit,
                )
            )
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "jsonl":
        for record in found:
            click.echo(render.jsonl_line(record))
    else:
        click.echo(render.cluster_table(found))


@main.command()
@click.option("--db", default="communique.db", show_default=True)
def recluster(db: str) -> None:
    """Rebuild every cluster of a store (in one transaction), replaying the order its
    articles were stored in: what ingesting them gives with this version's rules.

    \b
    Example:
      communique recluster --db communique.db
    """
    from communique.store import Store, StoreError

    try:
        with Store.open(db) as store:
            made = store.recluster()
            counts = store.counts()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"communique: {counts['events']} events in {made} clusters", err=True)


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="plover (JSONL), gdelt (61-column TSV, one row per real event), gdelt-mentions, "
    "csv, parquet (needs --output), graphml.",
)
@click.option(
    "--input",
    "jsonl",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Event records as JSONL (communique analyze --save).",
)
@click.option("--db", default=None, help="Or a store (SQLite file or postgresql:// URL).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: stdout).",
)
def export_command(fmt: str, jsonl: Path | None, db: str | None, output: Path | None) -> None:
    """Export event records to PLOVER, GDELT 2.0, CSV, Parquet or GraphML.

    From a store, the GDELT event table has one row per real event (cluster) with its
    NumMentions, NumSources and NumArticles, and each Mentions row carries its cluster's
    GLOBALEVENTID.

    \b
    Examples:
      communique export --db communique.db --format gdelt -o events.export.CSV
      communique export --db communique.db --format parquet -o events.parquet
      communique analyze samples/ --save out/events.jsonl
      communique export --input out/events.jsonl --format graphml -o out/actors.graphml
    """
    from communique import export

    if (jsonl is None) == (db is None):
        raise click.UsageError("give either --input events.jsonl or --db STORE")
    if fmt in export.FILE_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} writes a file: give --output FILE")
    records: list[dict[str, Any]] = []
    articles: dict[str, dict[str, Any]] = {}
    if jsonl is not None:
        for item in sources.read_jsonl_records(jsonl):
            if isinstance(item, Failure):
                click.echo(f"communique: {item}", err=True)
                continue
            records.append(item[1])
        if fmt == "gdelt":
            records = export.gdelt_events(records)
    else:
        from communique.store import Store, StoreError

        try:
            with Store.open(str(db)) as store:
                records = list(export.store_records(store, fmt))
                articles = {str(a["id"]): a for a in store.articles(with_text=False)}
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet" and output is not None:
        count = export.write_parquet(records, output, articles=articles)
    elif output is None:
        count = export.write(records, fmt, sys.stdout, articles=articles)
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            count = export.write(records, fmt, fh, articles=articles)
    noun = "real events" if fmt == "gdelt" else "events"
    click.echo(f"communique: exported {count} {noun} as {fmt}", err=True)


@main.group()
def kb() -> None:
    """Import other actor dictionaries into knowledge files for --kb."""


@kb.command("import-petrarch")
@click.argument("actors_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument(
    "agents_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write people/groups/countries/roles files into.",
)
def kb_import_petrarch(actors_file: Path, agents_file: Path | None, out: Path) -> None:
    """PETRARCH/TABARI actor (and agent) dictionaries -> knowledge files.

    \b
    Example:
      communique kb import-petrarch PETR.actors.txt PETR.agents.txt -o kb/
      communique analyze story.txt --kb kb/people-petrarch.yaml --kb kb/groups-petrarch.yaml
    """
    from communique.importers import import_petrarch, write_tables

    tables = import_petrarch(actors_file, agents_file)
    _report_import(
        write_tables(tables, out, source=str(actors_file), suffix="petrarch"), tables.skipped
    )


@kb.command("import-wikidata")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the people file into.",
)
def kb_import_wikidata(dump: Path, out: Path) -> None:
    """Wikidata JSON dump entities (P39 positions held, P27 citizenship) -> people file.

    \b
    Example:
      communique kb import-wikidata latest-people.json.gz -o kb/
    """
    from communique.importers import import_wikidata, write_tables

    tables = import_wikidata(dump)
    _report_import(write_tables(tables, out, source=str(dump), suffix="wikidata"), tables.skipped)


def _report_import(paths: list[Path], skipped: int) -> None:
    for path in paths:
        click.echo(f"wrote {path}")
    if skipped:
        click.echo(
            f"communique: {skipped} entries could not be read (see the log with -v)", err=True
        )


def _events(analysis: Analysis, include_all: bool) -> Iterator[dict[str, Any]]:
    for event in analysis.visible_events(include_all=include_all):
        yield event.to_dict()


if __name__ == "__main__":  # pragma: no cover
    main()
