"""Demo notices: a closed stretch of the old-town walk and a closed place.

Valid from the day before the demo is loaded for ``days`` days, so they show in the demo.
"""

NOTICES = [
    {
        "kind": "closure",
        "severity": "warning",
        "title": {
            "de": "Weg an der Stadtmauer gesperrt",
            "en": "Path along the town wall closed",
            "pl": "Ścieżka przy murach miejskich zamknięta",
        },
        "text": {
            "de": "Zwischen Stendaler Turm und Stadtmauer ist der Weg wegen Sanierungsarbeiten "
            "gesperrt. Bitte über die Hagenstraße ausweichen.",
            "en": "The path between the Stendal Tower and the town wall is closed for "
            "restoration work. Please take Hagenstraße instead.",
            "pl": "Ścieżka między Wieżą Stendalską a murami miejskimi jest zamknięta z powodu "
            "prac renowacyjnych. Prosimy o objazd ulicą Hagenstraße.",
        },
        "days": 60,
        "routes": [("altstadtrundgang", "stendaler-turm", "stadtmauer")],
    },
    {
        "kind": "closure",
        "severity": "critical",
        "title": {
            "de": "Museum vorübergehend geschlossen",
            "en": "Museum temporarily closed",
            "pl": "Muzeum tymczasowo zamknięte",
        },
        "text": {
            "de": "Das Museum bleibt wegen des Umbaus der Ausstellung geschlossen.",
            "en": "The museum is closed while the exhibition is being rebuilt.",
            "pl": "Muzeum jest zamknięte z powodu przebudowy wystawy.",
        },
        "days": 60,
        "places": ["museum-haldensleben"],
    },
]
