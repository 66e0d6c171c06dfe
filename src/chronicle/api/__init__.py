"""The HTTP API and web page over a store (app.py)."""
