"""The town's open data API at /api/v1/ (docs/api.md)."""
