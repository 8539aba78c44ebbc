"""``lagebild analyze``: one article (or a JSONL batch) → digest or contract JSON."""

from __future__ import annotations

import json
import sys

import click

from ..analysis import analyze_articles
from ..dates import parse_published
from ..io import read_articles
from ..pipeline import load
from ..render import render_digest
from .app import main, reports_errors


@main.command()
@click.argument("path", default="-")
@click.option("--published", help="Publication date YYYY-MM-DD (anchors relative dates).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
    show_default=True,
)
@click.option("--model", default=None, help="Name or path of a German spaCy pipeline to use.")
@reports_errors
def analyze(path: str, published: str | None, fmt: str, model: str | None) -> None:
    """Analyze PATH (a text file, a JSONL file of articles, or - for stdin)."""
    published = parse_published(published)
    nlp = load(model)
    articles = read_articles(path, published=published)
    for result in analyze_articles(nlp, articles):
        if fmt == "text":
            render_digest(result)
        elif fmt == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    sys.exit(0)
