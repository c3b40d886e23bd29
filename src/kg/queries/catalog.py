"""The canned-query catalogue: queries/*.rq files whose comment header says what each one answers.

A header is the run of `#` lines at the top of the file:

    # title: Visits between two agencies or regions
    # description: Every visit in either direction between A and B, …
    #   continuation lines are indented by at least two spaces after the `#`.
    # param a (agency, required): the first agency or region
    # param since (date, optional): first day of the range (unbound: no lower limit)
    # param limit (integer, default 20): how many rows to keep
    # param level (region|province, default region): a choice among fixed words

The body holds one `#@values` line where the parameters are bound (see `kg.queries.binding`). Because
it is a comment, the file is also valid SPARQL on its own: run as is, every parameter is unbound, which
the queries read as "no restriction". A query whose answer can be too long to read may also declare an
integer parameter `limit` and put a `#@limit` line after its ORDER BY, replaced by `LIMIT n`. The loader
checks all of this and names the file and line when something is wrong, so a broken query is caught
when the catalogue loads, not half-way through a run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import DataFileError, QueryError
from kg.paths import QUERIES_DIR
from kg.queries.binding import LIMIT_PARAMETER, PARAMETER_TYPES, to_term

VALUES_MARKER = "#@values"
LIMIT_MARKER = "#@limit"

_KEY_LINE = re.compile(r"^#\s*(title|description):\s*(?P<text>.+?)\s*$")
_CONTINUATION = re.compile(r"^#\s{2,}(?P<text>\S.*?)\s*$")
_PARAM_LINE = re.compile(
    r"^#\s*param\s+(?P<name>[a-z][A-Za-z0-9_]*)\s+\((?P<type>[a-z][a-z0-9_|-]*),\s*"
    r"(?:(?P<required>required)|(?P<optional>optional)|default\s+(?P<default>[^)]+?))\)\s*:\s*"
    r"(?P<description>.+?)\s*$"
)
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Parameter:
    """One named parameter of a canned query.

    `kind` is one of `PARAMETER_TYPES` or a choice written `word|word`; `default` is the value used
    when the caller gives none (None with `required` False means "left unbound").
    """

    name: str
    kind: str
    description: str
    required: bool = False
    default: str | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self.kind.split("|")) if "|" in self.kind else ()

    def describe(self) -> str:
        """One line for `kg query --list`: name, type, default, what it means."""
        if self.required:
            when = "required"
        elif self.default is not None:
            when = f"default {self.default}"
        else:
            when = "optional"
        return f"{self.name} ({self.kind}, {when}): {self.description}"


@dataclass(frozen=True)
class CannedQuery:
    """A SPARQL SELECT with its title, description and declared parameters."""

    name: str
    title: str
    description: str
    sparql: str
    path: Path
    parameters: tuple[Parameter, ...] = field(default=())

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


def load_query(path: Path, *, require_header: bool = True) -> CannedQuery:
    """Read and check one .rq file; raise `DataFileError` naming the file and line on a bad header.

    Canned queries must carry the header. A user's own file (`require_header=False`) may be plain
    SPARQL: without a `# title:` line in its leading comments it runs as written, titled by its name.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"cannot read the query file ({error})", source=str(path)) from error
    lines = text.splitlines()
    leading = [line for line in lines[: next((n for n, line in enumerate(lines) if not line.startswith("#")),
                                             len(lines))]]
    if not require_header and not any(_KEY_LINE.match(line) for line in leading):
        return _plain_query(path, text)
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    last_key: str | None = None
    body_start = len(lines)
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not line.startswith("#"):
            body_start = number - 1
            break
        if line.strip() in ("#", VALUES_MARKER):
            last_key = None
            if line.strip() == VALUES_MARKER:
                raise DataFileError(f"{VALUES_MARKER} belongs in the query body, not the header",
                                    source=where)
            continue
        if key_match := _KEY_LINE.match(line):
            key = key_match.group(1)
            if key in fields:
                raise DataFileError(f"'{key}' is given twice", source=where)
            fields[key] = key_match.group("text")
            last_key = key
        elif param_match := _PARAM_LINE.match(line):
            parameters.append(_parameter(param_match, where, parameters))
            last_key = None
        elif (cont := _CONTINUATION.match(line)) and last_key is not None:
            fields[last_key] += " " + cont.group("text")
        else:
            raise DataFileError(
                "header lines must be '# title: …', '# description: …' (continued by '#   …') or "
                "'# param NAME (TYPE, required|optional|default VALUE): description'",
                source=where,
            )
    for key in ("title", "description"):
        if key not in fields:
            raise DataFileError(f"the header lacks '# {key}: …'", source=f"{path}:1")
    body = "\n".join(lines[body_start:])
    markers = [n for n, line in enumerate(lines, start=1) if line.strip() == VALUES_MARKER]
    if parameters and not markers:
        # Several markers are allowed: a UNION whose branches each need the parameters bound inside.
        raise DataFileError(
            f"a query with parameters needs a '{VALUES_MARKER}' line where they are bound",
            source=f"{path}:{body_start + 1}",
        )
    if not re.search(r"\bSELECT\b", body, flags=re.IGNORECASE):
        raise DataFileError("the query body has no SELECT", source=f"{path}:{body_start + 1}")
    _check_limit(path, lines, parameters)
    return CannedQuery(
        name=path.stem,
        title=fields["title"],
        description=fields["description"],
        sparql=body,
        path=path,
        parameters=tuple(parameters),
    )


