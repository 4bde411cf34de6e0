"""The shape of the code: which app may import which, and where imports sit.

Apps are layered; each may import only the layers below it, so the project shell (cms)
imports no app and nothing runs in circles. A new cycle fails here, not in production.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first. tourism and pages share nothing but cms; pages shows places (events at a
# venue, teasers on the home page), so it sits above tourism.
LAYERS = [
    "cms",
    "media",
    "tourism",
    "pages",
    "translations",
    "search",
    "partners",
    "api",
    "widgets",
    "demo",
]

# First-party imports inside functions, each with its reason. Everything else belongs at the
# top of its module, where a reader sees what the module depends on.
DEFERRED_IMPORTS = {
    # AppConfig.ready(): signal handlers, database hooks and model patches load once the
    # registry is ready.
    ("cms/apps.py", "cms.routing"),
    ("cms/apps.py", "cms.route_cache"),
    ("cms/apps.py", "cms.view_restrictions"),
    ("cms/apps.py", "cms"),
    ("tourism/apps.py", "tourism"),
    ("translations/apps.py", "translations"),
    ("search/apps.py", "search.database_index"),
    ("search/apps.py", "search.signal_handlers"),
    # The Elasticsearch client is only loaded when ELASTICSEARCH_URL asks for it.
    ("search/api.py", "search.backends.elasticsearch"),
    # Points of interest and routes refer to each other (a route's stops are places).
    ("tourism/models/points_of_interest.py", "tourism.models.routes"),
}


def parse(path):
    """The module's syntax tree.

    Python 3.11.7 keeps the parser's recursion depth per interpreter, not per thread: a
    test server's thread printing a traceback (which parses the failing line) at the same
    moment makes `ast.parse` fail ("AST constructor recursion depth mismatch"). Once more
    is enough.
    """
    source = path.read_text()
    try:
        return ast.parse(source)
    except SystemError:
        return ast.parse(source)


def python_modules():
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            if "migrations" not in path.parts:
                yield layer, path


def first_party_imports(tree):
    """(node, imported module) for every absolute import of one of our apps."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        else:
            continue
        for name in names:
            if name.split(".")[0] in LAYERS:
                yield node, name


def test_every_app_is_in_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"api"}
    assert apps <= set(LAYERS), f"add {apps - set(LAYERS)} to LAYERS in {__file__}"


@pytest.mark.parametrize("layer", LAYERS)
def test_an_app_imports_only_the_layers_below_it(layer):
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    wrong = [
        f"{path.relative_to(ROOT)}:{node.lineno} imports {name}"
        for owner, path in python_modules()
        if owner == layer
        for node, name in first_party_imports(parse(path))
        if name.split(".")[0] not in allowed
    ]
    assert not wrong, "imports against the layers " + " < ".join(LAYERS) + ":\n" + "\n".join(wrong)


def test_first_party_imports_sit_at_the_top_of_their_module():
    deferred = []
    for _layer, path in python_modules():
        tree = parse(path)
        relative = path.relative_to(ROOT).as_posix()
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node, name in first_party_imports(function):
                if (relative, name) not in DEFERRED_IMPORTS:
                    deferred.append(f"{relative}:{node.lineno} imports {name} in {function.name}()")
    assert not deferred, "move these imports to the top of the module:\n" + "\n".join(deferred)
