"""Mutation testing, two ways: by mutmut over whole packages, and by a hand-written list of one-line bugs.

By the tool (issue 29): every mutant mutmut makes in a package's files (operators, constants,
arguments, return values ...), each run against the fast layer (`pytest -m unit`; mutmut 3 forks a
pytest per mutant and runs only the tests that reach the mutated function). Each package runs in a
scratch copy of the repository with `only_mutate` set to its files; the score per package is
killed / (mutants - equivalent ones), where the equivalent ones are listed, each with its reason,
in bench/mutmut_equivalent.txt. Configuration: `[tool.mutmut]` in pyproject.toml.

    .venv/bin/python bench/mutation.py --mutmut                       # every package in PACKAGES
    .venv/bin/python bench/mutation.py --mutmut checking dates        # some of them
    .venv/bin/python bench/mutation.py --mutmut catalogue --survivors # and list what survived, with diffs

By the list: each mutant replaces one exact string in one file (`old` must occur exactly once) with
a plausible bug, in a temporary copy of the repository, and runs only the tests named for it
(`pytest -x`). A failing run means the mutant was caught; a passing run means it was missed. A
mutant whose `old` text is gone (someone changed the code since) is reported as `stale` and not
counted. The list holds the bugs a reviewer or a stranger planted (issues 16, 28, 29), so each
stays guarded by name.

    .venv/bin/python bench/mutation.py                 # all listed mutants, figures to bench/MUTATION_LIST.md
    .venv/bin/python bench/mutation.py --only era_from_period_start,plan_columns_exact_only
    .venv/bin/python bench/mutation.py --list
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutant:
    id: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]
    what: str


T_CLAIMS = "tests/test_claims.py"
T_FAULTS = "tests/test_faults.py"
T_CLI = "tests/test_cli.py"
T_WH = "tests/test_warehouse.py"
T_BAD = "tests/test_bad_input.py"
T_DATES = "tests/test_dates.py"
T_READ = "tests/test_readers.py"
T_SCALE = "tests/test_scaling.py"
T_LIMITS = "tests/test_limits.py"
U_DATES = "tests/unit/test_unit_dates.py"
U_PROSE = "tests/unit/test_unit_prose.py"
U_CHECK = "tests/unit/test_unit_check.py"
U_SERVE = "tests/unit/test_unit_serve_security.py"
U_CATALOGUE = "tests/unit/test_unit_catalogue.py"

MUTANTS: list[Mutant] = [
    # --- issue 29: one-line bugs a stranger planted, caught by the fast layer (tests/unit/) ---
    Mutant("quarter_off_by_one", "extractors/time/timex.py",
           "        q = (anchor.month - 1) // 3", "        q = anchor.month // 3",
           (U_DATES,), '"this quarter" on a March reference date is Q2'),
    Mutant("month_without_digits_dropped", "extractors/time/timex.py",
           "        if not w[0].isupper():\n            return False", "        if not w[0].isdigit():\n            return False",
           (U_DATES,), 'a month named without digits ("met in Riga in September.") loses its date'),
    Mutant("two_digit_year_from_today", "extractors/time/timex.py",
           "    ref_year = (ctx.reference or date(2000, 1, 1)).year\n    y = 2000 + yy",
           "    ref_year = date.today().year\n    y = 2000 + yy",
           (U_DATES,), "a two-digit year read against today's year, not the document's"),
    Mutant("abbreviations_cut_units", "extractors/prose/narrative.py",
           "        if ABBREVIATIONS.search(left[-12:]) and", "        if ABBREVIATIONS.fullmatch(left[-12:]) and",
           (U_PROSE,), 'abbreviations ("Dr.", "Sept.") cut a unit in two'),
    Mutant("subordinate_will_is_future", "extractors/prose/narrative_kind.py",
           '            future = None  # "... that hopefully', '            pass  # "... that hopefully',
           (U_PROSE,), 'a "will" in a subordinate clause turns a held event into an activity'),
    Mutant("veto_threshold_moved", "extractors/prose/narrative_model.py",
           "VETO_AT = 0.6  #", "VETO_AT = 0.8  #",
           (U_PROSE,), "the classifier's veto threshold moved from 0.6 to 0.8"),
    Mutant("status_thresholds_swapped", "checking/evidence.py",
           'if best >= model["thresholds"]["evidenced"]:', 'if best >= model["thresholds"]["partly"]:',
           (U_CHECK,), '"partly evidenced" never appears (threshold order swapped)'),
    Mutant("undated_not_by_report_period", "checking/evidence.py",
           "start, end = (u.start, u.end) if u.start is not None else (u.report_start, u.report_end)",
           "start, end = (u.start, u.end)",
           (U_CHECK,), "an undated passage not dated by the report's period (date fit)"),
    Mutant("units_without_report_period", "checking/run.py",
           "u.report_start, u.report_end = (period.start, period.end) if period else (None, None)",
           "u.report_start, u.report_end = (None, None)",
           (U_CHECK,), "a report's passages not given its period"),
    Mutant("later_plan_checked_sql", "checking/run.py",
           "d.period_start <= ?::DATE", "d.period_start >= ?::DATE",
           (U_CHECK,), "plans chosen by the wrong side of the report's end"),
    Mutant("later_plan_checked_one", "checking/run.py",
           "plan_shas = plan_sources(con, period.end if period else None, exclude=report_sha)",
           "plan_shas = plan_sources(con, None, exclude=report_sha)",
           (U_CHECK,), "`check REPORT` against a plan that starts after the report"),
    Mutant("later_plan_checked_all", "checking/run.py",
           "plan_shas = plan_sources(con, report_end, exclude=report_sha)", "plan_shas = plan_sources(con, None, exclude=report_sha)",
           (U_CHECK,), "`check --all` against plans that start after the report"),
    Mutant("bind_all_interfaces", "planscope_cli.py",
           'srv.add_argument("--host", default="127.0.0.1"', 'srv.add_argument("--host", default="0.0.0.0"',
           (U_SERVE,), "`serve` listens on every interface by default"),
    Mutant("run_binds_all_interfaces", "serve/app.py",
           'def run(db_path: str, host: str = "127.0.0.1"', 'def run(db_path: str, host: str = "0.0.0.0"',
           (U_SERVE,), "`serve.app.run` listens on every interface by default"),
    Mutant("check_html_quotes_in_quotes", "checking/output.py",
           "    escaped = html.escape(text)", "    escaped = html.escape(text, quote=False)",
           (U_CHECK, U_SERVE), "quotes in the evidence of `check --format html` and /check/<id> not escaped"),
    Mutant("check_html_quotes_in_commitment", "checking/output.py",
           'html.escape(d["commitment_text"])', 'html.escape(d["commitment_text"], quote=False)',
           (U_CHECK, U_SERVE), "quotes in the commitment of `check --format html` and /check/<id> not escaped"),
    Mutant("search_highlight_unescaped", "serve/app.py",
           "    out.append(escape(text[last:]))", "    out.append(Markup(text[last:]))",
           (U_SERVE,), "a search hit's text after the last mark not escaped"),
    Mutant("sql_guard_off", "serve/sql.py",
           "    if kind not in ALLOWED:", "    if False:",
           (U_SERVE,), "the SQL page runs CREATE, COPY, ATTACH ..."),
    Mutant("genre_not_passed_on", "extractors/structure.py",
           'kind = _kind(doc, title or "", entry.genre if entry else None)', 'kind = _kind(doc, title or "", None)',
           (U_CATALOGUE,), "the manifest's genre not passed on: catalogued kinds change"),
    Mutant("genre_not_read", "extractors/catalogue.py",
           "genre=genre or None, source", "genre=None, source",
           (U_CATALOGUE,), "the manifest's genre not read"),
    # --- issue 28: limits before the work (tests/test_limits.py) ---
    Mutant("zip_part_limit_off_by_one", "pipeline/limits.py",
           "if info.file_size > lim.max_unpacked:", "if info.file_size >= lim.max_unpacked:",
           (f"{T_LIMITS}::test_the_part_limit_holds_at_its_boundary",), "a part exactly at --max-unpacked refused"),
    Mutant("zip_total_unchecked", "pipeline/limits.py",
           "    if total > lim.max_unpacked:", "    if False:",
           (f"{T_LIMITS}::test_the_whole_package_past_the_limit_is_refused",), "the whole package's size not checked"),
    Mutant("zip_ratio_unchecked", "pipeline/limits.py",
           "if info.file_size > RATIO_FLOOR and info.file_size > lim.max_ratio", "if False and info.file_size > lim.max_ratio",
           (f"{T_LIMITS}::test_a_big_part_packed_like_a_bomb_is_refused_by_its_ratio",), "no ratio limit"),
    Mutant("zip_ratio_without_floor", "pipeline/limits.py",
           "if info.file_size > RATIO_FLOOR and info.file_size > lim.max_ratio", "if info.file_size > lim.max_ratio",
           (f"{T_LIMITS}::test_the_ratio_limit_spares_small_parts_and_text_that_packs_like_text",),
           "the ratio limit applied to small parts too"),
    Mutant("docx_not_checked", "pipeline/readers/docx_reader.py",
           "            check_zip(zf)  # before", "            pass  # before",
           (f"{T_LIMITS}::test_a_part_past_the_limit_is_refused_before_it_is_unpacked",), ".docx parts not checked"),
    Mutant("odt_not_checked", "pipeline/readers/legacy.py",
           "                check_zip(zf)", "                pass",
           (f"{T_LIMITS}::test_an_odt_bomb_is_refused_before_libreoffice_unpacks_it",), ".odt parts not checked"),
    Mutant("pdf_cap_off_by_one", "pipeline/limits.py",
           "    if len(out) > cap:\n        raise LimitExceeded(_stream_words(cap))\n    if not d.eof",
           "    if len(out) >= cap:\n        raise LimitExceeded(_stream_words(cap))\n    if not d.eof",
           (f"{T_LIMITS}::test_capped_decompress_stops_one_byte_past_the_cap",), "a stream exactly at the cap refused"),
    Mutant("pdf_cap_not_installed", "pipeline/readers/pdf_reader.py",
           "    cap_pdf_streams()  # pdfminer", "    pass  # pdfminer",
           (f"{T_LIMITS}::test_a_mixed_run_refuses_each_hostile_file_in_words_and_takes_the_rest",),
           "pdfminer inflates streams uncapped"),
    Mutant("pdf_lenient_path_uncapped", "pipeline/limits.py",
           "    decompressobj = _CappedDecompressor", "    decompressobj = staticmethod(zlib.decompressobj)",
           (f"{T_LIMITS}::test_pdfminers_lenient_path_for_damaged_streams_is_capped_too",),
           "pdfminer's fallback for damaged streams uncapped"),
    Mutant("page_dpi_linear", "pipeline/readers/ocr.py",
           "(LIMITS.max_page_pixels / pixels_at_dpi) ** 0.5", "(LIMITS.max_page_pixels / pixels_at_dpi)",
           (f"{T_LIMITS}::test_page_dpi_keeps_a_page_under_the_pixel_budget",), "DPI scaled by the pixel ratio, not its root"),
    Mutant("page_dpi_ignored", "pipeline/readers/ocr.py",
           "            dpi = page_dpi(width, height)", "            dpi = DPI",
           (f"{T_LIMITS}::test_a_poster_page_is_read_at_a_lower_resolution_not_refused_for_its_size",),
           "every page rendered at 300 dpi"),
    Mutant("memory_limit_not_restored", "pipeline/limits.py",
           "        resource.setrlimit(resource.RLIMIT_AS, old)", "        pass",
           (f"{T_LIMITS}::test_memory_limit_is_set_for_the_file_and_restored_after",), "the per-file limit stays on"),
    Mutant("memory_limit_not_applied", "pipeline/ingest.py",
           "        with limits.memory_limit(limits.LIMITS.max_memory):", "        with limits.memory_limit(None):",
           (f"{T_LIMITS}::test_each_file_is_read_under_the_workers_memory_limit",),
           "workers run without a memory limit"),
    Mutant("memory_error_is_damage", "pipeline/readers/__init__.py",
           "        cause = resource_cause(exc)\n        if cause is None:", "        cause = None\n        if cause is None:",
           (f"{T_LIMITS}::test_memory_error_is_not_a_damaged_file",), "MemoryError read as a damaged file"),
    Mutant("default_memory_unset", "pipeline/ingest.py",
           "        limits.max_memory = default_memory(workers)", "        pass",
           (f"{T_LIMITS}::test_ingest_sizes_the_workers_memory_when_no_limit_is_given",), "no default worker memory limit"),
    # --- the four the review found missed (issue 16) ---
    Mutant("era_from_period_start", "pipeline/components.py",
           "return period.end if period else None", "return period.start if period else None",
           (f"{T_CLAIMS}::test_2017_report_names_the_expert_group_on_children_at_risk",),
           "era names from the period's start instead of its end"),
    Mutant("plan_columns_exact_only", "extractors/columns.py",
           "for exact in (True, False):", "for exact in (True,):",
           (f"{T_CLAIMS}::test_plan_table_with_wordy_headers_is_a_plan",),
           "plan-table columns only by exact header names, not by a role word in the header"),
    Mutant("country_code_validator_removed", "schemas/records.py",
           "        if bad:\n            raise ValueError(f\"not ISO 3166-1 alpha-2 codes: {bad}\")",
           "        if False:\n            raise ValueError(f\"not ISO 3166-1 alpha-2 codes: {bad}\")",
           (f"{T_CLAIMS}::test_countries_must_be_iso_codes",), "the country-code validator removed"),
    Mutant("sql_write_ignored", "planscope_cli.py",
           "con = _open_read(args.db, args.write)", "con = _open_read(args.db)",
           (f"{T_CLI}::test_sql_write_changes_the_warehouse",), "`sql --write` ignored"),
    # --- README / architecture claims ---
    Mutant("era_boundary_exclusive", "extractors/entities/registry.py",
           "if when <= until:", "if when < until:",
           (f"{T_CLAIMS}::test_entity_id_joins_all_three_names_of_the_group",),
           "a body's era ends the day before its `until` date"),
    Mutant("era_names_ignored", "extractors/entities/actors.py",
           "return ActorLink(name=body.name_at(when),", "return ActorLink(name=body.canonical,",
           (f"{T_CLAIMS}::test_entity_id_joins_all_three_names_of_the_group",), "bodies always under today's name"),
    Mutant("entity_id_dropped", "extractors/entities/actors.py",
           "entity_id=body.id, as_written=as_written", "entity_id=None, as_written=as_written",
           (f"{T_CLAIMS}::test_entity_id_joins_all_three_names_of_the_group",), "no registry id on actor links"),
    Mutant("governance_inherited", "extractors/entities/themes.py",
           "for t, p in found.items() if t not in lex.not_inherited]", "for t, p in found.items()]",
           (f"{T_CLAIMS}::test_governance_is_not_inherited_from_title_or_section",),
           "governance passed on by a title or section heading"),
    Mutant("footnotes_as_paragraphs", "pipeline/readers/docx_reader.py",
           "blocks.append(Block(kind=BlockKind.footnote, text=text,",
           "blocks.append(Block(kind=BlockKind.paragraph, text=text,",
           (f"{T_CLAIMS}::test_footnotes_are_kept_apart_from_the_text",), "docx footnotes read as body paragraphs"),
    Mutant("force_ignored", "planscope_cli.py",
           "force=args.force, executor=args.executor", "force=False, executor=args.executor",
           (f"{T_CLI}::test_force_reprocesses_unchanged_files_and_replaces_their_records",), "`--force` ignored"),
    Mutant("spacy_model_env_ignored", "extractors/entities/nlp.py",
           'name = model or os.environ.get("PLANSCOPE_SPACY_MODEL") or DEFAULT_MODEL', "name = model or DEFAULT_MODEL",
           (f"{T_CLI}::test_spacy_model_comes_from_the_environment",), "PLANSCOPE_SPACY_MODEL ignored"),
    Mutant("sql_always_writable", "planscope_cli.py",
           "return connect(db, read_only=not write, wait_seconds=5)", "return connect(db, read_only=False, wait_seconds=5)",
           (f"{T_CLI}::test_sql_is_read_only_unless_write",), "`sql` can write without --write"),
    # --- the two kinds of error ---
    Mutant("internal_reported_as_file_error", "pipeline/ingest.py",
           'return "internal", (internal_error_line(path, exc), format_traceback(exc))',
           'return "error", internal_error_line(path, exc)',
           (f"{T_FAULTS}::test_a_bug_in_a_stage_is_an_internal_error_exit_3",), "a bug reported as the file's fault"),
    Mutant("internal_exit_1", "planscope_cli.py", "        return EXIT_INTERNAL\n", "        return 1\n",
           (f"{T_FAULTS}::test_a_bug_in_a_stage_is_an_internal_error_exit_3",), "internal errors exit 1, like bad files"),
    Mutant("debug_ignored", "planscope_cli.py",
           "if args.debug and path in summary.internal:", "if False and path in summary.internal:",
           (f"{T_FAULTS}::test_debug_prints_the_traceback",), "`--debug` prints no traceback"),
    Mutant("reader_bugs_disguised", "pipeline/readers/__init__.py",
           "        if not is_file_fault(exc):\n            raise\n", "",
           (f"{T_FAULTS}::test_a_bug_in_a_reader_is_not_disguised_as_a_damaged_file",),
           "every reader exception called a damaged file (the old catch-all)"),
    Mutant("fault_rule_ignores_where_raised", "schemas/errors.py",
           "if not frames or planscope_module(frames[-1]) is not None:", "if not frames:",
           (f"{T_FAULTS}::test_the_rule_that_tells_a_files_fault_from_planscopes",),
           "an exception raised in planscope's reader code counted as the file's fault"),
    Mutant("fault_rule_any_caller", "schemas/errors.py",
           "return bool(ours) and ours[-1][:2] == READERS_DIR", "return bool(ours)",
           (f"{T_FAULTS}::test_the_rule_that_tells_a_files_fault_from_planscopes",),
           "a library failing under an extractor counted as the file's fault"),
    # --- ingest and the warehouse ---
    Mutant("ray_joins_stale_cluster", "pipeline/ingest.py",
           'return dict(address="local", num_cpus=workers', "return dict(address=None, num_cpus=workers",
           (f"{T_SCALE}::test_ray_is_local_unless_an_address_is_given",), "Ray joins whatever /tmp/ray names"),
    Mutant("ray_task_failure_raises", "pipeline/ingest.py",
           "                except Exception as exc:  # a task or node that died\n",
           "                except ZeroDivisionError as exc:  # a task or node that died\n",
           (f"{T_SCALE}::test_a_failed_ray_task_is_that_files_failure",), "a dead Ray task stops the run"),
    Mutant("unchanged_not_skipped", "pipeline/ingest.py",
           "if not force and known.get(key) == sha:", "if False:",
           (f"{T_WH}::test_reingest_is_idempotent",), "unchanged files processed again"),
    Mutant("copies_not_skipped", "pipeline/ingest.py",
           "if sha in by_sha and by_sha[sha] != key:", "if False:",
           (f"{T_WH}::test_a_copy_of_the_same_bytes_is_skipped_and_named",),
           "a second copy of the same bytes ingested again"),
    Mutant("changed_file_not_replaced", "warehouse/store.py",
           'for old_sha in item.get("replaces", []) + ', 'for old_sha in [] + ',
           (f"{T_WH}::test_changed_file_replaces_its_records",), "a changed file's old rows kept"),
    Mutant("failures_not_stored", "pipeline/ingest.py",
           'store.insert(con, "failures", failures)', "pass",
           (f"{T_CLI}::test_bad_file_among_good_ones_exits_1_and_is_named",), "failures table left empty"),
    Mutant("bad_file_exit_0", "planscope_cli.py", "return 1 if summary.failed else 0", "return 0",
           (f"{T_CLI}::test_bad_file_among_good_ones_exits_1_and_is_named",), "a failed file still exits 0"),
    Mutant("batch_not_atomic", "warehouse/store.py",
           '    con.execute("BEGIN TRANSACTION")\n    try:\n        shas',
           '    try:\n        shas',
           (f"{T_FAULTS}::test_sql_during_ingest_reads_a_snapshot_or_says_busy",), "a batch loaded without a transaction"),
    Mutant("view_shows_funders", "schemas/tables.py",
           "WHERE a.record_id = r.record_id AND a.source_field <> 'funding'), []::VARCHAR[]) AS actors",
           "WHERE a.record_id = r.record_id), []::VARCHAR[]) AS actors",
           ("tests/test_seed_score.py::test_each_field_holds_its_observed_value",),
           "funders exported as actors (records.md)"),
    Mutant("export_doc_filter_ignored", "warehouse/export.py",
           'where, params = ("WHERE doc = ?", [doc]) if doc else ("", [])', 'where, params = ("", [])',
           (f"{T_WH}::test_records_view_and_export_follow_the_contract",), "`export --doc` exports everything"),
    # --- records and extractors outside structure/segment ---
    Mutant("text_min_length_dropped", "schemas/records.py",
           "text: str = Field(min_length=3)", "text: str = Field(min_length=0)",
           (f"{T_CLAIMS}::test_records_refuse_text_without_three_characters_of_words",
            f"{T_WH}::test_invalid_record_goes_to_quarantine_with_reason"), "a two-letter record text is stored"),
    Mutant("date_order_unchecked", "schemas/records.py",
           'if self.start and self.end and self.end < self.start:\n            raise ValueError(f"date interval',
           'if False:\n            raise ValueError(f"date interval',
           (f"{T_CLAIMS}::test_records_refuse_an_interval_that_ends_before_it_starts",),
           "a record whose date ends before it starts validates"),
    Mutant("member_state_all_lost", "extractors/entities/places.py",
           '        codes.append("ALL")\n', "        pass\n",
           (f"{T_WH}::test_records_view_and_export_follow_the_contract",), "'All member states' not read as ALL"),
    Mutant("state_adjectives_ignored", "extractors/entities/places.py",
           "code = registry.state(m.group(0)) or registry.state(m.group(0), adjectives=True)",
           "code = registry.state(m.group(0))",
           (f"{T_CLAIMS}::test_states_named_by_their_adjectives",),
           "'Swedish experts' no longer names Sweden"),
    Mutant("funder_not_funder", "pipeline/components.py",
           'CELL_ROLES = {"responsible": ActorRole.responsible, "partners": ActorRole.partner, "funding": ActorRole.funder}',
           'CELL_ROLES = {"responsible": ActorRole.responsible, "partners": ActorRole.partner, "funding": ActorRole.partner}',
           (f"{T_CLAIMS}::test_funders_are_not_exported_as_actors",), "a funding cell's bodies become partners"),
    Mutant("abbreviation_case_folded", "extractors/entities/registry.py",
           "if alias.isupper() or len(alias) <= 3:", "if len(alias) <= 1:",
           (f"{T_CLAIMS}::test_car_the_abbreviation_is_not_the_word_car",), "CAR matched as the word 'car'"),
    Mutant("cooperation_spelling_not_folded", "extractors/entities/registry.py",
           'text = re.sub(r"co-(operat|ordinat)", r"co\\1", text)', "pass",
           (f"{T_CLAIMS}::test_registry_folds_co_operation_spellings",),
           "'Co-operation' and 'Cooperation' no longer the same name"),
    Mutant("legend_codes_ignored", "pipeline/components.py",
           "                assigned += legend.get(code, [])\n", "                pass\n",
           ("tests/test_seed_score.py::test_each_field_holds_its_observed_value",),
           "priority codes give no themes"),
    Mutant("missing_year_not_from_period", "extractors/time/dates.py",
           "year_inferred=inferred)", "year_inferred=False)",
           (f"{T_DATES}::test_year_from_document_period_is_marked",), "a year taken from the period is not marked"),
    Mutant("period_fallback_dropped", "pipeline/components.py",
           "            d.date = within_period(normalise(d.text, period, scan=True), period)",
           "            d.date = normalise(d.text, period, scan=True)",
           ("tests/test_seed_score.py::test_each_field_holds_its_observed_value",),
           "a record stating no time gets no date instead of the document's period"),
    # --- readers (format by content, clean errors) ---
    Mutant("pdf_by_extension", "pipeline/readers/__init__.py",
           'if head.startswith(b"%PDF"):\n        return "pdf"', 'if head.startswith(b"%PDF") and suffix == ".pdf":\n        return "pdf"',
           (f"{T_BAD}::test_wrong_extension_is_read_by_content",), "a PDF named .docx not read as a PDF"),
    Mutant("empty_file_not_refused", "pipeline/readers/__init__.py",
           'raise UnreadableFile(str(path), "empty file (0 bytes)")', 'return "txt"',
           (f"{T_CLI}::test_bad_file_among_good_ones_exits_1_and_is_named",), "an empty file read as text"),
    Mutant("no_text_not_refused", "pipeline/readers/__init__.py",
           "if not any(b.text.strip() or b.rows for b in doc.blocks):", "if False:",
           (f"{T_BAD}::test_bad_file_gets_one_clear_line",), "a document with no text goes through"),
    Mutant("txt_not_cp1252", "pipeline/readers/txt_reader.py",
           'return data.decode("cp1252"), ["decoded as cp1252 (not UTF-8)"]',
           'return data.decode("latin-1"), []',
           (f"{T_BAD}::test_text_that_is_not_utf8_is_decoded_and_said",), "non-UTF-8 text decoded without saying so"),
]


def copy_repo(dest: Path) -> None:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "*.duckdb", "*.duckdb.wal", "*.pyc", "mutants"))


def run_tests(repo: Path, tests: tuple[str, ...], timeout: int) -> tuple[int | None, float, str]:
    env = {**os.environ, "PYTHONPATH": str(repo), "PYTHONDONTWRITEBYTECODE": "1"}
    t0 = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=timeout)
        return proc.returncode, time.monotonic() - t0, proc.stdout[-1500:] + proc.stderr[-500:]
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - t0, "timeout"


def run_mutant(repo: Path, m: Mutant, timeout: int) -> dict:
    target = repo / m.file
    original = target.read_text(encoding="utf-8") if target.exists() else ""
    n = original.count(m.old)
    if n != 1:
        return dict(id=m.id, status="stale", seconds=0.0,
                    note="target text not found" if n == 0 else f"target text found {n} times")
    target.write_text(original.replace(m.old, m.new, 1), encoding="utf-8")
    try:
        code, seconds, out = run_tests(repo, m.tests, timeout)
    finally:
        target.write_text(original, encoding="utf-8")
    if code == 0:
        status, note = "missed", "the named tests pass with the bug in place"
    elif code == 1:
        status, note = "caught", _first_failure(out)
    elif code is None:
        status, note = "caught", f"timeout after {timeout} s"
    else:
        status, note = "error", f"pytest exit {code}: {out.strip().splitlines()[-1] if out.strip() else ''}"
    return dict(id=m.id, status=status, seconds=seconds, note=note)


def _first_failure(out: str) -> str:
    for line in out.splitlines():
        if line.startswith("FAILED"):
            return line[len("FAILED "):][:150]
    return "failed"


def write_report(results: list[dict], mutants: dict[str, Mutant], elapsed: float, command: str) -> str:
    counted = [r for r in results if r["status"] in ("caught", "missed")]
    caught = sum(r["status"] == "caught" for r in counted)
    share = caught / len(counted) if counted else 0.0
    lines = ["# Mutation run", "",
             f"`{command}` on {time.strftime('%Y-%m-%d')}: {len(results)} mutants, {elapsed / 60:.1f} min.", "",
             f"**Caught {caught} of {len(counted)} ({share:.0%})**; "
             f"missed {sum(r['status'] == 'missed' for r in results)}, stale {sum(r['status'] == 'stale' for r in results)}, "
             f"errors {sum(r['status'] == 'error' for r in results)} (stale and errors are not counted).", "",
             "Each mutant is one replacement of an exact string in one file (the list is in bench/mutation.py), "
             "applied in a temporary copy of the repository; the tests named for it run with `pytest -x`.", "",
             "| mutant | file | what breaks | result | s | by |", "|---|---|---|---|---|---|"]
    for r in results:
        m = mutants[r["id"]]
        lines.append(f"| {m.id} | {m.file} | {m.what} | {r['status']} | {r['seconds']:.0f} | {r['note'].replace('|', '/')} |")
    return "\n".join(lines) + "\n"


# --- mutmut, per package ----------------------------------------------------------------------

# The packages of issue 29 and the files each one is: `only_mutate` globs, relative to the repository.
PACKAGES: dict[str, list[str]] = {
    "catalogue": ["extractors/catalogue.py"],
    "dates": ["extractors/time/atoms.py", "extractors/time/dates.py", "extractors/time/dates_i18n.py", "extractors/time/timex.py"],
    "prose": ["extractors/prose/narrative.py", "extractors/prose/narrative_kind.py", "extractors/prose/narrative_model.py",
              "extractors/prose/narrative_data.py"],
    "checking": ["checking/*.py"],
    "serve": ["serve/*.py"],
    "readers": ["pipeline/readers/*.py"],
    # the files one session changed most, to score that change alone
    "narrative": ["extractors/prose/narrative.py"],
    "actors": ["extractors/entities/actors.py"],
    "funding": ["extractors/funding.py"],
}
EQUIVALENT = ROOT / "bench" / "mutmut_equivalent.txt"
KILLED = {"killed", "timeout", "caught by type check"}
SHOW_AT_MOST = 60
RESULTS = ROOT / "bench" / "data" / "mutmut_results.json"  # a mutant that makes the tests hang is caught too


def equivalent_mutants() -> dict[str, str]:
    """Mutant name -> why it is equivalent (same behaviour), from bench/mutmut_equivalent.txt."""
    out = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, why = line.partition(" ")
                out[name] = why.strip()
    return out


def mutmut_env() -> dict[str, str]:
    """mutmut from the environment, or from MUTMUT_PATH (a `pip install --target` folder)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if os.environ.get("MUTMUT_PATH"):
        env["PYTHONPATH"] = os.environ["MUTMUT_PATH"]
    return env


