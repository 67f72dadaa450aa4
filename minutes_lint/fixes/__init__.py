"""Fixes: applying edits until a document is stable, and writing files back safely."""
