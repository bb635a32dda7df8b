"""The catalog of indicators in the interface: its window, and name completion from it."""
