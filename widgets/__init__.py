"""Embeddable, cookie-free widgets for partner sites (/widgets/), and their configurator."""
