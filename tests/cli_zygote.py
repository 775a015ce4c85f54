"""A warm `python -m planscope_cli` for the tests (issue 29: `make test` time).

Most integration tests run the command line (`run_cli` in conftest.py), and a new interpreter
spends about 2.5 s of CPU importing the stages and loading spaCy's model, the prose classifier and
the language detector before it reads the test's small file: most of what those tests cost. This
process loads all that once, then forks one child per command. Each child is a new process, as
`subprocess.run([python, "-m", "planscope_cli", ...])` would give: its own environment, working
folder, standard output and error (files the caller reads), `sys.argv`, exit code (a signal: minus
its number) and exit functions, and it runs planscope_cli as `__main__` (runpy, as `-m` does).
What it does not repeat is the interpreter's start and those imports and loads; the models are the
ones a fresh process would load, since the caller sends a command here only when its environment is
the one this process started with (conftest.run_cli; any other environment gets a real subprocess).

Protocol, one JSON line each way on stdin and on the reply pipe (the stdout this process was started
with): {"argv", "env", "cwd", "out", "err"} -> {"pid"} then {"status"} (the child's wait status).
"""
from __future__ import annotations

import json
import os
import sys


def warm() -> None:
    import planscope_cli  # noqa: F401
    import pipeline.ingest  # noqa: F401
    import pipeline.runner  # noqa: F401
    import warehouse.store  # noqa: F401
    from extractors.entities.nlp import get_nlp
    from extractors.prose.narrative_model import load_model
    from pipeline.readers.language import detect_language

    get_nlp()
    load_model()
    detect_language("The group met in the spring to agree on its plan of work for the next two years.")


def child(request: dict) -> None:
    """In the forked child: become `python -m planscope_cli ARGV` and never return."""
    import runpy
    import traceback

    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        if null != 0:
            os.dup2(null, 0)
            os.close(null)
        for fd, path in ((1, request["out"]), (2, request["err"])):
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        sys.argv = [sys.argv[0], *request["argv"]]
        sys.path[0] = os.getcwd()  # what `-m` puts first
        try:
            runpy.run_module("planscope_cli", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exc:  # as the interpreter reads sys.exit's argument
            if exc.code is None:
                code = 0
            elif isinstance(exc.code, int):
                code = exc.code
            else:
                print(exc.code, file=sys.stderr)
                code = 1
        except BaseException:
            traceback.print_exc()
            code = 1
        import atexit

        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                code = code or 120
    finally:
        os._exit(code & 0xFF)


def main() -> None:
    sys.path[0] = os.getcwd()
    reply = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # nothing this process prints lands in the replies
    os.close(devnull)
    warm()
    sys.stdout.flush()
    sys.stderr.flush()
    reply.write(json.dumps({"ready": os.getpid()}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            reply.close()
            child(request)
        reply.write(json.dumps({"pid": pid}) + "\n")
        _, status = os.waitpid(pid, 0)
        reply.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}) + "\n")


if __name__ == "__main__":
    main()
