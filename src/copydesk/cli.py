"""The command line: click only. Arguments in, library calls, exit codes out; no heuristics."""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from .batch import (Outcome, Progress, Settings, manifest_line, page_stem, plan, run,
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
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
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
@click.option("--scheduler", metavar="ADDRESS", envvar="COPYDESK_SCHEDULER",
              help="Run a batch on this Dask scheduler (env COPYDESK_SCHEDULER); inputs and "
                   "-o may then be fsspec URLs. Needs copydesk[dask].")
@click.option("--debug", "--traceback", "debug", is_flag=True,
              help="Show a traceback on errors.")
@click.version_option(package_name="copydesk")
def main(inputs: tuple[str, ...], fmt: str, output: str | None, front_matter: bool,
         url: str | None, encoding: str | None, input_format: str, keep: tuple[str, ...],
         keep_dateline: bool, explain: bool, list_rules: bool, jobs: int | None, force: bool,
         timeout: float, report: Path | None, scheduler: str | None, debug: bool) -> None:
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
    inputs = inputs or ("-",)
    try:
        out = Path(output) if output else None
        if scheduler:
            code = _cluster_batch(inputs, output, settings, scheduler, report)
        elif _is_batch(inputs):
            code = _batch(tuple(map(Path, inputs)), out, settings, jobs, report)
        else:
            folder = bool(output) and output.endswith(("/", os.sep))  # Path drops the slash
            code = _single(Path(inputs[0]), out, folder, settings, explain)
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


def _is_batch(inputs: tuple[str, ...]) -> bool:
    """Several inputs, a folder, or a container of pages (WARC) make a batch."""
    from .archives import is_container

    return len(inputs) > 1 or any(
        p != "-" and (Path(p).is_dir() or is_container(p)) for p in inputs
    )


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
    _check_batch_output(output, settings)
    settings = replace(settings, out_dir=output)
    planned, problems = plan(inputs, output, FORMATS[settings.fmt])
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
    workers = jobs or os.cpu_count() or 1

    def runner(on_outcome: Callable[[Outcome], None]) -> Counter:
        for problem in problems:
            on_outcome(problem)
        counts = run(planned, settings, workers, on_outcome)
        counts["failed"] += len(problems)
        return counts

    return _finish(_run_batch(runner, len(planned) + len(problems), report))


def _cluster_batch(inputs: tuple[str, ...], output: str | None, settings: Settings,
                   scheduler: str, report: Path | None) -> ExitCode:
    """The same batch on a Dask cluster: workers read the inputs and write the outputs."""
    from . import distributed

    local_out = Path(output) if output and "://" not in output else None
    _check_batch_output(local_out, settings)
    settings = replace(settings, out_dir=local_out)

    def runner(on_outcome: Callable[[Outcome], None]) -> Counter:
        return distributed.run(list(inputs), output, settings, scheduler, on_outcome)

    return _finish(_run_batch(runner, 0, report))


def _check_batch_output(output: Path | None, settings: Settings) -> None:
    if output is None and settings.fmt != "json":
        raise click.UsageError("several pages need -o FOLDER (or -f json for JSON Lines on stdout)")
    if output is not None and output.exists() and not output.is_dir():
        raise click.UsageError(f"-o {output}: several pages need a folder, not a file")


def _finish(counts: Counter) -> ExitCode:
    failed = counts["failed"] + counts["timeout"]
    click.echo(_summary(counts, failed), err=True)
    return ExitCode.FAILED if failed else ExitCode.OK


def _run_batch(runner: Callable[[Callable[[Outcome], None]], Counter], total: int,
               report: Path | None) -> Counter:
    progress = Progress(total)
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
        counts = runner(on_outcome)
    finally:
        progress.close()
        if manifest:
            manifest.close()
    counts["seconds"] = round(time.monotonic() - start, 1)
    return counts


def _summary(counts: Counter, failed: int) -> str:
    total = counts["ok"] + counts["skipped"] + failed
    return (f"{total} pages: {counts['ok']} converted, {counts['skipped']} up to date, "
            f"{failed} failed ({counts['seconds']} s)")