def run_mutmut(package: str, max_children: int, survivors: bool, keep: str | None = None, sample: str = "",
               globs_of: list[str] | None = None) -> dict:
    """mutmut over one package in a scratch copy: counts by status and the surviving mutants' names.
    keep: a folder to copy the scratch copy to at the end (its mutants/ holds every mutant's code
    and status, for `mutmut show` and `--partial`). sample: digits; only the mutants whose number
    ends in one of them are run and counted (a systematic sample of every function's mutants).
    globs_of: the files to mutate, when not the package's own (`--together`: several packages in one
    run, one stats collection). mutmut's own output is kept in the copy as mutmut.log, and its last
    lines are printed when it fails (a failed stats collection lists every mutant as "not checked")."""
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"planscope-mutmut-{package}-") as tmp:
        repo = Path(tmp) / "repo"
        copy_repo(repo)
        shutil.rmtree(repo / "mutants", ignore_errors=True)
        config = (repo / "pyproject.toml").read_text(encoding="utf-8")
        globs = ", ".join(f'"{g}"' for g in (globs_of or PACKAGES[package]))
        (repo / "pyproject.toml").write_text(config.replace("[tool.mutmut]\n", f"[tool.mutmut]\nonly_mutate = [{globs}]\n", 1),
                                             encoding="utf-8")
        env = mutmut_env()
        patterns = [f"*__mutmut_*{d}" for d in sample]
        proc = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children), *patterns],
                              cwd=repo, env=env, capture_output=True, text=True)
        log = proc.stdout.replace("\r", "\n") + proc.stderr
        (repo / "mutmut.log").write_text(log, encoding="utf-8")
        listed = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=repo, env=env,
                                capture_output=True, text=True).stdout
        statuses = {}
        for line in listed.splitlines():
            name, _, status = line.strip().rpartition(": ")
            if name:
                statuses[name] = status
        if sample:
            statuses = {n: s for n, s in statuses.items() if n[-1] in sample}
        diffs = {}
        if survivors:  # the first SHOW_AT_MOST surviving mutants' diffs (one `mutmut show` each: a second or so)
            alive = [n for n, s in statuses.items() if s not in KILLED and n not in equivalent_mutants()]
            for name in alive[:SHOW_AT_MOST]:
                diffs[name] = subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=repo, env=env,
                                             capture_output=True, text=True).stdout
        if keep:
            shutil.rmtree(Path(keep) / package, ignore_errors=True)
            shutil.copytree(repo, Path(keep) / package, symlinks=True)
    if not statuses or proc.returncode != 0:
        print(f"mutmut exited {proc.returncode}; the end of its output:\n{log[-3000:]}", file=sys.stderr)
    return {"package": package, "statuses": statuses, "seconds": time.monotonic() - t0, "diffs": diffs,
            "exit": proc.returncode}


