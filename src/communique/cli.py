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
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from communique import __version__, render, sources
from communique.errors import CommuniqueError, InputError
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
        yield from sources.read_path(Path(raw), published=published)
    for path in jsonl:
        yield from sources.read_jsonl(path)


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
def main(verbose: bool) -> None:
    """communique: who did what to whom, where, when, and how certain the text is."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


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
def analyze(
    paths: tuple[str, ...],
    jsonl: tuple[Path, ...],
    published: str | None,
    fmt: str,
    include_all: bool,
    save: Path | None,
) -> None:
    """Code the events in articles: PATHS are .txt/.html files, folders, or - for stdin.

    \b
    Examples:
      communique analyze article.html --published 2025-06-27 --format table
      communique analyze samples/ --format table --save out/events.jsonl
      communique analyze --input docs.jsonl --all
    """
    if not paths and not jsonl:
        raise click.UsageError("give a file, a folder, - for stdin, or --input FILE.jsonl")
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
        for result in analyze_many(_inputs(paths, jsonl, day)):
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


def _events(analysis: Analysis, include_all: bool) -> Iterator[dict[str, Any]]:
    for event in analysis.visible_events(include_all=include_all):
        yield event.to_dict()


if __name__ == "__main__":  # pragma: no cover
    main()
