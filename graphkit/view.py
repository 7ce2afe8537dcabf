"""The contact network as one self-contained, interactive HTML page (vis-network, as bundled by pyvis).

The page works offline and sends no request: vis-network, its style sheet and our script are inlined, and a
Content-Security-Policy forbids loading anything else. All article text travels as JSON in a
``<script type="application/json">`` block and is put into the page with ``textContent`` only, so a name or
sentence containing markup shows as text. This is the only module that touches pyvis; we take its bundled
vis-network but not its templates, which load Bootstrap from CDNs, drop parallel edges and do not escape.

Small graphs are laid out by vis-network's physics, which stops once stabilised; larger ones
(``precompute_above`` actors) get positions computed here with a fixed seed and no physics, so a graph of
thousands of actors opens at once and looks the same every time. Either way an actor keeps its place when
filters hide it and bring it back. Contacts are counted as events: a contact that several articles report is
one event (see :func:`graphkit.network.contact_graph`), drawn once with all its sources.

Example:
    >>> import graphkit.view
    >>> graphkit.view.write_html(extractions, "out/contacts.html")  # doctest: +SKIP
    >>> graphkit.view.show(extractions)  # in a notebook  # doctest: +SKIP
"""

from __future__ import annotations

import html
import importlib.util
import json
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit._gc import gc_paused
from graphkit._io import atomic_writer
from graphkit.errors import GraphkitError
from graphkit.models import ActorType, ContactKind, ContactStatus, Extraction
from graphkit.records import iso_day

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

__all__ = ["KIND_COLORS", "PALETTE", "HtmlView", "export_html", "render_html", "show", "write_html"]

#: The vis-network release pyvis bundles (dual Apache-2.0/MIT; its licence header stays in the inlined file).
_VIS_DIR = "lib/vis-9.1.2"
#: Layout seed: the same graph gives the same picture.
SEED = 7
#: Above this many actors, positions are computed in Python and physics is off.
PRECOMPUTE_ABOVE = 300
#: Node colours by country, most frequent country first; later countries share the "other" colour. Picked
#: greedily for the largest least CIE76 distance (32) between any two, among mid-light saturated colours, so
#: they stand apart from each other, from the grey of "other" and from the white of "no country".
PALETTE = (
    "#5577aa", "#00ff00", "#ff0000", "#8800ff", "#aa9922", "#ee2299", "#00eecc", "#ffaaaa", "#0055dd",
    "#009922", "#447755", "#dd99ff", "#aa4411", "#bbee33", "#ff00ee", "#66ddff", "#ccddaa", "#ff9900",
    "#994466", "#dd0044", "#9933bb", "#886644", "#99ee88", "#ddccff", "#ffbb77", "#00ee66",
)  # fmt: skip
_OTHER_COLOR = "#d0d0d0"
_NO_COUNTRY_COLOR = "#ffffff"
_SHAPES = {ActorType.PERSON: "dot", ActorType.COUNTRY: "square", ActorType.ORGANIZATION: "diamond"}
#: Edge colours by contact kind (the notebook plots use them too, so plot and page agree).
KIND_COLORS = {
    ContactKind.MEETING: "#1f5fa8",
    ContactKind.CALL: "#2e8b3a",
    ContactKind.VISIT: "#d2691e",
    ContactKind.CORRESPONDENCE: "#7b3fa0",
    ContactKind.CONTACT: "#666666",
}
#: Dash patterns (vis-network ``dashes``): planned and proposed contacts are drawn unlike occurred ones.
_STATUS_DASHES: dict[ContactStatus, bool | list[int]] = {
    ContactStatus.OCCURRED: False,
    ContactStatus.PLANNED: [10, 6],
    ContactStatus.PROPOSED: [2, 5],
    ContactStatus.NEGATED: [1, 8],
}
#: The place of the page's data in its template.
_DATA_SLOT = "{{ data_json|safe }}"
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:"
)


@dataclass(frozen=True)
class HtmlView:
    """A rendered page; notebooks display it inline through :meth:`_repr_html_`.

    Attributes:
        html: the whole self-contained page.
        height: the height of the notebook frame, in CSS pixels.
    """

    html: str
    height: int = 600

    def __repr__(self) -> str:
        # The page is about a megabyte; a notebook keeps this text beside the HTML output, so keep it short.
        return f"HtmlView({len(self.html):,} characters, height={self.height})"

    def _repr_html_(self) -> str:
        # srcdoc, not a file path or localhost URL: JupyterLab, Notebook and VS Code all render it, and the
        # sandbox keeps the page's script away from the notebook's own document.
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts allow-popups" '
            f'style="width:100%;height:{self.height}px;border:0" title="graphkit contacts"></iframe>'
        )


