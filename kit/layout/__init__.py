"""Text measurement and the deck laid out as plain data, shared by every deck writer."""
