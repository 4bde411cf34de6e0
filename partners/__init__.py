"""Partners (hotels, tourist offices, regional portals) with optional API keys."""