def render_html(
    source: Any,
    *,
    title: str = "Diplomatic contacts",
    seed: int = SEED,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> str:
    """The interactive page for a contact graph, as a string.

    Args:
        source: a :func:`graphkit.network.contact_graph` (or a filtered view of one), or what that function
            accepts (extractions, an RDF graph).
        title: the page title and heading.
        seed: layout seed.
        precompute_above: from this many actors on, positions are computed here and physics is off.
    """
    graph = _contact_graph(source)
    # the page's data are freed before the collector resumes, or its first pass would walk all of them
    with gc_paused():
        data_json = _page_json(graph, title=title, seed=seed, precompute_above=precompute_above)
    context = {
        "title": title,
        "csp": _CSP,
        "vis_css": asset("vis-network.css"),
        "vis_js": asset("vis-network.min.js"),
        "view_css": _static("view.css"),
        "view_js": _static("view.js"),
    }
    before, after = (part.render(context) for part in _template())
    # The data go in after templating: through jinja, their megabytes would be copied twice more (marked
    # safe, then joined).
    return "".join((before, data_json, after))


def write_html(source: Any, path: str | Path, **options: Any) -> Path:
    """Write the page of :func:`render_html` to ``path`` (atomically; folders are created).

    Args:
        source: as for :func:`render_html`.
        path: the ``.html`` file.
        **options: passed to :func:`render_html`.

    Returns:
        The path written.
    """
    path = Path(path)
    page = render_html(source, **options)
    with atomic_writer(path) as handle:
        handle.write(page)
    return path


def show(source: Any, *, height: int = 600, **options: Any) -> HtmlView:
    """The page for display in a notebook cell (JupyterLab, Jupyter Notebook, VS Code).

    Args:
        source: as for :func:`render_html`.
        height: frame height in pixels.
        **options: passed to :func:`render_html`.
    """
    return HtmlView(render_html(source, **options), height=height)


# -- the data the page reads -----------------------------------------------------------------------


def _contact_graph(source: Any) -> nx.MultiGraph:
    from graphkit.network import contact_graph

    if hasattr(source, "is_multigraph") and source.is_multigraph():
        return source
    return contact_graph(source)


Edges = Sequence[tuple[Hashable, Hashable, Hashable, Mapping[str, Any]]]


def _page_json(graph: nx.MultiGraph, *, title: str, seed: int, precompute_above: int) -> str:
    """The page's data as the text of its JSON script element; the data themselves are dropped on return."""
    # Read once: a filtered view runs its filters again on every pass over its edges. Through iter(), as
    # list() first asks the edge view for its length, which is one more pass over every edge.
    edges = list(iter(graph.edges(keys=True, data=True)))
    positions = _layout(list(graph), edges, seed) if graph.number_of_nodes() >= precompute_above else None
    return _script_json(_payload(graph, edges, title=title, positions=positions, seed=seed))


def _payload(
    graph: nx.MultiGraph,
    edges: Edges,
    *,
    title: str,
    positions: Mapping[Hashable, tuple[float, float]] | None,
    seed: int,
) -> dict[str, Any]:
    colors = _country_colors(graph)
    ids = {node: str(node) for node in graph}
    attrs = dict(graph.nodes(data=True))
    return {
        "title": title,
        "seed": seed,
        "physics": positions is None,
        "nodes": [_node(attrs[n], ids[n], colors, positions[n] if positions else None) for n in graph],
        "edges": _edges(edges, ids, graph.graph.get("articles", {})),
        "countries": [{"code": c, **v} for c, v in colors.items()],
        "shapes": [{"type": t.value, "shape": s} for t, s in _SHAPES.items()],
        "kinds": [{"value": k.value, "color": c} for k, c in KIND_COLORS.items()],
        "statuses": [{"value": s.value, "dashes": d} for s, d in _STATUS_DASHES.items()],
    }


def _node(
    attrs: Mapping[str, Any],
    node_id: str,
    colors: Mapping[str | None, Mapping[str, Any]],
    position: tuple[float, float] | None,
) -> dict[str, Any]:
    """An actor as the page reads it; its contacts and counterparts the page counts from the edges."""
    country = attrs.get("country")
    item = {
        "id": node_id,
        "label": str(attrs.get("name", node_id)),
        "type": attrs.get("type", ActorType.COUNTRY.value),
        "country": country,
        "countryName": colors[country]["name"] if country in colors else None,
        "color": colors.get(country, {}).get("color", _OTHER_COLOR),
        "offices": list(attrs.get("offices", ())),
        "aliases": list(attrs.get("aliases", ())),
    }
    if position is not None:
        item["x"], item["y"] = position
    return item


def _edges(
    edges: Edges, ids: Mapping[Hashable, str], articles: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    # Ten thousand contacts and more: what repeats (an article's source entry, the sources of an event, a
    # day) is built once.
    sources = _Memo(lambda article: _source(article, articles.get(article, {})))
    source_lists = _Memo(lambda found: [sources[article] for article in found])
    days = _Memo(iso_day)
    parallel: dict[tuple[str, str], int] = {}
    items = []
    for n, (u, v, event, data) in enumerate(edges):
        a, b = ids[u], ids[v]
        pair = (a, b) if a <= b else (b, a)
        drawn = parallel.get(pair, 0)
        parallel[pair] = drawn + 1
        get = data.get
        items.append(
            {
                "id": f"e{n}",
                "from": a,
                "to": b,
                # one event of three actors is three edges; the page counts events, not edges
                "event": str(event),
                "kind": get("kind"),
                "status": get("status"),
                "start": days[get("start")],
                "end": days[get("end")],
                "granularity": get("granularity"),
                "expression": get("expression"),
                "location": get("location"),
                "level": get("level"),
                "evidence": get("evidence"),
                "directed": bool(get("initiator")),
                "sources": source_lists[tuple(get("sources", ()))],
                # The n-th contact of one pair is drawn on the n-th curve, so parallel contacts stay apart.
                "parallel": drawn,
            }
        )
    return items


class _Memo(dict[Hashable, Any]):
    """Values made by ``make`` from their key, each the first time it is asked for."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Hashable) -> Any:
        value = self[key] = self.make(key)
        return value


def _source(article_id: str, article: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": article_id,
        "title": article.get("title"),
        "url": article.get("url"),
        "published": iso_day(article.get("published")),
    }


def _country_colors(graph: nx.MultiGraph) -> dict[str | None, dict[str, Any]]:
    """Legend entries by country code, most actors first: name, colour and number of actors."""
    from graphkit.network import country_name

    counts = Counter(graph.nodes[n].get("country") for n in graph)
    ranked = sorted(counts.items(), key=lambda item: (item[0] is None, -item[1], item[0] or ""))
    legend: dict[str | None, dict[str, Any]] = {}
    for rank, (code, count) in enumerate(ranked):
        if code is None:
            legend[None] = {"name": "no country", "color": _NO_COUNTRY_COLOR, "actors": count}
        else:
            color = PALETTE[rank] if rank < len(PALETTE) else _OTHER_COLOR
            legend[code] = {"name": country_name(code), "color": color, "actors": count}
    return legend


def _script_json(payload: Mapping[str, Any]) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment, whatever the articles say."""
    # the payload is ours and acyclic: no need to track the containers being written
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    for char, escaped in _SCRIPT_ESCAPES:
        if char in text:  # a search is several times faster than a replace that finds nothing
            text = text.replace(char, escaped)
    return text


#: Outside strings JSON has none of these characters; inside, their escapes mean the same to the parser.
_SCRIPT_ESCAPES = (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"))


# -- layout ----------------------------------------------------------------------------------------


def _layout(
    nodes: Sequence[Hashable], edges: Edges, seed: int, iterations: int = 30
) -> dict[Hashable, tuple[float, float]]:
    """Force-directed positions (Fruchterman-Reingold forces) in vis-network pixels, in O(n log n) a step.

    Repulsion between all actors is computed on a grid by FFT convolution (a particle-mesh scheme) rather
    than pair by pair, so a step costs the same few milliseconds for 200 or 20,000 actors; attraction runs
    along contacts, and a weak pull to the centre keeps separate components on screen. Deterministic for a
    given seed.
    """
    import numpy as np

    if not nodes:
        return {}
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    first = np.fromiter((index[e[0]] for e in edges), dtype=np.int64, count=len(edges))
    second = np.fromiter((index[e[1]] for e in edges), dtype=np.int64, count=len(edges))
    low, high = np.minimum(first, second), np.maximum(first, second)
    # each pair pulls once, however many contacts it has (a pair coded as one number, for a fast unique)
    pairs = np.divmod(np.unique((low * n + high)[low != high]), n)
    # x and y as two rows, not n rows of two: numpy sums and scans along a row far faster (same arithmetic)
    pos = (np.random.default_rng(seed).random((n, 2)) - 0.5).T.copy()
    k = 1 / np.sqrt(n)
    mesh = _mesh(_MESH_CELLS)
    for step in range(iterations):
        temperature = 0.1 * (1 - step / iterations)
        pos = _layout_step(pos, pairs, k, temperature, mesh)
    pos -= ((pos.max(axis=1) + pos.min(axis=1)) / 2)[:, None]
    pos *= 60 * np.sqrt(n) / max(float(np.abs(pos).max()) * 2, 1e-9)  # ~60 px a node, any size
    xs, ys = np.round(pos, 1).tolist()
    return {node: (x, y) for node, x, y in zip(nodes, xs, ys, strict=True)}


#: Cells along each side of the repulsion grid: about one actor a cell for 2,000 actors, coarse enough that
#: the three FFTs of a step take about a millisecond.
_MESH_CELLS = 48


@cache
def _mesh(cells: int) -> _Mesh:
    return _Mesh(cells)


class _Mesh:
    """The repulsion kernel ``r / |r|^2`` on a ``2c x 2c`` lattice, transformed once for every step."""

    def __init__(self, cells: int) -> None:
        import numpy as np

        self.cells = cells
        offsets = np.arange(2 * cells)
        offsets = np.where(offsets < cells, offsets, offsets - 2 * cells)  # wrapped: negative offsets last
        dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
        square = (dx * dx + dy * dy).astype(float)
        square[0, 0] = 1.0  # an actor does not push itself (dx = dy = 0)
        self.kernel = np.fft.rfft2(np.stack([dx / square, dy / square]))  # x and y, transformed together

    def repulsion(self, pos: np.ndarray, k: float) -> np.ndarray:
        """The sum over all other actors of ``k^2 (p_i - p_j) / |p_i - p_j|^2``, actors binned into cells.

        ``pos`` and the result are ``2 x n``: a row of x, a row of y.
        """
        import numpy as np

        c = self.cells
        low = pos.min(axis=1)
        step = max(float((pos.max(axis=1) - low).max()) / (c - 1), 1e-9)
        cell = np.minimum(np.rint((pos - low[:, None]) / step).astype(np.int64), c - 1)
        flat = cell[0] * (2 * c) + cell[1]
        mass = np.fft.rfft2(np.bincount(flat, minlength=4 * c * c).reshape(2 * c, 2 * c))
        field = np.fft.irfft2(mass * self.kernel, s=(2 * c, 2 * c)).reshape(2, -1)
        result: np.ndarray = np.take(field, flat, axis=1) * (k * k / step)
        return result


def _layout_step(
    pos: np.ndarray, pairs: tuple[np.ndarray, np.ndarray], k: float, temperature: float, mesh: _Mesh
) -> np.ndarray:
    import numpy as np

    n = pos.shape[1]
    disp = mesh.repulsion(pos, k)
    low, high = pairs
    if len(low):
        # np.take: several times faster than pos[:, low]
        d = np.take(pos, low, axis=1) - np.take(pos, high, axis=1)
        pull = d * np.sqrt(d[0] * d[0] + d[1] * d[1]) / k  # attraction along contacts
        for axis in (0, 1):
            disp[axis] += np.bincount(high, pull[axis], n) - np.bincount(low, pull[axis], n)
    disp -= pos * (n * k)  # gravity
    length = np.maximum(np.sqrt(disp[0] * disp[0] + disp[1] * disp[1]), 1e-9)
    result: np.ndarray = pos + disp / length * np.minimum(length, temperature)
    return result


# -- assets ----------------------------------------------------------------------------------------


@cache
def asset(name: str) -> str:
    """A file of pyvis's bundled vis-network, found without importing pyvis (which imports IPython)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise GraphkitError("the HTML view needs the pyvis package: pip install pyvis")
    path = Path(next(iter(spec.submodule_search_locations))) / _VIS_DIR / name
    return _inline_safe(path.read_text(encoding="utf-8"), path)


@cache
def _static(name: str) -> str:
    path = Path(__file__).parent / "_static" / name
    return _inline_safe(path.read_text(encoding="utf-8"), path)


def _inline_safe(text: str, path: Path) -> str:
    # Inside <script> or <style>, these sequences would end the element early or change how it is parsed.
    for bad in ("</script", "</style", "<!--"):
        if bad in text.lower():
            raise GraphkitError(f"{path} contains {bad!r} and cannot be inlined into the page")
    return text


@cache
def _template() -> tuple[Any, Any]:
    """The page's template, as the part before its data and the part after."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    path = Path(__file__).parent / "_static" / "view.html"
    parts = path.read_text(encoding="utf-8").split(_DATA_SLOT)
    if len(parts) != 2:
        raise GraphkitError(f"{path} must hold {_DATA_SLOT} exactly once")
    return env.from_string(parts[0]), env.from_string(parts[1])


def export_html(extractions: Sequence[Extraction], path: Path) -> None:
    """The ``.html`` exporter (``graphkit export --out FILE.html``): the view of every contact."""
    write_html(extractions, path)
