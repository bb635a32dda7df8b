"""Indicite: enter, cite, review and export economic indicators from source documents."""

__version__ = "0.1.0"
