"""The pipeline, run for real: .gitlab-ci.yml under gitlab-ci-local (issue 8, item 6).

How, and why this way:

- A scratch git repository holds the project as `make test` sees it (tracked files plus
  new ones not ignored), on a `main` branch with an `origin` whose default branch is
  `main`, which is where gitlab-ci-local reads CI_DEFAULT_BRANCH from. The project's own
  checkout and its git state are never touched.
- Each kind of pipeline is gitlab-ci-local given the predefined variables GitLab sets for
  it: a push to the default branch; a merge-request pipeline (CI_PIPELINE_SOURCE
  merge_request_event, CI_MERGE_REQUEST_IID, and no CI_COMMIT_BRANCH, which GitLab leaves
  unset there) on a feature branch; a push to a branch that has an open merge request; a
  push to a branch that has none; a schedule; a run from the web UI.
- Which jobs a pipeline has: gitlab-ci-local applies `rules` (`--list-json`) but not
  whether `workflow:rules` lets the pipeline exist at all, so the workflow rules are also
  evaluated by gitlab-ci-local's own rule engine, as the rules of a probe job in a copy of
  the file. The expected job set of every kind is asserted exactly, and
  `--validate-dependency-chain` checks that every `needs` is in the same pipeline.
- What runs: the deploy stage of a default-branch and of a merge-request pipeline, for
  real, with the shell executor and shell isolation (each job in its own rsync'ed copy
  of the repository, artifacts passed through gitlab-ci-local's state directory), as
  `--stage deploy`, so that gitlab-ci-local's rule evaluation, not this test, decides
  which jobs run: `pages` on the default branch, `review-site` in the merge request.
  Both build the site with `make build` and publish `public/`. The earlier stages are
  listed but not run: `test` is `make test`, which contains this test, and `downloads`
  prints a 700-page PDF with Chromium (minutes; `make pdf`, the exports' own target).
  Without their artifacts the site builds as it does locally before `make dist`: the
  downloads page says how to make the missing files. The `needs` that make `pages` wait
  for both are covered by the dependency check.
- Dependencies: each job's copy gets `.venv` and `node_modules` as symlink farms onto the
  project's installed ones with fresh install stamps, as a warm CI cache would give, so
  the jobs' `make` targets skip installing (which `make install` itself exercises) and
  build. `.setup` skips apt-get because Chromium, rsync and Python's venv are present.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_project

GCL = ROOT / "node_modules" / ".bin" / "gitlab-ci-local"
TIMINGS: dict[str, float] = {}

MR = {
    "CI_PIPELINE_SOURCE": "merge_request_event",
    "CI_MERGE_REQUEST_IID": "1",
    "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "feature",
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
}

# Every kind of pipeline: (branch checked out, variables set, variables unset, the jobs
# GitLab creates). Add a job to .gitlab-ci.yml, add it here for each kind it runs in.
KINDS = {
    "default-branch": ("main", {}, [], {"lint", "test", "downloads", "pages"}),
    "merge-request": (
        "feature",
        MR,
        ["CI_COMMIT_BRANCH"],
        {"lint", "test", "downloads", "review-site"},
    ),
    "branch-with-open-mr": ("feature", {"CI_OPEN_MERGE_REQUESTS": "group/project!1"}, [], set()),
    "branch-without-mr": ("feature", {}, [], set()),
    "schedule": (
        "main",
        {"CI_PIPELINE_SOURCE": "schedule"},
        [],
        {"test", "freshness", "linkcheck"},
    ),
    "web": ("main", {"CI_PIPELINE_SOURCE": "web"}, [], {"lint", "test", "downloads", "pages"}),
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Pipeline test", "-c", "user.email=pipeline@test.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def symlink_farm(target: Path, source: Path) -> None:
    """A real directory of symlinks onto source's entries, with its own install stamp.

    The stamp is the jobs' own: were `make` to decide to reinstall, `npm ci` would empty
    this directory of links, never the project's node_modules.
    """
    target.mkdir(parents=True)
    for entry in source.iterdir():
        if entry.name != ".installed":
            (target / entry.name).symlink_to(entry)
    (target / ".installed").touch()


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    missing = [tool for tool in ("rsync", "git") if not shutil.which(tool)]
    assert not missing, f"gitlab-ci-local's shell isolation needs {missing}: apt-get install them"
    installed = [ROOT / ".venv", ROOT / "node_modules", ROOT / "examples" / "node_modules", GCL]
    absent = [str(path.relative_to(ROOT)) for path in installed if not path.exists()]
    assert not absent, f"{absent} missing: run `make install` first"
    started = time.monotonic()
    repo = copy_project(tmp_path_factory.mktemp("pipeline") / "project")
    symlink_farm(repo / ".venv", ROOT / ".venv")
    symlink_farm(repo / "node_modules", ROOT / "node_modules")
    symlink_farm(repo / "examples" / "node_modules", ROOT / "examples" / "node_modules")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    # gitlab-ci-local copies tracked files only into each job's directory.
    git(repo, "add", "--force", ".venv", "node_modules", "examples/node_modules")
    git(repo, "commit", "--quiet", "--message=The project as make test sees it")
    git(repo, "remote", "add", "origin", "git@gitlab.com:nodejs-interview/curriculum.git")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(repo, "remote", "set-head", "origin", "main")
    git(repo, "branch", "feature")
    TIMINGS["scratch repository"] = time.monotonic() - started
    return repo


def gitlab_ci_local(
    repo: Path, kind: str, *args: str, file: str | None = None, state: str = "list"
):
    branch, variables, unset, _ = KINDS[kind]
    git(repo, "checkout", "--quiet", branch)
    # Nothing from an outer CI (this suite runs inside GitLab's `test` job) leaks in.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CI", "GITLAB", "GCL_"))}
    env["GCL_IGNORE_PREDEFINED_VARS"] = ",".join([*variables, *unset])
    command = [str(GCL), "--home", str(repo.parent / "home")]
    command += ["--state-dir", f".gitlab-ci-local/{kind}-{state}", "--no-color"]
    if file:
        command += ["--file", file]
    for name, value in variables.items():
        command += ["--variable", f"{name}={value}"]
    for name in unset:
        command += ["--unset-variable", name]
    return subprocess.run(
        [*command, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )


def listed_jobs(result) -> list[dict]:
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout[result.stdout.index("[") :])


def pipeline_exists(repo: Path, kind: str) -> bool:
    """workflow:rules, evaluated by gitlab-ci-local as the rules of a probe job."""
    config = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    probe = {"variables": config.get("variables", {}), "workflow-probe": {"script": ["true"]}}
    probe["workflow-probe"]["rules"] = config["workflow"]["rules"]
    (repo / ".gitlab-ci-local").mkdir(exist_ok=True)
    (repo / ".gitlab-ci-local" / "workflow-probe.yml").write_text(yaml.safe_dump(probe))
    result = gitlab_ci_local(
        repo, kind, "--list-json", "--no-json-schema-validation",
        file=".gitlab-ci-local/workflow-probe.yml",
    )  # fmt: skip
    (job,) = listed_jobs(result)
    return job["when"] != "never"


def planned_jobs(repo: Path, kind: str) -> set[str]:
    if not pipeline_exists(repo, kind):
        return set()
    jobs = listed_jobs(gitlab_ci_local(repo, kind, "--list-json", "--no-json-schema-validation"))
    return {job["name"] for job in jobs if job["when"] != "never"}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_pipeline_has_exactly_its_jobs(repo, kind):
    expected = KINDS[kind][3]
    planned = planned_jobs(repo, kind)
    assert planned == expected, (
        f"a {kind} pipeline would run {sorted(planned)}, expected {sorted(expected)}: if you "
        "changed a job or its rules on purpose, update KINDS in tests/test_pipeline.py"
    )
    if expected:
        check = gitlab_ci_local(repo, kind, "--validate-dependency-chain")
        assert check.returncode == 0, check.stdout + check.stderr


def run_deploy_stage(repo: Path, kind: str) -> dict[str, str]:
    """Run the deploy stage for real; return {job that ran: its log}."""
    started = time.monotonic()
    result = gitlab_ci_local(
        repo, kind, "--stage", "deploy", "--force-shell-executor", "--shell-isolation",
        "--no-artifacts-to-source", state="run",
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{kind} pipeline, deploy stage failed:\n{output[-4000:]}"
    logs = repo / ".gitlab-ci-local" / f"{kind}-run" / "output"
    ran = {
        log.stem: log.read_text(encoding="utf-8", errors="replace") for log in logs.glob("*.log")
    }
    TIMINGS[f"{kind} pipeline"] = time.monotonic() - started
    print(", ".join(f"{name}: {seconds:.0f} s" for name, seconds in TIMINGS.items()))
    return ran


def artifact(repo: Path, kind: str, job: str) -> Path:
    return repo / ".gitlab-ci-local" / f"{kind}-run" / "artifacts" / job


def test_default_branch_pipeline_publishes_the_site(repo):
    ran = run_deploy_stage(repo, "default-branch")
    assert set(ran) == {"pages"}, sorted(ran)
    public = artifact(repo, "default-branch", "pages") / "public"
    assert (public / "index.html").is_file(), f"pages left no public/index.html:\n{ran['pages']}"
    assert (public / "concepts" / "messaging" / "index.html").is_file()
    assert 'data-item-id="messaging.' in (public / "concepts/messaging/index.html").read_text()
    # The job ran the Makefile's strict build, and `.setup` found its tools installed.
    assert "make build" in ran["pages"]
    installing = [line for line in ran["pages"].splitlines() if line.startswith("Installing ")]
    assert not installing, ran["pages"]


def test_merge_request_pipeline_builds_a_review_site_and_publishes_nothing(repo):
    ran = run_deploy_stage(repo, "merge-request")
    assert set(ran) == {"review-site"}, sorted(ran)
    assert "pages" not in ran
    assert not artifact(repo, "merge-request", "pages").exists()
    review = artifact(repo, "merge-request", "review-site") / "public"
    assert (review / "index.html").is_file(), ran["review-site"]
