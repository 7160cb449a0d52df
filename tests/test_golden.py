"""Golden tests: every fixtures/<slug>/ folder, one assertion per output field.

The folders are found by listing fixtures/ (so a new folder is a new test case), and each case
runs through scripts/regen_fixtures.py, the same code that wrote its expectations. When a change
to extraction is meant, regenerate with `python scripts/regen_fixtures.py [SLUG…]` and review the
`git diff` of fixtures/.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from functools import cache
from importlib import resources

import pytest

from copydesk.model import FIELD_ORDER
from conftest import FIXTURES, ROOT


def _load_regen():
    spec = importlib.util.spec_from_file_location("regen_fixtures", ROOT / "scripts" / "regen_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


regen = _load_regen()
SLUGS = regen.slugs(FIXTURES)
FIELDS = (*FIELD_ORDER, "markdown")
SCHEMA = json.loads(resources.files("copydesk").joinpath("schema/article.schema.json").read_text())


@cache
def actual(slug: str) -> dict:
    """The fields as extracted now, plus the whole Markdown rendering."""
    md, js = regen.render(regen.run(regen.load(slug, FIXTURES)))
    return {**json.loads(js), "markdown": md}


@cache
def expected(slug: str) -> dict:
    folder = FIXTURES / slug
    missing = [n for n in ("expected.json", "expected.md") if not (folder / n).exists()]
    if missing:
        pytest.fail(f"{slug}: no {', '.join(missing)}; run scripts/regen_fixtures.py {slug}")
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return {**data, "markdown": (folder / "expected.md").read_text(encoding="utf-8")}


def test_there_are_enough_fixtures() -> None:
    assert len(SLUGS) >= 12


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("slug", SLUGS)
def test_field(slug: str, field: str) -> None:
    want = expected(slug)
    assert field in want, f"{slug}: expected.json has no {field!r}; regenerate it"
    assert actual(slug)[field] == want[field]


@pytest.mark.parametrize("slug", SLUGS)
def test_expected_json_matches_schema(slug: str) -> None:
    data = {k: v for k, v in expected(slug).items() if k != "markdown"}
    errors = list(validate(data, SCHEMA))
    assert not errors, errors


@pytest.mark.parametrize("slug", SLUGS)
def test_source_is_relative(slug: str) -> None:
    source = expected(slug)["source"]
    assert source.startswith(f"{slug}/page.") and not source.startswith("/")


def test_schema_lists_every_field_in_order() -> None:
    assert tuple(SCHEMA["required"]) == FIELD_ORDER
    assert tuple(SCHEMA["properties"]) == FIELD_ORDER


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema = pytest.importorskip("jsonschema")  # optional: our own checker runs regardless
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_validator_catches_what_the_schema_forbids() -> None:
    good = {k: v for k, v in actual(SLUGS[0]).items() if k != "markdown"}
    assert not list(validate(good, SCHEMA))
    bad = {**good, "published": "29/09/2021", "authors": "Jane Doe", "extra": 1}
    del bad["body"]
    problems = " ".join(validate(bad, SCHEMA))
    for word in ("published", "authors", "extra", "body"):
        assert word in problems


# A checker for the subset of JSON Schema that article.schema.json uses, so the test needs no
# dependency beyond pytest: type, properties, required, additionalProperties, items, pattern,
# minimum, propertyNames/enum and local $ref.
_TYPES = {"string": str, "integer": int, "array": list, "object": dict, "null": type(None)}


def validate(value, schema: dict, where: str = "$", root: dict | None = None):
    root = root or schema
    if "$ref" in schema:
        schema = {**_resolve(root, schema["$ref"]), **{k: v for k, v in schema.items() if k != "$ref"}}
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_is(value, n) for n in names):
            yield f"{where}: {value!r} is not {' or '.join(names)}"
            return
    if "enum" in schema and value not in schema["enum"]:
        yield f"{where}: {value!r} not one of the allowed values"
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        yield f"{where}: {value!r} does not match {schema['pattern']}"
    if isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
        yield f"{where}: {value} < {schema['minimum']}"
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            yield from validate(item, schema["items"], f"{where}[{i}]", root)
    if isinstance(value, dict):
        yield from _validate_object(value, schema, where, root)


def _validate_object(value: dict, schema: dict, where: str, root: dict):
    for name in schema.get("required", ()):
        if name not in value:
            yield f"{where}: {name!r} is missing"
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if "propertyNames" in schema:
            yield from validate(name, schema["propertyNames"], f"{where} key", root)
        if name in props:
            yield from validate(item, props[name], f"{where}.{name}", root)
        elif extra is False:
            yield f"{where}: {name!r} is not allowed"
        elif isinstance(extra, dict):
            yield from validate(item, extra, f"{where}.{name}", root)


def _is(value, type_name: str) -> bool:
    if type_name == "integer" and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[type_name])


def _resolve(root: dict, ref: str) -> dict:
    node = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node
