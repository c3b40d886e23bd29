"""The CLI starts and explains itself."""

from kg.cli import main


def test_help_lists_commands(capsys):
    assert main(["--help"]) == 0
    assert "Usage" in capsys.readouterr().out
