"""What each score 1–5 of each criterion means, in Dutch, for the scoring screen.

The anchors follow the priorities of the OM's Aanwijzing mensenhandel (minor victims,
sexual exploitation, organ removal and severe labour exploitation weigh heaviest) and the
parliamentary letters on AVIM capacity: trafficking is *haalcriminaliteit*, so the
information position and the chance to investigate further (doorrechercheren, more
suspects in view) are criteria of their own.
"""

from __future__ import annotations

from stuurploeg.domain.model import CRITERIA, Criterion

CRITERION_LABELS: dict[Criterion, str] = {
    Criterion.SEVERITY: "ernst",
    Criterion.URGENCY: "urgentie",
    Criterion.INFORMATION: "informatiepositie",
    Criterion.PROSPECTS: "bewijskansen",
    Criterion.EXPANSION: "doorrechercheerpotentie",
    Criterion.IMPACT: "maatschappelijke impact",
}

CRITERION_QUESTIONS: dict[Criterion, str] = {
    Criterion.SEVERITY: "Hoe ernstig is de uitbuiting, naar aard, slachtoffers en middelen?",
    Criterion.URGENCY: "Hoe dringend moet er worden opgetreden om slachtoffers te beschermen?",
    Criterion.INFORMATION: "Hoe goed is het beeld van daders, slachtoffers en locaties nu?",
    Criterion.PROSPECTS: "Hoe groot is de kans dat het onderzoek tot vervolging leidt?",
    Criterion.EXPANSION: "Hoeveel kan doorrechercheren opleveren: meer verdachten, het netwerk?",
    Criterion.IMPACT: "Hoe groot is het effect op de samenleving en het signaal van optreden?",
}

LEVEL_TEXTS: dict[Criterion, dict[int, str]] = {
    Criterion.SEVERITY: {
        1: "Lichte vorm: geringe misstanden, geen aanwijzingen voor dwang, geweld of "
        "minderjarigen; mogelijk beter bestuurlijk of door de Arbeidsinspectie op te pakken.",
        2: "Beperkte uitbuiting van één of enkele meerderjarige slachtoffers, zonder "
        "fysiek geweld, van korte duur.",
        3: "Duidelijke uitbuiting (seksueel, arbeid of crimineel) van meerdere slachtoffers, "
        "met dwang, schulden of afhankelijkheid.",
        4: "Zware uitbuiting: geweld of bedreiging, kwetsbare slachtoffers, georganiseerd "
        "verband, of ernstige arbeidsuitbuiting met mensonwaardige omstandigheden.",
        5: "Zwaarste categorie uit de Aanwijzing mensenhandel: minderjarige slachtoffers, "
        "orgaanhandel, of seksuele of arbeidsuitbuiting met ernstig geweld op grote schaal.",
    },
    Criterion.URGENCY: {
        1: "De uitbuiting is voorbij en er is geen risico voor (nieuwe) slachtoffers; "
        "uitstel schaadt het onderzoek niet.",
        2: "Uitbuiting waarschijnlijk beëindigd; sporen en getuigen blijven voorlopig "
        "beschikbaar.",
        3: "Uitbuiting gaat mogelijk door, of bewijs dreigt binnen enkele maanden verloren "
        "te gaan.",
        4: "Uitbuiting gaat aantoonbaar door; slachtoffers lopen nu risico of verdachten "
        "dreigen te vertrekken.",
        5: "Acuut gevaar: actuele uitbuiting van minderjarigen of geweld nu; direct "
        "ingrijpen nodig om slachtoffers in veiligheid te brengen.",
    },
    Criterion.INFORMATION: {
        1: "Alleen een vaag signaal; daders, slachtoffers en locaties onbekend.",
        2: "Eén bron of melding, weinig geverifieerd; veel nog uit te zoeken.",
        3: "Redelijk beeld: verdachten of locaties bekend, deels bevestigd uit "
        "politiesystemen of partners.",
        4: "Goed beeld uit meerdere bronnen (aangifte, controles, partners, financiële of "
        "digitale gegevens).",
        5: "Sterke informatiepositie: verdachten, slachtoffers, locaties en werkwijze in "
        "beeld en bevestigd; klaar om operationeel te starten.",
    },
    Criterion.PROSPECTS: {
        1: "Weinig kans op bewijs: geen verklaringen, geen ondersteunend bewijs.",
        2: "Bewijs hangt af van één verklaring die nog onzeker is.",
        3: "Redelijke kans: verklaring(en) van slachtoffers en enig ondersteunend bewijs.",
        4: "Goede kans: meerdere bewijsmiddelen (verklaringen, tap, financieel, digitaal) "
        "binnen bereik.",
        5: "Zeer goede kans op vervolging en veroordeling; bewijs grotendeels al "
        "beschikbaar of goed te verkrijgen.",
    },
    Criterion.EXPANSION: {
        1: "Op zichzelf staand feit; geen zicht op verdere verdachten of netwerk.",
        2: "Mogelijk één extra verdachte of locatie.",
        3: "Aanwijzingen voor een netwerk of meer slachtoffers; doorrechercheren kan "
        "enkele verdachten opleveren.",
        4: "Duidelijk netwerk; doorrechercheren levert naar verwachting meerdere "
        "OM-verdachten en facilitators op.",
        5: "Groot (internationaal) netwerk met facilitators en geldstromen; onderzoek kan "
        "het verdienmodel breken en veel verdachten in beeld brengen.",
    },
    Criterion.IMPACT: {
        1: "Nauwelijks maatschappelijk effect buiten de betrokkenen.",
        2: "Lokaal effect; beperkte aandacht of signaalwerking.",
        3: "Merkbaar effect in een gemeente of branche; signaal naar vergelijkbare "
        "uitbuiters.",
        4: "Groot effect in de regio of een risicobranche; versterkt vertrouwen van "
        "slachtoffers en partners in de aanpak.",
        5: "Landelijk of internationaal effect; doorbreekt een bekend patroon en draagt "
        "direct bij aan de doelen van de Veiligheidsagenda.",
    },
}


def level_text(criterion: Criterion, level: int) -> str:
    """Dutch description of ``level`` (1–5) for ``criterion``."""
    if level not in range(1, 6):
        raise ValueError(f"niveau moet 1 t/m 5 zijn, niet {level!r}")
    return LEVEL_TEXTS[criterion][level]


assert set(LEVEL_TEXTS) == set(CRITERIA) and all(
    set(levels) == {1, 2, 3, 4, 5} for levels in LEVEL_TEXTS.values()
)
