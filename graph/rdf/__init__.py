"""Records to RDF: ids and IRIs, the ontology's namespaces, the mapping, SHACL shapes."""
