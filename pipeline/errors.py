"""planscope's own error types: every bad input ends in one of these, with a one-line message."""


class PlanscopeError(Exception):
    """Base class; str() is the one-line message shown to the user."""


class UnreadableFile(PlanscopeError):
    """The file cannot be read as a document (empty, corrupt, encrypted, wrong format ...)."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UnsupportedFormat(UnreadableFile):
    pass
