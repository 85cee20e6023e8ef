"""Ingest at scale through the real `communique ingest` CLI: throughput with 1 and 2
workers, peak memory (flat with corpus size or not), and the crash-and-resume result.

    python benchmarks/ingest.py --shared ../shared [--limit 4500] [--workers 1 2]
        [--only throughput memory resume] [--memory-articles 10000] [--memory-workers 1 2]
        [--resume-articles 300] [--kill-at 0.2 0.5 0.8] [--json figures.json]

The stories of ../shared/data/ngec_synthetic are written as JSONL batches (one
``{"id", "text"}`` per line) and each run goes into a fresh SQLite store in a temp folder.

- throughput: articles/s for each worker count on ``--limit`` stories. Startup (process
  start, model load, one article) is timed by a one-article run and stated apart, so the
  steady rate is the stories over (wall time - startup).
- memory: ``--memory-articles`` distinct articles (the 4,500 stories, then the stories
  again behind deterministic datelines, so the content-hash store keeps every one). The
  RSS of the whole process tree (the CLI and its workers) is read from /proc every 0.5 s
  and set against the articles stored so far; the slope over the second half (MB per
  1,000 articles) says whether memory grows with the corpus.
- resume: a clean run of ``--resume-articles`` into store A; the same run into store B
  killed with SIGKILL (the whole process group) once a fraction of the articles is
  stored, then run again to the end. A and B must hold the same articles, events (stable
  fields, and whole records) and ledger lines.

Every run imports a frozen copy of the installed package (copied into the temp folder at
the start; ``--live`` runs the install itself): the install is editable and the working
tree is shared, and an edit landing between a clean run and its resumed twin would make
them differ for a reason that is not ingest's.

Linux only (/proc). The defaults analyse about 21,000 articles in 17 runs: about 25
minutes at the ~17 articles/s of one worker on a small machine (``--memory-workers 1 2``
adds another 10,000 articles).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NGEC = Path("data") / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
# Seconds between samples of the process tree's memory (and of the store's article count).
SAMPLE_SECONDS = 0.5
# Seconds between looks at the store while waiting to kill a run: small, so the kill lands
# near the fraction asked for even when a worker hands back a whole chunk at once.
KILL_POLL_SECONDS = 0.05
PROGRESS_POINTS = (0.10, 0.25, 0.50, 0.75, 1.00)
# Datelines that make the memory corpus's second copy of each story a distinct text.
CITIES = ("GENEVA", "NAIROBI", "JAKARTA", "LIMA", "OSLO", "CAIRO", "MANILA", "QUITO")
AGENCIES = ("Reuters", "AFP", "AP", "Xinhua", "Anadolu")
MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct")
SUMMARY = re.compile(
    r"(\d+) stored \((\d+) events\), (\d+) duplicates, (\d+) already ingested, (\d+) failed"
)


# ------------------------------------------------------------------------------ corpus


def stories(shared: Path, limit: int | None = None) -> list[str]:
    """The ngec synthetic stories' texts, in file order."""
    path = shared / NGEC
    if not path.is_file():
        raise SystemExit(
            f"error: {path} not found; pass --shared pointing at the shared folder "
            "(the one holding data/ngec_synthetic/)"
        )
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["text"].strip() for row in csv.DictReader(fh) if row.get("text", "").strip()]
    return texts[:limit] if limit is not None else texts


