# ruff: noqa: E501 -- visitor-facing prose reads better unwrapped in this data module.
"""The home page and the standard municipal pages (demo content).

Legal pages describe this demo installation. Addresses marked as placeholders
(``@example.org``) must be replaced before the site is run for the town.
"""

from demo.content import polish

DEMO_NOTE = {
    "de": "Dies ist eine Demonstrationsinstallation eines Open-Source-Projekts und keine offizielle Website der Stadt Haldensleben. Fragen zu dieser Demo richten Sie bitte nicht an die Stadtverwaltung, sondern an demo@example.org (Platzhalter).",
    "en": "This is a demonstration installation of an open-source project, not an official website of the town of Haldensleben. Please do not send questions about this demo to the town administration but to demo@example.org (placeholder).",
}


def _heading(de, en):
    return {"type": "heading", "text": {"de": de, "en": en}}


def _paragraph(de, en):
    return {"type": "paragraph", "text": {"de": de, "en": en}}


def _faq(*items):
    return {
        "type": "faq",
        "items": [
            {"question": {"de": q_de, "en": q_en}, "answer": {"de": a_de, "en": a_en}}
            for q_de, q_en, a_de, a_en in items
        ],
    }


HOME = {
    "title": {"de": "Startseite", "en": "Home"},
    "hero_title": {"de": "Willkommen in Haldensleben", "en": "Welcome to Haldensleben"},
    "hero_text": {
        "de": "Die Stadt des Reitenden Roland: mittelalterliche Altstadt an der Ohre, Barockschloss Hundisburg und über 5000 Jahre alte Großsteingräber im Haldensleber Forst.",
        "en": "The town of the Equestrian Roland: a medieval old town on the Ohre, Hundisburg's Baroque palace and megalithic tombs more than 5,000 years old in the Haldensleben Forest.",
    },
    "intro": {
        "de": "Haldensleben ist die Kreisstadt des Landkreises Börde in Sachsen-Anhalt und liegt rund 30 Kilometer nordwestlich von Magdeburg. Entdecken Sie die von einer fast vollständig erhaltenen Stadtmauer umschlossene Altstadt, radeln Sie durch den Landschaftspark nach Hundisburg oder wandern Sie zu den Großsteingräbern der Historischen Quadratmeile.",
        "en": "Haldensleben is the district town of the Börde district in Saxony-Anhalt, about 30 kilometres north-west of Magdeburg. Explore the old town, enclosed by an almost complete medieval wall, cycle through the landscape park to Hundisburg or hike to the megalithic tombs of the Historic Square Mile.",
    },
    # Each card links to its "target" page; the emergency numbers have none (nothing to open).
    "quick_links": [
        {
            "title": {"de": "Rathaus & Öffnungszeiten", "en": "Town hall & opening hours"},
            "target": ("standard", "rathaus-und-oeffnungszeiten"),
            "text": {
                "de": "Markt 20–22, 39340 Haldensleben – Sprechzeiten und Kontakte der Verwaltung.",
                "en": "Markt 20–22, 39340 Haldensleben – office hours and contacts of the administration.",
            },
        },
        {
            "title": {"de": "Bürgerbüro", "en": "Citizens' office"},
            "target": ("poi", "rathaus"),
            "text": {
                "de": "Telefon 03904 479-150 – Ausweise, Meldewesen und Auskünfte.",
                "en": "Phone +49 3904 479-150 – ID documents, registration and information.",
            },
        },
        {
            "title": {"de": "Tourist-Information", "en": "Tourist information"},
            "target": ("poi", "tourist-information"),
            "text": {
                "de": "Im Bahnhof-Center: Stadtpläne, Gastgeberverzeichnis, Fahr- und Veranstaltungskarten.",
                "en": "At the Bahnhof-Center: town maps, accommodation guide, travel and event tickets.",
            },
        },
        {
            "title": {"de": "Veranstaltungen", "en": "Events"},
            "target": ("index", "events"),
            "text": {
                "de": "Vom Sternenmarkt bis zum Ohre-Paddeltag – alle Termine im Kalender.",
                "en": "From the Star Market to the Ohre paddling day – all dates in the calendar.",
            },
        },
        {
            "title": {"de": "Notruf", "en": "Emergency"},
            "text": {
                "de": "Polizei 110, Feuerwehr und Rettungsdienst 112.",
                "en": "Police 110, fire brigade and ambulance 112.",
            },
        },
    ],
    "town": {
        "name": "Haldensleben",
        "lat": 52.29090,
        "lon": 11.41222,
        "population_note": {
            "de": "rund 19.000 Einwohnerinnen und Einwohner (19.133 am 31.12.2020)",
            "en": "about 19,000 inhabitants (19,133 on 31 December 2020)",
        },
    },
}

