"""Throwaway projects for the benchmark, and the configs each engine builds them with.

- `real_project(dest)`: a copy of this repository's site sources (docs/ copied, so the
  edit-to-preview run can change a page; everything else symlinked).
- `synthetic_project(dest, topics)`: the real hooks, overrides and glossary with synthetic
  docs (bench/synthetic.py) and a generated nav.
- Config variants, all derived from the real mkdocs.yml so a change there is benchmarked:
  `ours` (as is), `plain` (plain Material: no macros plugin, no hooks, no theme overrides,
  the glossary given to the abbr extension directly) and `zensical` (plain, minus what
  Zensical does not read).

mkdocs.yml uses `!ENV` and `!!python/name:` tags; they are kept as opaque tagged values,
so the derived configs round-trip them unchanged.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench import synthetic
from hooks import glossary

ROOT = Path(__file__).resolve().parent.parent
# Site sources a build reads besides docs/: snippets are included from the repository root.
_SKIP = {".git", ".venv", ".venv-bench", "site", "public", "docs", "bench", "mkdocs.yml"}


@dataclass
class Tagged:
    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.Dumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def load_config(path: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def dump_config(config: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, width=200), "utf-8")
    return path


def _name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _options(entries: list, name: str) -> dict[str, Any] | None:
    for entry in entries:
        if _name(entry) == name:
            return {} if isinstance(entry, str) else (entry[name] or {})
    return None


def _set_options(entries: list, name: str, options: dict[str, Any]) -> None:
    for i, entry in enumerate(entries):
        if _name(entry) == name:
            entries[i] = {name: options}
            return
    entries.append({name: options})


def variant(config: dict[str, Any], kind: str, nav: list | None = None) -> dict[str, Any]:
    """The config for one engine: 'ours', 'plain' or 'zensical'."""
    config = yaml.load(yaml.dump(config, Dumper=_Dumper), Loader=_Loader)  # deep copy
    if nav is not None:
        config["nav"] = nav

    if kind == "ours":
        return config
    config["strict"] = False  # links to generated anchors do not resolve without the macros
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = [p for p in config.get("plugins", []) if _name(p) != "macros"]
    extensions = config["markdown_extensions"]
    snippets = _options(extensions, "pymdownx.snippets") or {}
    appended = [str(p) for p in snippets.get("auto_append", [])]
    if not any(p.endswith("abbreviations.md") for p in appended):
        # Our hook hands the glossary to the abbr extension; plain Material gets it the
        # same way (inline in the config), so both builds explain the same terms.
        terms = dict(glossary.load(ROOT / "includes" / "abbreviations.md"))
        options = _options(extensions, "abbr") or {}
        _set_options(extensions, "abbr", {**options, "glossary": terms})
    if kind == "plain":
        return config
    if kind == "zensical":
        # Zensical brings its own search and tags; it has no MkDocs plugin or hook API.
        config["plugins"] = [p for p in config["plugins"] if _name(p) in ("search", "tags")]
        config.pop("validation", None)
        return config
    raise ValueError(kind)


def _link_sources(dest: Path) -> None:
    for entry in ROOT.iterdir():
        if entry.name in _SKIP:
            continue
        (dest / entry.name).symlink_to(entry)


def real_project(dest: Path) -> Path:
    """The real site's sources in dest (docs/ copied, the rest symlinked)."""
    dest.mkdir(parents=True, exist_ok=True)
    _link_sources(dest)
    shutil.copytree(ROOT / "docs", dest / "docs", symlinks=True)
    return dest


def synthetic_project(dest: Path, topics: int) -> tuple[Path, int, list]:
    """Synthetic docs with the real hooks and assets. Returns (dest, pages, nav)."""
    dest.mkdir(parents=True, exist_ok=True)
    _link_sources(dest)
    docs = dest / "docs"
    pages = synthetic.write_docs(docs, topics)
    (docs / "assets").symlink_to(ROOT / "docs" / "assets")
    return dest, pages, synthetic.nav(topics)


def write_configs(project: Path, nav: list | None = None) -> dict[str, Path]:
    """mkdocs-ours.yml, mkdocs-plain.yml, mkdocs-zensical.yml (and mkdocs.yml = ours)."""
    base = load_config()
    out = {}
    for kind in ("ours", "plain", "zensical"):
        out[kind] = dump_config(variant(base, kind, nav), project / f"mkdocs-{kind}.yml")
    shutil.copyfile(out["ours"], project / "mkdocs.yml")
    return out


def bench_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for var in ("CI_PAGES_URL", "CI_PROJECT_URL", "CI_PROJECT_PATH", "MKDOCS_EDIT_URI"):
        env.pop(var, None)
    return env
