"""The original pages of PDF documents: page view, renderer and tile cache (issue 15)."""
