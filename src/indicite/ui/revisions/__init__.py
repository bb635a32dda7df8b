"""Revised documents in the interface: Import new version…, Versions…, the changed passages."""
