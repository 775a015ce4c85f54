"""`planscope check` as the command line runs it: one report, or `--all`."""
from __future__ import annotations

import sys

from schemas.errors import PlanscopeError


def check_command(args) -> int:
    from checking.output import RENDERERS, to_terminal
    from checking.run import run_all, run_check

    if bool(args.report) == bool(args.all):
        print("planscope: check needs a REPORT or --all (not both)", file=sys.stderr)
        return 2
    try:
        if args.all:
            return _report_all(run_all(args.db))
        result = run_check(args.db, args.report, args.against)
    except PlanscopeError as exc:
        print(f"planscope: {exc}", file=sys.stderr)
        return 1
    if args.format == "table" and not args.out:
        to_terminal(result)
    else:
        text = RENDERERS["md" if args.format == "table" else args.format](result)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(text)
            print(f"check {result.check_id}: {len(result.results)} commitments -> {args.out}", file=sys.stderr)
        else:
            sys.stdout.write(text)
    return 0


def _report_all(results) -> int:
    """One line per report checked; the results are in commitment_checks and commitment_status."""
    for r in results:
        counts = r.counts()
        period = f"{r.report_period.start}..{r.report_period.end}" if r.report_period else "no period"
        print(f"{r.report_doc} ({period}): {len(r.results)} commitments, {counts['evidenced']} evidenced, "
              f"{counts['partly evidenced']} partly, {counts['overdue']} overdue")
    print(f"{len(results)} reports checked; SELECT * FROM commitment_status", file=sys.stderr)
    return 0
