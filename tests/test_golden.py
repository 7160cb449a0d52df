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
    path = ROOT / "scripts" / "regen_fixtures.py"
    spec = importlib.util.spec_from_file_location("regen_fixtures", path)
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
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**_resolve(root, schema["$ref"]), **rest}
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


# What the republished article's boilerplate is: regenerating must never bless it into the body.
REPUBLISHED_BOILERPLATE = (
    "Spread the love", "Leave a Reply", "bloggers like this", "Source link", "Copyright ©2021",
    "Write to Jared Malsin", "(Published 10/23/19)", "Getty Images", "Required fields",
)


@pytest.mark.parametrize("slug", ["republished-article", "republished-article-text"])
def test_republished_boilerplate_stays_out(slug: str) -> None:
    body = actual(slug)["body"]
    assert "Erdogan met with Russian President" in body
    assert [s for s in REPUBLISHED_BOILERPLATE if s in body] == []


# -- the regeneration script -----------------------------------------------------------------
def _folder(tmp_path, name: str = "page.txt", toml: str | None = None):
    folder = tmp_path / "case-one"
    folder.mkdir()
    (folder / name).write_text("A Headline\n\n" + "Some words of the article body. " * 12)
    if toml is not None:
        (folder / "case.toml").write_text(toml)
    return folder


def test_regenerate_writes_both_files_then_reports_unchanged(tmp_path) -> None:
    folder = _folder(tmp_path)
    assert regen.slugs(tmp_path) == ["case-one"]
    assert regen.regenerate("case-one", tmp_path) == ["expected.md", "expected.json"]
    assert regen.regenerate("case-one", tmp_path) == []
    assert json.loads((folder / "expected.json").read_text())["source"] == "case-one/page.txt"


def test_case_options_reach_extract(tmp_path) -> None:
    _folder(tmp_path, toml='url = "ignored"\n[options]\nurl = "https://x.example/a"\n'
                           'keep = ["share_widgets"]\ninput_format = "text"\n')
    case = regen.load("case-one", tmp_path)
    assert case.options.url == "https://x.example/a"
    assert case.options.keep == frozenset({"share_widgets"})
    assert regen.run(case).url == "https://x.example/a"


def test_unknown_option_is_an_error(tmp_path) -> None:
    _folder(tmp_path, toml="[options]\nkeep_datline = true\n")
    with pytest.raises(ValueError, match="keep_datline"):
        regen.load("case-one", tmp_path)


def test_two_inputs_in_one_folder_are_an_error(tmp_path) -> None:
    folder = _folder(tmp_path)
    (folder / "page.html").write_text("<p>x</p>")
    with pytest.raises(ValueError, match="more than one input"):
        regen.slugs(tmp_path)


def test_folders_without_input_are_not_cases(tmp_path) -> None:
    (tmp_path / "notes").mkdir()
    assert regen.slugs(tmp_path) == []