def distinct_articles(texts: Sequence[str], n: int) -> list[dict[str, str]]:
    """``n`` articles with distinct texts: the stories, then the stories again behind a
    dateline chosen by copy and position (a deterministic change the store cannot dedupe)."""
    out: list[dict[str, str]] = []
    for k in range(n):
        copy, i = divmod(k, len(texts))
        if copy == 0:
            out.append({"id": f"ngec-{i}", "text": texts[i]})
            continue
        city = CITIES[(i + copy) % len(CITIES)]
        month = MONTHS[(i // len(CITIES)) % len(MONTHS)]
        agency = AGENCIES[(copy - 1) % len(AGENCIES)]
        dateline = f"{city}, {month} {i % 28 + 1} ({agency}) - "
        out.append({"id": f"ngec-{i}-v{copy}", "text": dateline + texts[i]})
    if len({a["text"] for a in out}) != n:
        raise SystemExit(f"error: could not build {n} distinct articles from {len(texts)} stories")
    return out


def write_jsonl(path: Path, articles: Iterable[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for article in articles:
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


# ------------------------------------------------------------------------------ /proc


def _stat(pid: str) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # [state, ppid, pgrp, ...]


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it, now."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(entry.name)) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def group_alive(pgid: int) -> bool:
    """Whether any live (not zombie) process is left in the process group."""
    for entry in Path("/proc").iterdir():
        fields = _stat(entry.name) if entry.name.isdigit() else None
        if fields is not None and int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def _kb_field(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_memory(root: int) -> tuple[float, float, int]:
    """(RSS, PSS) of the process tree in MB, and its process count. RSS counts pages
    shared between processes once per process; PSS splits them, so it is the fair sum."""
    pids = process_tree(root)
    rss = sum(_kb_field(f"/proc/{p}/status", "VmRSS") for p in pids)
    pss = sum(_kb_field(f"/proc/{p}/smaps_rollup", "Pss") for p in pids)
    return rss / 1024, pss / 1024, len(pids)


# ------------------------------------------------------------------------------ runs

# The environment of every `communique ingest` run: PYTHONPATH points at the frozen copy
# of the package once main() has made it (see freeze).
CHILD_ENV: dict[str, str] = dict(os.environ)


def freeze(tmp: Path) -> dict[str, str]:
    """Copy the installed package into ``tmp`` and run every ingest from that copy.

    The venv's install is editable and the working tree is shared with people editing
    the package: without a frozen copy, a clean run and its resumed twin can run
    different code, and the comparison would blame ingest for an edit.
    """
    spec = importlib.util.find_spec("communique")
    if spec is None or spec.origin is None:
        raise SystemExit("error: the communique package is not installed in this Python")
    package = Path(spec.origin).parent
    target = tmp / "src" / "communique"
    shutil.copytree(package, target, ignore=shutil.ignore_patterns("__pycache__"))
    digest = hashlib.sha256()
    for path in sorted(target.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(target)).encode() + b"\0" + path.read_bytes())
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(target.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    probe = [sys.executable, "-c", "import communique; print(communique.__file__)"]
    used = subprocess.run(probe, env=env, capture_output=True, text=True, check=True).stdout
    if not Path(used.strip()).is_relative_to(target):
        raise SystemExit(f"error: the frozen copy is not what runs ({used.strip()})")
    return {
        "package": str(package),
        "copy": str(target),
        "sha256": digest.hexdigest()[:16],
        "pythonpath": env["PYTHONPATH"],
    }


def git_state() -> str:
    """The checkout's commit and whether the package differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
        ).stdout.split("\n")
    except OSError:
        return "unknown"
    changed = sum(1 for line in dirty if line.strip())
    return f"{head or 'unknown'}" + (f" with {changed} changed files under src/" if changed else "")


def cli() -> list[str]:
    """The `communique` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("communique")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from communique.cli import main; sys.exit(main())"]


def stored_articles(db: Path) -> int:
    """Articles stored so far, read-only (never creates the store under test)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # no schema yet
    finally:
        conn.close()


@dataclass(slots=True)
class Sample:
    seconds: float
    stored: int
    rss_mb: float
    pss_mb: float
    processes: int


@dataclass(slots=True)
class Run:
    rc: int
    seconds: float
    summary: dict[str, int]
    stderr: str
    samples: list[Sample] = field(default_factory=list)
    killed_at: int | None = None  # articles stored when it was killed

    @property
    def peak_rss(self) -> float:
        return max((s.rss_mb for s in self.samples), default=0.0)

    @property
    def peak_pss(self) -> float:
        return max((s.pss_mb for s in self.samples), default=0.0)


def ingest(
    inputs: Sequence[Path],
    db: Path,
    workers: int,
    *,
    memory: bool = False,
    kill_at: int | None = None,
    timeout: float = 6 * 3600,
) -> Run:
    """One `communique ingest ... --quiet` run in its own process group; samples the
    tree's memory with ``memory``, kills the group once ``kill_at`` articles are stored."""
    command = [*cli(), "ingest", *map(str, inputs), "--db", str(db), "--quiet"]
    command += ["--workers", str(workers)]
    samples: list[Sample] = []
    killed_at = None
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        started = time.monotonic()
        proc = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
            env=CHILD_ENV,
        )
        every = KILL_POLL_SECONDS if kill_at is not None else SAMPLE_SECONDS
        last_sample = -SAMPLE_SECONDS
        try:
            while proc.poll() is None:
                now = time.monotonic() - started
                if now > timeout:
                    raise TimeoutError(f"{' '.join(command)} ran over {timeout:.0f}s")
                stored = stored_articles(db) if (memory or kill_at is not None) else 0
                if kill_at is not None and stored >= kill_at:
                    os.killpg(proc.pid, signal.SIGKILL)
                    killed_at = stored
                    break
                if memory and now - last_sample >= SAMPLE_SECONDS:
                    last_sample = now
                    rss, pss, count = tree_memory(proc.pid)
                    samples.append(Sample(now, stored, rss, pss, count))
                time.sleep(every)
        except BaseException:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            raise
        finally:
            rc = proc.wait()
            seconds = time.monotonic() - started
            # The group's workers may outlive the parent for a moment: wait them out,
            # so no writer is left when the store is read or run again.
            deadline = time.monotonic() + 30
            while group_alive(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
        err.seek(0)
        stderr = err.read()
    match = SUMMARY.search(stderr)
    summary = {}
    if match:
        keys = ("articles", "events", "duplicates", "resumed", "failed")
        summary = dict(zip(keys, map(int, match.groups()), strict=True))
    if killed_at is None and not summary:  # rc 1 with a summary: some inputs failed
        raise SystemExit(f"error: {' '.join(command)} exited {rc}:\n{stderr[-2000:]}")
    return Run(rc, seconds, summary, stderr, samples, killed_at)


# ------------------------------------------------------------------------- throughput


def measure_throughput(texts: list[str], workers: Sequence[int], tmp: Path) -> list[dict]:
    corpus = write_jsonl(tmp / "stories.jsonl", distinct_articles(texts, len(texts)))
    one = write_jsonl(tmp / "one.jsonl", distinct_articles(texts, 1))
    rows = []
    for w in workers:
        startup = ingest([one], tmp / f"startup-w{w}.db", w).seconds
        run = ingest([corpus], tmp / f"throughput-w{w}.db", w, memory=True)
        n = run.summary.get("articles", 0)
        steady = n / (run.seconds - startup) if run.seconds > startup else float("nan")
        row = {
            "workers": w,
            "stories": len(texts),
            "articles": n,
            "events": run.summary.get("events", 0),
            "failed": run.summary.get("failed", 0),
            "seconds": round(run.seconds, 1),
            "startup_seconds": round(startup, 1),
            "articles_per_second": round(n / run.seconds, 2),
            "steady_articles_per_second": round(steady, 2),
            "peak_rss_mb": round(run.peak_rss),
            "peak_pss_mb": round(run.peak_pss),
        }
        print(
            f"workers={w}  {n} articles, {row['events']} events, {row['failed']} failed in "
            f"{run.seconds:.1f}s: {row['articles_per_second']:.2f} articles/s with startup, "
            f"{row['steady_articles_per_second']:.2f} without (startup {startup:.1f}s: "
            f"process, model, one article); peak RSS {row['peak_rss_mb']} MB "
            f"(PSS {row['peak_pss_mb']} MB)",
            flush=True,
        )
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------- memory


def highest(samples: list[Sample], low: float, high: float) -> float | None:
    """The highest RSS while the articles stored went from ``low`` (excluded) to ``high``:
    the memory "at" that point of the run, robust to the 0.5 s sampling."""
    values = [s.rss_mb for s in samples if low < s.stored <= high]
    return max(values) if values else None


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of y over x (0 when x does not vary)."""
    if len(points) < 2:
        return 0.0
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    var = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0


def measure_memory(texts: list[str], n: int, workers: Sequence[int], tmp: Path) -> list[dict]:
    corpus = write_jsonl(tmp / f"memory-{n}.jsonl", distinct_articles(texts, n))
    print(f"{n} distinct articles ({min(n, len(texts))} stories, the rest with datelines)")
    rows = []
    for w in workers:
        run = ingest([corpus], tmp / f"memory-w{w}.db", w, memory=True)
        stored = run.summary.get("articles", 0)
        at, low = {}, 0.0
        for point in PROGRESS_POINTS:
            value = highest(run.samples, low, point * n)
            at[f"{point:.0%}"] = round(value) if value is not None else None
            low = point * n
        # The second half while articles are still coming: the samples after the last
        # article are the process ending (freeing memory), not the corpus growing.
        working = [s for s in run.samples if n / 2 <= s.stored < n]
        half = [(s.stored / 1000, s.rss_mb) for s in working]
        half_pss = [(s.stored / 1000, s.pss_mb) for s in working]
        row = {
            "workers": w,
            "articles": stored,
            "seconds": round(run.seconds, 1),
            "sample_count": len(run.samples),
            "processes": max((s.processes for s in run.samples), default=0),
            "peak_rss_mb": round(run.peak_rss),
            "peak_pss_mb": round(run.peak_pss),
            "rss_mb_at_progress": at,
            "rss_slope_mb_per_1000_second_half": round(slope(half), 2),
            "pss_slope_mb_per_1000_second_half": round(slope(half_pss), 2),
            # (seconds, articles stored, RSS MB, PSS MB, processes): the whole curve
            "curve": [
                (round(s.seconds, 1), s.stored, round(s.rss_mb, 1), round(s.pss_mb, 1), s.processes)
                for s in run.samples
            ],
        }
        points = ", ".join(f"to {k} {v if v is not None else '-'}" for k, v in at.items())
        print(
            f"workers={w}  {stored} articles in {run.seconds:.0f}s, {len(run.samples)} samples, "
            f"up to {row['processes']} processes: peak RSS {row['peak_rss_mb']} MB "
            f"(PSS {row['peak_pss_mb']} MB)\n"
            f"  RSS (MB), highest in each stretch of the articles stored: {points}\n"
            f"  slope over the second half: {row['rss_slope_mb_per_1000_second_half']:+.2f} "
            f"MB RSS per 1,000 articles ({row['pss_slope_mb_per_1000_second_half']:+.2f} PSS)",
            flush=True,
        )
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------- resume


def _party(entity: dict[str, Any]) -> str:
    return str(entity.get("code") or entity.get("org") or entity.get("name") or "")


def snapshot(db: Path) -> dict[str, Counter]:
    """What a store holds, as multisets: article ids, events by their stable fields, whole
    event records (ids included) and ledger lines (key, status, code, article id)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        articles = Counter(r for r in conn.execute("SELECT id, content_hash FROM articles"))
        stable: Counter = Counter()
        whole: Counter = Counter()
        for (raw,) in conn.execute("SELECT record FROM events"):
            record = json.loads(raw)
            stable[
                (
                    record["article_id"],
                    record["event"],
                    record.get("mode"),
                    tuple(map(_party, record.get("actor") or [])),
                    tuple(map(_party, record.get("recipient") or [])),
                    record.get("date"),
                    record.get("factuality"),
                )
            ] += 1
            whole[json.dumps(record, sort_keys=True)] += 1
        ledger = Counter(
            r for r in conn.execute("SELECT key, status, code, article_id FROM ledger")
        )
    finally:
        conn.close()
    return {"articles": articles, "events": stable, "records": whole, "ledger": ledger}


def compare(a: dict[str, Counter], b: dict[str, Counter]) -> dict[str, dict[str, Any]]:
    out = {}
    for name in a:
        left, right = a[name], b[name]
        out[name] = {
            "clean": sum(left.values()),
            "resumed": sum(right.values()),
            "equal": left == right,
            "only_clean": sum((left - right).values()),
            "only_resumed": sum((right - left).values()),
        }
    return out


def measure_resume(
    texts: list[str], n: int, fractions: Sequence[float], workers: Sequence[int], tmp: Path
) -> list[dict]:
    corpus = write_jsonl(tmp / f"resume-{n}.jsonl", distinct_articles(texts, n))
    rows: list[dict] = []
    first: tuple[int, dict[str, Counter]] | None = None
    for w in workers:
        clean = ingest([corpus], tmp / f"resume-clean-w{w}.db", w)
        expected = snapshot(tmp / f"resume-clean-w{w}.db")
        statuses = Counter(status for (_, status, _, _) in expected["ledger"].elements())
        # Clean runs with different worker counts must agree too (the pool changes nothing).
        same = None
        if first is None:
            first = (w, expected)
        else:
            same = all(r["equal"] for r in compare(first[1], expected).values())
        print(
            f"workers={w}  clean run: {clean.summary.get('articles', 0)} articles, "
            f"{clean.summary.get('events', 0)} events, ledger {dict(sorted(statuses.items()))} "
            f"({clean.seconds:.0f}s)"
            + ("" if same is None else f"; same store as workers={first[0]}: {same}"),
            flush=True,
        )
        for fraction in fractions:
            db = tmp / f"resume-w{w}-{fraction:.2f}.db"
            killed = ingest([corpus], db, w, kill_at=max(1, round(fraction * n)))
            partial = stored_articles(db)
            rerun = ingest([corpus], db, w)
            result = compare(expected, snapshot(db))
            equal = all(r["equal"] for r in result.values())
            row = {
                "workers": w,
                "articles": n,
                "kill_at": fraction,
                "killed": killed.killed_at is not None,
                "stored_when_killed": killed.killed_at,
                "stored_after_kill": partial,
                "rerun": rerun.summary,
                "equal": equal,
                "compare": result,
                "clean_same_as_first_workers": same,
            }
            if killed.killed_at is None:
                what = f"finished before the kill (rc {killed.rc})"
            else:
                what = f"killed -9 with {partial}/{n} stored"
                what += " (after the last article: the kill tests only the ending)" * (partial >= n)
            parts = ", ".join(
                f"{name} {r['clean']}/{r['resumed']} {'equal' if r['equal'] else 'NOT EQUAL'}"
                + ("" if r["equal"] else f" (-{r['only_clean']} +{r['only_resumed']})")
                for name, r in result.items()
            )
            print(
                f"  kill at {fraction:.0%}: {what}; rerun resumed {rerun.summary.get('resumed')}, "
                f"stored {rerun.summary.get('articles')}; clean/resumed: {parts} -> "
                f"{'EQUAL' if equal else 'NOT EQUAL'}",
                flush=True,
            )
            rows.append(row)
    return rows


# ------------------------------------------------------------------------------- main


def report(figures: dict[str, Any]) -> str:
    lines = ["", "== ingest benchmark summary =="]
    meta = figures["meta"]
    lines.append(
        f"machine: {meta['cpus']} CPUs, load {meta['load_before']} before the run, "
        f"Python {meta['python']}"
    )
    for row in figures.get("throughput", []):
        lines.append(
            f"throughput  workers={row['workers']}: {row['articles_per_second']:.2f} articles/s "
            f"({row['steady_articles_per_second']:.2f} without {row['startup_seconds']}s "
            f"startup), {row['articles']} articles, {row['events']} events, "
            f"peak RSS {row['peak_rss_mb']} MB"
        )
    for row in figures.get("memory", []):
        lines.append(
            f"memory      workers={row['workers']}: {row['articles']} articles, peak RSS "
            f"{row['peak_rss_mb']} MB (PSS {row['peak_pss_mb']} MB), second-half slope "
            f"{row['rss_slope_mb_per_1000_second_half']:+.2f} MB per 1,000 articles"
        )
    for row in figures.get("resume", []):
        killed = (
            f"killed with {row['stored_after_kill']}/{row['articles']} stored"
            if row["killed"]
            else "finished before the kill"
        )
        lines.append(
            f"resume      workers={row['workers']}, {row['articles']} articles, "
            f"kill at {row['kill_at']:.0%} ({killed}): "
            f"{'equal to the clean run' if row['equal'] else 'NOT EQUAL to the clean run'}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=4500, help="stories for throughput")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["throughput", "memory", "resume"],
        default=["throughput", "memory", "resume"],
    )
    parser.add_argument("--memory-articles", type=int, default=10_000)
    parser.add_argument("--memory-workers", type=int, nargs="+", default=[1])
    parser.add_argument("--resume-articles", type=int, default=300)
    parser.add_argument("--kill-at", type=float, nargs="+", default=[0.2, 0.5, 0.8])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temp stores and inputs")
    parser.add_argument(
        "--live",
        action="store_true",
        help="run the package as installed instead of a frozen copy of it",
    )
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        raise SystemExit("error: this benchmark reads /proc (Linux only)")
    if any(w < 1 for w in [*args.workers, *args.memory_workers]):
        raise SystemExit("error: worker counts must be at least 1")
    if not all(0 < f < 1 for f in args.kill_at):
        raise SystemExit("error: --kill-at fractions lie between 0 and 1")
    texts = stories(args.shared)
    figures: dict[str, Any] = {
        "meta": {
            "cpus": os.cpu_count(),
            "load_before": round(os.getloadavg()[0], 2),
            "python": platform.python_version(),
            "command": cli(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
    }
    tmp = Path(tempfile.mkdtemp(prefix="communique-bench-"))
    try:
        figures["meta"]["git"] = git_state()
        if not args.live:
            frozen = freeze(tmp)
            CHILD_ENV["PYTHONPATH"] = frozen["pythonpath"]
            figures["meta"]["frozen"] = frozen
            print(
                f"running a frozen copy of {frozen['package']} (sha256 {frozen['sha256']}, "
                f"checkout {figures['meta']['git']})",
                flush=True,
            )
        if "throughput" in args.only:
            print(f"== throughput: {min(args.limit, len(texts))} ngec stories ==", flush=True)
            figures["throughput"] = measure_throughput(texts[: args.limit], args.workers, tmp)
        if "memory" in args.only:
            print(f"== memory: {args.memory_articles} articles ==", flush=True)
            figures["memory"] = measure_memory(
                texts, args.memory_articles, args.memory_workers, tmp
            )
        if "resume" in args.only:
            print(f"== crash and resume: {args.resume_articles} articles ==", flush=True)
            figures["resume"] = measure_resume(
                texts, args.resume_articles, args.kill_at, args.workers, tmp
            )
    finally:
        if args.keep:
            print(f"stores and inputs kept in {tmp}")
        else:
            shutil.rmtree(tmp)
    figures["meta"]["load_after"] = round(os.getloadavg()[0], 2)
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
