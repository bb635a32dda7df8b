"""The PySide6 interface: widgets, dialogs and thin Qt models over the services."""
