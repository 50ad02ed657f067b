"""The spaCy pipeline and its components (the only place, with extract/, that imports spaCy)."""
