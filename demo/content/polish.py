# ruff: noqa: E501 -- visitor-facing prose reads better unwrapped in this data module.
# fmt: off
"""Polish texts of the demo, by slug, merged into the German/English content on import.

Kept apart so the German and English modules stay readable; `add_polish` writes each text
into the item's {"de": …, "en": …} dict as "pl". What has no Polish here falls back to
English on the site (MODELTRANSLATION_FALLBACK_LANGUAGES).
"""

HOME = {
    "title": "Strona główna",
    "hero_title": "Witamy w Haldensleben",
    "hero_text": "Miasto Jeźdźca Rolanda: średniowieczne stare miasto nad rzeką Ohre, barokowy pałac w Hundisburgu i grobowce megalityczne sprzed ponad 5000 lat w Lesie Haldensleben.",
    "intro": "Haldensleben jest stolicą powiatu Börde w Saksonii-Anhalt i leży około 30 kilometrów na północny zachód od Magdeburga. Odkryj stare miasto otoczone niemal w całości zachowanymi murami obronnymi, pojedź rowerem przez park krajobrazowy do Hundisburga albo wybierz się pieszo do grobowców megalitycznych Historycznej Mili Kwadratowej.",
    "population_note": "około 19 000 mieszkańców (19 133 w dniu 31 grudnia 2020 r.)",
}

QUICK_LINKS = [
    ("Ratusz i godziny otwarcia", "Markt 20–22, 39340 Haldensleben – godziny przyjęć i kontakty urzędu miasta."),
    ("Biuro Obsługi Mieszkańców", "Telefon +49 3904 479-150 – dowody osobiste, meldunki i informacje."),
    ("Informacja turystyczna", "W Bahnhof-Center: plany miasta, katalog noclegów, bilety na przejazdy i wydarzenia."),
    ("Wydarzenia", "Od Jarmarku Gwiazd po Dzień Kajakowy na Ohre – wszystkie terminy w kalendarzu."),
    ("Numery alarmowe", "Policja 110, straż pożarna i pogotowie ratunkowe 112."),
]

INDEX_PAGES = {
    "points_of_interest": "Atrakcje",
    "routes": "Trasy",
    "events": "Wydarzenia",
    "news": "Aktualności",
}

POI_CATEGORIES = {
    "sights": "Zabytki i atrakcje",
    "museums": "Muzea",
    "churches": "Kościoły",
    "history": "Historia i pomniki",
    "nature": "Przyroda i parki",
    "leisure": "Rekreacja i kultura",
    "food-and-drink": "Gastronomia",
    "accommodation": "Noclegi",
    "shopping": "Zakupy",
    "services": "Usługi i administracja",
}

EVENT_CATEGORIES = {
    "concerts": "Koncerty",
    "markets-and-festivals": "Jarmarki i festyny",
    "guided-tours": "Wycieczki z przewodnikiem",
    "exhibitions": "Wystawy",
    "sports": "Sport",
    "kids-and-family": "Dzieci i rodzina",
}

