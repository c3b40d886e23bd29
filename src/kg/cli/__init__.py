"""The `kg` command line: thin commands that parse, call the library, render and map errors to exits.

Exit codes: 0 ok, 1 findings (violations, eval below threshold), 2 usage or input error.
"""

from __future__ import annotations

import sys

import click

from kg import native
from kg.errors import KgError


@click.group(
    name="kg",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(
    package_name="kg",
    # which extractor this install runs: the compiled build or the Python source, and why (kg.native)
    message=f"%(prog)s, version %(version)s (extractor: "
    f"{'compiled' if native.BUILD.compiled else 'Python source'}; {native.BUILD.reason})",
)
def app() -> None:
    """Build and query a knowledge graph of Indonesian regional-government agencies, officials,
    study visits and awards, extracted from news articles.

    Typical use: `kg build ARTICLES/` then `kg query visits`, `kg validate`, `kg export`.
    """


# Each command lives in its own module and registers itself on `app`.
from kg.cli import (  # noqa: E402
    analyze_cmd,
    build_cmd,
    eval_cmd,
    export_cmd,
    push_cmd,
    query_cmd,
    resolve_cmd,
    serve_cmd,
    validate_cmd,
)

for _module in (build_cmd, query_cmd, validate_cmd, export_cmd, push_cmd, serve_cmd, resolve_cmd,
                eval_cmd, analyze_cmd):
    _module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every `KgError` becomes one line on stderr and its exit code, never a traceback."""
    try:
        # Outside standalone mode click returns a command's `ctx.exit(code)` instead of exiting.
        result = app.main(args=argv, prog_name="kg", standalone_mode=False)
    except KgError as error:
        click.echo(f"kg: error: {error}", err=True)
        return error.exit_code
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        return 130
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
