import pytest

from crisisdesk.ingest.outlets import canonical, canonical_or_abbreviation, fold, known_outlets


def test_folded_keys_are_unique():
    """The l/I folding must never make two known outlets equal."""
    owner: dict[str, str] = {}
    for outlet in known_outlets():
        for form in outlet.full_names:
            key = fold(form)
            assert owner.setdefault(key, outlet.name) == outlet.name, f"{form!r} collides with {owner[key]!r}"


@pytest.mark.parametrize(
    "printed, name",
    [
        ("bne IntelIiNews", "bne IntelliNews"),  # capital I for l, as scraped
        ("bne IntelliNews", "bne IntelliNews"),
        ("Washington Post", "The Washington Post"),
        ("REUTERS", "Reuters"),
        ("Izvestiya", "Izvestia"),
    ],
)
def test_canonical(printed, name):
    assert canonical(printed) == name


@pytest.mark.parametrize("printed", ["John Smith", "", "SP", "the Kremlin"])
def test_not_an_outlet(printed):
    assert canonical(printed) is None


def test_abbreviations_count_only_when_asked():
    assert canonical("SP") is None
    assert canonical_or_abbreviation("SP") == "Svobodnaya Pressa"
