"""Records from spaCy Docs: mentions, roles, the host, events, topics, entities (nothing after this imports spaCy)."""
