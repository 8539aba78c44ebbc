"""``lagebild eval GOLD_DIR``: precision, recall and F1 per layer against gold files."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import EXIT_OK, EXIT_PARTIAL
from ..evaluation import EvalReport, FloorCheck, check_floors, evaluate_dir, load_floors
from ..evaluation.diff import LAYERS, report_differences
from ..evaluation.metrics import PRF, Accuracy
from .app import main, reports_errors


def _num(value: float, empty: bool = False) -> str:
    return "–" if empty else f"{value:.3f}"


def _floor_cells(name: str, checks: dict[str, FloorCheck]) -> list[str]:
    check = checks.get(name)
    if check is None:
        return ["", ""]
    mark = "[red]BELOW[/red]" if not check.passed else "raise?" if check.well_above else "ok"
    return [f"{check.floor:.2f}", mark]


def _layer_table(report: EvalReport, checks: dict[str, FloorCheck]) -> Table:
    table = Table(title="Layers (micro-averaged over articles)")
    for col in ("layer", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(col, justify="left" if col == "layer" else "right")
    if checks:
        table.add_column("floor", justify="right")
        table.add_column("gate")
    for name, s in report.layers.items():
        if isinstance(s, PRF):
            row = [name, _num(s.precision), _num(s.recall), _num(s.f1), str(s.tp), str(s.fp)]
            row.append(str(s.fn))
            table.add_row(*row, *(_floor_cells(f"{name}.f1", checks) if checks else []))
    for level in ("events.type", "events.actors"):
        name = f"{level}.macro_f1"
        row = [f"{level} macro-F1", "", "", _num(report.macro_f1(level)), "", "", ""]
        table.add_row(*row, *(_floor_cells(name, checks) if checks else []))
    return table


def _attribute_table(report: EvalReport, checks: dict[str, FloorCheck]) -> Table:
    table = Table(title="Attributes (accuracy on matched pairs)")
    for col in ("attribute", "accuracy", "correct", "of"):
        table.add_column(col, justify="left" if col == "attribute" else "right")
    if checks:
        table.add_column("floor", justify="right")
        table.add_column("gate")
    for name, s in report.layers.items():
        if isinstance(s, Accuracy):
            row = [name, _num(s.accuracy, s.empty), str(s.correct), str(s.total)]
            table.add_row(*row, *(_floor_cells(f"{name}.accuracy", checks) if checks else []))
    return table


def _per_type_table(report: EvalReport) -> Table:
    table = Table(title="Event types: (a) type only, (b) type + source + target")
    for col in ("type", "gold", "output", "P (a)", "R (a)", "F1 (a)", "F1 (b)"):
        table.add_column(col, justify="left" if col == "type" else "right")
    level_b = report.per_type("events.actors")
    for name, s in report.per_type("events.type").items():
        b = level_b.get(name, PRF())
        row = [name, str(s.tp + s.fn), str(s.tp + s.fp), _num(s.precision), _num(s.recall)]
        table.add_row(*row, _num(s.f1), _num(b.f1))
    return table


def _per_article_table(report: EvalReport) -> Table:
    table = Table(title="F1 per article")
    columns = {
        "timex.span": "timex",
        "timex.value": "value",
        "entities.typed": "entities",
        "events.type": "events a",
        "events.actors": "events b",
    }
    table.add_column("article", max_width=24, no_wrap=True, overflow="ellipsis")
    for header in columns.values():
        table.add_column(header, justify="right", no_wrap=True, min_width=5)
    for article in report.articles:
        cells = []
        for col in columns:
            s = article.scores[col]
            cells.append(_num(s.f1, s.empty) if isinstance(s, PRF) else "")
        table.add_row(article.id, *cells)
    return table


def _describe(layer: str, item: dict[str, Any] | None) -> str:
    if item is None:
        return "–"
    if layer == "timex":
        return f"{item['text']!r} {item.get('type')} {item.get('value')}"
    if layer == "entities":
        return f"{item['text']!r} {item.get('type')} actor={item.get('actor')}"
    who = ",".join(item.get("source") or ()) or "?"
    whom = ",".join(item.get("target") or ()) or "–"
    trigger = (item.get("trigger") or {}).get("text")
    extra = " ".join(f"{a}={item.get(a)}" for a in ("date", "place", "status", "mode"))
    return f"{item.get('type')} {who}→{whom} {trigger!r} {extra}"


def _print_differences(console: Console, report: EvalReport, layer: str) -> None:
    for article_id, found in report_differences(report, layer).items():
        if not found:
            continue
        console.rule(f"{layer} differences: {article_id} ({len(found)})")
        for diff in found:
            g, p = _describe(layer, diff.gold), _describe(layer, diff.pred)
            if diff.kind == "missed":
                line = f"[red]- missed[/red]   {escape(g)}"
            elif diff.kind == "spurious":
                line = f"[yellow]+ spurious[/yellow] {escape(p)}"
            else:
                line = f"~ {diff.kind}: gold {escape(g)}  |  output {escape(p)}"
            console.print(line, highlight=False, soft_wrap=True)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--model", default=None, help="Name or path of a German spaCy pipeline to use.")
@click.option("--per-article", is_flag=True, help="Also show F1 per gold article.")
@click.option("--per-type", is_flag=True, help="Also show P/R/F1 per event type.")
@click.option(
    "--errors",
    "errors_layer",
    type=click.Choice(LAYERS),
    default=None,
    help="List missed, spurious and mismatched items of this layer per article.",
)
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Quality gate: a floors file (benchmarks/floors.json); exit 1 if a layer is below.",
)
@reports_errors
def evaluate(
    gold_dir: str,
    as_json: bool,
    model: str | None,
    per_article: bool,
    per_type: bool,
    floors_path: str | None,
    errors_layer: str | None,
) -> None:
    """Score the pipeline against the gold files in GOLD_DIR (P/R/F1 per layer)."""
    floors = load_floors(floors_path) if floors_path else {}
    report = evaluate_dir(gold_dir, model=model)
    checks = {c.name: c for c in check_floors(report.headline(), floors)}
    failed = [c for c in checks.values() if not c.passed]
    if as_json:
        out = report.to_dict(per_article=per_article, per_type=per_type)
        if checks:
            out["gate"] = [
                {"name": c.name, "value": c.value, "floor": c.floor, "passed": c.passed}
                for c in checks.values()
            ]
        if errors_layer:
            listing = report_differences(report, errors_layer)
            out["errors"] = {
                errors_layer: {k: [d.to_dict() for d in v] for k, v in listing.items()}
            }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        console = Console()
        console.print(_layer_table(report, checks))
        console.print(_attribute_table(report, checks))
        if per_type:
            console.print(_per_type_table(report))
        if per_article:
            console.print(_per_article_table(report))
        if errors_layer:
            _print_differences(console, report, errors_layer)
        console.print(
            f"{len(report.articles)} articles; pipeline {report.pipeline_seconds:.2f} s, "
            f"scoring {report.scoring_seconds:.2f} s"
        )
        for check in checks.values():
            if check.well_above:
                console.print(f"hint: {check.message()} (edit the floors file by hand)")
    for check in failed:
        click.echo(f"lagebild: quality gate: {check.message()}", err=True)
    sys.exit(EXIT_PARTIAL if failed else EXIT_OK)
