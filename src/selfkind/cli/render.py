"""Showing entries, analyses and help in the terminal."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from selfkind.content import message
from selfkind.core.analysis import Analysis, CrisisLevel
from selfkind.core.entries import Entry, EntryStatus
from selfkind.core.pillars import PILLAR_PAIRS

_BAR = 16


def when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%a %d %b %Y, %H:%M") if moment else ""


def entry_table(entries: list[Entry]) -> Table:
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("practice", no_wrap=True)
    table.add_column("words")
    for entry in entries:
        label = entry.practice_id or entry.kind.value
        if entry.status is EntryStatus.DRAFT:
            label += f" ({message('journal.draft_label')})"
        table.add_row(entry.id[:8], when(entry.created_at), label, entry.title)
    return table


def show_entry(console: Console, entry: Entry) -> None:
    title = f"{entry.practice_id or entry.kind.value} · {when(entry.created_at)}"
    body = Text()
    for answer in entry.answers:
        label = answer.prompt or answer.step
        if answer.rating is not None:
            body.append(f"{label}\n", style="bold")
            body.append(f"{answer.rating}/10\n\n")
        elif answer.text:
            body.append(f"{label}\n", style="bold")
            body.append(answer.text.strip() + "\n\n")
    if entry.minutes:
        body.append(f"{entry.minutes:g} minutes\n")
    console.print(Panel(body, title=title, subtitle=entry.id, border_style="cyan"))


def show_care(console: Console, level: CrisisLevel, *, about_other: bool = False) -> None:
    if about_other:
        text = message("care.other")
    elif level is CrisisLevel.LIKELY:
        text = message("care.likely")
    else:
        text = message("care.possible")
    body = f"{text}\n\n{message('care.resources')}\n\n{message('care.reminder')}"
    console.print(Panel(body, title=message("care.title"), border_style="magenta"))


def pillar_bars(analysis: Analysis) -> Table:
    """Each pillar as a see-saw: the harsh pole's share to the left, the kind one's right."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(justify="right", style="yellow", no_wrap=True)
    table.add_column(justify="right", style="yellow", width=_BAR, no_wrap=True)
    table.add_column()
    table.add_column(justify="left", style="green", width=_BAR, no_wrap=True)
    table.add_column(style="green", no_wrap=True)
    for kind_pole, harsh_pole in PILLAR_PAIRS.values():
        kind = float(analysis.scores.get(kind_pole, 0.0))
        harsh = float(analysis.scores.get(harsh_pole, 0.0))
        table.add_row(harsh_pole.value.replace("_", " "), "█" * round(harsh * _BAR), "│",
                      "█" * round(kind * _BAR), kind_pole.value.replace("_", " "))
    return table


def highlighted(analysis: Analysis) -> Text:
    text = Text(analysis.text)
    for hit in analysis.patterns:
        text.stylize("bold underline yellow", hit.start, hit.end)
    return text


def show_analysis(console: Console, analysis: Analysis, *, with_reframe: bool = True) -> None:
    if analysis.crisis or analysis.about_other:
        show_care(console, analysis.crisis_level, about_other=analysis.about_other)
        if analysis.crisis:
            return
    console.print(Panel(highlighted(analysis), title=message("selftalk.reading"),
                        border_style="cyan"))
    dominant = analysis.dominant.value.replace("_", " ")
    console.print(f"{message('analyze.dominant')}: [bold]{dominant}[/bold] "
                  f"(compassion {analysis.compassion:+.2f})")
    console.print(pillar_bars(analysis))
    if analysis.patterns:
        names = ", ".join(dict.fromkeys(p.name.replace("_", " ") for p in analysis.patterns))
        console.print(f"{message('analyze.pattern_label')}: {names}")
    else:
        console.print(message("selftalk.no_patterns"), style="dim")
    if analysis.language != "en":
        console.print(message("analyze.not_english"), style="dim")
    if with_reframe and analysis.reframe:
        console.print(Panel(analysis.reframe, title=message("selftalk.suggestion"),
                            border_style="green"))