STANDARD_PAGES = [
    {
        "slug": {"de": "impressum", "en": "legal-notice"},
        "title": {"de": "Impressum", "en": "Legal notice"},
        "intro": {
            "de": "Angaben nach § 5 Digitale-Dienste-Gesetz und § 18 Medienstaatsvertrag.",
            "en": "Information pursuant to section 5 of the German Digital Services Act (DDG) and section 18 of the Interstate Media Treaty.",
        },
        "blocks": [
            _paragraph(DEMO_NOTE["de"], DEMO_NOTE["en"]),
            _heading("Herausgeberin", "Publisher"),
            _paragraph(
                "Stadt Haldensleben, Markt 20–22, 39340 Haldensleben\n\nDie Stadt Haldensleben ist eine Körperschaft des öffentlichen Rechts. Sie wird gesetzlich vertreten durch den Bürgermeister.\n\nE-Mail: info@haldensleben.de – Internet: www.haldensleben.de – Bürgerbüro: Telefon 03904 479-150",
                "Stadt Haldensleben (town of Haldensleben), Markt 20–22, 39340 Haldensleben, Germany\n\nThe town of Haldensleben is a public-law corporation. It is legally represented by the mayor.\n\nEmail: info@haldensleben.de – Web: www.haldensleben.de – Citizens' office: phone +49 3904 479-150",
            ),
            _heading("Aufsichtsbehörde", "Supervisory authority"),
            _paragraph(
                "Kommunalaufsicht: Landkreis Börde, Gerikestraße 104, 39340 Haldensleben",
                "Municipal supervision: Landkreis Börde (Börde district), Gerikestraße 104, 39340 Haldensleben",
            ),
            _heading("Verantwortlich für den Inhalt", "Responsible for the content"),
            _paragraph(
                "Verantwortlich im Sinne von § 18 Abs. 2 Medienstaatsvertrag ist die Pressestelle der Stadt Haldensleben, Anschrift wie oben. In dieser Demo wird keine Person namentlich genannt.",
                "Responsible within the meaning of section 18(2) of the Interstate Media Treaty is the press office of the town of Haldensleben, address as above. No individual is named in this demo.",
            ),
            _heading("Haftung für Inhalte und Links", "Liability for content and links"),
            _paragraph(
                "Die Inhalte dieser Website werden mit Sorgfalt erstellt. Für Richtigkeit, Vollständigkeit und Aktualität – insbesondere von Öffnungszeiten und Terminen – kann keine Gewähr übernommen werden.\n\nFür Inhalte externer Websites, auf die wir verlinken, sind deren Betreiber verantwortlich. Bei Bekanntwerden von Rechtsverletzungen entfernen wir entsprechende Links umgehend.",
                "The content of this website is prepared with care. No guarantee can be given for its accuracy, completeness or timeliness – especially of opening hours and dates.\n\nThe operators of external websites we link to are responsible for their content. If we become aware of any infringement, we will remove the link without delay.",
            ),
            _heading("Bildnachweis und Quellcode", "Image credits and source code"),
            _paragraph(
                "Alle Bilder dieser Demo sind generierte Grafiken („Demo-Grafik: Stadt Haldensleben (generiert)“) und zeigen keine realen Fotos. Die Software ist freie Software unter der GNU Affero General Public License, Version 3 oder später.",
                "All images in this demo are generated illustrations ('Demo-Grafik: Stadt Haldensleben (generiert)') and not real photographs. The software is free software under the GNU Affero General Public License, version 3 or later.",
            ),
        ],
        "footer": True,
        "home_link": False,
    },
    {
        "slug": {"de": "datenschutz", "en": "privacy"},
        "title": {"de": "Datenschutzerklärung", "en": "Privacy policy"},
        "intro": {
            "de": "Wie diese Website mit personenbezogenen Daten umgeht – kurz gesagt: so wenig wie möglich.",
            "en": "How this website handles personal data – in short: as little as possible.",
        },
        "blocks": [
            _paragraph(DEMO_NOTE["de"], DEMO_NOTE["en"]),
            _heading("Verantwortliche Stelle", "Controller"),
            _paragraph(
                "Verantwortlich im Sinne der Datenschutz-Grundverordnung (DSGVO) ist die Stadt Haldensleben, Markt 20–22, 39340 Haldensleben, vertreten durch den Bürgermeister.",
                "The controller within the meaning of the General Data Protection Regulation (GDPR) is the town of Haldensleben, Markt 20–22, 39340 Haldensleben, represented by the mayor.",
            ),
            _heading(
                "Datenschutzbeauftragte oder Datenschutzbeauftragter", "Data protection officer"
            ),
            _paragraph(
                "Kontakt: datenschutz@example.org – Platzhalter dieser Demo. In der echten Installation stehen hier Name und Anschrift der oder des behördlichen Datenschutzbeauftragten.",
                "Contact: datenschutz@example.org – a placeholder in this demo. In the real installation this shows the name and address of the official data protection officer.",
            ),
            _heading("Server-Protokolle", "Server logs"),
            _paragraph(
                "Bei jedem Seitenaufruf verarbeitet der Webserver technisch notwendige Daten, um die Seite auszuliefern und Angriffe abzuwehren. Die Protokolle werden nach sieben Tagen automatisch gelöscht und nicht mit anderen Daten zusammengeführt.\n\nRechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit dem Datenschutz-Grundverordnungs-Ausfüllungsgesetz Sachsen-Anhalt (DSAG LSA).",
                "Whenever a page is requested, the web server processes technically necessary data to deliver the page and to fend off attacks. The logs are deleted automatically after seven days and are not combined with other data.\n\nThe legal basis is Article 6(1)(e) GDPR in conjunction with the Saxony-Anhalt act implementing the GDPR (DSAG LSA).",
            ),
            {
                "type": "table",
                "caption": {
                    "de": "Daten in den Server-Protokollen",
                    "en": "Data in the server logs",
                },
                "header": {
                    "de": ["Datum", "Zweck", "Speicherdauer"],
                    "en": ["Data", "Purpose", "Retention"],
                },
                "rows": {
                    "de": [
                        ["IP-Adresse", "Auslieferung, Abwehr von Angriffen", "7 Tage"],
                        ["Datum und Uhrzeit", "Fehlersuche", "7 Tage"],
                        ["Aufgerufene Adresse und Statuscode", "Fehlersuche", "7 Tage"],
                        [
                            "Browser-Kennung (User-Agent)",
                            "Fehlersuche, Abwehr von Angriffen",
                            "7 Tage",
                        ],
                    ],
                    "en": [
                        ["IP address", "Delivery, defence against attacks", "7 days"],
                        ["Date and time", "Troubleshooting", "7 days"],
                        ["Requested address and status code", "Troubleshooting", "7 days"],
                        [
                            "Browser identifier (user agent)",
                            "Troubleshooting, defence against attacks",
                            "7 days",
                        ],
                    ],
                },
            },
            _heading(
                "Cookies, Tracking und Inhalte Dritter", "Cookies, tracking and third-party content"
            ),
            _paragraph(
                "Für Besucherinnen und Besucher setzt diese Website keine Cookies. Nur wer sich im Redaktionsbereich anmeldet, erhält ein technisch notwendiges Sitzungs- und Sicherheits-Cookie (§ 25 Abs. 2 Nr. 2 TDDDG). Es gibt kein Tracking, keine Reichweitenmessung durch Dritte und keine Werbung.\n\nSchriften, Skripte und Bilder werden von unserem eigenen Server geladen. Inhalte Dritter werden nur nach Ihrer Einwilligung geladen (Art. 6 Abs. 1 Buchst. a DSGVO).",
                "This website sets no cookies for visitors. Only people who log in to the editorial area receive a technically necessary session and security cookie (section 25(2) no. 2 TDDDG). There is no tracking, no third-party audience measurement and no advertising.\n\nFonts, scripts and images are loaded from our own server. Third-party content is only loaded with your consent (Article 6(1)(a) GDPR).",
            ),
            _heading("Karten", "Maps"),
            _paragraph(
                "Interaktive Karten werden erst angezeigt, wenn Sie auf „Karte laden“ klicken. Erst dann ruft Ihr Browser Kartenkacheln beim im Hinweis genannten Anbieter ab, der dabei Ihre IP-Adresse erhält. Sie können die Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen; die Karte wird dann nicht mehr geladen. Ohne Karte finden Sie Adresse und Wegbeschreibung im Text.",
                "Interactive maps are only shown after you click 'Load map'. Only then does your browser request map tiles from the provider named in the notice, which receives your IP address. You can withdraw your consent at any time with effect for the future; the map will then no longer be loaded. Without the map, you will find the address and directions in the text.",
            ),
            _heading("Ihre Rechte", "Your rights"),
            _paragraph(
                "Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Eine erteilte Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen.\n\nSie können sich bei der Aufsichtsbehörde beschweren (Art. 77 DSGVO): Die Landesbeauftragte für den Datenschutz Sachsen-Anhalt, Otto-von-Guericke-Straße 34a, 39104 Magdeburg, E-Mail poststelle@lfd.sachsen-anhalt.de.",
                "You have the right of access (Article 15 GDPR), rectification (Article 16), erasure (Article 17), restriction of processing (Article 18) and objection (Article 21). You can withdraw any consent at any time with effect for the future.\n\nYou can lodge a complaint with the supervisory authority (Article 77 GDPR): Die Landesbeauftragte für den Datenschutz Sachsen-Anhalt (State Commissioner for Data Protection), Otto-von-Guericke-Straße 34a, 39104 Magdeburg, email poststelle@lfd.sachsen-anhalt.de.",
            ),
            _faq(
                (
                    "Setzt diese Website Cookies?",
                    "Does this website set cookies?",
                    "Nein, nicht für Besucherinnen und Besucher. Nur der Redaktionsbereich verwendet nach der Anmeldung ein Sitzungs-Cookie.",
                    "No, not for visitors. Only the editorial area uses a session cookie after login.",
                ),
                (
                    "Wird meine Suche gespeichert?",
                    "Are my searches stored?",
                    "Suchanfragen werden auf unserem eigenen Server verarbeitet und nicht an Dritte weitergegeben. Sie erscheinen höchstens als aufgerufene Adresse in den Server-Protokollen, die nach sieben Tagen gelöscht werden.",
                    "Search queries are processed on our own server and are not passed on to third parties. At most they appear as a requested address in the server logs, which are deleted after seven days.",
                ),
            ),
        ],
        "footer": True,
        "home_link": False,
    },
    {
        "slug": {"de": "barrierefreiheit", "en": "accessibility"},
        "title": {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"},
        "intro": {
            "de": "Die Stadt Haldensleben möchte ihre Website für alle Menschen zugänglich machen.",
            "en": "The town of Haldensleben wants its website to be accessible to everyone.",
        },
        "blocks": [
            {
                "type": "accessibility_statement",
                "status": "partial",
                "assessed_on": "2026-11-20",
                "method": "self",
                "feedback_email": "barrierefreiheit@example.org",
                "enforcement_body": "Ombudsstelle für barrierefreie Informationstechnik Sachsen-Anhalt",
                "enforcement_url": "https://www.lf-barrierefreiheit-st.de/",
                "non_accessible": {
                    "de": [
                        (
                            "Detaillierte Karte",
                            "Die nachladbare Kartenansicht (OpenStreetMap-Kacheln) ist für Screenreader nur eingeschränkt nutzbar.",
                            "Die Liste der Orte und Stationen neben jeder Karte enthält alle Informationen.",
                        ),
                        (
                            "PDF-Dokumente",
                            "Ältere PDF-Dokumente sind nicht vollständig barrierefrei.",
                            "Auf Anfrage senden wir die Inhalte in zugänglicher Form.",
                        ),
                    ],
                    "en": [
                        (
                            "Detailed map",
                            "The optional map view (OpenStreetMap tiles) is only partly usable with screen readers.",
                            "The list of places and stops next to each map carries all information.",
                        ),
                        (
                            "PDF documents",
                            "Older PDF documents are not fully accessible.",
                            "On request we send their content in an accessible form.",
                        ),
                    ],
                },
            },
            _paragraph(
                "Diese Erklärung gilt für die Website der Demo-Installation. Rechtsgrundlage sind das Behindertengleichstellungsgesetz Sachsen-Anhalt (BGG LSA), das die Richtlinie (EU) 2016/2102 umsetzt, sowie die technischen Anforderungen nach BITV 2.0 und der harmonisierten Norm EN 301 549 (WCAG 2.1, Stufe AA).",
                "This statement applies to the website of the demo installation. The legal basis is the Saxony-Anhalt Disability Equality Act (BGG LSA), which implements Directive (EU) 2016/2102, together with the technical requirements of BITV 2.0 and the harmonised standard EN 301 549 (WCAG 2.1, level AA).",
            ),
            _heading("Stand der Vereinbarkeit mit den Anforderungen", "Compliance status"),
            _paragraph(
                "Diese Website ist wegen der unten aufgeführten Ausnahmen teilweise mit den Anforderungen vereinbar.",
                "This website is partially compliant with the requirements because of the exceptions listed below.",
            ),
            _heading("Nicht barrierefreie Inhalte", "Non-accessible content"),
            {
                "type": "table",
                "caption": {
                    "de": "Bekannte Einschränkungen und Alternativen",
                    "en": "Known limitations and alternatives",
                },
                "header": {
                    "de": ["Inhalt", "Grund", "Alternative"],
                    "en": ["Content", "Reason", "Alternative"],
                },
                "rows": {
                    "de": [
                        [
                            "Interaktive Karten",
                            "Die Kartenkacheln selbst sind Bilder ohne Textalternative.",
                            "Adressen, Koordinaten und Wegbeschreibungen stehen als Text auf jeder Seite.",
                        ],
                        [
                            "GPX-Dateien der Routen",
                            "Maschinenlesbares Format für Navigationsgeräte.",
                            "Jede Route ist mit Stationen und Wegbeschreibung als Text beschrieben.",
                        ],
                        [
                            "Videos in Deutscher Gebärdensprache",
                            "Die Videos sind noch nicht produziert.",
                            "Seite in Leichter Sprache; Kontakt per E-Mail.",
                        ],
                        [
                            "Polnische Sprachfassung",
                            "Noch nicht übersetzt; es erscheint der deutsche Text.",
                            "Deutsche und englische Fassung.",
                        ],
                    ],
                    "en": [
                        [
                            "Interactive maps",
                            "The map tiles themselves are images without a text alternative.",
                            "Addresses, coordinates and directions are given as text on every page.",
                        ],
                        [
                            "GPX files of the routes",
                            "Machine-readable format for navigation devices.",
                            "Every route is described in text with its stops and directions.",
                        ],
                        [
                            "Videos in German Sign Language",
                            "The videos have not been produced yet.",
                            "Page in plain language; contact by email.",
                        ],
                        [
                            "Polish version",
                            "Not translated yet; the German text is shown.",
                            "German and English versions.",
                        ],
                    ],
                },
            },
            _heading("Erstellung dieser Erklärung", "Preparation of this statement"),
            _paragraph(
                "Diese Erklärung wurde am 25. November 2026 erstellt. Grundlage ist eine Selbstbewertung im November 2026: manuelle Prüfung mit Tastatur, Bildschirmvergrößerung und Screenreader sowie automatisierte Prüfungen der Seitenvorlagen.",
                "This statement was prepared on 25 November 2026. It is based on a self-assessment carried out in November 2026: manual checks with keyboard, screen magnification and a screen reader, plus automated checks of the page templates.",
            ),
            _heading(
                "Barrieren melden: Feedback und Kontakt", "Report barriers: feedback and contact"
            ),
            _paragraph(
                "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder benötigen Sie Informationen in einer für Sie zugänglichen Form? Schreiben Sie uns. Wir antworten in der Regel innerhalb von zwei Wochen.",
                "Have you noticed problems with accessibility, or do you need information in a form that is accessible to you? Write to us. We usually reply within two weeks.",
            ),
            {
                "type": "call_to_action",
                "text": {
                    "de": "Barriere melden – die Adresse ist ein Platzhalter dieser Demo.",
                    "en": "Report a barrier – the address is a placeholder in this demo.",
                },
                "link_text": {
                    "de": "E-Mail an barrierefreiheit@example.org",
                    "en": "Email barrierefreiheit@example.org",
                },
                "url": "mailto:barrierefreiheit@example.org",
            },
            _heading("Durchsetzungsverfahren", "Enforcement procedure"),
            _paragraph(
                "Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle des Landes Sachsen-Anhalt für barrierefreie Websites und mobile Anwendungen öffentlicher Stellen wenden. Sie ist bei der Landesfachstelle für Barrierefreiheit Sachsen-Anhalt angesiedelt (lf-barrierefreiheit-st.de). Die Beschwerde ist kostenfrei; die Ombudsstelle versucht, eine Einigung mit der öffentlichen Stelle herbeizuführen.\n\nDie Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz des Bundes ist nur für öffentliche Stellen des Bundes zuständig, nicht für Kommunen in Sachsen-Anhalt.",
                "If you receive no answer or no satisfactory answer to your feedback, you can contact the Saxony-Anhalt ombudsperson office for accessible websites and mobile apps of public bodies. It is based at the Landesfachstelle für Barrierefreiheit Sachsen-Anhalt (state accessibility centre, lf-barrierefreiheit-st.de). Complaints are free of charge; the office tries to reach an agreement with the public body.\n\nThe conciliation body under section 16 of the federal Disability Equality Act is only responsible for federal public bodies, not for municipalities in Saxony-Anhalt.",
            ),
        ],
        "footer": True,
        "home_link": False,
    },
    {
        "slug": {"de": "rathaus-und-oeffnungszeiten", "en": "town-hall-and-opening-hours"},
        "title": {"de": "Rathaus & Öffnungszeiten", "en": "Town hall & opening hours"},
        "intro": {
            "de": "So erreichen Sie die Stadtverwaltung und das Bürgerbüro.",
            "en": "How to reach the town administration and the citizens' office.",
        },
        "blocks": [
            _paragraph(
                "Das Rathaus der Stadt Haldensleben steht am Markt 20–22, direkt hinter dem Reitenden Roland. Das Bürgerbüro erreichen Sie telefonisch unter 03904 479-150 oder per E-Mail an buergerbuero@haldensleben.de.",
                "Haldensleben town hall is at Markt 20–22, right behind the Equestrian Roland. You can reach the citizens' office by phone on +49 3904 479-150 or by email at buergerbuero@haldensleben.de.",
            ),
            {
                "type": "table",
                "caption": {
                    "de": "Sprechzeiten des Bürgerbüros (Beispielwerte dieser Demo)",
                    "en": "Citizens' office hours (example values of this demo)",
                },
                "header": {
                    "de": ["Tag", "Vormittag", "Nachmittag"],
                    "en": ["Day", "Morning", "Afternoon"],
                },
                "rows": {
                    "de": [
                        ["Montag", "9–12 Uhr", "–"],
                        ["Dienstag", "9–12 Uhr", "13–18 Uhr"],
                        ["Mittwoch", "geschlossen", "geschlossen"],
                        ["Donnerstag", "9–12 Uhr", "13–16 Uhr"],
                        ["Freitag", "9–12 Uhr", "–"],
                    ],
                    "en": [
                        ["Monday", "9 am – 12 noon", "–"],
                        ["Tuesday", "9 am – 12 noon", "1 pm – 6 pm"],
                        ["Wednesday", "closed", "closed"],
                        ["Thursday", "9 am – 12 noon", "1 pm – 4 pm"],
                        ["Friday", "9 am – 12 noon", "–"],
                    ],
                },
            },
            _faq(
                (
                    "Was brauche ich für einen neuen Personalausweis?",
                    "What do I need for a new identity card?",
                    "Bringen Sie Ihren bisherigen Ausweis oder Reisepass und ein aktuelles biometrisches Passfoto mit. Den Antrag müssen Sie persönlich stellen.",
                    "Bring your current identity card or passport and a recent biometric passport photo. You must apply in person.",
                ),
                (
                    "Wie melde ich meinen Wohnsitz an?",
                    "How do I register my address?",
                    "Innerhalb von zwei Wochen nach dem Einzug im Bürgerbüro, mit Ausweis und der Wohnungsgeberbestätigung Ihres Vermieters.",
                    "At the citizens' office within two weeks of moving in, with your ID and the landlord's confirmation (Wohnungsgeberbestätigung).",
                ),
                (
                    "Ist das Rathaus barrierefrei?",
                    "Is the town hall accessible?",
                    "Bitte rufen Sie vorher an. Wir klären mit Ihnen, wie Sie ohne Stufen zu uns kommen, oder vereinbaren einen anderen Ort.",
                    "Please call ahead. We will work out with you how to reach us step-free, or arrange another place to meet.",
                ),
            ),
            _heading("Ein Blick in die Geschichte", "A glance at history"),
            _paragraph(
                "Das Rathaus wurde 1701 bis 1703 barock errichtet und 1815 bis 1823 klassizistisch umgebaut. Wie die Stadt sich selbst verstand, zeigt eine Inschrift am Stendaler Turm:",
                "The town hall was built in the Baroque style in 1701–1703 and remodelled in neoclassical style in 1815–1823. An inscription on the Stendal Gate Tower shows how the town saw itself:",
            ),
            {
                "type": "quote",
                "text": {
                    "de": "Wenn der Herr nicht seine Hand über die Stadt hält, müht sich umsonst, wer sie schützen will.",
                    "en": "Unless the Lord holds his hand over the town, those who would protect it labour in vain.",
                },
                "attribution": "Inschrift am Stendaler Turm, 1593",
            },
            {
                "type": "call_to_action",
                "text": {
                    "de": "Sie möchten einen Termin im Bürgerbüro? In dieser Demo geht die Anfrage an eine Platzhalter-Adresse.",
                    "en": "Would you like an appointment at the citizens' office? In this demo the request goes to a placeholder address.",
                },
                "link_text": {"de": "Termin anfragen", "en": "Request an appointment"},
                "url": "mailto:buergerbuero@example.org",
            },
        ],
        "footer": False,
        "home_link": False,
    },
    {
        "slug": {"de": "leichte-sprache", "en": "plain-language"},
        "title": {"de": "Leichte Sprache", "en": "Plain language"},
        "intro": {
            "de": "Hier erklären wir Haldensleben und diese Internet-Seite in Leichter Sprache.",
            "en": "Here we explain Haldensleben and this website in plain language.",
        },
        "blocks": [
            _heading("Die Stadt Haldensleben", "The town of Haldensleben"),
            _paragraph(
                "Haldensleben ist eine Stadt.\n\nDie Stadt liegt in Sachsen-Anhalt.\n\nIn Haldensleben wohnen ungefähr 19.000 Menschen.\n\nHaldensleben ist sehr alt.\n\nUm die alte Innen-Stadt steht eine Mauer.\n\nDie Mauer ist aus dem Mittel-Alter.\n\nAuf dem Markt steht eine Figur aus Stein.\n\nDie Figur heißt Roland.\n\nDer Roland sitzt auf einem Pferd.\n\nDas gibt es nur in Haldensleben.",
                "Haldensleben is a town.\n\nThe town is in Saxony-Anhalt, in Germany.\n\nAbout 19,000 people live in Haldensleben.\n\nHaldensleben is very old.\n\nThere is a wall around the old town centre.\n\nThe wall is from the Middle Ages.\n\nThere is a stone statue on the market square.\n\nThe statue is called Roland.\n\nRoland sits on a horse.\n\nYou can only see this in Haldensleben.",
            ),
            _heading("Das Rathaus", "The town hall"),
            _paragraph(
                "Das Rathaus ist am Markt.\n\nDie Adresse ist: Markt 20 bis 22, 39340 Haldensleben.\n\nIm Rathaus arbeitet die Stadt-Verwaltung.\n\nDort bekommen Sie zum Beispiel einen Ausweis.\n\nSie können auch anrufen.\n\nDie Telefon-Nummer vom Bürger-Büro ist: 03904 479-150.",
                "The town hall is on the market square.\n\nThe address is: Markt 20 to 22, 39340 Haldensleben.\n\nThe town administration works in the town hall.\n\nFor example, you can get an identity card there.\n\nYou can also phone.\n\nThe phone number of the citizens' office is: 03904 479-150.",
            ),
            _heading("Diese Internet-Seite", "This website"),
            _paragraph(
                "Auf dieser Internet-Seite finden Sie:\n\nSchöne Orte in Haldensleben.\n\nWege zum Wandern und zum Rad-Fahren.\n\nTermine für Feste und Konzerte.\n\nSie können die Schrift größer machen.\n\nDrücken Sie dafür die Taste Strg und die Taste Plus.\n\nDiese Internet-Seite ist ein Beispiel.\n\nSie ist nicht die echte Seite von der Stadt.",
                "On this website you can find:\n\nNice places in Haldensleben.\n\nPaths for walking and cycling.\n\nDates for festivals and concerts.\n\nYou can make the text bigger.\n\nPress the Ctrl key and the plus key.\n\nThis website is an example.\n\nIt is not the real website of the town.",
            ),
        ],
        "footer": False,
        "home_link": True,
    },
    {
        "slug": {"de": "gebaerdensprache", "en": "sign-language"},
        "title": {"de": "Deutsche Gebärdensprache (DGS)", "en": "German Sign Language (DGS)"},
        "intro": {
            "de": "Informationen über die Stadt und diese Website in Deutscher Gebärdensprache.",
            "en": "Information about the town and this website in German Sign Language.",
        },
        "blocks": [
            _paragraph(
                "An dieser Stelle erscheinen Videos in Deutscher Gebärdensprache. Sie erklären, welche Informationen Sie auf dieser Website finden, wie Sie die Stadtverwaltung erreichen und wie Sie Barrieren melden können.\n\nDie Videos werden mit Untertiteln und einer Textfassung veröffentlicht. Bis dahin finden Sie die wichtigsten Inhalte auf der Seite in Leichter Sprache.",
                "Videos in German Sign Language will appear here. They explain what information you can find on this website, how to reach the town administration and how to report barriers.\n\nThe videos will be published with subtitles and a text version. Until then, you will find the most important content on the plain-language page.",
            ),
            _heading(
                "Kontakt für gehörlose und schwerhörige Menschen",
                "Contact for deaf and hard-of-hearing people",
            ),
            _paragraph(
                "Schreiben Sie uns eine E-Mail. Wenn Sie einen Termin im Rathaus mit Gebärdensprachdolmetscherin oder Gebärdensprachdolmetscher brauchen, teilen Sie uns das bitte rechtzeitig mit.",
                "Send us an email. If you need an appointment at the town hall with a sign language interpreter, please let us know in good time.",
            ),
            {
                "type": "call_to_action",
                "text": {
                    "de": "Kontakt per E-Mail – die Adresse ist ein Platzhalter dieser Demo.",
                    "en": "Contact by email – the address is a placeholder in this demo.",
                },
                "link_text": {"de": "E-Mail schreiben", "en": "Send an email"},
                "url": "mailto:gebaerdensprache@example.org",
            },
        ],
        "footer": False,
        "home_link": True,
    },
]


def _add_polish():
    for field in ("title", "hero_title", "hero_text", "intro"):
        polish.add_polish(HOME[field], polish.HOME[field])
    polish.add_polish(HOME["town"]["population_note"], polish.HOME["population_note"])
    for link, (title, text) in zip(HOME["quick_links"], polish.QUICK_LINKS, strict=True):
        polish.add_polish(link["title"], title)
        polish.add_polish(link["text"], text)
    for page in STANDARD_PAGES:
        texts = polish.STANDARD_PAGES.get(page["slug"]["de"], {})
        for field in ("title", "slug", "intro"):
            polish.add_polish(page[field], texts.get(field))
        for block, block_texts in zip(page["blocks"], texts.get("blocks", []), strict=False):
            if block["type"] == "faq":
                for item, (question, answer) in zip(
                    block["items"], block_texts["items"], strict=True
                ):
                    polish.add_polish(item["question"], question)
                    polish.add_polish(item["answer"], answer)
                continue
            for field, text in block_texts.items():
                polish.add_polish(block[field], text)


_add_polish()
