"""Errors raised by communique, each with a stable code.

    CommuniqueError                 base of everything raised on purpose
    ├── InputError                  an input cannot be read as an article (E1xx)
    ├── KnowledgeError              a knowledge-base or codebook file is malformed (E2xx)
    └── ModelError                  the spaCy pipeline cannot be loaded (E3xx)

A batch never stops on an InputError: the failing item becomes a ``Failure`` record
(see records.py) and the run carries on. The codes below are the catalogue; messages
name the input (and line) so the user can find it.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "E101": "input path does not exist",
    "E102": "input file is empty",
    "E103": "input looks binary, not text",
    "E104": "input is not valid UTF-8",
    "E105": "HTML page has no article text",
    "E106": "JSONL line is not a JSON object",
    "E107": "JSONL record has neither 'text' nor 'html'",
    "E108": "unsupported file type",
    "E109": "invalid date",
    "E110": "folder holds no readable files",
    "E111": "input has no text after extraction",
    "E112": "RSS/Atom feed is malformed or has no entries",
    "E113": "feed entry has only a summary and its page is not fetched (off, or no link)",
    "E114": "WARC file or record is truncated or corrupt",
    "E115": "URL cannot be fetched (connection failed or invalid URL)",
    "E116": "URL answered with an HTTP error",
    "E117": "URL timed out",
    "E118": "page is larger than the size limit (a URL response or a WARC record)",
    "E119": "URL content is neither HTML nor an RSS/Atom feed",
    "E120": "URL scheme is not http or https",
    "E121": "URL not fetched: fetching is off",
    "E201": "knowledge file is malformed",
    "E301": "spaCy pipeline not installed",
    "E401": "store cannot be opened",
    "E402": "store schema is newer than this version of communique",
    "E403": "store write failed",
    "E404": "analysis worker process died",
}


class CommuniqueError(Exception):
    """Base class: ``code`` is a key of CATALOGUE."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class InputError(CommuniqueError):
    """An input cannot be turned into an Article."""

    def __init__(self, message: str, *, code: str, source: str, line: int | None = None) -> None:
        super().__init__(message, code=code)
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: [{self.code}] {self.args[0]}"


class KnowledgeError(CommuniqueError):
    code = "E201"


class ModelError(CommuniqueError):
    code = "E301"
