# ruff: noqa: E501 -- visitor-facing prose reads better unwrapped in this data module.
# fmt: off
# One compact block per place keeps the module reviewable; the formatter would triple its length.
"""Points of interest in and around Haldensleben (demo content, German and English).

Facts follow public sources (town, district, museum and Wikipedia pages); where a
detail such as a phone number or opening time could not be verified it is left empty.
Coordinates are placed as well as known, to roughly a hundred metres in the old town.
Days in opening hours count from 0 = Monday; "00:00"–"00:00" means all day.
"""

from demo.content import polish

CREDIT = "Demo-Grafik: Stadt Haldensleben (generiert)"
EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]
HUNDISBURG = {"postal_code": "39343", "locality": "Haldensleben OT Hundisburg"}
CHRISTMAS_EVE = ("2026-12-24", "Heiligabend geschlossen", "Closed on Christmas Eve")
NEW_YEARS_EVE = ("2026-12-31", "Silvester geschlossen", "Closed on New Year's Eve")


def _hours(*seasons, special_days=(), closed_on_public_holidays=False):
    """Opening hours; no seasons means "no regular hours, ask on site"."""
    return {"seasons": list(seasons), "special_days": list(special_days), "closed_on_public_holidays": closed_on_public_holidays}


def _season(start, end, *weekly):
    return {"start": start, "end": end, "weekly": list(weekly)}


def _days(days, *ranges):
    return {"days": list(days), "ranges": [list(r) for r in ranges]}


def _always_open():
    return _hours(_season(None, None, _days(EVERY_DAY, ("00:00", "00:00"))))


def _closed(date, de, en):
    return {"date": date, "end": None, "closed": True, "ranges": [], "note": {"de": de, "en": en}}


def _access(step_free, toilet, parking, guide_dogs, de="", en=""):
    """Accessibility facts; None means unknown."""
    return {"step_free": step_free, "accessible_toilet": toilet, "accessible_parking": parking, "guide_dogs": guide_dogs, "notes": {"de": de, "en": en}}


def _image(motif, de, en):
    return {"motif": motif, "credit": CREDIT, "alt": {"de": de, "en": en}}


def _poi(slug, categories, lat, lon, **fields):
    """One point of interest; fields not given take the defaults most places share."""
    poi = {
        "slug": slug, "title": None, "teaser": None, "description": None, "categories": categories,
        "lat": lat, "lon": lon, "street": "", "postal_code": "39340", "locality": "Haldensleben",
        "phone": "", "email": "", "website": "", "admission": {"de": "", "en": ""},
        "opening_hours": _always_open(), "accessibility": _access(None, None, None, None),
        "tags": [], "image": None, "featured": False,
    }
    unknown = set(fields) - set(poi)
    if unknown:
        raise TypeError(f"Unknown point of interest fields: {sorted(unknown)}")
    poi.update(fields)
    return poi


