"""The scheduled external link check's configuration (.linkcheckerrc) is one LinkChecker reads.

LinkChecker itself lives only in the scheduled job's venv (requirements-linkcheck.in), so
this reads the file the way LinkChecker 10.6 does (configparser.RawConfigParser, then one
typed read per known option) and checks every option name and value against what that
version accepts: a typo would otherwise be ignored silently, or fail only on a schedule.
That the job runs only in scheduled pipelines is asserted in tests/test_pipeline.py.
"""

from __future__ import annotations

import configparser
import re

from tests.conftest import ROOT

CONFIG = ROOT / ".linkcheckerrc"

# What LinkChecker 10.6.0 reads (linkcheck/configuration/confparse.py), by section and type.
OPTIONS = {
    "checking": {
        "threads": int, "timeout": int, "aborttimeout": int, "recursionlevel": int,
        "useragent": str, "maxrequestspersecond": float, "maxnumurls": int,
        "maxfilesizeparse": int, "maxfilesizedownload": int, "allowedschemes": str,
        "debugmemory": bool, "cookiefile": str, "robotstxt": bool, "localwebroot": str,
        "sslverify": str, "maxrunseconds": int, "resultcachesize": int,
    },
    "filtering": {
        "ignorewarnings": str, "ignorewarningsforurls": str, "ignore": str, "nofollow": str,
        "internlinks": str, "checkextern": bool,
    },
    "output": {
        "warnings": bool, "verbose": bool, "quiet": bool, "debug": str, "status": bool,
        "log": str, "fileoutput": str, "ignoreerrors": str,
    },
}  # fmt: skip
WARNINGS = {
    "url-effective-url", "url-error-getting-content", "url-content-too-large",
    "url-content-size-zero", "url-content-type-unparseable", "url-obfuscated-ip",
    "url-too-long", "url-whitespace", "file-missing-slash", "file-system-path",
    "file-anchorcheck-directory", "ftp-missing-slash", "http-empty-content",
    "http-cookie-store-error", "http-rate-limited", "http-redirected", "mail-no-mx-host",
    "xml-parse-error",
}  # fmt: skip


def read() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser()
    assert parser.read(CONFIG, encoding="utf-8") == [str(CONFIG)]
    return parser


def multiline(value: str) -> list[str]:
    """LinkChecker's read_multiline: stripped lines, blank and # lines skipped."""
    return [line.strip() for line in value.splitlines() if line.strip()[:1] not in ("", "#")]


def test_every_option_is_one_linkchecker_reads_with_a_valid_value():
    parser = read()
    assert set(parser.sections()) <= set(OPTIONS), parser.sections()
    for section in parser.sections():
        for name in parser.options(section):
            kind = OPTIONS[section].get(name)
            assert kind, f".linkcheckerrc: [{section}] {name} is not a LinkChecker 10.6 option"
            if kind is int:
                parser.getint(section, name)
            elif kind is float:
                parser.getfloat(section, name)
            elif kind is bool:
                parser.getboolean(section, name)
            else:
                assert parser.get(section, name).strip(), f"[{section}] {name} is empty"


def test_it_checks_external_links_politely():
    parser = read()
    assert parser.getboolean("filtering", "checkextern")
    assert parser.getboolean("checking", "robotstxt")
    assert parser.getfloat("checking", "maxrequestspersecond") <= 1
    assert 1 <= parser.getint("checking", "threads") <= 10
    assert 1 <= parser.getint("checking", "timeout") <= 60
    assert 0 < parser.getint("checking", "maxrunseconds") <= 3600
    warnings = {w.strip() for w in parser.get("filtering", "ignorewarnings").split(",")}
    assert warnings <= WARNINGS, warnings - WARNINGS


def test_each_ignored_host_has_a_reason_and_a_narrow_pattern():
    patterns = multiline(read().get("filtering", "ignore"))
    assert patterns
    # configparser drops the comments, so the reasons are read from the file itself.
    lines = [line.strip() for line in CONFIG.read_text(encoding="utf-8").splitlines()]
    for pattern in patterns:
        regex = re.compile(pattern)
        at = lines.index(pattern)
        while lines[at - 1] in patterns:  # patterns may share one reason
            at -= 1
        reason = lines[at - 1]
        assert reason.startswith("#") and len(reason) > 20, f"say why {pattern} is left out"
        assert pattern.startswith("^https://"), f"anchor {pattern} to a scheme and host"
        for kept in ("https://nodejs.org/api/", "https://developer.mozilla.org/en-US/docs/"):
            assert not regex.search(kept), f"{pattern} would also skip {kept}"
    edit = "https://gitlab.com/nodejs-interview/curriculum/-/edit/main/docs/index.md"
    assert any(re.search(p, edit) for p in patterns), "the per-page edit links are not skipped"
    assert not any(re.search(p, "https://gitlab.com/nodejs-interview/curriculum") for p in patterns)
