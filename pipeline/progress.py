"""The ingest progress bar (rich): files, pages, records, failures and time left."""
from __future__ import annotations

from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class Progress:
    def __init__(self):
        self.bar = RichProgress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[stats]}"),
            TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), transient=False,
        )
        self.pages = self.ocr_pages = self.records = self.failed = 0
        self.task = None

    def start(self, total: int, skipped: int = 0) -> None:
        self.skipped = skipped
        self.bar.start()
        self.task = self.bar.add_task("ingest", total=total, stats=self._stats())

    def _stats(self) -> str:
        ocr = f" (OCR {self.ocr_pages})" if self.ocr_pages else ""
        return f"pages {self.pages}{ocr} records {self.records} failed {self.failed} skipped {getattr(self, 'skipped', 0)}"

    def advance(self, path: str, status: str, info) -> None:
        if status == "ok":
            self.pages += info.get("pages") or 0
            self.ocr_pages += info.get("ocr_pages") or 0
            self.records += info.get("records") or 0
        else:
            self.failed += 1
            self.bar.console.print(f"[red]failed[/red] {info}")
        self.bar.update(self.task, advance=1, stats=self._stats())

    def stop(self) -> None:
        self.bar.stop()