def mutmut_score(statuses: dict[str, str], equivalent: dict[str, str]) -> dict:
    counts = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    equiv = sum(1 for name in statuses if name in equivalent)
    killed = sum(1 for name, s in statuses.items() if s in KILLED and name not in equivalent)
    counted = len(statuses) - equiv
    return {"mutants": len(statuses), "equivalent": equiv, "killed": killed, "counted": counted,
            "score": killed / counted if counted else 0.0, "counts": counts}


# mutmut's exit codes in mutants/*.meta (mutmut.stats.status_by_exit_code); None = not run yet
EXIT_STATUS = {0: "survived", 1: "killed", 3: "killed", 33: "no tests", 34: "skipped", 35: "suspicious", 36: "timeout",
               37: "caught by type check", 24: "timeout", 152: "timeout", 255: "timeout", -24: "timeout", 5: "no tests",
               -11: "segfault", -9: "segfault"}


def partial_main(repo: Path, sample: str = "") -> int:
    """The score over the mutants that ran, per file and per package, from a run's mutants/*.meta
    (a run stopped before its end, or one of `--together`). sample: count only the mutants whose
    number ends in one of these digits, as the run did."""
    equivalent = equivalent_mutants()
    total: dict[str, str] = {}
    for meta in sorted((repo / "mutants").rglob("*.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        codes = {k: v for k, v in codes.items() if not sample or k[-1] in sample}
        ran = {k: EXIT_STATUS.get(v, f"exit {v}") for k, v in codes.items() if v is not None}
        if codes:
            s = mutmut_score(ran, equivalent)
            print(f"{meta.relative_to(repo / 'mutants').with_suffix('')}: {len(ran)} of {len(codes)} mutants ran; "
                  f"{s['killed']} of {s['counted']} killed ({s['score']:.0%}); "
                  + ", ".join(f"{k} {v}" for k, v in sorted(s["counts"].items())))
            total.update(ran)
            total.update({k: "not run" for k, v in codes.items() if v is None})
    ran = {k: v for k, v in total.items() if v != "not run"}
    s = mutmut_score(ran, equivalent)
    print(f"all: {len(ran)} of {len(total)} mutants ran; {s['killed']} of {s['counted']} killed ({s['score']:.0%})")
    issue_packages = [p for p in PACKAGES if p not in ("narrative", "actors")]
    for package in issue_packages:
        mine = {k: v for k, v in total.items() if package_of(k, issue_packages) == package}
        if mine:
            ran = {k: v for k, v in mine.items() if v != "not run"}
            s = mutmut_score(ran, equivalent)
            print(f"{package}: {len(ran)} of {len(mine)} ran; {s['killed']} of {s['counted']} killed ({s['score']:.0%}); "
                  f"{s['equivalent']} equivalent; " + ", ".join(f"{k} {v}" for k, v in sorted(s["counts"].items())))
    return 0


def save_results(package: str, score: dict, r: dict, sample: str = "") -> None:
    """Each package's last figures and its surviving mutants' names, for bench/MUTATION.md."""
    saved = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    saved[package + (f" (sample {sample})" if sample else "")] = {
                      **{k: v for k, v in score.items() if k != "score"}, "score": round(score["score"], 3),
                      "files": PACKAGES[package], "minutes": round(r["seconds"] / 60, 1), "date": time.strftime("%Y-%m-%d"),
                      "not_killed": sorted(n for n, s in r["statuses"].items() if s not in KILLED)}
    RESULTS.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def package_of(name: str, packages: list[str]) -> str | None:
    """The package (of `packages`) whose files hold the mutant `name` ("serve.sql.xǁWorkerǁ_read__mutmut_7")."""
    import fnmatch
    import re

    m = re.match(r"^(?P<module>[\w.]+?)\.x(?:ǁ|_)", name)
    if not m:
        return None
    module = m.group("module").replace(".", "/")
    path = module + ".py" if (ROOT / (module + ".py")).exists() else module + "/__init__.py"
    return next((p for p in packages if any(fnmatch.fnmatch(path, g) for g in PACKAGES[p])), None)


def split_by_package(r: dict, packages: list[str]) -> dict[str, dict]:
    """One run over several packages (`--together`) as one result per package."""
    out = {p: {**r, "package": p, "statuses": {}, "diffs": {}} for p in packages}
    for name, status in r["statuses"].items():
        p = package_of(name, packages)
        if p is not None:
            out[p]["statuses"][name] = status
            if name in r["diffs"]:
                out[p]["diffs"][name] = r["diffs"][name]
    return out


def mutmut_main(packages: list[str], max_children: int, survivors: bool, keep: str | None = None, sample: str = "",
                together: bool = False) -> int:
    unknown = [p for p in packages if p not in PACKAGES]
    if unknown:
        print(f"unknown package(s) {', '.join(unknown)}; one of {', '.join(PACKAGES)}", file=sys.stderr)
        return 2
    equivalent = equivalent_mutants()
    rows = []
    results = None
    if together:  # one mutmut run, one stats collection, for all the packages; figures per package
        r = run_mutmut("together", max_children, survivors, keep, sample, [g for p in packages for g in PACKAGES[p]])
        results = split_by_package(r, packages)
    for package in packages:
        r = results[package] if results else run_mutmut(package, max_children, survivors, keep, sample)
        score = mutmut_score(r["statuses"], equivalent)
        rows.append((package, score, r["seconds"]))
        save_results(package, score, r, sample)
        others = ", ".join(f"{k} {v}" for k, v in sorted(score["counts"].items()))
        print(f"{package:10} {score['killed']:5} of {score['counted']:5} killed ({score['score']:.0%}); "
              f"{score['equivalent']} equivalent; {others}; {r['seconds'] / 60:.1f} min", flush=True)
        for name, diff in r["diffs"].items():
            print(f"--- {name}: {r['statuses'][name]}\n{diff}")
    print("\n| package | files | mutants | equivalent | killed | score | min |\n|---|---|---|---|---|---|---|")
    for package, score, seconds in rows:
        print(f"| {package} | {', '.join(PACKAGES[package])} | {score['mutants']} | {score['equivalent']} | "
              f"{score['killed']} | {score['score']:.0%} | {seconds / 60:.1f} |")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="comma-separated mutant ids")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per mutant")
    ap.add_argument("--no-baseline", action="store_true", help="skip checking that the named tests pass unmutated")
    ap.add_argument("--out", default=str(ROOT / "bench" / "MUTATION_LIST.md"))
    ap.add_argument("--mutmut", nargs="*", metavar="PACKAGE", help=f"run mutmut over these packages (default: all of "
                    f"{', '.join(PACKAGES)})")
    ap.add_argument("--survivors", action="store_true", help="with --mutmut: print each surviving mutant's diff")
    ap.add_argument("--max-children", type=int, default=2, help="with --mutmut: parallel mutants (default: 2)")
    ap.add_argument("--keep", metavar="DIR", help="with --mutmut: keep each package's scratch copy as DIR/PACKAGE")
    ap.add_argument("--sample", default="", metavar="DIGITS", help="with --mutmut: run and count only the mutants whose "
                    "number ends in one of these digits (37: a fifth of every function's mutants), for an estimate")
    ap.add_argument("--together", action="store_true", help="with --mutmut: the packages in one mutmut run (one "
                    "stats collection, a test written during the run left out alike), scored per package")
    ap.add_argument("--partial", metavar="DIR", help="figures so far of a mutmut run stopped before its end: DIR is its "
                    "scratch copy (/tmp/planscope-mutmut-PACKAGE-*/repo)")
    args = ap.parse_args()
    if args.partial:
        return partial_main(Path(args.partial), args.sample)
    if args.mutmut is not None:
        return mutmut_main(args.mutmut or list(PACKAGES), args.max_children, args.survivors, args.keep, args.sample,
                           args.together)
    chosen = [m for m in MUTANTS if not args.only or m.id in args.only.split(",")]
    if args.list:
        for m in chosen:
            print(f"{m.id:36} {m.file:32} {m.what}")
        return 0
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="planscope-mut-") as tmp:
        repo = Path(tmp) / "repo"
        copy_repo(repo)
        if not args.no_baseline:
            tests = tuple(dict.fromkeys(t for m in chosen for t in m.tests))
            code, seconds, out = run_tests(repo, tests, args.timeout * 4)
            print(f"baseline: {len(tests)} tests, exit {code}, {seconds:.0f} s", flush=True)
            if code != 0:
                print(out)
                print("the named tests fail without any mutant: fix them first", file=sys.stderr)
                return 2
        results = []
        for m in chosen:
            r = run_mutant(repo, m, args.timeout)
            results.append(r)
            print(f"{r['status']:7} {r['seconds']:5.0f}s  {m.id}: {r['note']}", flush=True)
    elapsed = time.monotonic() - t0
    command = "python bench/mutation.py" + (f" --only {args.only}" if args.only else "")
    report = write_report(results, {m.id: m for m in MUTANTS}, elapsed, command)
    if not args.only:
        Path(args.out).write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
