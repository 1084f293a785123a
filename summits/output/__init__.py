"""The only place that writes: emit(view, format) in formats.py, one module per view, safe text in text.py."""
