"""A small notebook written on the fly to test the browser harness itself.

It holds what the real notebooks hold (an ipywidgets slider wired to an HTML output, a plotly
FigureWidget), and optionally a cell that raises, so a test can prove the harness reports an error
instead of passing over it.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

GOOD_CELLS = [
    "# Harness check\nA slider, an HTML output and a plotly figure.",
    "import ipywidgets as widgets\nimport plotly.graph_objects as go\nfrom IPython.display import HTML, display",
    "out = widgets.HTML(value='<b class=\"probe\">value 3</b>')\n"
    "slider = widgets.IntSlider(value=3, min=0, max=10, description='Value')\n"
    "slider.add_class('probe-slider')\n"
    "def _show(change):\n    out.value = f'<b class=\"probe\">value {change[\"new\"]}</b>'\n"
    "slider.observe(_show, names='value')\n"
    "widgets.VBox([slider, out])",
    "display(HTML('<p class=\"probe-html\">Plain HTML output &amp; escaped text</p>'))",
    "fig = go.FigureWidget(go.Bar(x=['said', 'claimed', 'insisted'], y=[5, 2, 1]))\nfig",
]

ERROR_CELL = "raise ValueError('deliberate failure for the harness test')"


def write_sample(folder: Path, name: str = "harness_sample.ipynb", error: bool = False) -> Path:
    """Write the sample notebook (with a python3 kernelspec, no outputs) and return its path."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    cells = GOOD_CELLS + ([ERROR_CELL, "print('never reached')"] if error else [])
    for source in cells:
        make = nbformat.v4.new_markdown_cell if source.startswith("# ") else nbformat.v4.new_code_cell
        nb.cells.append(make(source))
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path
