# ruff: noqa: E501 -- visitor-facing prose reads better unwrapped in this data module.
"""Events from late November 2026 to June 2027 (demo content).

These are modelled on recurring events in Haldensleben and Hundisburg, but the dates
and times are invented for the demo. All-day events use "T00:00" and an inclusive end date.
"""

MARKT = {"de": "Markt, 39340 Haldensleben", "en": "Markt (market square), 39340 Haldensleben"}

EVENTS = [
    {
        "slug": "maerchenstunde-museum-2026-11",
        "title": {"de": "Märchenstunde im Museum", "en": "Fairy-tale hour at the museum"},
        "teaser": {
            "de": "Grimms Märchen zum Zuhören für Kinder ab vier Jahren, mitten im Museum.",
            "en": "Grimm's fairy tales read aloud for children aged four and over, in the middle of the museum.",
        },
        "description": {
            "de": "Das Museum Haldensleben bewahrt einen Teil des Nachlasses der Brüder Grimm. Bei der Märchenstunde werden ausgewählte Kinder- und Hausmärchen vorgelesen; anschließend dürfen die Kinder Möbel und Bücher aus dem Besitz der Familie Grimm entdecken.\n\nDie Teilnahme ist für Kinder in Begleitung Erwachsener gedacht. Bitte melden Sie größere Gruppen vorher beim Museum an.",
            "en": "Museum Haldensleben holds part of the Brothers Grimm's estate. At the fairy-tale hour selected Children's and Household Tales are read aloud; afterwards children can discover furniture and books that belonged to the Grimm family.\n\nChildren should be accompanied by an adult. Please register larger groups with the museum in advance.",
        },
        "start": "2026-11-28T15:00",
        "end": "2026-11-28T16:00",
        "all_day": False,
        "venue_poi": "museum-haldensleben",
        "venue_address": None,
        "category": "kids-and-family",
    },
    {
        "slug": "sternenmarkt-2026",
        "title": {"de": "Haldensleber Sternenmarkt", "en": "Haldensleben Star Market"},
        "teaser": {
            "de": "Der Weihnachtsmarkt vor dem Rathaus mit Eisbahn, Buden und dem Adventskalender am Rathaus.",
            "en": "The Christmas market in front of the town hall with an ice rink, stalls and the Advent calendar on the town hall.",
        },
        "description": {
            "de": "Jedes Jahr im Advent verwandelt sich der Markt rund um den Reitenden Roland in den Sternenmarkt. Zum Angebot gehören Buden mit Essen, Getränken und Kunsthandwerk sowie eine Eisbahn der Stadtwerke.\n\nAm Rathaus und an den umliegenden Häusern öffnet sich täglich ein Türchen des großen Adventskalenders. Die genauen Öffnungszeiten des Marktes werden rechtzeitig bekanntgegeben.",
            "en": "Every year during Advent the market square around the Equestrian Roland becomes the Star Market. There are stalls with food, drinks and crafts, and an ice rink run by the municipal utility.\n\nOn the town hall and the surrounding houses a door of the big Advent calendar opens every day. The market's exact opening hours will be announced in good time.",
        },
        "start": "2026-12-04T15:00",
        "end": "2026-12-20T20:00",
        "all_day": False,
        "venue_poi": None,
        "venue_address": MARKT,
        "category": "markets-and-festivals",
    },
    {
        "slug": "advent-auf-schloss-hundisburg-2026",
        "title": {"de": "Advent auf Schloss Hundisburg", "en": "Advent at Hundisburg Palace"},
        "teaser": {
            "de": "Adventsmarkt im Schlosshof mit regionalen Produkten, Musik und Führungen.",
            "en": "Advent market in the palace courtyard with regional products, music and guided tours.",
        },
        "description": {
            "de": "Am dritten Adventswochenende laden Händlerinnen und Händler aus der Region in den Hof von Schloss Hundisburg ein. Im Schlossladen gibt es Literatur und Produkte aus der Region, im Schloss Kaffee und Kuchen.\n\nKurze Führungen zeigen die Geschichte des Barockschlosses. Parkmöglichkeiten gibt es am Garten nahe dem Sportplatz.",
            "en": "On the third weekend of Advent, traders from the region set up in the courtyard of Hundisburg Palace. The palace shop offers books and regional products, and the palace serves coffee and cake.\n\nShort guided tours tell the story of the Baroque palace. You can park by the garden near the sports ground.",
        },
        "start": "2026-12-12T11:00",
        "end": "2026-12-13T18:00",
        "all_day": False,
        "venue_poi": "schloss-hundisburg",
        "venue_address": None,
        "category": "markets-and-festivals",
    },
    {
        "slug": "adventskonzert-st-marien-2026",
        "title": {"de": "Adventskonzert in St. Marien", "en": "Advent concert at St Mary's"},
        "teaser": {
            "de": "Chor- und Orgelmusik zum dritten Advent in der Stadtkirche.",
            "en": "Choral and organ music for the third Sunday of Advent in the town church.",
        },
        "description": {
            "de": "Chöre aus Haldensleben und der Umgebung singen adventliche Musik; dazwischen erklingt die Orgel. Die gotische Stadtkirche hinter dem Rathaus bietet dafür einen stimmungsvollen Rahmen.\n\nDer Eintritt ist frei, um eine Spende für die Kirchenmusik wird gebeten. Bitte denken Sie an warme Kleidung.",
            "en": "Choirs from Haldensleben and the surrounding area sing music for Advent, with organ pieces in between. The Gothic town church behind the town hall provides an atmospheric setting.\n\nAdmission is free; donations for church music are welcome. Please bring warm clothing.",
        },
        "start": "2026-12-13T17:00",
        "end": "2026-12-13T18:30",
        "all_day": False,
        "venue_poi": "st-marien-kirche",
        "venue_address": None,
        "category": "concerts",
    },
    {
        "slug": "neujahrskonzert-hundisburg-2027",
        "title": {
            "de": "Neujahrskonzert auf Schloss Hundisburg",
            "en": "New Year concert at Hundisburg Palace",
        },
        "teaser": {
            "de": "Kammermusik zum Jahresbeginn im Hauptsaal des Barockschlosses.",
            "en": "Chamber music to start the year in the palace's main hall.",
        },
        "description": {
            "de": "Schloss Hundisburg ist mit Konzerten vom Kabarett bis zur Sinfonik ein kulturelles Zentrum der Region. Zum Jahresbeginn erklingt Kammermusik im Hauptsaal des Schlosses.\n\nKarten gibt es im Vorverkauf; Restkarten an der Abendkasse. Das Schlosscafé ist vor dem Konzert geöffnet.",
            "en": "With programmes ranging from cabaret to symphonic music, Hundisburg Palace is a cultural centre of the region. To start the year, chamber music is played in the palace's main hall.\n\nTickets are available in advance, with any remaining tickets at the door. The palace café opens before the concert.",
        },
        "start": "2027-01-10T16:00",
        "end": "2027-01-10T18:00",
        "all_day": False,
        "venue_poi": "schloss-hundisburg",
        "venue_address": None,
        "category": "concerts",
    },
    {
        "slug": "ausstellung-steinzeit-2027",
        "title": {
            "de": "Sonderausstellung: Steinzeit im Haldensleber Forst",
            "en": "Special exhibition: The Stone Age in the Haldensleben Forest",
        },
        "teaser": {
            "de": "Funde, Modelle und Fotos zu den Großsteingräbern der Historischen Quadratmeile.",
            "en": "Finds, models and photographs of the megalithic tombs of the Historic Square Mile.",
        },
        "description": {
            "de": "Die Ausstellung stellt die jungsteinzeitlichen Großsteingräber rund um Haldensleben vor – von der Forschung im 19. Jahrhundert bis zu den Ausgrabungen am Küsterberg. Sie ergänzt die Dauerausstellung zur Ur- und Frühgeschichte der Region.\n\nFür Schulklassen bietet das Museum Führungen nach Anmeldung an.",
            "en": "The exhibition presents the Neolithic megalithic tombs around Haldensleben – from 19th-century research to the excavations at the Küsterberg. It complements the permanent exhibition on the region's prehistory.\n\nThe museum offers guided tours for school classes on request.",
        },
        "start": "2027-01-16T00:00",
        "end": "2027-04-25T00:00",
        "all_day": True,
        "venue_poi": "museum-haldensleben",
        "venue_address": None,
        "category": "exhibitions",
    },
    {
        "slug": "live-musik-alsteinklub-2027-02",
        "title": {"de": "Live-Musik im Alsteinklub", "en": "Live music at the Alsteinklub"},
        "teaser": {
            "de": "Ein Konzertabend mit Bands aus der Region in der KulturFabrik.",
            "en": "A concert evening with bands from the region at the KulturFabrik.",
        },
        "description": {
            "de": "Im Alsteinklub der KulturFabrik finden jedes Jahr zahlreiche Veranstaltungen statt – an diesem Abend spielen Bands aus Haldensleben und der Börde.\n\nKarten erhalten Sie an der Kartenkasse der KulturFabrik und im Bahnhof-Center.",
            "en": "The Alsteinklub in the KulturFabrik hosts many events every year – on this evening bands from Haldensleben and the Börde take the stage.\n\nTickets are sold at the KulturFabrik box office and at the Bahnhof-Center.",
        },
        "start": "2027-02-05T20:00",
        "end": "2027-02-05T22:30",
        "all_day": False,
        "venue_poi": "kulturfabrik",
        "venue_address": None,
        "category": "concerts",
    },
    {
        "slug": "wanderung-grosssteingraeber-2027-03",
        "title": {
            "de": "Geführte Wanderung zu den Großsteingräbern",
            "en": "Guided hike to the megalithic tombs",
        },
        "teaser": {
            "de": "Auf Forstwegen von der Teufelsküche zu den Küchentannen – mit Erläuterungen zur Jungsteinzeit.",
            "en": "Along forest tracks from the Teufelsküche to the Küchentannen – with explanations of the Neolithic.",
        },
        "description": {
            "de": "Die rund neun Kilometer lange Wanderung führt zu den bekanntesten Großsteingräbern im Haldensleber Forst. Im zeitigen Frühjahr, vor dem Laubaustrieb, sind die Anlagen besonders gut zu erkennen.\n\nBitte festes Schuhwerk und Verpflegung mitbringen. Die Wanderung findet bei jedem Wetter statt.",
            "en": "The hike of about nine kilometres leads to the best-known megalithic tombs in the Haldensleben Forest. In early spring, before the trees are in leaf, the tombs are particularly easy to see.\n\nPlease bring sturdy shoes and a snack. The hike takes place in any weather.",
        },
        "start": "2027-03-21T10:00",
        "end": "2027-03-21T13:00",
        "all_day": False,
        "venue_poi": "grosssteingrab-teufelskueche",
        "venue_address": {
            "de": "Treffpunkt: Parkplatz am Waldhotel „Alte Ziegelei“, B 245",
            "en": "Meeting point: car park at the Waldhotel 'Alte Ziegelei', B 245",
        },
        "category": "guided-tours",
    },
    {
        "slug": "osterspaziergang-2027",
        "title": {
            "de": "Kulturgeschichtlicher Osterspaziergang",
            "en": "Easter walk through cultural history",
        },
        "teaser": {
            "de": "Ein Spaziergang am Ostermontag zu Bauten und Geschichten der Stadt.",
            "en": "An Easter Monday walk to the town's buildings and their stories.",
        },
        "description": {
            "de": "Der Osterspaziergang hat in Haldensleben Tradition: Fachkundige Begleiterinnen und Begleiter erzählen auf einem Rundgang von der Stadtgeschichte, von Handwerk und Industrie.\n\nTreffpunkt ist der Reitende Roland auf dem Markt. Der Spaziergang dauert etwa zwei Stunden.",
            "en": "The Easter walk is a Haldensleben tradition: knowledgeable guides talk about the history of the town, its crafts and industry on a circular walk.\n\nThe meeting point is the Equestrian Roland on the market square. The walk takes about two hours.",
        },
        "start": "2027-03-29T14:00",
        "end": "2027-03-29T16:00",
        "all_day": False,
        "venue_poi": "reitender-roland",
        "venue_address": None,
        "category": "guided-tours",
    },
    {
        "slug": "anradeln-hundisburg-2027",
        "title": {"de": "Anradeln nach Hundisburg", "en": "Season-opening bike ride to Hundisburg"},
        "teaser": {
            "de": "Gemeinsame Radtour zum Saisonstart durch den Landschaftspark zu Schloss und Ziegelei.",
            "en": "A group bike ride to open the season, through the landscape park to the palace and brickworks.",
        },
        "description": {
            "de": "Zum Beginn der Radsaison geht es gemeinsam vom Bahnhof über das Kloster Althaldensleben und durch den Landschaftspark nach Hundisburg. Unterwegs gibt es kurze Stopps mit Erläuterungen.\n\nDie Strecke von rund 17 Kilometern ist überwiegend flach. Helm und verkehrssicheres Fahrrad werden empfohlen.",
            "en": "To open the cycling season, riders set off together from the station via Althaldensleben Abbey and through the landscape park to Hundisburg, with short stops and explanations along the way.\n\nThe route of about 17 kilometres is mostly flat. A helmet and a roadworthy bicycle are recommended.",
        },
        "start": "2027-04-11T10:00",
        "end": "2027-04-11T14:00",
        "all_day": False,
        "venue_poi": "bahnhof-haldensleben",
        "venue_address": None,
        "category": "sports",
    },
    {
        "slug": "fruehlingsfuehrung-barockgarten-2027",
        "title": {
            "de": "Frühlingsführung durch Barockgarten und Landschaftspark",
            "en": "Spring tour of the Baroque garden and landscape park",
        },
        "teaser": {
            "de": "Blüte der historischen Obstsorten und Geschichte der Gärten von Alvensleben bis Nathusius.",
            "en": "Blossoming historic fruit trees and the story of the gardens from the Alvenslebens to Nathusius.",
        },
        "description": {
            "de": "Die Führung beginnt im Barockgarten, der seit 1991 rekonstruiert wird und eine Sammlung historischer Obstsorten der Region zeigt. Anschließend geht es in den Landschaftspark, den Johann Gottlob Nathusius und seine Söhne im 19. Jahrhundert anlegten.\n\nTreffpunkt ist die Pforte neben dem Pariser Tor. Dauer etwa anderthalb Stunden.",
            "en": "The tour starts in the Baroque garden, under reconstruction since 1991, with its collection of historic regional fruit varieties. It then continues into the landscape park laid out by Johann Gottlob Nathusius and his sons in the 19th century.\n\nMeet at the small gate next to the Paris Gate. The tour takes about an hour and a half.",
        },
        "start": "2027-04-25T14:00",
        "end": "2027-04-25T15:30",
        "all_day": False,
        "venue_poi": "barockgarten-hundisburg",
        "venue_address": None,
        "category": "guided-tours",
    },
    {
        "slug": "saisonstart-ziegelei-2027",
        "title": {
            "de": "Saisonstart in der Ziegelei Hundisburg",
            "en": "Season opening at Hundisburg Brickworks",
        },
        "teaser": {
            "de": "Ab Mai auch sonntags geöffnet: Feldbahnfahrten, Ziegelstreichen und Töpfern für die ganze Familie.",
            "en": "Open on Sundays too from May: field railway rides, brick moulding and pottery for the whole family.",
        },
        "description": {
            "de": "Mit dem Mai beginnt in der Ziegelei Hundisburg die Sonntagssaison. Kinder und Erwachsene können mit der Feldbahn zur ehemaligen Tongrube fahren, beim Handstrich von Ziegeln zusehen und in der Grobkeramikwerkstatt selbst töpfern.\n\nDie eigenen Werkstücke können getrocknet und gebrannt werden und später abgeholt werden.",
            "en": "May marks the start of Sunday opening at Hundisburg Brickworks. Children and adults can ride the field railway to the former clay pit, watch bricks being moulded by hand and make their own pottery in the workshop.\n\nYour pieces can be dried and fired and collected later.",
        },
        "start": "2027-05-02T10:00",
        "end": "2027-05-02T17:00",
        "all_day": False,
        "venue_poi": "ziegelei-hundisburg",
        "venue_address": None,
        "category": "kids-and-family",
    },
    {
        "slug": "kostuemfuehrung-altstadt-2027-05",
        "title": {
            "de": "Kostümführung mit Gräfin Gertrud von Haldensleben",
            "en": "Costumed tour with Countess Gertrud of Haldensleben",
        },
        "teaser": {
            "de": "Eine Stunde Stadtgeschichte mit einer historischen Figur – vom Markt bis zum Bülstringer Torturm.",
            "en": "An hour of town history with a historical character – from the market square to the Bülstringen Gate Tower.",
        },
        "description": {
            "de": "Ehrenamtliche Stadtführerinnen und Stadtführer zeigen Haldensleben in historischen Gewändern. Die Führung beginnt am Reitenden Roland und endet am Bülstringer Torturm, der bei dieser Gelegenheit bestiegen werden kann.\n\nBitte melden Sie sich in der Tourist-Information im Bahnhof-Center an.",
            "en": "Volunteer guides in historical costume show visitors around Haldensleben. The tour starts at the Equestrian Roland and ends at the Bülstringen Gate Tower, which you can climb on this occasion.\n\nPlease register at the tourist information in the Bahnhof-Center.",
        },
        "start": "2027-05-15T11:00",
        "end": "2027-05-15T12:00",
        "all_day": False,
        "venue_poi": "reitender-roland",
        "venue_address": None,
        "category": "guided-tours",
    },
    {
        "slug": "internationaler-museumstag-2027",
        "title": {"de": "Internationaler Museumstag", "en": "International Museum Day"},
        "teaser": {
            "de": "Ein Tag mit Kurzführungen durch Dauer- und Sonderausstellungen des Museums Haldensleben.",
            "en": "A day of short tours through the permanent and special exhibitions of Museum Haldensleben.",
        },
        "description": {
            "de": "Zum Internationalen Museumstag lädt das Museum Haldensleben zu Kurzführungen ein – zum Original-Roland von 1528, zu den Brüdern Grimm und zur Biedermeierzeit. Auf dem Museumshof zeigen die Fachwerkhäuser Werkstätten jener Zeit.\n\nDas Programm richtet sich an Familien ebenso wie an Geschichtsinteressierte.",
            "en": "For International Museum Day, Museum Haldensleben offers short tours – to the original Roland of 1528, the Brothers Grimm and the Biedermeier period. In the courtyard the half-timbered houses show workshops of that era.\n\nThe programme is for families and history enthusiasts alike.",
        },
        "start": "2027-05-16T00:00",
        "end": "2027-05-16T00:00",
        "all_day": True,
        "venue_poi": "museum-haldensleben",
        "venue_address": None,
        "category": "exhibitions",
    },
    {
        "slug": "ohre-paddeltag-2027",
        "title": {"de": "Ohre-Paddeltag", "en": "Ohre paddling day"},
        "teaser": {
            "de": "Gemeinsam mit dem Kanu von Haldensleben nach Wedringen – mit Einweisung für Einsteiger.",
            "en": "Canoeing together from Haldensleben to Wedringen – with an introduction for beginners.",
        },
        "description": {
            "de": "Beim Paddeltag geht es gemeinsam auf die ruhige Ohre. Vor dem Start gibt es eine kurze Einweisung in Paddeltechnik und Sicherheit; Schwimmwesten sind Pflicht.\n\nTeilnehmen kann, wer schwimmen kann; Kinder nur in Begleitung Erwachsener. Bei zu niedrigem Wasserstand fällt der Paddeltag aus.",
            "en": "On paddling day participants set out together on the gentle Ohre. Before the start there is a short introduction to paddling technique and safety; life jackets are compulsory.\n\nAnyone who can swim may take part; children only with an adult. If the water is too low, the event is cancelled.",
        },
        "start": "2027-06-12T09:30",
        "end": "2027-06-12T15:00",
        "all_day": False,
        "venue_poi": "ohre",
        "venue_address": None,
        "category": "sports",
    },
]

