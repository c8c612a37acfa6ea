"""Every command and sub-command of `timeline` has real help text (sqlite-utils style).

The argparse tree is walked from `timeline.cli.build_parser()`, so a command added later is checked too.
A placeholder help such as "(not yet available)" fails: a command is done when it can say what it does.
"""
from __future__ import annotations

import argparse
import re

import pytest

from timeline.cli import build_parser, main

PLACEHOLDER = re.compile(r"not yet available|placeholder|\bTODO\b|\bTBD\b|coming soon", re.I)


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path, help shown in the parent's command list, sub-parser) for every command, depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield path + (name,), helps.get(name), sub
                yield from _walk(sub, path + (name,))


COMMANDS = list(_walk(build_parser()))
IDS = [" ".join(p) for p, _, _ in COMMANDS]


def test_there_are_commands():
    names = {p[0] for p, _, _ in COMMANDS}
    assert {"timexes", "dct", "timeml", "eval"} <= names
    assert ("eval", "tempeval") in {p for p, _, _ in COMMANDS}


@pytest.mark.parametrize("path, help_text, sub", COMMANDS, ids=IDS)
def test_command_has_help(path, help_text, sub):
    assert help_text and help_text.strip(), f"`timeline {' '.join(path)}` has no help in its parent's list"
    assert not PLACEHOLDER.search(help_text), f"`timeline {' '.join(path)}` help is a placeholder: {help_text!r}"
    desc = sub.description or ""
    assert not PLACEHOLDER.search(desc), f"`timeline {' '.join(path)}` description is a placeholder: {desc!r}"


@pytest.mark.parametrize("path, help_text, sub", COMMANDS, ids=IDS)
def test_every_argument_has_help(path, help_text, sub):
    missing = [a.option_strings[0] if a.option_strings else a.dest for a in sub._actions
               if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction))
               and a.help != argparse.SUPPRESS and not (a.help or "").strip()]
    assert not missing, f"`timeline {' '.join(path)}`: arguments without help: {missing}"


@pytest.mark.parametrize("path, help_text, sub", COMMANDS, ids=IDS)
def test_help_flag_prints_usage(path, help_text, sub, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*path, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: timeline " + " ".join(path)), out[:200]


def test_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for path, _, _ in COMMANDS:
        if len(path) == 1:
            assert path[0] in out


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) != 0
    assert "usage: timeline" in capsys.readouterr().err