POINTS_OF_INTEREST = {
    "reitender-roland": {
        "title": "Jeździec Roland",
        "teaser": "Symbol miasta: jedyny Roland na koniu, stojący na rynku przed ratuszem.",
        "description": "Posąg Rolanda jest wzmiankowany w księgach miejskich Haldensleben od 1419 roku – wówczas jeszcze jako figura stojąca. W 1528 roku mieszczanie zastąpili go kamiennym posągiem konnym, który do dziś stoi przed ratuszem jako znak praw miejskich.\n\nFigura na rynku to wierna kopia z wapienia wykonana w latach 1927/28; renesansowy oryginał można zobaczyć w Muzeum Haldensleben. Według przekazów posąg dawniej można było obracać w stronę każdej z czterech bram miejskich.",
        "accessibility_notes": "Posąg stoi na ogólnodostępnym placu rynkowym.",
    },
    "rathaus": {
        "title": "Ratusz w Haldensleben",
        "teaser": "Ratusz przy rynku o klasycystycznej fasadzie, siedziba urzędu miasta.",
        "description": "Ratusz zbudowano w latach 1701–1703 w stylu barokowym; w 1707 roku wprowadziła się do niego apteka miejska. Gruntowna przebudowa w duchu klasycyzmu w latach 1815–1823 nadała mu wygląd, który zachował do dziś.\n\nObecnie w ratuszu przy Markt 20–22 mieści się urząd miasta. Z Biurem Obsługi Mieszkańców można skontaktować się telefonicznie pod numerem +49 3904 479-150. Podane tu godziny otwarcia są przykładowymi wartościami tego demo.",
        "accessibility_notes": "Przed wizytą prosimy zapytać o dostęp bez barier.",
    },
    "st-marien-kirche": {
        "title": "Kościół Mariacki",
        "teaser": "Ewangelicki kościół farny za ratuszem; hełm jego wieży ma podobno naśladować kościół Mariacki w Berlinie.",
        "description": "Kościół stał w tym miejscu już przed zniszczeniem miasta w 1181 roku. Od 1375 roku wznoszono trójnawowy kościół gotycki, który w wielkim pożarze miasta w 1661 roku spłonął niemal doszczętnie i został odbudowany do 1675 roku.\n\nPo zawaleniu się wieży południowej w 1808 roku kościół otrzymał od 1812 roku jedną nową wieżę. Warto zobaczyć wczesnogotycką zakrystię z reliefem Ukrzyżowania z około 1400 roku, barokową ambonę i ołtarz oraz płyty nagrobne burmistrzów Joachima i Sebastiana Alsteinów.",
    },
    "stendaler-turm": {
        "title": "Wieża Stendalska",
        "teaser": "Średniowieczna wieża bramna na północnym skraju starego miasta, zwana też Bramą Młyńską.",
        "description": "Wieża Stendalska, po raz pierwszy wzmiankowana w 1330 roku, strzegła drogi do Stendal. Obok wieży Bülstringer jest jedną z dwóch zachowanych spośród czterech dawnych bram miejskich. Kamienna tablica z 1593 roku nad przejazdem nosi sentencję o ochronie miasta.\n\nW XIX wieku wieża służyła przez pewien czas jako więzienie. Wieżę i przylegający mur miejski odnowiono w latach 1988/89; wtedy przejazd i okna otrzymały obecny kształt.",
        "accessibility_notes": "Z zewnątrz można ją oglądać o każdej porze.",
    },
    "buelstringer-torturm": {
        "title": "Wieża Bramy Bülstringer",
        "teaser": "Najstarsza zachowana wieża miejskich fortyfikacji, z wystawą o historii miasta.",
        "description": "Wieżę zbudowano z kamienia łamanego około 1250/60 roku; flankowała Bramę Bülstringer. W odróżnieniu od innych bram nie miała przejazdu, lecz przypominającą stołp wieżę obok drogi, do której pierwotnie wchodziło się wyłącznie z ganku na murach.\n\nW 1858 roku wieżę podwyższono o kondygnację zegarową; zegar firmy Weule z 1911 roku chodzi do dziś. Od 1986 roku wszystkie kondygnacje są dostępne dla zwiedzających i prezentują wystawę o dziejach Haldensleben.",
        "accessibility_notes": "Na kondygnacje prowadzą wyłącznie schody. Zwiedzanie także po wcześniejszym zgłoszeniu.",
    },
    "stadtmauer": {
        "title": "Mury miejskie",
        "teaser": "Mury o długości około 1,6 kilometra, w dużej części zachowane, otaczają stare miasto.",
        "description": "Po zniszczeniu miasta w 1181 roku od 1223 roku rozpoczęła się planowa odbudowa z prostokątną siatką ulic i fortyfikacjami z czterema bramami. Znaczna część murów przetrwała i można je obejść niemal dookoła.\n\nTablice informacyjne wzdłuż trasy opowiadają historię miasta. Przy Wieży Bramy Bülstringer po zewnętrznej stronie wciąż dobrze widać pierwotny system wałów i fosy.",
        "accessibility_notes": "Trasa wokół murów jest przeważnie płaska, miejscami wybrukowana kocimi łbami.",
    },
    "hagentor": {
        "title": "Pozostałości Bramy Hagen",
        "teaser": "Blankowany filar z czerwonego piaskowca przypomina o rozebranej Bramie Hagen.",
        "description": "Brama Hagen została po raz pierwszy wzmiankowana w 1238 roku. W XVII wieku jej wieżę obniżono i nakryto barokowym hełmem; po częściowym zawaleniu w 1862 roku bramę w większości rozebrano.\n\nOkoło 1870/80 roku pozostałości przekształcono w duchu historyzmu. Na pamiątkę wzniesiono dwa blankowane filary z czerwonego piaskowca, z których jeden przetrwał do dziś.",
    },
    "museum-haldensleben": {
        "title": "Muzeum Haldensleben",
        "teaser": "Muzeum regionalne z oryginałem Rolanda z 1528 roku i częścią spuścizny braci Grimm.",
        "description": "Muzeum, założone w 1910 roku, mieści się w klasycystycznym budynku szkoły z lat 1865/66 w historycznym centrum miasta. Ekspozycje obejmują pradzieje regionu, historię miasta, epokę biedermeieru i postać Johanna Gottloba Nathusiusa.\n\nPerłą zbiorów jest część spuścizny Jacoba i Wilhelma Grimmów, przekazana muzeum w 1963 roku przez wnuczkę Wilhelma Grimma, Albertine Plock. Dwa domy szachulcowe i mały ogród biedermeierowski na dziedzińcu tworzą niewielki skansen.",
    },
    "hagenstrasse": {
        "title": "Ulica handlowa Hagenstraße",
        "teaser": "Sklepy i odnowione kamienice przy jednej z czterech głównych ulic starego miasta.",
    },
    "kulturfabrik": {
        "title": "KulturFabrik Haldensleben",
        "teaser": "Centrum kultury z klubem Alstein oraz biblioteką miejską i powiatową w dawnej fabryce ceramiki.",
    },
    "bahnhof-haldensleben": {
        "title": "Dworzec Haldensleben",
        "teaser": "Dworzec regionalny z pociągami do Magdeburga i Wolfsburga; w budynku dworca można kupić bilety i uzyskać informacje o mieście.",
    },
    "tourist-information": {
        "title": "Informacja turystyczna w Bahnhof-Center",
        "teaser": "Informacja miejska z broszurami, katalogiem noclegów oraz biletami na wydarzenia i przejazdy.",
        "description": "W odnowionym budynku dworca zespół Bahnhof-Center prowadzi także informację miejską. Można tu otrzymać katalog noclegów, informacje o wycieczkach z przewodnikiem oraz mapy grobowców megalitycznych w Lesie Haldensleben.\n\nSprzedawane są tu również bilety kolejowe, autobusowe i na wydarzenia.",
    },
    "rolli-bad": {
        "title": "Pływalnia Rolli-Bad",
        "teaser": "Pływalnia miejskich zakładów komunalnych ze strefą saun i częścią odkrytą czynną latem.",
    },
    "ohre": {
        "title": "Rzeka Ohre",
        "teaser": "Rzeka, nad którą wyrosło Haldensleben – dziś spokojny akwen na spacery i spływy kajakowe.",
        "description": "Ohre, licząca około 100 kilometrów, przepływa przez Haldensleben i uchodzi do Łaby pod Rogätz. Około roku 1000 przy przeprawie przez rzekę powstał gród na bagnach, z którego rozwinęło się miasto.\n\nPodczas oblężenia w 1181 roku wojska arcybiskupa magdeburskiego Wichmanna spiętrzyły Ohre i zalały miasto. Dziś wzdłuż rzeki ciągną się łąki i ścieżki, a przy odpowiednio wysokim stanie wody niektóre odcinki można przepłynąć kajakiem.",
    },
    "ohre-wedringen": {
        "title": "Ohre pod Wedringen",
        "teaser": "Spokojny odcinek rzeki na północ od wsi Wedringen, w pobliżu ujścia Bebery.",
    },
    "mittellandkanal": {
        "title": "Kanał Śródlądowy i port południowy",
        "teaser": "Najdłuższa sztuczna droga wodna Niemiec przepływa obok miasta, które ma przy niej port śródlądowy.",
    },
    "pulverturm-oberholz": {
        "title": "Baszta Prochowa w lesie Oberholz",
        "teaser": "Okrągła wieża strażnicza średniowiecznych umocnień granicznych w lesie na północ od miasta.",
    },
    "haldensleber-forst": {
        "title": "Las Haldensleben",
        "teaser": "Las na zachód i południowy zachód od miasta z jednym z najgęstszych skupisk grobowców megalitycznych w Europie.",
        "description": "W lesie i jego okolicy, na obszarze około 20 kilometrów kwadratowych, leży około 80 wciąż rozpoznawalnych neolitycznych grobowców megalitycznych; kilkadziesiąt innych zniszczono, głównie w XIX wieku. Obszar ten nazywany jest „Historyczną Milą Kwadratową” i od 2023 roku należy do europejskiego szlaku kulturowego „Megalithic Routes”.\n\nLeśne drogi prowadzą do znanych grobowców, takich jak Teufelsküche czy grobowiec w Küchentannen. Oznakowanie w lesie jest niepełne, dlatego przydaje się mapa z informacji turystycznej lub odbiornik GPS.",
    },
    "grosssteingrab-teufelskueche": {
        "title": "Grobowiec megalityczny Teufelsküche",
        "teaser": "Dobrze zachowany neolityczny grobowiec korytarzowy, kilka minut spacerem od hotelu Waldhotel „Alte Ziegelei”.",
    },
    "grosssteingrab-kuechentannen": {
        "title": "Grobowiec megalityczny w Küchentannen",
        "teaser": "Jeden z najlepiej zachowanych grobowców megalitycznych Historycznej Mili Kwadratowej.",
    },
    "grosssteingrab-kuesterberg": {
        "title": "Grobowiec megalityczny Küsterberg",
        "teaser": "Grobowiec megalityczny sprzed około 5500 lat, częściowo zrekonstruowany w 2025 roku po wykopaliskach.",
    },
    "kloster-althaldensleben": {
        "title": "Klasztor Althaldensleben",
        "teaser": "Dawny klasztor cysterek założony w 1228 roku, punkt wyjścia do parku krajobrazowego.",
    },
    "landschaftspark-althaldensleben-hundisburg": {
        "title": "Park krajobrazowy Althaldensleben-Hundisburg",
        "teaser": "Ogród krajobrazowy o powierzchni około 100 hektarów w dolinie Bebery, między klasztorem a pałacem.",
    },
    "schloss-hundisburg": {
        "title": "Pałac Hundisburg",
        "teaser": "Najważniejszy wiejski pałac barokowy Saksonii-Anhalt – z koncertami, zbiorami i restauracją.",
        "description": "Wzmiankowany po raz pierwszy w XII wieku zamek strzegł granicy arcybiskupstwa magdeburskiego; jego stołp przetrwał jako wieża południowa. W latach 1693–1712 Johann Friedrich II von Alvensleben polecił brunszwickiemu budowniczemu Hermannowi Korbowi przebudować go na pałac barokowy.\n\nPo pożarze w listopadzie 1945 roku pałac jest od 1991 roku stopniowo odbudowywany; w 1994 roku kupiło go miasto Haldensleben. Dziś odbywają się tu koncerty i wystawy, a historyczne sale z biblioteką Alvenslebenów są otwarte w niedziele od kwietnia do października.",
        "admission": "Wstęp na dziedziniec, do ogrodu barokowego i parku jest bezpłatny.",
    },
    "barockgarten-hundisburg": {
        "title": "Ogród barokowy w Hundisburgu",
        "teaser": "Tarasowy ogród z około 1700 roku, od 1991 roku krok po kroku odtwarzany.",
    },
    "haus-des-waldes": {
        "title": "Dom Lasu",
        "teaser": "Krajowe centrum informacji o lesie w odbudowanym skrzydle północnym pałacu Hundisburg.",
    },
    "ziegelei-hundisburg": {
        "title": "Zabytkowa cegielnia w Hundisburgu",
        "teaser": "W pełni zachowana cegielnia z 1882 roku, w której do dziś wypala się cegły.",
    },
    "kirchenruine-nordhusen": {
        "title": "Ruina kościoła w Nordhusen",
        "teaser": "Siedemnastometrowa romańska wieża kościoła opuszczonej wsi, przystanek na Szlaku Romańskim.",
    },
    "schulmuseum-hundisburg": {
        "title": "Muzeum szkolnictwa w Hundisburgu",
        "teaser": "Historyczne klasy i mieszkanie nauczyciela w najstarszym budynku szkolnym wsi.",
    },
    "schlossladen-hundisburg": {
        "title": "Sklep pałacowy w Hundisburgu",
        "teaser": "Broszury, książki i produkty regionalne w pałacowym budynku Neues Werk.",
    },
    "schlossgastronomie-hundisburg": {
        "title": "Restauracja i kawiarnia w pałacu Hundisburg",
        "teaser": "Jedzenie i napoje na parterze pałacu – idealnie przed spacerem po parku lub po nim.",
    },
    "torhausherberge-ziegelei": {
        "title": "Schronisko w bramie cegielni Hundisburg",
        "teaser": "Nocleg w budynku bramnym zabytkowej cegielni.",
    },
    "waldhotel-alte-ziegelei": {
        "title": "Waldhotel „Alte Ziegelei”",
        "teaser": "Hotel z restauracją na skraju Lasu Haldensleben przy drodze B 245, dobry punkt wyjścia do grobowców megalitycznych.",
    },
}