POINTS_OF_INTEREST = [
    # --- Old town of Haldensleben and the river ------------------------------------------
    _poi(
        "reitender-roland", ["sights", "history"], 52.29090, 11.41222,
        title={"de": "Reitender Roland", "en": "Equestrian Roland statue"},
        teaser={"de": "Das Wahrzeichen der Stadt: der einzige Roland zu Pferde, vor dem Rathaus auf dem Markt.", "en": "The town's emblem: the only Roland on horseback, in front of the town hall on the market square."},
        description={
            "de": "Ein Roland ist in Haldensleben seit 1419 in den Stadtbüchern belegt, damals noch als stehende Figur. 1528 ersetzten die Bürger ihn durch ein steinernes Reiterstandbild, das bis heute als Zeichen der städtischen Rechte vor dem Rathaus steht.\n\nDie Figur auf dem Markt ist eine originalgetreue Replik aus badischem Kalkstein von 1927/28; das Original aus der Renaissance ist im Museum Haldensleben zu sehen. Überliefert ist, dass das Standbild einst drehbar war und zu den vier Stadttoren hin ausgerichtet werden konnte.",
            "en": "A Roland figure has been recorded in Haldensleben's town books since 1419, then still a standing figure. In 1528 the citizens replaced it with a stone equestrian statue, which still stands in front of the town hall as a sign of the town's rights.\n\nThe figure on the market square is a faithful limestone replica made in 1927/28; the Renaissance original is on display in Museum Haldensleben. According to tradition the statue could once be turned to face each of the four town gates.",
        },
        street="Markt",
        accessibility=_access(True, None, None, True, "Das Standbild steht frei zugänglich auf dem Markt.", "The statue stands on the open market square."),
        tags=["Roland", "Markt", "Wahrzeichen", "Renaissance"], image=_image("statue", "Grafik eines Reiterstandbilds vor Giebelhäusern", "Illustration of an equestrian statue in front of gabled houses"),
        featured=True,
    ),
    _poi(
        "rathaus", ["sights", "services"], 52.29112, 11.41250,
        title={"de": "Rathaus Haldensleben", "en": "Haldensleben town hall"},
        teaser={"de": "Klassizistisch geprägtes Rathaus am Markt und Sitz der Stadtverwaltung.", "en": "Town hall on the market square with a neoclassical face, seat of the town administration."},
        description={
            "de": "Das Rathaus wurde 1701 bis 1703 zunächst im barocken Stil errichtet; 1707 zog eine Ratsapotheke ein. Ein grundlegender Umbau im Stil des Klassizismus zwischen 1815 und 1823 prägt sein Erscheinungsbild bis heute.\n\nHeute ist das Rathaus am Markt 20–22 Sitz der Stadtverwaltung. Das Bürgerbüro erreichen Sie telefonisch unter 03904 479-150. Die hier gezeigten Öffnungszeiten sind Beispielwerte dieser Demo.",
            "en": "The town hall was first built in the Baroque style between 1701 and 1703; a council pharmacy moved in in 1707. A thorough neoclassical remodelling between 1815 and 1823 still shapes its appearance today.\n\nToday the town hall at Markt 20–22 houses the town administration. The citizens' office can be reached by phone on +49 3904 479-150. The opening hours shown here are example values of this demo.",
        },
        street="Markt 20–22", phone="03904 479-150", email="buergerbuero@haldensleben.de", website="https://www.haldensleben.de",
        opening_hours=_hours(_season(None, None, _days([0, 4], ("09:00", "12:00")), _days([1], ("09:00", "12:00"), ("13:00", "18:00")), _days([3], ("09:00", "12:00"), ("13:00", "16:00"))), special_days=[_closed(*CHRISTMAS_EVE), _closed(*NEW_YEARS_EVE)], closed_on_public_holidays=True),
        accessibility=_access(None, None, None, True, "Bitte erfragen Sie vor Ihrem Besuch den barrierefreien Zugang.", "Please ask about step-free access before your visit."),
        tags=["Rathaus", "Bürgerbüro", "Verwaltung", "Klassizismus"], image=_image("office", "Grafik einer Rathausfassade mit Fahne", "Illustration of a town hall facade with a flag"),
    ),
    _poi(
        "st-marien-kirche", ["churches", "sights"], 52.29140, 11.41370,
        title={"de": "St.-Marien-Kirche", "en": "St Mary's Church"},
        teaser={"de": "Evangelische Stadtkirche hinter dem Rathaus, deren Turmhaube der Berliner Marienkirche nachempfunden sein soll.", "en": "Protestant town church behind the town hall, its tower cap said to be modelled on St Mary's in Berlin."},
        description={
            "de": "Schon vor der Zerstörung der Stadt im Jahr 1181 stand hier eine Kirche. Ab 1375 entstand eine dreischiffige gotische Kirche, die beim Stadtbrand 1661 weitgehend zerstört und bis 1675 wiederaufgebaut wurde.\n\nNachdem 1808 der Südturm eingestürzt war, erhielt die Kirche ab 1812 einen einzigen neuen Turm. Sehenswert sind die frühgotische Sakristei mit einem Kreuzigungsrelief um 1400, Kanzel und Altar im Stil des Barock sowie die Grabsteine der Bürgermeister Joachim und Sebastian Alstein.",
            "en": "A church stood here even before the town was destroyed in 1181. From 1375 a Gothic church with three aisles was built; it was largely destroyed in the town fire of 1661 and rebuilt by 1675.\n\nAfter the south tower collapsed in 1808, the church was given a single new tower from 1812. Worth seeing are the early Gothic sacristy with a crucifixion relief from around 1400, the Baroque pulpit and altar, and the tombstones of the mayors Joachim and Sebastian Alstein.",
        },
        street="Magdeburger Straße 9", phone="03904 40519", website="https://www.kirche-haldensleben.de",
        opening_hours=_hours(_season([5, 1], [10, 31], _days([1, 2, 3, 4, 5, 6], ("10:00", "18:00")))),
        accessibility=_access(None, None, None, True),
        tags=["Kirche", "Gotik", "Barock", "Orgel"], image=_image("church", "Grafik einer Kirche mit hohem Turm", "Illustration of a church with a tall tower"),
    ),
    _poi(
        "stendaler-turm", ["history", "sights"], 52.29302, 11.41209,
        title={"de": "Stendaler Turm", "en": "Stendal Gate Tower"},
        teaser={"de": "Mittelalterlicher Torturm am nördlichen Rand der Altstadt, auch Mühlentor genannt.", "en": "Medieval gate tower on the northern edge of the old town, also called the Mill Gate."},
        description={
            "de": "Der Stendaler Turm wurde 1330 erstmals erwähnt und sicherte die Straße in Richtung Stendal. Neben dem Bülstringer Turm ist er das zweite erhaltene der einst vier Stadttore. Eine Steinplatte von 1593 über dem Torbogen trägt einen Spruch über den Schutz der Stadt.\n\nIm 19. Jahrhundert diente der Turm zeitweise als Gefängnis. 1988/89 wurden Turm und angrenzende Stadtmauer saniert; Tordurchfahrt und Fenster erhielten damals ihre heutige Gestalt.",
            "en": "The Stendal Tower was first mentioned in 1330 and guarded the road to Stendal. Together with the Bülstringen tower it is one of two surviving gates of the original four. A stone tablet of 1593 above the arch bears a motto about protecting the town.\n\nIn the 19th century the tower was used as a prison for a time. Tower and adjoining town wall were restored in 1988/89, when the gateway and windows took on their present form.",
        },
        street="Stendaler Straße",
        accessibility=_access(True, None, None, True, "Von außen jederzeit zu besichtigen.", "Can be viewed from outside at any time."),
        tags=["Stadttor", "Stadtbefestigung", "Mittelalter"], image=_image("gate", "Grafik eines Torturms in einer Stadtmauer", "Illustration of a gate tower in a town wall"),
    ),
    _poi(
        "buelstringer-torturm", ["history", "museums"], 52.29180, 11.40650,
        title={"de": "Bülstringer Torturm", "en": "Bülstringen Gate Tower"},
        teaser={"de": "Der älteste erhaltene Turm der Stadtbefestigung, mit einer Ausstellung zur Stadtgeschichte.", "en": "The oldest surviving tower of the town fortifications, with an exhibition on local history."},
        description={
            "de": "Der Turm entstand um 1250/60 aus Bruchsteinen und flankierte das Bülstringer Tor. Anders als die anderen Tore hatte es keinen Turm mit Durchfahrt, sondern einen bergfriedähnlichen Turm neben der Straße, der ursprünglich nur über den Wehrgang der Stadtmauer zu betreten war.\n\n1858 wurde der Turm um ein Uhrengeschoss erhöht; die Turmuhr der Firma Weule von 1911 läuft bis heute. Seit 1986 sind alle Geschosse begehbar und zeigen eine Ausstellung zur Geschichte Haldenslebens.",
            "en": "The tower was built of rubble stone around 1250/60 and flanked the Bülstringen Gate. Unlike the other gates it had no gate passage but a keep-like tower beside the road, originally reached only from the wall walk.\n\nIn 1858 a clock storey was added; the clock made by Weule in 1911 still works today. Since 1986 all floors have been open to visitors and show an exhibition on the history of Haldensleben.",
        },
        street="Bülstringer Straße 25",
        opening_hours=_hours(_season(None, None, _days([5, 6], ("10:00", "12:00")))),
        accessibility=_access(False, False, None, True, "Die Geschosse sind nur über Treppen erreichbar. Besichtigungen auch nach Voranmeldung.", "The floors can only be reached by stairs. Visits also by appointment."),
        tags=["Stadtbefestigung", "Turmuhr", "Stadtgeschichte"], image=_image("tower", "Grafik eines mittelalterlichen Turms mit Uhr", "Illustration of a medieval tower with a clock"),
    ),
    _poi(
        "stadtmauer", ["history"], 52.29250, 11.40780,
        title={"de": "Stadtmauer", "en": "Town wall"},
        teaser={"de": "Die rund 1,6 Kilometer lange, weitgehend erhaltene Mauer umschließt die Altstadt.", "en": "About 1.6 kilometres long and largely preserved, the wall encloses the old town."},
        description={
            "de": "Nach der Zerstörung der Stadt 1181 begann ab 1223 der planmäßige Wiederaufbau mit einem rechtwinkligen Straßennetz und einer Befestigung mit vier Stadttoren. Große Teile der Mauer sind erhalten und lassen sich auf einem Rundweg fast vollständig umrunden.\n\nInfotafeln entlang des Weges erzählen die Stadtgeschichte. Am Bülstringer Torturm ist auf der Außenseite das ursprüngliche Wall-Graben-System noch gut zu erkennen.",
            "en": "After the town was destroyed in 1181, planned rebuilding began in 1223 with a grid of streets and fortifications with four gates. Large parts of the wall survive and can be walked almost all the way round.\n\nInformation boards along the way tell the town's history. Outside the Bülstringen Gate Tower the original rampart and ditch can still be clearly seen.",
        },
        accessibility=_access(None, None, None, True, "Der Rundweg ist überwiegend eben, teils mit Kopfsteinpflaster.", "The circuit is mostly level, partly cobbled."),
        tags=["Stadtmauer", "Rundweg", "Mittelalter"], image=_image("stones", "Grafik einer Mauer aus Bruchsteinen", "Illustration of a rubble-stone wall"),
    ),
    _poi(
        "hagentor", ["history"], 52.28800, 11.41300,
        title={"de": "Reste des Hagentors", "en": "Remains of the Hagen Gate"},
        teaser={"de": "Ein Zinnenpfeiler aus rotem Sandstein erinnert an das abgerissene Hagentor.", "en": "A crenellated pillar of red sandstone recalls the demolished Hagen Gate."},
        description={
            "de": "Das Hagentor wurde 1238 erstmals urkundlich erwähnt. Im 17. Jahrhundert wurde der Torturm gekürzt und erhielt eine barocke Haube; nachdem 1862 Teile der Anlage eingestürzt waren, trug man das Tor weitgehend ab.\n\nUm 1870/80 wurden die Reste im Stil des Historismus neu gestaltet. Zur Erinnerung entstanden zwei mit Zinnen bekrönte Pfeiler aus rotem Sandstein, von denen einer erhalten ist.",
            "en": "The Hagen Gate was first recorded in 1238. In the 17th century its tower was shortened and given a Baroque cap; after parts of it collapsed in 1862, the gate was largely pulled down.\n\nAround 1870/80 the remains were redesigned in the historicist style. Two crenellated pillars of red sandstone were built as a reminder, one of which survives.",
        },
        street="Hagentorplatz",
        tags=["Stadttor", "Historismus"], image=_image("gate", "Grafik eines Torbogens mit Zinnen", "Illustration of a crenellated gateway"),
    ),
    _poi(
        "museum-haldensleben", ["museums"], 52.29170, 11.41010,
        title={"de": "Museum Haldensleben", "en": "Museum Haldensleben"},
        teaser={"de": "Regionalmuseum mit dem Original-Roland von 1528 und einem Teilnachlass der Brüder Grimm.", "en": "Regional museum with the original Roland of 1528 and part of the Brothers Grimm's estate."},
        description={
            "de": "Das 1910 gegründete Museum ist in einem klassizistischen Schulgebäude von 1865/66 im historischen Stadtkern untergebracht. Die Ausstellungen reichen von der Ur- und Frühgeschichte der Region über die Stadtgeschichte bis zur Biedermeierzeit und zu Johann Gottlob Nathusius.\n\nEin Schwerpunkt ist der Teilnachlass von Jacob und Wilhelm Grimm, den Wilhelm Grimms Enkelin Albertine Plock dem Museum 1963 vermachte. Zwei Fachwerkhäuser und ein Biedermeiergärtchen auf dem Museumshof bilden ein kleines Freilichtensemble.",
            "en": "Founded in 1910, the museum occupies a neoclassical school building of 1865/66 in the historic town centre. Its exhibitions range from the region's prehistory and the history of the town to the Biedermeier period and Johann Gottlob Nathusius.\n\nA highlight is part of the estate of Jacob and Wilhelm Grimm, left to the museum in 1963 by Wilhelm Grimm's granddaughter Albertine Plock. Two half-timbered houses and a small Biedermeier garden in the courtyard form a little open-air ensemble.",
        },
        street="Breiter Gang 1", phone="03904 2710", website="https://museumhaldensleben.de",
        opening_hours=_hours(_season(None, None, _days([1, 2, 3, 4], ("09:00", "12:00"), ("14:00", "17:00")), _days([6], ("10:00", "12:00"), ("14:00", "17:00"))), special_days=[_closed(*CHRISTMAS_EVE), _closed(*NEW_YEARS_EVE)]),
        accessibility=_access(None, None, None, True, "Auskunft zur Barrierefreiheit erhalten Sie beim Museum.", "Please ask the museum about accessibility."),
        tags=["Museum", "Brüder Grimm", "Roland", "Biedermeier"], image=_image("museum", "Grafik eines klassizistischen Museumsgebäudes", "Illustration of a neoclassical museum building"),
        featured=True,
    ),
    _poi(
        "hagenstrasse", ["shopping"], 52.28950, 11.41280,
        title={"de": "Einkaufsstraße Hagenstraße", "en": "Hagenstraße shopping street"},
        teaser={"de": "Geschäfte und sanierte Bürgerhäuser in einer der vier Hauptstraßen der Altstadt.", "en": "Shops and restored town houses on one of the old town's four main streets."},
        description={
            "de": "Die Hagenstraße ist eine der vier Straßen, die sich am Markt treffen und den rechtwinkligen Grundriss der Altstadt prägen. Seit Beginn der Stadtsanierung 1991 wurden viele Häuser restauriert, und die Straße lädt zum Bummeln ein.\n\nAm Hagentorplatz erinnert ein Sandsteinpfeiler an das frühere Stadttor.",
            "en": "Hagenstraße is one of the four streets that meet at the market square and shape the old town's grid. Since urban renewal began in 1991 many houses have been restored, and the street invites you to stroll.\n\nOn Hagentorplatz a sandstone pillar recalls the former town gate.",
        },
        street="Hagenstraße",
        opening_hours=_hours(),
        tags=["Einkaufen", "Altstadt", "Bummeln"], image=_image("shop", "Grafik eines Ladengeschäfts mit Markise", "Illustration of a shop front with an awning"),
    ),
    _poi(
        "kulturfabrik", ["leisure", "services"], 52.28960, 11.41580,
        title={"de": "KulturFabrik Haldensleben", "en": "KulturFabrik Haldensleben"},
        teaser={"de": "Kulturzentrum mit Alsteinklub und Stadt- und Kreisbibliothek in einer ehemaligen Keramikfabrik.", "en": "Cultural centre with the Alsteinklub and the town and district library in a former ceramics factory."},
        description={
            "de": "In dem Backsteinbau fertigte die Firma Uffrecht einst Zier- und Haushaltskeramik. Seit dem 12. April 1999 ist die städtische KulturFabrik in der Gerikestraße das kulturelle Zentrum der Kreisstadt.\n\nIm Alsteinklub finden jedes Jahr zahlreiche Veranstaltungen statt, vom FabrikKino über Lesungen und Kabarett bis zu Konzerten und Ausstellungen in der Kunstgalerie. Im selben Haus lädt die Stadt- und Kreisbibliothek zum Ausleihen und zu Lesungen ein.",
            "en": "The brick building once housed the Uffrecht company's production of decorative and household ceramics. Since 12 April 1999 the municipal KulturFabrik on Gerikestraße has been the cultural centre of the district town.\n\nThe Alsteinklub hosts many events every year, from the FabrikKino cinema to readings, cabaret, concerts and exhibitions in the art gallery. The town and district library in the same building lends books and holds readings.",
        },
        street="Gerikestraße 3a", website="https://www.haldensleben.de",
        opening_hours=_hours(),
        tags=["Kultur", "Bibliothek", "Kino", "Kabarett"], image=_image("town", "Grafik eines Backsteingebäudes in der Stadt", "Illustration of a brick building in town"),
    ),
    _poi(
        "bahnhof-haldensleben", ["services"], 52.28830, 11.42360,
        title={"de": "Bahnhof Haldensleben", "en": "Haldensleben railway station"},
        teaser={"de": "Regionalbahnhof mit Zügen nach Magdeburg und Wolfsburg; im Empfangsgebäude gibt es Fahrkarten und Stadtinformation.", "en": "Regional station with trains to Magdeburg and Wolfsburg; the station building sells tickets and offers town information."},
        description={
            "de": "Der Bahnhof liegt an der Strecke von Magdeburg über Haldensleben nach Oebisfelde; Regionalzüge fahren in Richtung Magdeburg und Wolfsburg. Das 1872 fertiggestellte Empfangsgebäude wurde 2011/12 von der Wohnungsbaugesellschaft Haldensleben saniert.\n\nIm Bahnhof-Center werden Fahrkarten für Bahn und Bus sowie Veranstaltungskarten verkauft; zugleich dient es als Touristinformation. Im Gebäude gibt es außerdem eine öffentliche Toilette.",
            "en": "The station is on the line from Magdeburg via Haldensleben to Oebisfelde, with regional trains towards Magdeburg and Wolfsburg. The station building, completed in 1872, was restored in 2011/12 by the town's housing company.\n\nThe Bahnhof-Center sells train, bus and event tickets and also serves as tourist information. There is a public toilet in the building.",
        },
        accessibility=_access(None, None, None, True, "Bitte informieren Sie sich über die Zugänge zu den Bahnsteigen bei der Deutschen Bahn.", "Please check platform access with Deutsche Bahn."),
        tags=["Bahn", "Anreise", "Fahrkarten"], image=_image("town", "Grafik eines Bahnhofsgebäudes", "Illustration of a station building"),
    ),
    _poi(
        "tourist-information", ["services"], 52.28840, 11.42340,
        title={"de": "Tourist-Information im Bahnhof-Center", "en": "Tourist information at the Bahnhof-Center"},
        teaser={"de": "Stadtinformation mit Prospekten, Gastgeberverzeichnis, Veranstaltungs- und Fahrkarten.", "en": "Town information with brochures, the accommodation guide, event and travel tickets."},
        description={
            "de": "Im sanierten Empfangsgebäude des Bahnhofs betreut das Team des Bahnhof-Centers der Wohnungsbaugesellschaft auch die Stadtinformation. Hier erhalten Sie das Gastgeberverzeichnis, Informationen zu Stadtführungen und Wegepläne zu den Großsteingräbern im Haldensleber Forst.\n\nAußerdem werden Fahrkarten für Bahn und Bus sowie Karten für Veranstaltungen verkauft.",
            "en": "In the restored station building, the team of the housing company's Bahnhof-Center also runs the town information. Here you can get the accommodation guide, information on guided tours and maps of the megalithic tombs in the Haldensleben Forest.\n\nTrain, bus and event tickets are sold here as well.",
        },
        opening_hours=_hours(_season(None, None, _days([0, 1, 2, 3, 4], ("06:00", "16:30"))), closed_on_public_holidays=True),
        tags=["Information", "Tickets", "Stadtführung"], image=_image("office", "Grafik eines Informationsschalters", "Illustration of an information desk"),
    ),
    _poi(
        "rolli-bad", ["leisure"], 52.28350, 11.39500,
        title={"de": "Rolli-Bad", "en": "Rolli-Bad swimming pool"},
        teaser={"de": "Sport- und Freizeitbad der Stadtwerke mit Sauna-Landschaft und im Sommer geöffnetem Außenbereich.", "en": "The public utility's swimming pool with a sauna area and an outdoor section open in summer."},
        description={
            "de": "Das Hallenbad auf dem Süplinger Berg wird von den Stadtwerken Haldensleben betrieben. Neben Schwimmer-, Nichtschwimmer- und Kinderbecken gibt es eine Sauna-Landschaft; im Sommer ist zusätzlich der Außenbereich mit Strömungskanal geöffnet.\n\nDas Bad dient auch dem Schul- und Vereinsschwimmen. Für die jährlichen Wartungsarbeiten schließt es in der Regel für rund zwei Wochen, meist in den Herbstferien.",
            "en": "The indoor pool on the Süplinger Berg is run by Stadtwerke Haldensleben. Besides pools for swimmers, non-swimmers and small children there is a sauna area; in summer the outdoor section with a current channel is open too.\n\nThe pool is also used for school and club swimming. It usually closes for about two weeks a year for maintenance, mostly during the autumn school holidays.",
        },
        opening_hours=_hours(),
        tags=["Schwimmen", "Sauna", "Familie"], image=_image("water", "Grafik von Wasser mit Wellen", "Illustration of water with waves"),
    ),
    _poi(
        "ohre", ["nature"], 52.29420, 11.41700,
        title={"de": "Ohre", "en": "Ohre river"},
        teaser={"de": "Der Fluss, an dem Haldensleben entstand – heute ein ruhiges Gewässer für Spaziergänge und Paddeltouren.", "en": "The river on which Haldensleben grew up – today a quiet stretch of water for walks and canoe trips."},
        description={
            "de": "Die rund 100 Kilometer lange Ohre fließt durch Haldensleben und mündet bei Rogätz in die Elbe. Am Ohreübergang entstand um das Jahr 1000 eine Sumpfburg, aus der sich die Stadt entwickelte.\n\nBei der Belagerung von 1181 stauten die Truppen des Magdeburger Erzbischofs Wichmann die Ohre auf und setzten die Stadt unter Wasser. Heute begleiten Wiesen und Wege den Fluss; bei ausreichendem Wasserstand lassen sich Abschnitte mit dem Kanu befahren.",
            "en": "The Ohre, about 100 kilometres long, flows through Haldensleben and joins the Elbe at Rogätz. Around the year 1000 a marsh castle was built at the river crossing, from which the town developed.\n\nDuring the siege of 1181 the troops of Archbishop Wichmann of Magdeburg dammed the Ohre and flooded the town. Today meadows and paths line the river, and when the water is high enough some stretches can be paddled by canoe.",
        },
        tags=["Fluss", "Kanu", "Natur"], image=_image("water", "Grafik eines Flusses mit Schilf", "Illustration of a river with reeds"),
    ),
    _poi(
        "ohre-wedringen", ["nature"], 52.28500, 11.45600,
        title={"de": "Ohre bei Wedringen", "en": "The Ohre at Wedringen"},
        teaser={"de": "Ruhiger Flussabschnitt nördlich des Dorfes Wedringen, nahe der Mündung der Beber.", "en": "Quiet stretch of river north of the village of Wedringen, near the mouth of the Beber."},
        description={
            "de": "Wedringen liegt östlich von Haldensleben; nördlich des Dorfes fließt die Ohre, in die in der Nähe die Beber aus dem Landschaftspark Althaldensleben-Hundisburg mündet.\n\nDer Ort wurde 1086 erstmals urkundlich erwähnt und gehört seit 1991 zu Haldensleben. Sehenswert ist die im Mittelalter entstandene Kirche Unserer Lieben Frauen.",
            "en": "Wedringen lies east of Haldensleben; the Ohre flows north of the village and is joined nearby by the Beber, which comes from the Althaldensleben-Hundisburg landscape park.\n\nThe village was first recorded in 1086 and has been part of Haldensleben since 1991. Its medieval Church of Our Lady is worth a look.",
        },
        postal_code="39345", locality="Haldensleben OT Wedringen",
        tags=["Fluss", "Kanu", "Aue"], image=_image("water", "Grafik einer Flussaue", "Illustration of a river meadow"),
    ),
    _poi(
        "mittellandkanal", ["sights"], 52.27950, 11.41800,
        title={"de": "Mittellandkanal und Südhafen", "en": "Mittelland Canal and south harbour"},
        teaser={"de": "Deutschlands längste künstliche Wasserstraße führt an der Stadt vorbei; Haldensleben hat hier einen Binnenhafen.", "en": "Germany's longest artificial waterway passes the town, which has an inland harbour on it."},
        description={
            "de": "Der rund 325 Kilometer lange Mittellandkanal verbindet den Dortmund-Ems-Kanal mit der Elbe bei Magdeburg. Der Abschnitt im Stadtgebiet, die sogenannte Stadtstrecke, war lange ein Nadelöhr und wurde bis 2018 für große Güterschiffe und Schubverbände ausgebaut.\n\nIm Südhafen Haldensleben werden Güter zwischen Schiff, Bahn und Lkw umgeschlagen. Von den Brücken aus lässt sich der Schiffsverkehr gut beobachten.",
            "en": "The Mittelland Canal, about 325 kilometres long, links the Dortmund-Ems Canal with the Elbe at Magdeburg. The section through the town, known as the Stadtstrecke, was long a bottleneck and was widened by 2018 for large cargo ships and push convoys.\n\nIn Haldensleben's south harbour goods are transferred between ship, rail and lorry. The bridges are good places to watch the shipping.",
        },
        tags=["Kanal", "Hafen", "Schifffahrt"], image=_image("bridge", "Grafik einer Kanalbrücke mit Schiff", "Illustration of a canal bridge with a barge"),
    ),
    _poi(
        "pulverturm-oberholz", ["history", "nature"], 52.31305, 11.41401,
        title={"de": "Pulverturm im Oberholz", "en": "Powder Tower in the Oberholz woods"},
        teaser={"de": "Runder Warturm der mittelalterlichen Landwehr im Wald nördlich der Stadt.", "en": "Round watchtower of the medieval boundary defences in the woods north of the town."},
        description={
            "de": "Der etwa 16 bis 18 Meter hohe Rundturm mit Zinnenkranz steht rund zwei Kilometer nördlich von Haldensleben im Oberholz. Er entstand vermutlich um 1402 mit der Haldensleber Landwehr.\n\nDer Turm ist von außen jederzeit zu besichtigen; der hoch gelegene Eingang ist vergittert.",
            "en": "The crenellated round tower, about 16 to 18 metres high, stands in the Oberholz woods some two kilometres north of Haldensleben. It was probably built around 1402 as part of the town's Landwehr boundary defences.\n\nThe tower can be viewed from outside at any time; the raised entrance is barred.",
        },
        accessibility=_access(False, False, None, True, "Erreichbar über Waldwege.", "Reached on forest tracks."),
        tags=["Wald", "Landwehr", "Mittelalter"], image=_image("tower", "Grafik eines runden Turms im Wald", "Illustration of a round tower in the woods"),
    ),
    # --- Haldensleben Forest and its megalithic tombs -------------------------------------
    _poi(
        "haldensleber-forst", ["nature"], 52.26800, 11.36000,
        title={"de": "Haldensleber Forst", "en": "Haldensleben Forest"},
        teaser={"de": "Waldgebiet westlich und südwestlich der Stadt mit einer der dichtesten Ansammlungen von Großsteingräbern in Europa.", "en": "Forest west and south-west of the town with one of the densest groups of megalithic tombs in Europe."},
        description={
            "de": "Auf etwa 20 Quadratkilometern liegen im Forst und seiner Umgebung rund 80 noch erkennbare jungsteinzeitliche Großsteingräber; Dutzende weitere wurden vor allem im 19. Jahrhundert zerstört. Das Gebiet wird „Historische Quadratmeile“ genannt und gehört seit 2023 zur europäischen Kulturroute „Megalithic Routes“.\n\nWald- und Forstwege führen zu bekannten Anlagen wie der Teufelsküche oder dem Grab in den Küchentannen. Im Wald ist die Beschilderung lückenhaft; eine Karte aus der Tourist-Information oder ein GPS-Gerät ist hilfreich.",
            "en": "Some 80 still recognisable Neolithic megalithic tombs lie in the forest and its surroundings, spread over about 20 square kilometres; dozens more were destroyed, mostly in the 19th century. The area is called the 'Historic Square Mile' and has been part of the European cultural route 'Megalithic Routes' since 2023.\n\nForest tracks lead to well-known tombs such as the Teufelsküche or the one in the Küchentannen. Signposting in the forest is patchy, so a map from the tourist information or a GPS device helps.",
        },
        accessibility=_access(False, False, None, True, "Unbefestigte Waldwege mit Wurzeln und leichten Steigungen.", "Unpaved forest tracks with roots and gentle slopes."),
        tags=["Wald", "Wandern", "Großsteingräber", "Jungsteinzeit"], image=_image("nature", "Grafik eines Mischwalds mit Weg", "Illustration of a mixed forest with a path"),
    ),
    _poi(
        "grosssteingrab-teufelskueche", ["history", "sights"], 52.27519, 11.38383,
        title={"de": "Großsteingrab Teufelsküche", "en": "Teufelsküche megalithic tomb"},
        teaser={"de": "Gut erhaltenes Ganggrab aus der Jungsteinzeit, nur wenige Minuten vom Waldhotel „Alte Ziegelei“.", "en": "Well-preserved Neolithic passage grave, a few minutes' walk from the Waldhotel 'Alte Ziegelei'."},
        description={
            "de": "Von dem Ganggrab sind noch acht Trag- und zwei Decksteine erhalten. Wie die übrigen Gräber des Forstes wurde es zwischen etwa 3500 und 2800 v. Chr. von Menschen der Trichterbecherkultur errichtet.\n\nDer Name stammt aus christlicher Zeit; eine Sage erzählt von heidnischen Pferdeopfern an diesem Ort. Vom Parkplatz an der „Alten Ziegelei“ geht man auf dem Fuß- und Radweg rund 350 Meter Richtung Haldensleben und biegt dann links in den Wald ab.",
            "en": "Eight uprights and two capstones of this passage grave survive. Like the other tombs in the forest it was built by people of the Funnel Beaker culture, roughly between 3500 and 2800 BC.\n\nThe name ('Devil's Kitchen') dates from Christian times; a legend tells of pagan horse sacrifices here. From the car park at the 'Alte Ziegelei', walk about 350 metres along the footpath and cycle path towards Haldensleben, then turn left into the woods.",
        },
        accessibility=_access(False, False, None, True, "Kurzer, unbefestigter Waldweg vom Radweg aus.", "Short unpaved forest path from the cycle path."),
        tags=["Großsteingrab", "Jungsteinzeit", "Sage"], image=_image("stones", "Grafik eines Großsteingrabs im Wald", "Illustration of a megalithic tomb in the forest"),
        featured=True,
    ),
    _poi(
        "grosssteingrab-kuechentannen", ["history"], 52.27100, 11.33500,
        title={"de": "Großsteingrab Küchentannen", "en": "Küchentannen megalithic tomb"},
        teaser={"de": "Eines der am besten erhaltenen Megalithgräber der Historischen Quadratmeile.", "en": "One of the best-preserved megalithic tombs of the Historic Square Mile."},
        description={
            "de": "Das Ganggrab im Forstort Küchentannen gilt als eine der eindrucksvollsten Anlagen im Haldensleber Forst. Bei einer Untersuchung durch die Universität Halle 1968 fanden sich zahlreiche Scherben der Tiefstichkeramik.\n\n1974 wurde das Grab restauriert. Es liegt abseits der Straßen mitten im Wald; planen Sie für den Weg ausreichend Zeit ein.",
            "en": "The passage grave in the Küchentannen part of the forest is regarded as one of the most impressive in the Haldensleben Forest. An excavation by the University of Halle in 1968 found many sherds of deep-stitch pottery.\n\nThe tomb was restored in 1974. It lies deep in the woods, away from roads, so allow enough time for the walk.",
        },
        accessibility=_access(False, False, None, True, "Nur über Waldwege erreichbar.", "Only reachable on forest tracks."),
        tags=["Großsteingrab", "Jungsteinzeit", "Wandern"], image=_image("stones", "Grafik großer Findlinge mit Deckstein", "Illustration of large boulders with a capstone"),
    ),
    _poi(
        "grosssteingrab-kuesterberg", ["history"], 52.25050, 11.41300,
        title={"de": "Großsteingrab Küsterberg", "en": "Küsterberg megalithic tomb"},
        teaser={"de": "Rund 5500 Jahre altes Megalithgrab, nach Ausgrabungen 2025 teilweise rekonstruiert.", "en": "Megalithic tomb about 5,500 years old, partly reconstructed in 2025 after excavations."},
        description={
            "de": "Das Grab liegt auf einem Feld in der Gemarkung Hundisburg und wurde 2010 bis 2013 von der Universität Kiel und dem Landesamt für Denkmalpflege und Archäologie Sachsen-Anhalt untersucht. Die Ost-West ausgerichtete Kammer war rund elf Meter lang und von einer Steinumfassung umgeben; der Eingang lag in der Mitte der Südseite.\n\nSeit April 2025 ist die teilrekonstruierte Anlage wieder für Besucher zugänglich. Sie liegt günstig am Aller-Elbe-Radweg und am Themenradweg „4 Millionen Jahre Mensch“.",
            "en": "The tomb lies in a field near Hundisburg and was investigated from 2010 to 2013 by Kiel University and the State Office for Heritage Management and Archaeology of Saxony-Anhalt. Its east–west chamber was about eleven metres long and enclosed by a stone kerb, with the entrance in the middle of the south side.\n\nSince April 2025 the partly reconstructed tomb has been open to visitors again. It is conveniently located on the Aller-Elbe cycle route and the themed cycle route '4 Million Years of Humankind'.",
        },
        **HUNDISBURG,
        tags=["Großsteingrab", "Archäologie", "Radweg"], image=_image("stones", "Grafik einer Steinkammer auf einem Feld", "Illustration of a stone chamber in a field"),
    ),
    # --- Althaldensleben and Hundisburg ----------------------------------------------------
    _poi(
        "kloster-althaldensleben", ["history"], 52.26337, 11.42017,
        title={"de": "Kloster Althaldensleben", "en": "Althaldensleben Abbey"},
        teaser={"de": "Ehemaliges Zisterzienserinnenkloster von 1228 und Ausgangspunkt des Landschaftsparks.", "en": "Former Cistercian nunnery founded in 1228 and starting point of the landscape park."},
        description={
            "de": "Erzbischof Albrecht I. von Magdeburg gründete das Kloster 1228 mit Nonnen aus Wöltingerode. Der Konvent bestand bis zur Aufhebung 1810; danach erwarb Johann Gottlob Nathusius die Anlage, und seine Familie bewohnte das ehemalige Klostergebäude als Herrenhaus.\n\nDie in der Barockzeit weitgehend erneuerte Anlage ist erhalten und wird heute von einer Berufsschule genutzt. Von hier führen Wege durch den Landschaftspark nach Hundisburg.",
            "en": "Archbishop Albrecht I of Magdeburg founded the nunnery in 1228 with nuns from Wöltingerode. The convent existed until it was dissolved in 1810; Johann Gottlob Nathusius then bought the estate, and his family lived in the former convent building as a manor house.\n\nThe buildings, largely renewed in the Baroque period, survive and are used today by a vocational school. From here paths lead through the landscape park to Hundisburg.",
        },
        locality="Haldensleben OT Althaldensleben",
        accessibility=_access(None, None, None, True, "Die Gebäude werden schulisch genutzt und sind nicht allgemein zugänglich.", "The buildings are used by a school and are not generally open."),
        tags=["Kloster", "Zisterzienserinnen", "Nathusius"], image=_image("church", "Grafik eines Klostergebäudes", "Illustration of a convent building"),
    ),
    _poi(
        "landschaftspark-althaldensleben-hundisburg", ["nature"], 52.25400, 11.40800,
        title={"de": "Landschaftspark Althaldensleben-Hundisburg", "en": "Althaldensleben-Hundisburg landscape park"},
        teaser={"de": "Rund 100 Hektar großer Landschaftsgarten im Tal der Beber zwischen Kloster und Schloss.", "en": "Landscape garden of about 100 hectares in the Beber valley between abbey and palace."},
        description={
            "de": "Der Park entstand ab dem frühen 19. Jahrhundert, nachdem Johann Gottlob Nathusius 1810 das Kloster Althaldensleben und 1811 Hundisburg erworben hatte; er verbindet beide Besitzungen. Er gilt als drittgrößte Anlage seiner Art in Sachsen-Anhalt und gehört seit 2004 zum Netzwerk „Gartenträume Sachsen-Anhalt“.\n\nÜber 150 einheimische und fremdländische Gehölzarten, Wiesen im Bebertal und zahlreiche Brücken prägen den frei zugänglichen Park. Gastronomie gibt es im Park selbst nicht, wohl aber im Schloss Hundisburg.",
            "en": "The park was laid out from the early 19th century after Johann Gottlob Nathusius had bought Althaldensleben Abbey in 1810 and Hundisburg in 1811; it links the two estates. It is considered the third-largest park of its kind in Saxony-Anhalt and has been part of the 'Garden Dreams Saxony-Anhalt' network since 2004.\n\nMore than 150 native and exotic species of trees and shrubs, meadows in the Beber valley and many bridges shape the freely accessible park. There is no café in the park itself, but there is one in Hundisburg palace.",
        },
        locality="Haldensleben OT Althaldensleben",
        accessibility=_access(None, None, None, True, "Die Wege verlaufen überwiegend flach, sind aber teils unbefestigt; an den Parkrändern gibt es Steigungen.", "Paths are mostly level but partly unpaved; there are slopes at the edges of the park."),
        tags=["Park", "Gartenträume", "Spaziergang", "Beber"], image=_image("nature", "Grafik einer Parklandschaft mit Bäumen", "Illustration of parkland with trees"),
        featured=True,
    ),
    _poi(
        "schloss-hundisburg", ["sights", "history"], 52.24630, 11.39390,
        title={"de": "Schloss Hundisburg", "en": "Hundisburg Palace"},
        teaser={"de": "Das bedeutendste ländliche Barockschloss Sachsen-Anhalts, mit Konzerten, Sammlungen und Schlossgastronomie.", "en": "Saxony-Anhalt's most important rural Baroque palace, with concerts, collections and a restaurant."},
        description={
            "de": "Die im 12. Jahrhundert erstmals erwähnte Burg sicherte die Grenze des Erzbistums Magdeburg; ihr Bergfried ist als Südturm erhalten. Von 1693 bis 1712 ließ Johann Friedrich II. von Alvensleben die Anlage durch den Braunschweiger Landbaumeister Hermann Korb zum Barockschloss umbauen.\n\nNach dem Brand im November 1945 wird das Schloss seit 1991 schrittweise wiederhergestellt; 1994 erwarb es die Stadt Haldensleben. Heute finden hier Konzerte und Ausstellungen statt, und die historischen Schlossräume mit der Alvenslebenschen Bibliothek sind von April bis Oktober sonntags geöffnet.",
            "en": "First mentioned in the 12th century, the castle guarded the border of the Archbishopric of Magdeburg; its keep survives as the south tower. From 1693 to 1712 Johann Friedrich II von Alvensleben had it rebuilt as a Baroque palace by Hermann Korb, master builder from Brunswick.\n\nAfter a fire in November 1945 the palace has been restored step by step since 1991; the town of Haldensleben bought it in 1994. Today it hosts concerts and exhibitions, and the historic rooms with the Alvensleben library open on Sundays from April to October.",
        },
        **HUNDISBURG, street="Schloss", website="https://www.schloss-hundisburg.de",
        admission={"de": "Schlosshof, Barockgarten und Park sind frei zugänglich.", "en": "Courtyard, Baroque garden and park are free to enter."},
        opening_hours=_hours(_season([4, 1], [10, 31], _days([6], ("14:00", "17:00")))),
        accessibility=_access(None, None, None, True, "Parkplätze gibt es auf dem Schlosshof und am Garten nahe dem Sportplatz.", "Parking is available in the palace courtyard and by the garden near the sports ground."),
        tags=["Schloss", "Barock", "Konzerte", "Alvensleben"], image=_image("castle", "Grafik eines Barockschlosses mit zwei Türmen", "Illustration of a Baroque palace with two towers"),
        featured=True,
    ),
    _poi(
        "barockgarten-hundisburg", ["nature", "sights"], 52.24560, 11.39560,
        title={"de": "Barockgarten Hundisburg", "en": "Hundisburg Baroque garden"},
        teaser={"de": "Terrassengarten aus der Zeit um 1700, seit 1991 schrittweise rekonstruiert.", "en": "Terraced garden from around 1700, being reconstructed step by step since 1991."},
        description={
            "de": "Der Garten wurde ab 1699 zusammen mit dem Barockschloss angelegt; um 1740 vollendete das schmiedeeiserne Pariser Tor die Anlage. Mit Parterres, Heckenbosketten, einem Irrgarten und Wasserspielen zählte er im 18. Jahrhundert zu den bedeutendsten Gärten Norddeutschlands.\n\nSeit 1991 wird der Garten rekonstruiert; ein Schwerpunkt ist heute eine Sammlung historischer Obstsorten der Region. Das Pariser Tor bleibt geschlossen, Besucher nutzen die Pforte gleich daneben.",
            "en": "The garden was laid out from 1699 together with the Baroque palace; around 1740 the wrought-iron Paris Gate completed it. With parterres, hedge bosquets, a maze and fountains it ranked among the finest gardens in northern Germany in the 18th century.\n\nReconstruction began in 1991; a focus today is a collection of historic fruit varieties from the region. The Paris Gate itself stays closed – visitors use the small gate next to it.",
        },
        **HUNDISBURG, street="Schloss",
        accessibility=_access(None, None, None, True, "Der Garten ist in Terrassen angelegt; zwischen den Ebenen gibt es Stufen und Rampen.", "The garden is terraced, with steps and ramps between the levels."),
        tags=["Garten", "Barock", "Obstsorten", "Gartenträume"], image=_image("garden", "Grafik eines symmetrischen Barockgartens", "Illustration of a symmetrical Baroque garden"),
    ),
    _poi(
        "haus-des-waldes", ["museums", "nature"], 52.24665, 11.39370,
        title={"de": "Haus des Waldes", "en": "House of the Forest"},
        teaser={"de": "Waldinformationszentrum des Landes im wiederaufgebauten Nordflügel von Schloss Hundisburg.", "en": "The state's forest information centre in the rebuilt north wing of Hundisburg Palace."},
        description={
            "de": "Der Nordflügel des Schlosses war nach dem Brand von 1945 eine Ruine; seit 1995 wurde er für das Haus des Waldes wiederaufgebaut. Eine interaktive Walderlebnisausstellung zeigt den Wald als Lebensraum und seine Bedeutung für Mensch und Umwelt.\n\nWaldpädagogische Führungen, ein Walderlebnispfad und Veranstaltungen ergänzen das Angebot. Das Haus arbeitet eng mit der Ökoschule Hundisburg zusammen.",
            "en": "The palace's north wing was a ruin after the 1945 fire; from 1995 it was rebuilt for the House of the Forest. An interactive exhibition presents the forest as a habitat and its importance for people and the environment.\n\nGuided forest-education walks, a forest adventure trail and events complete the programme. The centre works closely with the Hundisburg eco-school.",
        },
        **HUNDISBURG, street="Schloss 2a", phone="03904 668757", website="https://hausdeswaldes.sachsen-anhalt.de",
        opening_hours=_hours(_season(None, None, _days([0, 1, 2, 3, 4], ("09:00", "15:00")), _days([6], ("14:00", "17:00"))), special_days=[_closed(*CHRISTMAS_EVE), _closed(*NEW_YEARS_EVE)], closed_on_public_holidays=True),
        tags=["Wald", "Ausstellung", "Umweltbildung", "Kinder"], image=_image("nature", "Grafik von Bäumen vor einem Schlossflügel", "Illustration of trees in front of a palace wing"),
    ),
    _poi(
        "ziegelei-hundisburg", ["museums", "history"], 52.24100, 11.40300,
        title={"de": "Technisches Denkmal Ziegelei Hundisburg", "en": "Hundisburg Brickworks industrial monument"},
        teaser={"de": "Vollständig erhaltene Ziegelei von 1882, in der bis heute Ziegel gebrannt werden.", "en": "Fully preserved brickworks of 1882 where bricks are still fired today."},
        description={
            "de": "Die 1882 gegründete Ziegelei stellte 1903 von Handarbeit auf Maschinenbetrieb um und produzierte bis 1990. Seitdem ist sie ein Technisches Denkmal: Dampfmaschine, Transmission und ein kohlebefeuerter Zickzackofen zeigen den Weg des Ziegels von der Tongrube bis zum Brand.\n\nIn der Grobkeramikwerkstatt entstehen im Handstrich Formziegel für die Denkmalpflege, und Besucher können selbst mit Ton arbeiten. Eine Feldbahn fährt an der ehemaligen Tongrube und einem Eimerkettenbagger vorbei.",
            "en": "Founded in 1882, the brickworks switched from hand to machine production in 1903 and operated until 1990. Since then it has been an industrial monument: a steam engine, line shafting and a coal-fired zigzag kiln show how a brick is made, from the clay pit to the kiln.\n\nIn the pottery workshop moulded bricks for heritage restoration are still made by hand, and visitors can work with clay themselves. A narrow-gauge field railway runs past the former clay pit and a bucket-chain excavator.",
        },
        **HUNDISBURG, street="Jacob-Bührer-Straße 2", phone="03904 42835", website="https://www.ziegelei-hundisburg.de",
        admission={"de": "Führung laut Stadt: Erwachsene 3 €, Kinder 1 €. Aktuelle Preise bitte vor Ort erfragen.", "en": "Guided visit according to the town: adults €3, children €1. Please check current prices on site."},
        opening_hours=_hours(_season([1, 1], [4, 30], _days([1, 2, 3, 4], ("10:00", "16:00"))), _season([5, 1], [10, 31], _days([1, 2, 3, 4], ("10:00", "16:00")), _days([6], ("10:00", "17:00"))), _season([11, 1], [12, 31], _days([1, 2, 3, 4], ("10:00", "16:00"))), special_days=[_closed(*CHRISTMAS_EVE), _closed(*NEW_YEARS_EVE)]),
        accessibility=_access(None, None, None, True, "Ein großer Teil der Anlage liegt im Freien; Gruppen ab zehn Personen auch nach Voranmeldung.", "Much of the site is outdoors; groups of ten or more also by appointment."),
        tags=["Industriekultur", "Ziegel", "Feldbahn", "Töpfern"], image=_image("museum", "Grafik einer Ziegelei mit Schornstein", "Illustration of a brickworks with a chimney"),
        featured=True,
    ),
    _poi(
        "kirchenruine-nordhusen", ["history", "churches"], 52.24725, 11.38436,
        title={"de": "Kirchenruine Nordhusen", "en": "Nordhusen church ruin"},
        teaser={"de": "17 Meter hoher romanischer Kirchturm eines verlassenen Dorfes, Station der Straße der Romanik.", "en": "17-metre Romanesque church tower of a deserted village, a stop on the Romanesque Road."},
        description={
            "de": "Die Ruine ist der Westquerturm der Dorfkirche von Nordhusen, die um 1200 am hohen Nordufer der Beber entstand. Schon ab etwa 1214 gaben die Bewohner den Ort nach und nach auf und gründeten Hundisburg; bis zum Ende des 15. Jahrhunderts fiel Nordhusen wüst.\n\nDer Turm aus Grauwacke-Bruchstein wurde im 19. Jahrhundert als malerischer Blickpunkt in den Landschaftspark einbezogen. Er ist frei zugänglich; über die benachbarten Steinbruchseen blickt man zum Schloss Hundisburg.",
            "en": "The ruin is the west tower of the village church of Nordhusen, built around 1200 on the high north bank of the Beber. From about 1214 the villagers gradually left and founded Hundisburg; by the end of the 15th century Nordhusen was deserted.\n\nIn the 19th century the greywacke tower became a picturesque eye-catcher in the landscape park. It is freely accessible, and across the neighbouring quarry lakes you can see Hundisburg palace.",
        },
        **HUNDISBURG,
        accessibility=_access(None, None, None, True, "Ein Parkplatz liegt etwa 100 Meter entfernt; der Weg dorthin ist asphaltiert.", "A car park is about 100 metres away, reached on a tarmac path."),
        tags=["Romanik", "Wüstung", "Straße der Romanik"], image=_image("church", "Grafik einer Kirchturmruine am Wasser", "Illustration of a ruined church tower by the water"),
    ),
    _poi(
        "schulmuseum-hundisburg", ["museums"], 52.24430, 11.39850,
        title={"de": "Schulmuseum Hundisburg", "en": "Hundisburg school museum"},
        teaser={"de": "Historische Klassenzimmer und Lehrerwohnung im ältesten Schulgebäude des Ortes.", "en": "Historic classrooms and a teacher's flat in the village's oldest school building."},
        description={
            "de": "Das Schulmuseum wurde 1988 im ältesten Schulgebäude Hundisburgs eingerichtet und wird als Nebenstelle des Museums Haldensleben betrieben. Im 2015 sanierten Fachwerkhaus sind die historischen Klassenzimmer und die ab 1906 von der Lehrerfamilie Senff eingerichtete Wohnung zu sehen.\n\nZum Museum gehören der Schulhof und der im historisierenden Stil wiederhergestellte Rektoratsgarten. Besuchszeiten erfragen Sie bitte beim Museum Haldensleben.",
            "en": "The school museum opened in 1988 in Hundisburg's oldest school building and is run as a branch of Museum Haldensleben. The half-timbered house, restored in 2015, shows the historic classrooms and the flat furnished from 1906 by the Senff family of teachers.\n\nThe schoolyard and the recreated head teacher's garden are part of the museum. Please ask Museum Haldensleben about visiting times.",
        },
        **HUNDISBURG,
        opening_hours=_hours(),
        tags=["Schule", "Fachwerk", "Kinder"], image=_image("museum", "Grafik eines alten Schulhauses", "Illustration of an old school house"),
    ),
    _poi(
        "schlossladen-hundisburg", ["shopping"], 52.24640, 11.39420,
        title={"de": "Schlossladen Hundisburg", "en": "Hundisburg palace shop"},
        teaser={"de": "Prospekte, Literatur und Produkte aus der Region im Neuen Werk des Schlosses.", "en": "Brochures, books and regional products in the palace's Neues Werk building."},
        description={
            "de": "Der Schlossladen gehört zum Verein KULTUR-Landschaft Haldensleben-Hundisburg, der seit 1995 im Auftrag der Stadt die Schloss- und Gartenverwaltung trägt. Er bietet Informationsmaterial, ausgewählte Literatur und Produkte aus der Region.\n\nAn Wochenenden und Feiertagen ist der Laden zusammen mit der Schlossinformation geöffnet, unter der Woche nach telefonischer Anmeldung.",
            "en": "The palace shop is run by the KULTUR-Landschaft Haldensleben-Hundisburg association, which has managed palace and gardens on behalf of the town since 1995. It offers information material, selected books and regional products.\n\nThe shop opens with the palace information desk at weekends and on public holidays, and on weekdays by telephone arrangement.",
        },
        **HUNDISBURG, street="Schloss",
        opening_hours=_hours(),
        tags=["Regionales", "Bücher", "Souvenirs"], image=_image("shop", "Grafik eines kleinen Ladens", "Illustration of a small shop"),
    ),
    _poi(
        "schlossgastronomie-hundisburg", ["food-and-drink"], 52.24620, 11.39400,
        title={"de": "Restaurant und Café im Schloss Hundisburg", "en": "Restaurant and café at Hundisburg Palace"},
        teaser={"de": "Einkehr im Erdgeschoss des Schlosses – ideal als Start oder Ziel eines Parkspaziergangs.", "en": "Food and drink on the palace's ground floor – ideal before or after a walk in the park."},
        description={
            "de": "Im Erdgeschoss des Hauptgebäudes von Schloss Hundisburg befinden sich ein Restaurant und ein Café; der Verein KULTUR-Landschaft Haldensleben-Hundisburg verpachtet die Gastronomie. Da es im Landschaftspark selbst keine Einkehrmöglichkeit gibt, bietet sich das Schloss als Start oder Ziel an.\n\nÖffnungszeiten und Angebot wechseln mit der Saison; bitte informieren Sie sich vor Ihrem Besuch.",
            "en": "A restaurant and café are on the ground floor of Hundisburg Palace's main building; the catering is leased out by the KULTUR-Landschaft Haldensleben-Hundisburg association. As there is nowhere to eat in the landscape park itself, the palace makes a good start or end point.\n\nOpening times and menu change with the season; please check before your visit.",
        },
        **HUNDISBURG, street="Schloss",
        opening_hours=_hours(),
        tags=["Café", "Restaurant", "Einkehr"], image=_image("food", "Grafik eines gedeckten Tisches mit Kaffee und Kuchen", "Illustration of a table with coffee and cake"),
    ),
    _poi(
        "torhausherberge-ziegelei", ["accommodation"], 52.24120, 11.40270,
        title={"de": "Torhausherberge der Ziegelei Hundisburg", "en": "Gatehouse hostel at Hundisburg Brickworks"},
        teaser={"de": "Übernachten im Torhaus des Technischen Denkmals.", "en": "Stay overnight in the gatehouse of the industrial monument."},
        description={
            "de": "Zum Technischen Denkmal Ziegelei Hundisburg gehören neben Museum, Werkstätten und Tischlerei auch eine Herberge im Torhaus. Die Ziegelei wird vom Landkreis Börde und dem Förderverein Technisches Denkmal Ziegelei Hundisburg e.V. gemeinsam betrieben.\n\nAnfragen zu Übernachtungen richten Sie bitte an die Ziegelei.",
            "en": "Besides the museum, workshops and joinery, Hundisburg Brickworks also has a hostel in its gatehouse. The brickworks is run jointly by the Börde district and the association that supports the monument.\n\nPlease send enquiries about overnight stays to the brickworks.",
        },
        **HUNDISBURG, street="Jacob-Bührer-Straße 2", phone="03904 42835", website="https://www.ziegelei-hundisburg.de",
        opening_hours=_hours(),
        tags=["Übernachten", "Herberge", "Gruppen"], image=_image("bed", "Grafik eines Betts in einem Zimmer", "Illustration of a bed in a room"),
    ),
    _poi(
        "waldhotel-alte-ziegelei", ["accommodation", "food-and-drink"], 52.27330, 11.38000,
        title={"de": "Waldhotel „Alte Ziegelei“", "en": "Waldhotel 'Alte Ziegelei'"},
        teaser={"de": "Hotel mit Gaststätte am Rand des Haldensleber Forstes an der B 245, Ausgangspunkt zu den Großsteingräbern.", "en": "Hotel with restaurant on the edge of the Haldensleben Forest on the B 245, a starting point for the megalithic tombs."},
        description={
            "de": "Das Waldhotel liegt südwestlich von Haldensleben an der Bundesstraße 245, direkt am Haldensleber Forst. Am Parkplatz gegenüber informiert eine Tafel über die Großsteingräber der Umgebung.\n\nDie Teufelsküche erreichen Sie von hier in wenigen Minuten zu Fuß über den Fuß- und Radweg Richtung Haldensleben.",
            "en": "The forest hotel lies south-west of Haldensleben on federal road B 245, right on the edge of the Haldensleben Forest. A board at the car park opposite gives information about the megalithic tombs nearby.\n\nThe Teufelsküche tomb is a few minutes' walk away along the footpath and cycle path towards Haldensleben.",
        },
        opening_hours=_hours(),
        tags=["Hotel", "Gaststätte", "Wandern"], image=_image("bed", "Grafik eines Hotelzimmers mit Blick in den Wald", "Illustration of a hotel room looking onto the forest"),
    ),
]

polish.add_to_items(POINTS_OF_INTEREST, polish.POINTS_OF_INTEREST)

# After loading, the German teaser of this place is reworded while its English stays as it
# was: the demo shows an outdated translation (the report, the note on the English page).
OUTDATED_TRANSLATION = {
    "slug": "stendaler-turm",
    "field": "teaser",
    "de": "Mittelalterlicher Torturm am Nordrand der Altstadt; er heißt auch Mühlentor.",
}
