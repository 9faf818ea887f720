"""The kit's colours, defined once: one colour-blind-safe palette and readable label text.

Every highlight layer takes a colour from the Okabe-Ito palette (Okabe and Ito 2008), the
eight colours chosen to stay distinct under the common colour-vision deficiencies. Nine
layers and many entity types would need more colours than can be told apart, so layers are
*grouped*: hedges and boosters (how sure the writer sounds) share orange, loaded words and
metaphors (word choice) share vermillion, every entity type shares sky blue. Within a group
a highlight is told apart by its label text and by the pattern of its bar (solid, dashed,
dotted; ``pattern_of``). Seven colours and a pale grey in all. Colour is never the only
signal: every highlight also carries a visible label and a tooltip.

Reference: Masataka Okabe and Kei Ito, "Color Universal Design" (2008).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

#: The Okabe-Ito palette (its eight colours, plus its grey).
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}

#: One colour per highlight layer (see ``rhetoric.present.layers.LAYERS``); grouped layers
#: share a colour and differ by pattern and label.
LAYER_COLORS = {
    "entities": OKABE_ITO["sky_blue"],
    "quotes": OKABE_ITO["yellow"],
    "reporting_verb": OKABE_ITO["blue"],
    "hedge": OKABE_ITO["orange"],
    "booster": OKABE_ITO["orange"],
    "loaded": OKABE_ITO["vermillion"],
    "metaphor": OKABE_ITO["vermillion"],
    "agency": OKABE_ITO["bluish_green"],
    "author_voice": OKABE_ITO["reddish_purple"],
}

#: The groups of layers that share a colour, with a name for the legend.
LAYER_GROUPS = {
    "hedge": "certainty",
    "booster": "certainty",
    "loaded": "word choice",
    "metaphor": "word choice",
}

#: Entity types: all sky blue (the label says the type); kept as a mapping for callers.
ENTITY_COLORS = {label: OKABE_ITO["sky_blue"] for label in ("PERSON", "GPE", "LOC", "FAC", "ORG", "NORP")}

#: The bar pattern that tells apart highlights sharing a colour ("" = solid).
PATTERNS = {
    ("quotes", "indirect"): "dash",
    ("hedge", "hedge"): "dash",
    ("metaphor", "metaphor"): "dash",
    ("agency", "agentless_passive"): "dash",
    ("agency", "hidden_agent_nominal"): "dot",
    ("entities", "GPE"): "dash",
    ("entities", "LOC"): "dash",
    ("entities", "FAC"): "dash",
    ("entities", "ORG"): "dot",
    ("entities", "NORP"): "dot",
}

#: The seed's sides (``data/actors.json``), for charts and side filters; other sides: ``side_color``.
SIDE_COLORS = {
    "US": OKABE_ITO["blue"],
    "Russia": OKABE_ITO["vermillion"],
    "Ukraine": OKABE_ITO["orange"],
    "Europe": OKABE_ITO["bluish_green"],
    "other": OKABE_ITO["reddish_purple"],
    "unknown": OKABE_ITO["grey"],
}

#: Anything without a colour of its own.
DEFAULT_COLOR = "#DDDDDD"


def _luminance(hex_color: str) -> float:
    """Relative luminance (WCAG 2) of a ``#RRGGBB`` colour."""
    h = hex_color.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#RRGGBB`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@lru_cache(maxsize=256)
def text_color(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "#000000" if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#FFFFFF") else "#FFFFFF"


def layer_color(layer: str) -> str:
    """The colour of a highlight layer."""
    return LAYER_COLORS.get(layer, DEFAULT_COLOR)


def entity_color(label: str) -> str:
    """The colour of an entity type (grey for dates, numbers and other types)."""
    return ENTITY_COLORS.get(label, DEFAULT_COLOR)


#: Colours for sides a learner names, in order, after the named ones above.
_MORE_SIDE_COLORS = (OKABE_ITO["sky_blue"], OKABE_ITO["yellow"], OKABE_ITO["black"])


def side_color(side: str, sides: Sequence[str] = ()) -> str:
    """The colour of an actor's side. A side without a colour of its own (a learner's "Council")
    takes the next free Okabe-Ito colour by its place in ``sides``, the article's side list."""
    if side in SIDE_COLORS:
        return SIDE_COLORS[side]
    own = [s for s in sides if s not in SIDE_COLORS]
    if side in own:
        return _MORE_SIDE_COLORS[own.index(side) % len(_MORE_SIDE_COLORS)]
    return SIDE_COLORS["unknown"]


def pattern_of(layer: str, key: str = "") -> str:
    """The bar pattern of a highlight: ``""`` (solid), ``"dash"`` or ``"dot"``."""
    return PATTERNS.get((layer, key or layer), "")


def color_class(layer: str, key: str = "") -> str:
    """The CSS classes that colour a highlight (and pattern its bar; see ``pattern_of``)."""
    if layer == "entities":
        base = "rl-c-entities" if key in ENTITY_COLORS else "rl-c-other"
    else:
        base = f"rl-c-{layer}" if layer in LAYER_COLORS else "rl-c-other"
    pattern = pattern_of(layer, key)
    return f"{base} rl-p-{pattern}" if pattern else base


def distinct_colors() -> set[str]:
    """Every colour a highlight can take (for tests and the palette's promise)."""
    return set(LAYER_COLORS.values()) | set(ENTITY_COLORS.values()) | {DEFAULT_COLOR}


def color_css() -> str:
    """CSS rules for every ``color_class``: background, a readable text colour, bar patterns."""
    rules = [(f"rl-c-{layer}", c) for layer, c in LAYER_COLORS.items()]
    rules.append(("rl-c-other", DEFAULT_COLOR))
    css = "".join(f".{name}{{background:{c};color:{text_color(c)};}}" for name, c in rules)
    # a dashed or dotted bar: the colour in stripes over white
    css += (".rl-bar.rl-p-dash{background-image:repeating-linear-gradient(90deg,transparent 0 7px,#fff 7px 10px);}"
            ".rl-bar.rl-p-dot{background-image:repeating-linear-gradient(90deg,transparent 0 3px,#fff 3px 6px);}")
    return css
