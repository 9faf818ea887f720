"""The kit's colours, defined once: colour-blind-safe palettes and readable label text.

Layers (entities, quotes and each signal category) take Paul Tol's "muted" scheme, nine
colours chosen to stay distinct under the common colour-vision deficiencies. Entity types
and actors' sides take the Okabe-Ito palette (Okabe and Ito 2008), the other widely used
colour-blind-safe set. Colour is never the only signal: every highlight also carries a
visible label and a tooltip, so these colours only make the labels quicker to scan.

References: Paul Tol, "Colour schemes" (SRON technical note, 2021);
Masataka Okabe and Kei Ito, "Color Universal Design" (2008).
"""

from __future__ import annotations

from functools import lru_cache

#: Paul Tol's muted scheme (plus its pale grey for "anything else").
TOL_MUTED = {
    "rose": "#CC6677",
    "indigo": "#332288",
    "sand": "#DDCC77",
    "green": "#117733",
    "cyan": "#88CCEE",
    "wine": "#882255",
    "teal": "#44AA99",
    "olive": "#999933",
    "purple": "#AA4499",
    "pale_grey": "#DDDDDD",
}

#: The Okabe-Ito palette.
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

#: One colour per highlight layer (see ``rhetoric.present.layers.LAYERS``).
LAYER_COLORS = {
    "entities": TOL_MUTED["cyan"],
    "quotes": TOL_MUTED["sand"],
    "reporting_verb": TOL_MUTED["indigo"],
    "hedge": TOL_MUTED["teal"],
    "booster": TOL_MUTED["rose"],
    "loaded": TOL_MUTED["wine"],
    "metaphor": TOL_MUTED["purple"],
    "agency": TOL_MUTED["green"],
    "author_voice": TOL_MUTED["olive"],
}

#: Entity types, used when the entity layer is shown on its own (by type).
ENTITY_COLORS = {
    "PERSON": OKABE_ITO["sky_blue"],
    "GPE": OKABE_ITO["orange"],
    "LOC": OKABE_ITO["yellow"],
    "FAC": OKABE_ITO["yellow"],
    "ORG": OKABE_ITO["bluish_green"],
    "NORP": OKABE_ITO["reddish_purple"],
}

#: Actors' sides (``rhetoric.items.SIDES``), for charts and side filters.
SIDE_COLORS = {
    "US": OKABE_ITO["blue"],
    "Russia": OKABE_ITO["vermillion"],
    "Ukraine": OKABE_ITO["orange"],
    "Europe": OKABE_ITO["bluish_green"],
    "other": OKABE_ITO["reddish_purple"],
    "unknown": OKABE_ITO["grey"],
}

#: Anything without a colour of its own.
DEFAULT_COLOR = TOL_MUTED["pale_grey"]


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


def side_color(side: str) -> str:
    """The colour of an actor's side."""
    return SIDE_COLORS.get(side, SIDE_COLORS["unknown"])


def color_class(layer: str, key: str = "") -> str:
    """The CSS class that colours a highlight (entities by type, other layers by layer)."""
    if layer == "entities":
        return f"rl-c-e-{key}" if key in ENTITY_COLORS else "rl-c-other"
    return f"rl-c-{layer}" if layer in LAYER_COLORS else "rl-c-other"


def color_css() -> str:
    """CSS rules for every ``color_class``: background and a readable text colour."""
    rules = [(f"rl-c-{layer}", c) for layer, c in LAYER_COLORS.items()]
    rules += [(f"rl-c-e-{label}", c) for label, c in ENTITY_COLORS.items()]
    rules.append(("rl-c-other", DEFAULT_COLOR))
    return "".join(f".{name}{{background:{c};color:{text_color(c)};}}" for name, c in rules)
