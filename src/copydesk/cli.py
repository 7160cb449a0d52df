"""The command line: click only. Arguments in, library calls, exit codes out; no heuristics."""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import click

from .batch import (Job, Outcome, Progress, Settings, manifest_line, page_stem, plan, run,
                    time_limit, write_atomic)
from .errors import CopydeskError, ExitCode, reason
from .options import Options
from .writers import FORMATS

_FORMAT_ALIASES = {"md": "markdown", "markdown": "markdown", "json": "json", "jsonl": "json",
                   "txt": "text", "text": "text"}
EPILOG = """\b
Exit codes:
  0    every input gave an article
  1    some input failed or held no article (each named on stderr)
  2    usage error
  130  interrupted (Ctrl-C or SIGTERM); outputs already written are whole
"""


def _rule_names() -> tuple[str, ...]:
    from .cleaning import RULE_NAMES

    return RULE_NAMES


@click.command(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("-f", "--format", "fmt", default="markdown", show_default=True,
              type=click.Choice(sorted(_FORMAT_ALIASES), case_sensitive=False),
              help="Output format.")
@click.option("-o", "--output", type=click.Path(),
              help="Output file, or folder (ending in / or existing) that mirrors input paths.")
@click.option("--front-matter", is_flag=True, help="Markdown: metadata as YAML front matter.")
@click.option("--url", help="The page's address, for relative links when it names none.")
@click.option("--encoding", help="Decode input with this encoding, whatever the page says.")
@click.option("--input-format", type=click.Choice(["auto", "html", "text"]), default="auto",
              show_default=True, help="Treat input as HTML or plain text.")
@click.option("--keep", "keep", multiple=True, metavar="RULE",
              help="Switch a cleaning rule off (repeatable; see --list-rules).")
@click.option("--keep-dateline", is_flag=True, help="Leave the dateline at the start of the body.")
@click.option("--explain", is_flag=True, help="Print on stderr which rule removed which text.")
@click.option("--list-rules", is_flag=True, help="List the cleaning rules and exit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel workers for folders [default: all cores].")
@click.option("--force", is_flag=True, help="Redo pages whose output is already up to date.")
@click.option("--timeout", type=click.FloatRange(min=0), default=5.0, show_default=True,
              help="Seconds one page may take (0: no limit).")
@click.option("--report", type=click.Path(path_type=Path),
              help="Write a JSON Lines manifest of every page's outcome.")
@click.option("--debug", "--traceback", "debug", is_flag=True,
              help="Show a traceback on errors.")
@click.version_option(package_name="copydesk")
def main(inputs: tuple[Path, ...], fmt: str, output: str | None, front_matter: bool,
         url: str | None, encoding: str | None, input_format: str, keep: tuple[str, ...],
         keep_dateline: bool, explain: bool, list_rules: bool, jobs: int | None, force: bool,
         timeout: float, report: Path | None, debug: bool) -> None:
    """Turn saved article pages (HTML, .html.gz or plain text) into clean Markdown, JSON or text.

    INPUTS are files, folders (converted recursively) or - for stdin (the default).
    """
    if list_rules:
        click.echo("\n".join(_rule_names()))
        return
    unknown = sorted(set(keep) - set(_rule_names()))
    if unknown:
        raise click.UsageError(f"unknown rule {unknown[0]!r} for --keep (see --list-rules)")
    fmt = _FORMAT_ALIASES[fmt.lower()]
    if not inputs and sys.stdin.isatty():
        raise click.UsageError("no input: name a page or a folder, or pipe a page in")
    options = Options(input_format=input_format, encoding=encoding, url=url,
                      keep=frozenset(keep), keep_dateline=keep_dateline)
    settings = Settings(options=options, fmt=fmt, front_matter=front_matter, force=force,
                        timeout=timeout)
    inputs = inputs or (Path("-"),)
    try:
        out = Path(output) if output else None
        if _is_batch(inputs, out):
            code = _batch(inputs, out, settings, jobs, report)
        else:
            folder = bool(output) and output.endswith(("/", os.sep))  # Path drops the slash
            code = _single(inputs[0], out, folder, settings, explain)
    except click.ClickException:
        raise  # usage errors: click prints them and exits 2
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:  # `copydesk … | head`: the reader is gone, nothing to say
        sys.stderr.close()
        code = ExitCode.FAILED
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if debug:
            raise
        click.echo(one_line(f"Error: unexpected {type(exc).__name__}: {exc}"), err=True)
        code = ExitCode.FAILED
    sys.exit(int(code))


def one_line(message: str) -> str:
    """A file name may hold a newline; each error stays one line on stderr."""
    return message.translate(_LINE_BREAKS)


_LINE_BREAKS = {ord("\n"): "\\n", ord("\r"): "\\r"}


def _is_batch(inputs: tuple[Path, ...], output: Path | None) -> bool:
    return len(inputs) > 1 or any(p != Path("-") and p.is_dir() for p in inputs)


def _single(source: Path, output: Path | None, folder: bool, settings: Settings,
            explain: bool) -> ExitCode:
    from .loading import read_source
    from .pipeline import run as run_pipeline
    from .writers import write

    name = "-" if source == Path("-") else str(source)
    try:
        with time_limit(settings.timeout):
            data = read_source("-" if name == "-" else source)
            result = run_pipeline(data, options=settings.options, source=name)
    except CopydeskError as exc:
        click.echo(one_line(f"Error: {name}: {reason(exc, name)}"), err=True)
        return ExitCode.FAILED
    if explain:
        for rule, block in result.dropped:
            click.echo(f"{rule}: {block.text[:100]}", err=True)
    article = result.article
    if not article.text:
        click.echo(f"Error: {name}: no article text found", err=True)
        return ExitCode.FAILED
    text = write(article, settings.fmt, front_matter=settings.front_matter)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return ExitCode.OK
    if folder or output.is_dir():
        stem = "stdin" if name == "-" else page_stem(Path(name).name)
        output = output / f"{stem}.{FORMATS[settings.fmt]}"
    write_atomic(output, text)
    return ExitCode.OK


def _batch(inputs: tuple[Path, ...], output: Path | None, settings: Settings,
           jobs: int | None, report: Path | None) -> ExitCode:
    if output is None and settings.fmt != "json":
        raise click.UsageError("several pages need -o FOLDER (or -f json for JSON Lines on stdout)")
    if output is not None and output.exists() and not output.is_dir():
        raise click.UsageError(f"-o {output}: several pages need a folder, not a file")
    settings = replace(settings, out_dir=output)
    planned, problems = plan(inputs, output, FORMATS[settings.fmt])
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
    workers = jobs or os.cpu_count() or 1
    counts = _run_batch(planned, problems, settings, workers, report)
    failed = counts["failed"] + counts["timeout"]
    click.echo(_summary(counts, failed, len(planned) + len(problems)), err=True)
    return ExitCode.FAILED if failed else ExitCode.OK


def _run_batch(planned: list[Job], problems: list[Outcome], settings: Settings, workers: int,
               report: Path | None) -> Counter:
    progress = Progress(len(planned) + len(problems))
    manifest = report.open("w", encoding="utf-8") if report else None
    start = time.monotonic()

    def on_outcome(outcome: Outcome) -> None:
        progress.step()
        if outcome.status in ("failed", "timeout"):
            progress.clear()
            click.echo(one_line(f"Error: {outcome.path}: {outcome.reason}"), err=True)
        elif outcome.content is not None:
            click.echo(outcome.content)
        if manifest:
            manifest.write(manifest_line(outcome) + "\n")
            manifest.flush()

    try:
        for problem in problems:
            on_outcome(problem)
        counts = run(planned, settings, workers, on_outcome)
        counts["failed"] += len(problems)
    finally:
        progress.close()
        if manifest:
            manifest.close()
    counts["seconds"] = round(time.monotonic() - start, 1)
    return counts


def _summary(counts: Counter, failed: int, total: int) -> str:
    return (f"{total} pages: {counts['ok']} converted, {counts['skipped']} up to date, "
            f"{failed} failed ({counts['seconds']} s)")