def _check_limit(path: Path, lines: list[str], parameters: list[Parameter]) -> None:
    """A `#@limit` line needs an integer `limit` parameter, and such a parameter needs the line."""
    markers = [n for n, line in enumerate(lines, start=1) if line.strip() == LIMIT_MARKER]
    limit = next((p for p in parameters if p.name == LIMIT_PARAMETER), None)
    if markers and (limit is None or limit.kind != "integer"):
        raise DataFileError(f"a '{LIMIT_MARKER}' line needs a parameter '{LIMIT_PARAMETER} (integer, …)'",
                            source=f"{path}:{markers[0]}")
    if limit is not None and len(markers) != 1:
        raise DataFileError(f"parameter '{LIMIT_PARAMETER}' needs exactly one '{LIMIT_MARKER}' line, after "
                            "the ORDER BY", source=str(path))


def _plain_query(path: Path, text: str) -> CannedQuery:
    if not re.search(r"\bSELECT\b", text, flags=re.IGNORECASE):
        raise DataFileError("the query has no SELECT (kg query runs SELECT queries)", source=str(path))
    return CannedQuery(name=path.stem, title=path.stem, description="", sparql=text, path=path)


def _parameter(match: re.Match[str], where: str, earlier: list[Parameter]) -> Parameter:
    name, kind = match.group("name"), match.group("type")
    if "|" not in kind and kind not in PARAMETER_TYPES:
        known = ", ".join(sorted(PARAMETER_TYPES))
        raise DataFileError(f"parameter '{name}' has unknown type '{kind}' (known: {known}, or a|b)",
                            source=where)
    if any(p.name == name for p in earlier):
        raise DataFileError(f"parameter '{name}' is declared twice", source=where)
    parameter = Parameter(
        name=name,
        kind=kind,
        description=match.group("description"),
        required=match.group("required") is not None,
        default=match.group("default"),
    )
    if parameter.default is not None:
        try:
            to_term(parameter, parameter.default)
        except QueryError as error:
            raise DataFileError(f"the default of '{name}' is not valid: {error}", source=where) from error
    return parameter


def catalog(directory: Path | None = None) -> dict[str, CannedQuery]:
    """Every canned query in `directory` (default: the repository's queries/), by name."""
    folder = directory or QUERIES_DIR
    if not folder.is_dir():
        raise DataFileError("the canned-query folder does not exist", source=str(folder))
    queries: dict[str, CannedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        if not _NAME.match(path.stem):
            raise DataFileError("query file names are lower-case words joined by '-'", source=str(path))
        queries[path.stem] = load_query(path)
    return queries
