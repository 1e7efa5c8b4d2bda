"""Configuration shown on pages is real configuration: each file passes a real validator, offline.

A file that fails shows the validator's own message in the test failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
EXAMPLES = ROOT / "examples"
K8S_VERSION = "1.34.0"


def files(*patterns: str) -> list[Path]:
    found = {
        p for pattern in patterns for p in EXAMPLES.rglob(pattern) if "node_modules" not in p.parts
    }
    return sorted(found)


def ids(path: Path) -> str:
    return str(path.relative_to(ROOT))


def run(*args: str) -> None:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}{result.stderr}"


def test_the_project_pipeline_is_valid_gitlab_ci():
    run(BIN / "check-jsonschema", "--builtin-schema", "vendor.gitlab-ci", ROOT / ".gitlab-ci.yml")


@pytest.mark.parametrize("path", files("*.gitlab-ci.yml"), ids=ids)
def test_gitlab_ci_examples(path):
    run(BIN / "check-jsonschema", "--builtin-schema", "vendor.gitlab-ci", path)


@pytest.mark.parametrize("path", files("*.github-workflow.yml"), ids=ids)
def test_github_actions_examples(path):
    run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", path)


@pytest.mark.parametrize(
    "path", files("compose.yaml", "compose.*.yaml", "docker-compose*.yml"), ids=ids
)
def test_compose_files_follow_the_compose_specification(path):
    run(BIN / "check-jsonschema", "--builtin-schema", "vendor.compose-spec", path)


@pytest.mark.parametrize(
    "path",
    sorted((EXAMPLES / "kubernetes").rglob("*.yaml")) if (EXAMPLES / "kubernetes").is_dir() else [],
    ids=ids,
)
def test_kubernetes_manifests_validate_against_the_api_schemas(path):
    run(BIN / "kubernetes-validate", "--strict", "--quiet", "-k", K8S_VERSION, path)


@pytest.mark.parametrize("path", files("Dockerfile", "*.Dockerfile"), ids=ids)
def test_dockerfiles_pass_hadolint(path):
    run(BIN / "hadolint", "--no-color", path)


def promql_errors(expressions: list[dict]) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["node", str(ROOT / "tests" / "promql-check.mjs")],
        input=json.dumps(expressions),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.parametrize("path", files("*.rules.yml", "*.rules.yaml"), ids=ids)
def test_prometheus_rule_files(path):
    """Structure against the rule-file schema, then every expr through the PromQL grammar."""
    import yaml

    run(
        BIN / "check-jsonschema",
        "--schemafile",
        ROOT / "tests" / "schemas" / "prometheus-rules.schema.json",
        path,
    )
    groups = yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]
    expressions = [
        {
            "where": f"{ids(path)}: {g['name']}/{r.get('alert') or r.get('record')}",
            "expr": str(r["expr"]),
        }
        for g in groups
        for r in g["rules"]
    ]
    result = promql_errors(expressions)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_promql_check_rejects_bad_syntax():
    result = promql_errors(
        [
            {"where": "bad", "expr": "sum(rate(http_requests_total[5m]) by (job)"},
            {"where": "good", "expr": "sum by (job) (rate(x[5m]))"},
        ]
    )
    assert result.returncode == 1 and result.stdout.startswith("bad: PromQL syntax error"), (
        result.stdout + result.stderr
    )


@pytest.mark.parametrize("path", files("*.tf"), ids=ids)
def test_terraform_files_parse(path):
    import hcl2

    with path.open(encoding="utf-8") as handle:
        hcl2.load(handle)


def test_the_validators_reject_bad_input(tmp_path):
    """Guard against a validator that passes everything."""
    bad_compose = tmp_path / "compose.yaml"
    bad_compose.write_text(
        "services:\n  api:\n    image: node\n    depends_on: {db: {condition: sometimes}}\n"
    )
    bad_k8s = tmp_path / "deploy.yaml"
    bad_k8s.write_text(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: two}\n"
    )
    bad_docker = tmp_path / "Dockerfile"
    bad_docker.write_text("FROM node:latest\nRUN apt-get install curl\n")
    for args in (
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.compose-spec", bad_compose],
        [BIN / "kubernetes-validate", "--strict", "--quiet", "-k", K8S_VERSION, bad_k8s],
        [BIN / "hadolint", "--no-color", bad_docker],
    ):
        assert subprocess.run([str(a) for a in args], capture_output=True).returncode != 0, args


class _AnyTagLoader(__import__("yaml").SafeLoader):
    """Safe YAML that accepts application tags such as CloudFormation's !Ref and !GetAtt."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@pytest.mark.parametrize("path", files("*.yml", "*.yaml"), ids=ids)
def test_every_yaml_example_parses(path):
    """Files without a dedicated validator here (collector and scrape configs, CloudFormation)
    must at least be well-formed YAML."""
    import yaml

    with path.open(encoding="utf-8") as handle:
        documents = list(yaml.load_all(handle, Loader=_AnyTagLoader))
    assert any(doc is not None for doc in documents), f"{path} is empty"
