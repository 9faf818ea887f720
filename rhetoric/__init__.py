"""Rhetoric Lab: see what a careful reader sees in a news article.

    >>> import rhetoric
    >>> a = rhetoric.analyze(text)
    >>> a.entities, a.quotes, a.signals, a.frames

Every item is a character span of the original text with a plain-language explanation.
"""

from .analysis import Analysis, analyze, analyze_many
from .intake import InputError, read_text_file
from .items import Actor, Entity, Frame, Quote, Signal
from .model import ModelNotFound, load_nlp, model_info

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "Entity",
    "Frame",
    "InputError",
    "ModelNotFound",
    "Quote",
    "Signal",
    "analyze",
    "analyze_many",
    "load_nlp",
    "model_info",
    "read_text_file",
]
