"""Factories for the tests and benchmarks, one module per app (factory_boy is a test tool)."""
