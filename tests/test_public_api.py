"""The public surface: every exported name imports, is documented, and its docstring has an example."""

from __future__ import annotations

import inspect

import pytest

import newsclean as nc


@pytest.mark.parametrize("name", [n for n in nc.__all__ if n != "__version__"])
def test_exported_name_is_documented_with_an_example(name: str) -> None:
    obj = getattr(nc, name)
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    assert ">>>" in doc, f"{name}'s docstring has no example"


def test_all_is_complete_and_sorted() -> None:
    public = {n for n in dir(nc) if not n.startswith("_")}
    modules = {n for n in public if inspect.ismodule(getattr(nc, n))}
    assert set(nc.__all__) - {"__version__"} == public - modules - {"annotations", "logging"}
    assert list(nc.__all__) == sorted(nc.__all__)


def test_version_is_a_string() -> None:
    assert isinstance(nc.__version__, str)
    assert nc.__version__.count(".") == 2


def test_py_typed_ships() -> None:
    from importlib.resources import files

    assert files("newsclean").joinpath("py.typed").is_file()


@pytest.mark.parametrize(
    ("call", "fname", "arg"),
    [
        (lambda: nc.normalize(b"x"), "normalize", "text"),
        (lambda: nc.normalize_and_explain(None), "normalize_and_explain", "text"),
        (lambda: nc.split_sentences(b"x"), "split_sentences", "text"),
        (lambda: nc.sentence_spans(1), "sentence_spans", "text"),
        (lambda: nc.strip_boilerplate(b"x"), "strip_boilerplate", "text"),
        (lambda: nc.strip_boilerplate("x", title=3), "strip_boilerplate", "title"),
        (lambda: nc.strip_boilerplate_and_explain(["x"]), "strip_boilerplate_and_explain", "text"),
    ],
)
def test_wrong_types_raise_type_error_naming_function_and_argument(call, fname, arg) -> None:
    with pytest.raises(TypeError, match=rf"{fname}\(\) argument '{arg}' must be") as info:
        call()
    assert isinstance(info.value, nc.InputTypeError)


def test_bytes_get_a_decode_hint() -> None:
    with pytest.raises(nc.InputTypeError, match=r"decode it first"):
        nc.normalize("नमस्ते".encode())


def test_dedupe_names_the_bad_item() -> None:
    with pytest.raises(TypeError, match=r"dedupe\(\).*item 1"):
        nc.dedupe(["क ख ग", None])  # type: ignore[list-item]
