"""The Oxigraph store (local or remote), its queries, building documents into it, linking across documents."""
