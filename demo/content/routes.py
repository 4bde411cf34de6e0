# ruff: noqa: E501 -- visitor-facing prose reads better unwrapped in this data module.
"""Routes through Haldensleben and its surroundings (demo content).

``stops`` name points of interest from ``pois.py`` in walking order; ``via`` adds
[lat, lon] bends between them so the generated GPX track follows the real paths
more closely. Distances and times in the prose are approximate.
"""

from demo.content import polish

ROUTES = [
    {
        "slug": "altstadtrundgang",
        "title": {
            "de": "Altstadtrundgang: Roland, Tore und Stadtmauer",
            "en": "Old town walk: Roland, gates and town wall",
        },
        "teaser": {
            "de": "Ein gemütlicher Rundgang von rund 2 Kilometern zu den Wahrzeichen der Haldensleber Altstadt.",
            "en": "An easy circular walk of about 2 kilometres to the landmarks of Haldensleben's old town.",
        },
        "description": {
            "de": "Der Rundgang beginnt am Reitenden Roland auf dem Markt und führt über das Rathaus zur St.-Marien-Kirche. Von dort geht es nach Norden zum Stendaler Turm und weiter an der Stadtmauer entlang zum Bülstringer Torturm, dem ältesten Bauwerk der Befestigung.\n\nÜber das Museum Haldensleben, in dem der Original-Roland steht, und den Hagentorplatz kehren Sie durch die Hagenstraße zum Markt zurück. Planen Sie ohne Besichtigungen etwa eine Stunde ein, mit Museum und Turm einen halben Tag.",
            "en": "The walk starts at the Equestrian Roland on the market square and leads past the town hall to St Mary's Church. From there it heads north to the Stendal Gate Tower and follows the town wall to the Bülstringen Gate Tower, the oldest part of the fortifications.\n\nVia Museum Haldensleben, home of the original Roland, and Hagentorplatz you return along Hagenstraße to the market square. Allow about an hour without visits, or half a day with the museum and the tower.",
        },
        "start_point": {
            "de": "Reitender Roland, Markt, 39340 Haldensleben",
            "en": "Equestrian Roland, Markt, 39340 Haldensleben",
        },
        "directions": {
            "de": "Vom Markt mit Roland und Rathaus geht es zur Kirche hinter dem Rathaus, dann über die Stendaler Straße nach Norden zum Stendaler Turm. Folgen Sie dem Weg an der Stadtmauer nach Westen bis zum Bülstringer Torturm, anschließend durch die Altstadt zum Museum am Breiten Gang und weiter zum Hagentorplatz. Durch die Hagenstraße erreichen Sie wieder den Markt.",
            "en": "From the market square with the Roland and the town hall, go to the church behind the town hall, then north along Stendaler Straße to the Stendal Gate Tower. Follow the path along the town wall westwards to the Bülstringen Gate Tower, then cross the old town to the museum on Breiter Gang and on to Hagentorplatz. Hagenstraße brings you back to the market square.",
        },
        "public_transport": {
            "de": "Vom Bahnhof Haldensleben (Regionalzüge von Magdeburg und Wolfsburg) sind es zu Fuß etwa 10 bis 15 Minuten bis zum Markt.",
            "en": "The market square is a 10 to 15 minute walk from Haldensleben station (regional trains from Magdeburg and Wolfsburg).",
        },
        "parking": {
            "de": "Bitte nutzen Sie die ausgeschilderten Parkplätze am Rand der Altstadt.",
            "en": "Please use the signposted car parks on the edge of the old town.",
        },
        "equipment": {
            "de": "Bequeme Schuhe; in der Altstadt gibt es Kopfsteinpflaster.",
            "en": "Comfortable shoes; some old town streets are cobbled.",
        },
        "tips": {
            "de": "Den Original-Roland von 1528 sehen Sie im Museum. Der Bülstringer Torturm ist an Wochenenden vormittags geöffnet oder nach Voranmeldung.",
            "en": "See the original Roland of 1528 in the museum. The Bülstringen Gate Tower opens on weekend mornings or by appointment.",
        },
        "kind": "walking",
        "difficulty": "easy",
        "circular": True,
        "stops": [
            {
                "poi": "reitender-roland",
                "note": {
                    "de": "Start am Wahrzeichen der Stadt.",
                    "en": "Start at the town's emblem.",
                },
            },
            {"poi": "rathaus", "note": None},
            {
                "poi": "st-marien-kirche",
                "note": {
                    "de": "Von Mai bis Oktober dienstags bis sonntags geöffnet.",
                    "en": "Open Tuesday to Sunday from May to October.",
                },
            },
            {
                "poi": "stendaler-turm",
                "note": {
                    "de": "Achten Sie auf die Inschrift von 1593 über dem Torbogen.",
                    "en": "Look out for the 1593 inscription above the arch.",
                },
            },
            {
                "poi": "stadtmauer",
                "note": {
                    "de": "Infotafeln erzählen die Stadtgeschichte.",
                    "en": "Information boards tell the town's history.",
                },
            },
            {"poi": "buelstringer-torturm", "note": None},
            {
                "poi": "museum-haldensleben",
                "note": {
                    "de": "Hier steht der Original-Roland.",
                    "en": "The original Roland is on display here.",
                },
            },
            {"poi": "hagentor", "note": None},
            {
                "poi": "hagenstrasse",
                "note": {
                    "de": "Zurück zum Markt durch die Einkaufsstraße.",
                    "en": "Back to the market square along the shopping street.",
                },
            },
        ],
        "via": [
            [52.29280, 11.41000],
            [52.29240, 11.40700],
            [52.29050, 11.40800],
            [52.28850, 11.41100],
        ],
        "elevation_base": 52,
        "featured": True,
    },
    {
        "slug": "radtour-hundisburg",
        "title": {
            "de": "Radtour nach Hundisburg: Kloster, Schloss und Ziegelei",
            "en": "Cycle tour to Hundisburg: abbey, palace and brickworks",
        },
        "teaser": {
            "de": "Rund 17 Kilometer durch den Landschaftspark zu Schloss, Barockgarten, Ziegelei und zur Ruine Nordhusen.",
            "en": "About 17 kilometres through the landscape park to the palace, Baroque garden, brickworks and Nordhusen ruin.",
        },
        "description": {
            "de": "Vom Bahnhof radeln Sie nach Süden zum ehemaligen Kloster Althaldensleben und von dort durch den Landschaftspark im Tal der Beber. Unterwegs lohnt ein Abstecher zum rekonstruierten Großsteingrab Küsterberg, bevor Sie Barockgarten und Schloss Hundisburg erreichen.\n\nNach einem Besuch der Ziegelei führt der Weg an den Steinbruchseen vorbei zur Kirchenruine Nordhusen und über den Fuß- und Radweg an der B 245 mit der Teufelsküche zurück nach Haldensleben. Die Strecke ist überwiegend flach; nur zum Schloss und aus dem Bebertal hinaus gibt es kurze Anstiege.",
            "en": "From the station you cycle south to the former Althaldensleben Abbey and from there through the landscape park in the Beber valley. A detour to the reconstructed Küsterberg megalithic tomb is worthwhile before you reach the Baroque garden and Hundisburg Palace.\n\nAfter visiting the brickworks the route passes the quarry lakes to the Nordhusen church ruin and returns to Haldensleben on the footpath and cycle path beside the B 245, past the Teufelsküche tomb. The route is mostly flat, with short climbs up to the palace and out of the Beber valley.",
        },
        "start_point": {"de": "Bahnhof Haldensleben", "en": "Haldensleben station"},
        "directions": {
            "de": "Vom Bahnhof nach Süden Richtung Althaldensleben, über den Mittellandkanal zum Kloster. Im Landschaftspark den Wegen entlang der Beber nach Südwesten folgen, am Küsterberg vorbei bis Hundisburg. Vom Schloss zur Ziegelei am Ortsrand, dann zu den Steinbruchseen und zur Ruine Nordhusen. Zurück nach Norden zur B 245 und auf dem Radweg vorbei an der Teufelsküche nach Haldensleben.",
            "en": "From the station head south towards Althaldensleben, crossing the Mittelland Canal to the abbey. In the landscape park follow the paths along the Beber south-west, past the Küsterberg, to Hundisburg. From the palace ride to the brickworks on the edge of the village, then to the quarry lakes and the Nordhusen ruin. Return north to the B 245 and take the cycle path past the Teufelsküche back to Haldensleben.",
        },
        "public_transport": {
            "de": "Der Start liegt direkt am Bahnhof Haldensleben; in Regionalzügen ist die Fahrradmitnahme in der Regel möglich.",
            "en": "The route starts at Haldensleben station; bicycles can usually be taken on regional trains.",
        },
        "parking": {
            "de": "Parkmöglichkeiten gibt es am Bahnhof sowie in Hundisburg am Schloss.",
            "en": "You can park at the station and at the palace in Hundisburg.",
        },
        "equipment": {
            "de": "Tourenrad oder Trekkingrad; einige Parkwege sind unbefestigt. Getränke mitnehmen – im Park selbst gibt es keine Einkehr.",
            "en": "Touring or trekking bike; some park paths are unpaved. Take drinks along – there is nowhere to eat in the park itself.",
        },
        "tips": {
            "de": "Die historischen Schlossräume öffnen von April bis Oktober sonntags, die Ziegelei von Mai bis Oktober auch sonntags. Einkehren können Sie im Schloss.",
            "en": "The historic palace rooms open on Sundays from April to October, the brickworks also on Sundays from May to October. You can stop for food at the palace.",
        },
        "kind": "cycling",
        "difficulty": "easy",
        "circular": True,
        "stops": [
            {"poi": "bahnhof-haldensleben", "note": None},
            {
                "poi": "kloster-althaldensleben",
                "note": {
                    "de": "Hier beginnt der Landschaftspark.",
                    "en": "The landscape park begins here.",
                },
            },
            {"poi": "landschaftspark-althaldensleben-hundisburg", "note": None},
            {
                "poi": "grosssteingrab-kuesterberg",
                "note": {
                    "de": "Kurzer Abstecher zum rekonstruierten Großsteingrab.",
                    "en": "Short detour to the reconstructed megalithic tomb.",
                },
            },
            {"poi": "barockgarten-hundisburg", "note": None},
            {
                "poi": "schloss-hundisburg",
                "note": {"de": "Pause im Schlosscafé.", "en": "Break at the palace café."},
            },
            {
                "poi": "ziegelei-hundisburg",
                "note": {
                    "de": "Feldbahnfahrt und Brennofen.",
                    "en": "Field railway ride and kiln.",
                },
            },
            {"poi": "kirchenruine-nordhusen", "note": None},
            {
                "poi": "grosssteingrab-teufelskueche",
                "note": {
                    "de": "Kurz vom Radweg in den Wald abbiegen.",
                    "en": "Turn briefly off the cycle path into the woods.",
                },
            },
        ],
        "via": [
            [52.27900, 11.42300],
            [52.26900, 11.42100],
            [52.25800, 11.41400],
            [52.24200, 11.39100],
            [52.26000, 11.38200],
            [52.28300, 11.40000],
        ],
        "elevation_base": 60,
        "featured": True,
    },
    {
        "slug": "wanderung-grosssteingraeber",
        "title": {
            "de": "Wanderung zu den Großsteingräbern im Haldensleber Forst",
            "en": "Hike to the megalithic tombs in the Haldensleben Forest",
        },
        "teaser": {
            "de": "Rundwanderung von etwa 9 Kilometern zu 5000 Jahre alten Gräbern der Historischen Quadratmeile.",
            "en": "Circular hike of about 9 kilometres to 5,000-year-old tombs of the Historic Square Mile.",
        },
        "description": {
            "de": "Vom Waldhotel „Alte Ziegelei“ an der B 245 ist die Teufelsküche nach wenigen Minuten erreicht. Danach führt die Runde auf Forstwegen nach Westen tief in den Haldensleber Forst bis zum Großsteingrab in den Küchentannen, einem der am besten erhaltenen der Region.\n\nAuf dem Rückweg passieren Sie weitere, teils nur noch als Steinhaufen erkennbare Anlagen. Die Wege sind unbefestigt und im Wald nur lückenhaft beschildert.",
            "en": "From the Waldhotel 'Alte Ziegelei' on the B 245 the Teufelsküche is only a few minutes away. The loop then follows forest tracks west, deep into the Haldensleben Forest, to the tomb in the Küchentannen, one of the best preserved in the region.\n\nOn the way back you pass further tombs, some now recognisable only as piles of stones. The tracks are unpaved and the signposting in the forest is patchy.",
        },
        "start_point": {
            "de": "Parkplatz am Waldhotel „Alte Ziegelei“, B 245 südwestlich von Haldensleben",
            "en": "Car park at the Waldhotel 'Alte Ziegelei', B 245 south-west of Haldensleben",
        },
        "directions": {
            "de": "Vom Parkplatz auf dem Fuß- und Radweg etwa 350 Meter Richtung Haldensleben, dann links zur Teufelsküche. Zurück zum Parkplatz und auf dem Forstweg nach Westen in den Wald. Nach rund vier Kilometern erreichen Sie die Küchentannen. Der Rückweg verläuft nördlich parallel zum Hinweg.",
            "en": "From the car park walk about 350 metres along the footpath and cycle path towards Haldensleben, then turn left to the Teufelsküche. Return to the car park and take the forest track west into the woods. After about four kilometres you reach the Küchentannen. The way back runs parallel, a little further north.",
        },
        "public_transport": {
            "de": "Vom Bahnhof Haldensleben sind es bis zum Startpunkt etwa vier Kilometer; der Radweg an der B 245 verbindet beide.",
            "en": "The starting point is about four kilometres from Haldensleben station, linked by the cycle path beside the B 245.",
        },
        "parking": {
            "de": "Parkplatz gegenüber dem Waldhotel „Alte Ziegelei“.",
            "en": "Car park opposite the Waldhotel 'Alte Ziegelei'.",
        },
        "equipment": {
            "de": "Festes Schuhwerk, Wasser, Karte oder GPS-Gerät. Wegepläne gibt es in der Tourist-Information.",
            "en": "Sturdy shoes, water, a map or GPS device. Route maps are available from the tourist information.",
        },
        "tips": {
            "de": "Die Gräber sind Bodendenkmale: Bitte nicht auf die Steine klettern. Im Herbst und Winter sind die Anlagen ohne Laub am besten zu erkennen.",
            "en": "The tombs are protected monuments: please do not climb on the stones. In autumn and winter, without leaves, they are easiest to see.",
        },
        "kind": "hiking",
        "difficulty": "moderate",
        "circular": True,
        "stops": [
            {
                "poi": "waldhotel-alte-ziegelei",
                "note": {
                    "de": "Start und Ziel, Einkehr möglich.",
                    "en": "Start and finish, with food and drink.",
                },
            },
            {"poi": "grosssteingrab-teufelskueche", "note": None},
            {
                "poi": "haldensleber-forst",
                "note": {
                    "de": "Unterwegs weitere, stark zerstörte Gräber.",
                    "en": "More, heavily damaged tombs along the way.",
                },
            },
            {
                "poi": "grosssteingrab-kuechentannen",
                "note": {"de": "Wendepunkt der Runde.", "en": "Turning point of the loop."},
            },
        ],
        "via": [
            [52.27330, 11.38000],
            [52.27000, 11.37000],
            [52.26900, 11.35000],
            [52.27300, 11.34000],
            [52.27600, 11.35500],
            [52.27600, 11.37000],
        ],
        "elevation_base": 88,
        "featured": False,
    },
    {
        "slug": "ohre-paddeltour",
        "title": {
            "de": "Paddeltour auf der Ohre von Haldensleben nach Wedringen",
            "en": "Canoe trip on the Ohre from Haldensleben to Wedringen",
        },
        "teaser": {
            "de": "Kurze, ruhige Kanustrecke von etwa 3 bis 4 Kilometern durch Wiesen und Auen östlich der Stadt.",
            "en": "Short, gentle canoe trip of about 3 to 4 kilometres through meadows and floodplains east of the town.",
        },
        "description": {
            "de": "Die Ohre fließt östlich der Altstadt in ruhigen Bögen durch Wiesen und Auen. Die kurze Strecke bis Wedringen eignet sich für Einsteiger und Familien mit eigener Kanu-Erfahrung; die Strömung ist gering.\n\nWer weiterpaddeln möchte, erreicht flussabwärts Hillersleben. Auf dem Weg Richtung Wolmirstedt muss das Wehr bei Meseberg umtragen werden. Diese Route ist eine Beispielstrecke der Demo: Prüfen Sie Wasserstand, Ein- und Ausstiegsstellen vor der Tour.",
            "en": "East of the old town the Ohre winds gently through meadows and floodplains. The short stretch to Wedringen suits beginners and families with some canoeing experience; the current is slow.\n\nIf you want to paddle further, you reach Hillersleben downstream. On the way towards Wolmirstedt the weir at Meseberg has to be portaged. This route is an example of the demo: check the water level and the places to launch and land before you set off.",
        },
        "start_point": {
            "de": "Ohre am nordöstlichen Rand der Altstadt Haldensleben",
            "en": "The Ohre on the north-eastern edge of Haldensleben's old town",
        },
        "directions": {
            "de": "Flussabwärts der Ohre folgen. Nach etwa drei bis vier Kilometern liegt Wedringen rechts (südlich) des Flusses; hier an einer geeigneten Stelle aussteigen. Private Grundstücke und Uferschutzzonen bitte respektieren.",
            "en": "Follow the Ohre downstream. After about three to four kilometres Wedringen lies on the right (south) bank; land at a suitable spot there. Please respect private land and protected banks.",
        },
        "public_transport": {
            "de": "Vom Bahnhof Haldensleben ist die Ohre zu Fuß in wenigen Minuten erreichbar. Für den Rücktransport der Boote planen Sie bitte ein Auto ein.",
            "en": "The Ohre is a few minutes' walk from Haldensleben station. Plan a car to bring the boats back.",
        },
        "parking": {
            "de": "Parkplätze in der Altstadt; in Wedringen nur begrenzt.",
            "en": "Parking in the old town; limited space in Wedringen.",
        },
        "equipment": {
            "de": "Eigenes Kanu oder Leihboot eines regionalen Anbieters, Schwimmwesten, wasserdichter Packsack.",
            "en": "Your own canoe or a hired boat from a regional provider, life jackets, a waterproof dry bag.",
        },
        "tips": {
            "de": "Im Hochsommer kann der Wasserstand niedrig sein. Nehmen Sie Rücksicht auf brütende Vögel und fahren Sie nicht in Schilfbereiche.",
            "en": "In high summer the water may be low. Be considerate of nesting birds and keep out of reed beds.",
        },
        "kind": "canoe",
        "difficulty": "easy",
        "circular": False,
        "stops": [
            {
                "poi": "ohre",
                "note": {
                    "de": "Einstieg am Rand der Altstadt.",
                    "en": "Launch on the edge of the old town.",
                },
            },
            {
                "poi": "ohre-wedringen",
                "note": {"de": "Ausstieg bei Wedringen.", "en": "Land near Wedringen."},
            },
        ],
        "via": [
            [52.29350, 11.42300],
            [52.29050, 11.43200],
            [52.28800, 11.44000],
            [52.28650, 11.44900],
        ],
        "elevation_base": 48,
        "featured": False,
    },
]

polish.add_to_items(ROUTES, polish.ROUTES)
