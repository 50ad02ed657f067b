"""The ontology (`kg.ttl`) and its SHACL shapes (`shapes.ttl`). This folder is edited here and ships inside the
wheel as the package `graph.ontology` (see pyproject.toml), so the code reads it with importlib.resources."""