ROUTES = {
    "altstadtrundgang": {
        "title": "Spacer po starym mieście: Roland, bramy i mury",
        "teaser": "Niespieszny spacer po pętli długości około 2 kilometrów do najważniejszych zabytków starego miasta Haldensleben.",
        "description": "Spacer zaczyna się przy Jeźdźcu Rolandzie na rynku i prowadzi obok ratusza do kościoła Mariackiego. Stamtąd kieruje się na północ do Wieży Stendalskiej, a następnie wzdłuż murów miejskich do Wieży Bramy Bülstringer, najstarszej części fortyfikacji.\n\nPrzez Muzeum Haldensleben, w którym stoi oryginalny Roland, i plac Hagentorplatz wracasz ulicą Hagenstraße na rynek. Bez zwiedzania zaplanuj około godziny, z muzeum i wieżą – pół dnia.",
        "start_point": "Jeździec Roland, Markt, 39340 Haldensleben",
        "directions": "Z rynku z Rolandem i ratuszem idź do kościoła za ratuszem, a potem ulicą Stendaler Straße na północ do Wieży Stendalskiej. Ścieżką wzdłuż murów miejskich kieruj się na zachód do Wieży Bramy Bülstringer, następnie przez stare miasto do muzeum przy Breiter Gang i dalej na plac Hagentorplatz. Ulicą Hagenstraße wrócisz na rynek.",
        "public_transport": "Z dworca Haldensleben (pociągi regionalne z Magdeburga i Wolfsburga) na rynek idzie się pieszo około 10–15 minut.",
        "parking": "Prosimy korzystać z oznakowanych parkingów na obrzeżach starego miasta.",
        "equipment": "Wygodne buty; niektóre ulice starego miasta są wybrukowane kocimi łbami.",
        "tips": "Oryginał Rolanda z 1528 roku zobaczysz w muzeum. Wieża Bramy Bülstringer jest otwarta w weekendy przed południem lub po wcześniejszym zgłoszeniu.",
    },
}

