"""Standalone HTML report (placeholder until the notebooks issue lands)."""

from html import escape


def render_report(analysis) -> str:
    return f"<!doctype html><meta charset='utf-8'><title>Rhetoric Lab report</title><pre>{escape(analysis.text)}</pre>"
