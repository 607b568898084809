"""Entries as a readable Markdown document."""

from __future__ import annotations

from selfkind.core.entries import Entry


def entries_to_markdown(entries: list[Entry]) -> str:
    lines = ["# My selfkind journal", ""]
    for entry in entries:
        assert entry.created_at is not None
        when = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        label = entry.practice_id or entry.kind.value
        draft = " (draft)" if entry.status.value == "draft" else ""
        lines += [f"## {when} · {label}{draft}", "", f"<!-- id: {entry.id} -->", ""]
        for answer in entry.answers:
            if answer.rating is not None:
                lines.append(f"- **{answer.prompt or answer.step}** {answer.rating}/10")
            elif answer.text:
                lines += [f"**{answer.prompt or answer.step}**", "", answer.text.strip(), ""]
        if entry.minutes:
            lines.append(f"- {entry.minutes:g} minutes")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