STANDARD_PAGES = {
    "impressum": {"title": "Stopka redakcyjna", "slug": "stopka-redakcyjna", "intro": "Informacje zgodnie z § 5 niemieckiej ustawy o usługach cyfrowych (DDG) i § 18 Międzypaństwowego Traktatu o Mediach."},
    "datenschutz": {"title": "Polityka prywatności", "slug": "polityka-prywatnosci", "intro": "Jak ta strona obchodzi się z danymi osobowymi – w skrócie: możliwie oszczędnie."},
    "barrierefreiheit": {"title": "Deklaracja dostępności", "slug": "deklaracja-dostepnosci", "intro": "Miasto Haldensleben chce, aby jego strona internetowa była dostępna dla wszystkich."},
    "rathaus-und-oeffnungszeiten": {
        "title": "Ratusz i godziny otwarcia",
        "slug": "ratusz-i-godziny-otwarcia",
        "intro": "Jak dotrzeć do urzędu miasta i Biura Obsługi Mieszkańców.",
        "blocks": [
            {"text": "Ratusz Haldensleben znajduje się przy Markt 20–22, tuż za Jeźdźcem Rolandem. Z Biurem Obsługi Mieszkańców można skontaktować się telefonicznie pod numerem +49 3904 479-150 lub e-mailem: buergerbuero@haldensleben.de."},
            {
                "caption": "Godziny przyjęć Biura Obsługi Mieszkańców (przykładowe wartości tego demo)",
                "header": ["Dzień", "Przed południem", "Po południu"],
                "rows": [
                    ["poniedziałek", "9:00–12:00", "–"],
                    ["wtorek", "9:00–12:00", "13:00–18:00"],
                    ["środa", "nieczynne", "nieczynne"],
                    ["czwartek", "9:00–12:00", "13:00–16:00"],
                    ["piątek", "9:00–12:00", "–"],
                ],
            },
            {"items": [
                ("Czego potrzebuję, aby wyrobić nowy dowód osobisty?", "Prosimy zabrać obecny dowód osobisty lub paszport oraz aktualne zdjęcie biometryczne. Wniosek trzeba złożyć osobiście."),
                ("Jak zameldować się pod nowym adresem?", "W Biurze Obsługi Mieszkańców w ciągu dwóch tygodni od przeprowadzki, z dowodem tożsamości i potwierdzeniem wynajmującego (Wohnungsgeberbestätigung)."),
                ("Czy ratusz jest dostępny bez barier?", "Prosimy o wcześniejszy telefon. Wspólnie ustalimy, jak dotrzeć do nas bez schodów, albo umówimy spotkanie w innym miejscu."),
            ]},
            {"text": "Rzut oka na historię"},
            {"text": "Ratusz zbudowano w stylu barokowym w latach 1701–1703, a w latach 1815–1823 przebudowano w stylu klasycystycznym. Napis na Wieży Stendalskiej pokazuje, jak miasto postrzegało samo siebie:"},
            {"text": "Jeśli Pan nie strzeże miasta, na próżno czuwają ci, którzy chcą je chronić."},
            {"text": "Chcesz umówić wizytę w Biurze Obsługi Mieszkańców? W tym demo prośba trafia na adres zastępczy.", "link_text": "Umów wizytę"},
        ],
    },
    "leichte-sprache": {"title": "Język łatwy", "slug": "jezyk-latwy", "intro": "Tutaj wyjaśniamy Haldensleben i tę stronę w łatwym języku."},
    "gebaerdensprache": {"title": "Niemiecki język migowy (DGS)", "slug": "niemiecki-jezyk-migowy", "intro": "Informacje o mieście i tej stronie w niemieckim języku migowym."},
}


def add_polish(texts, polish):
    """Put `polish` into a {"de": …, "en": …} dict as "pl" (nothing to do without it)."""
    if polish and isinstance(texts, dict):
        texts["pl"] = polish


def add_to_items(items, translations, key="slug"):
    """For items keyed by slug: each translated field gets its "pl" text."""
    for item in items:
        slug = item[key]["de"] if isinstance(item[key], dict) else item[key]
        for field, text in translations.get(slug, {}).items():
            if field == "accessibility_notes":
                add_polish(item.get("accessibility", {}).get("notes"), text)
            elif isinstance(item.get(field), dict):
                add_polish(item[field], text)
