"""The run summary shows figures by source, clusters across outlets and framing per outlet."""

from rich.console import Console

from crisisdesk.summary import summary_tables


def rendered(export) -> str:
    console = Console(width=200, record=True)
    for table in summary_tables(export):
        console.print(table)
    return console.export_text()


def test_seed_summary_shows_disagreeing_figures_clusters_and_framing(seeds_run):
    _, result = seeds_run
    text = rendered(result.export)
    assert "Figures: claim groups across sources" in text
    assert "sources disagree" in text
    assert "Events reported by several outlets" in text
    assert "Framing: the words each outlet uses" in text
    assert "Izvestia" in text and "bne IntelliNews" in text


def test_an_empty_export_summarises_without_optional_tables():
    empty = {k: [] for k in ("documents", "places", "actors", "mentions", "times", "events", "claims", "quotes",
                             "framing")}
    text = rendered(empty)
    assert "Corpus" in text and "Figures" not in text and "Framing" not in text
