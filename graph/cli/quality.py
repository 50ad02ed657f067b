"""How good the graph is: `kg validate` (the SHACL shapes) and `kg evaluate` (scores against gold annotations, by
the rules of the shared FORMAT.md; `graph.evaluate` scores, this module reads the options and prints)."""

from __future__ import annotations

from pathlib import Path

import click

from .common import CliError, KgCommand, model_option, open_store, say, store_option


@click.command("validate", cls=KgCommand, help="check the stored graph against the SHACL shapes in ontology/",
               example="kg validate --store kg-store")
@store_option
def validate(store) -> int:
    from ..rdf.validate import validate as check

    with open_store(store) as kg:
        conforms, messages = check(kg.union_graph())
    for m in messages:
        print(m)
    say("conforms" if conforms else f"{len(messages)} violations")
    return 0 if conforms else 1


@click.command("evaluate", cls=KgCommand, help="score the store against a gold YAML, or a folder of texts with their "
               "gold (FORMAT.md rules)", example="kg evaluate tests/gold-presidents-week-2023-02-27.yaml; "
               "kg evaluate --corpus tests/corpus")
@click.argument("gold", help="a gold annotation (YAML) of the documents in the store", required=False)
@store_option
@click.option("--corpus", metavar="DIR", help="score every NAME.txt in DIR against NAME.yaml, each built apart")
@model_option("spaCy pipeline for --corpus")
def evaluate(gold, store, corpus, model) -> int:
    from ..evaluate import evaluate_corpus, format_report, load_gold, report, score
    from ..views.export import export_json

    if corpus:
        from ..nlp.model import make_nlp

        if not Path(corpus).is_dir():
            raise CliError(f"{corpus} is not a folder")
        try:
            total, per_doc = evaluate_corpus(corpus, make_nlp(model))
        except ValueError as exc:  # a text or a gold that cannot be read (the message names the file)
            raise CliError(str(exc)) from None
        except (KeyError, TypeError, AttributeError) as exc:
            raise CliError(f"a gold in {corpus} does not follow FORMAT.md: {type(exc).__name__} {exc}") from None
        if not per_doc:
            raise CliError(f"no NAME.txt with a NAME.yaml in {corpus}")
        for name, counts in per_doc.items():
            summary = format_report(report(counts)).splitlines()[-1].replace("summary ", "")
            print(f"{name}: {summary}")
        print(format_report(report(total)))
        return 0
    if not gold:
        raise CliError("give a gold YAML, or --corpus DIR")
    try:
        truth = load_gold(gold)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read gold {gold}: {exc}") from None
    with open_store(store) as kg:
        pred = export_json(kg)
    try:
        scores = score(pred, truth)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise CliError(f"gold {gold} does not follow FORMAT.md: {type(exc).__name__} {exc}") from None
    print(format_report(report(scores)))
    return 0
