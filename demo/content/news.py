# ruff: noqa: E501 -- visitor-facing prose reads better unwrapped in this data module.
"""News items from the weeks before 2026-11-25 (demo content).

The background facts are real; the occasions and dates are written for the demo.
"""

NEWS = [
    {
        "slug": "neuer-internetauftritt",
        "title": {"de": "Neuer Internetauftritt geht an den Start", "en": "New website goes live"},
        "teaser": {
            "de": "Sehenswürdigkeiten, Routen und Veranstaltungen auf einen Blick – in Deutsch, Englisch, Leichter Sprache und mit Platz für Gebärdensprache.",
            "en": "Sights, routes and events at a glance – in German, English and plain language, with room for sign language.",
        },
        "body": {
            "de": "Die neue Website bündelt Informationen für Gäste und Einwohner: Orte in der Stadt und in Hundisburg mit Öffnungszeiten und Hinweisen zur Barrierefreiheit, Routen zum Herunterladen und einen Veranstaltungskalender.\n\nKarten werden erst geladen, wenn Sie dem ausdrücklich zustimmen, und die Seite verzichtet auf Tracking. Eine Seite in Leichter Sprache erklärt die wichtigsten Inhalte, Videos in Deutscher Gebärdensprache folgen.\n\nDiese Installation ist eine Demonstration des Open-Source-Projekts; Inhalte und Termine sind Beispieldaten.",
            "en": "The new website brings together information for visitors and residents: places in town and in Hundisburg with opening hours and accessibility notes, routes to download and an events calendar.\n\nMaps only load once you have explicitly agreed, and the site does without tracking. A page in plain language explains the most important content; videos in German Sign Language will follow.\n\nThis installation demonstrates the open-source project; content and dates are sample data.",
        },
        "date": "2026-11-24",
    },
    {
        "slug": "sternenmarkt-aufbau",
        "title": {
            "de": "Sternenmarkt: Aufbau auf dem Markt beginnt",
            "en": "Star Market: set-up begins on the market square",
        },
        "teaser": {
            "de": "Buden, Eisbahn und Adventskalender ziehen ein – rund um den Markt kann es beim Parken eng werden.",
            "en": "Stalls, ice rink and Advent calendar are moving in – parking around the market square may be tight.",
        },
        "body": {
            "de": "In den kommenden Tagen wird der Markt für den Haldensleber Sternenmarkt vorbereitet. Wie in den Vorjahren gehören eine Eisbahn der Stadtwerke und der große Adventskalender an den Häusern rund um das Rathaus dazu.\n\nWährend des Auf- und Abbaus kann es rund um den Markt zu Einschränkungen beim Parken und Liefern kommen. Die Stadt bittet um Verständnis und empfiehlt, zu Fuß oder mit dem Rad in die Altstadt zu kommen.",
            "en": "Over the coming days the market square is being prepared for the Haldensleben Star Market. As in previous years it includes an ice rink run by the municipal utility and the big Advent calendar on the houses around the town hall.\n\nWhile stalls are being put up and taken down, parking and deliveries around the square may be restricted. The town asks for your understanding and recommends coming to the old town on foot or by bike.",
        },
        "date": "2026-11-20",
    },
    {
        "slug": "winterzeiten-hundisburg",
        "title": {"de": "Winterzeiten in Hundisburg", "en": "Winter opening times in Hundisburg"},
        "teaser": {
            "de": "Ziegelei und Schlossräume haben sonntags Winterpause – Garten und Park bleiben frei zugänglich.",
            "en": "The brickworks and palace rooms take a Sunday winter break – garden and park stay open.",
        },
        "body": {
            "de": "Mit dem Ende der Saison ändern sich in Hundisburg die Öffnungszeiten. Das Technische Denkmal Ziegelei ist weiterhin dienstags bis freitags geöffnet; sonntags öffnet es wieder ab Mai. Die historischen Schlossräume sind von April bis Oktober sonntags zu sehen.\n\nBarockgarten und Landschaftspark bleiben auch im Winter frei zugänglich. Das Haus des Waldes im Nordflügel des Schlosses hat wochentags und sonntagnachmittags geöffnet.",
            "en": "With the end of the season, opening times in Hundisburg change. The brickworks industrial monument remains open Tuesday to Friday and will open on Sundays again from May. The historic palace rooms can be visited on Sundays from April to October.\n\nThe Baroque garden and the landscape park remain freely accessible in winter. The House of the Forest in the palace's north wing is open on weekdays and Sunday afternoons.",
        },
        "date": "2026-11-02",
    },
    {
        "slug": "rolli-bad-nach-wartung",
        "title": {
            "de": "Rolli-Bad nach Wartungspause wieder geöffnet",
            "en": "Rolli-Bad reopens after maintenance",
        },
        "teaser": {
            "de": "Becken, Technik und Sauna wurden in den Herbstferien überprüft.",
            "en": "Pools, equipment and sauna were checked during the autumn holidays.",
        },
        "body": {
            "de": "Das Rolli-Bad der Stadtwerke ist nach den jährlichen Wartungsarbeiten wieder geöffnet. Während der Schließzeit wurden die Becken entleert und gereinigt, Fliesen und Fugen ausgebessert sowie die technischen Anlagen geprüft.\n\nDie Arbeiten werden bewusst in die Herbstferien gelegt, damit möglichst wenig Schulschwimmen ausfällt. Auch die Sauna-Landschaft steht wieder zur Verfügung.",
            "en": "The municipal utility's Rolli-Bad has reopened after its annual maintenance. While it was closed, the pools were drained and cleaned, tiles and joints repaired and the technical equipment checked.\n\nThe work is deliberately scheduled for the autumn holidays so that as few school swimming lessons as possible are lost. The sauna area is open again too.",
        },
        "date": "2026-10-30",
    },
    {
        "slug": "bibliothek-winterprogramm",
        "title": {
            "de": "Stadt- und Kreisbibliothek: Vorlesen im Winterhalbjahr",
            "en": "Town and district library: story time this winter",
        },
        "teaser": {
            "de": "Büchersofa und Geschichtenzeit laden Kinder in die KulturFabrik ein.",
            "en": "The Book Sofa and Story Time welcome children to the KulturFabrik.",
        },
        "body": {
            "de": "Die Stadt- und Kreisbibliothek in der KulturFabrik setzt im Winterhalbjahr ihre Vorleseangebote fort. Beim Büchersofa und in der Geschichtenzeit werden die Jüngsten an Bücher herangeführt.\n\nDie Termine stehen im Veranstaltungskalender. Der Eintritt ist frei; für Kita-Gruppen wird um Anmeldung gebeten.",
            "en": "The town and district library in the KulturFabrik continues its reading sessions over the winter. The Book Sofa and Story Time introduce the youngest readers to books.\n\nDates are listed in the events calendar. Admission is free; nursery groups are asked to register.",
        },
        "date": "2026-10-15",
    },
    {
        "slug": "herbstausflug-kuesterberg",
        "title": {
            "de": "Herbstausflug zum Großsteingrab Küsterberg",
            "en": "An autumn trip to the Küsterberg megalithic tomb",
        },
        "teaser": {
            "de": "Das 2025 teilrekonstruierte Grab liegt direkt am Aller-Elbe-Radweg.",
            "en": "The tomb, partly reconstructed in 2025, lies right on the Aller-Elbe cycle route.",
        },
        "body": {
            "de": "Im Frühjahr 2025 wurde das rund 5500 Jahre alte Großsteingrab am Küsterberg teilweise rekonstruiert und wieder öffentlich zugänglich gemacht. Grundlage waren Ausgrabungen der Universität Kiel und des Landesamtes für Denkmalpflege und Archäologie Sachsen-Anhalt.\n\nDas Grab gehört zur Historischen Quadratmeile, die seit 2023 Teil der europäischen Kulturroute „Megalithic Routes“ ist. Mit dem Rad ist es über den Aller-Elbe-Radweg gut zu erreichen und lässt sich mit einem Besuch in Hundisburg verbinden.",
            "en": "In spring 2025 the roughly 5,500-year-old megalithic tomb at the Küsterberg was partly reconstructed and reopened to the public, based on excavations by Kiel University and the State Office for Heritage Management and Archaeology of Saxony-Anhalt.\n\nThe tomb belongs to the Historic Square Mile, part of the European cultural route 'Megalithic Routes' since 2023. It is easy to reach by bike on the Aller-Elbe cycle route and combines well with a visit to Hundisburg.",
        },
        "date": "2026-10-10",
    },
    {
        "slug": "gastgeberverzeichnis-2027",
        "title": {
            "de": "Gastgeberverzeichnis 2027: Unterkünfte können sich melden",
            "en": "Accommodation guide 2027: hosts can register",
        },
        "teaser": {
            "de": "Hotels, Pensionen und Ferienwohnungen können sich für das neue Verzeichnis eintragen lassen.",
            "en": "Hotels, guesthouses and holiday flats can be listed in the new guide.",
        },
        "body": {
            "de": "Das Gastgeberverzeichnis informiert Gäste jedes Jahr über Übernachtungsmöglichkeiten, Sehenswürdigkeiten und Ausflugstipps in Haldensleben und Umgebung. Für die Ausgabe 2027 können sich Gastgeber ab sofort melden.\n\nDas gedruckte Verzeichnis liegt später im Bahnhof-Center und im Bürgerbüro aus. Da die Nachfrage nach Zimmern in der Stadt hoch ist, freut sich die Tourist-Information besonders über neue Angebote.",
            "en": "Every year the accommodation guide tells visitors about places to stay, sights and ideas for days out in and around Haldensleben. Hosts can now register for the 2027 edition.\n\nThe printed guide will be available at the Bahnhof-Center and the citizens' office. As demand for rooms in town is high, the tourist information particularly welcomes new offers.",
        },
        "date": "2026-09-30",
    },
]
