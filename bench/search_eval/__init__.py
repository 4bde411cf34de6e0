"""Search quality over the demo content: realistic visitor queries with the pages they want."""