# Admission, organisers and booking links: invented for the demo, booking on example.org.
TICKETS = {
    "maerchenstunde-museum-2026-11": {"price": "0", "organiser_name": "Museum Haldensleben"},
    "sternenmarkt-2026": {"price": "0", "organiser_name": "Stadt Haldensleben"},
    "advent-auf-schloss-hundisburg-2026": {
        "price": "3.00",
        "price_note": {
            "de": "Kinder bis 14 Jahre frei",
            "en": "Children up to 14 free",
            "pl": "Dzieci do 14 lat bezpłatnie",
        },
        "organiser_name": "Kultur-Landschaft Haldensleben-Hundisburg e. V.",
        "organiser_url": "https://kultur-landschaft.example.org/",
    },
    "adventskonzert-st-marien-2026": {
        "price": "12.00",
        "price_note": {"de": "ermäßigt 8 €", "en": "reduced €8", "pl": "ulgowy 8 €"},
        "booking_url": "https://tickets.example.org/adventskonzert-st-marien",
        "organiser_name": "Ev. Kirchengemeinde St. Marien Haldensleben",
    },
    "neujahrskonzert-hundisburg-2027": {
        "price": "18.00",
        "price_note": {"de": "ermäßigt 14 €", "en": "reduced €14", "pl": "ulgowy 14 €"},
        "booking_url": "https://tickets.example.org/neujahrskonzert-hundisburg",
        "organiser_name": "Kultur-Landschaft Haldensleben-Hundisburg e. V.",
        "organiser_url": "https://kultur-landschaft.example.org/",
    },
    "live-musik-alsteinklub-2027-02": {
        "price": "8.00",
        "booking_url": "https://tickets.example.org/alsteinklub",
        "organiser_name": "KulturFabrik Haldensleben",
    },
    "wanderung-grosssteingraeber-2027-03": {
        "price": "5.00",
        "booking_url": "https://tickets.example.org/grosssteingraeber",
        "organiser_name": "Tourist-Information Haldensleben",
    },
}

for _event in EVENTS:
    _event.update(TICKETS.get(_event["slug"], {}))
