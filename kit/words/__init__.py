"""The words kit adds to every output, and locale conventions, per language."""
