"""What a visitor's words may also mean, before the database looks them up.

The database backend matches substrings, so everything here produces more spellings of
a word rather than analysing the indexed text: the umlaut, ß and accent spellings both
ways ("Teufelskueche" → "teufelsküche", "Café" → "cafe"), light German and English plural
stems ("Türme" → "turm", "churches" → "church"), synonyms (the files Elasticsearch reads
and the editors' synonym groups), question words dropped, and month names (de/en/pl)
turned into a date filter on events. Typo correction against the words of the pages is
in `search.vocabulary`, applied only when nothing is found.
"""

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from search.models import SynonymGroup

ANALYSIS = Path(__file__).resolve().parent / "analysis"

# Weights of the kinds of alternatives: the visitor's own spelling ranks first.
SPELLING_WEIGHT = 1.0
STEM_WEIGHT = 0.8
SYNONYM_WEIGHT = 0.7
# SQL grows with every alternative; more than this adds noise, not hits.
MAX_ALTERNATIVES = 10
MAX_SPELLINGS = 4

FOLDS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
UNFOLDS = {"ae": "ä", "oe": "ö", "ue": "ü", "ss": "ß"}

# Words that only make a question a question; dropped when other words remain.
STOP_WORDS = {
    "de": "wo wann wie was wer ist sind hat haben das die der den dem des ein eine einen "
    "kann können ich man im in am an zu zum zur und oder mit für auf gibt es es nach von bei",
    "en": "where when what how who is are has have the a an can i you in at on to of for "
    "and or with there do does near",
    "pl": "gdzie kiedy jak co jest są czy w we na do z i lub o",
}
STOP_WORDS = {language: set(words.split()) for language, words in STOP_WORDS.items()}
ALL_STOP_WORDS = set().union(*STOP_WORDS.values())

EVENT_WORDS = {
    "veranstaltung", "veranstaltungen", "termine", "termin", "events", "event",
    "wydarzenia", "wydarzenie", "imprezy", "impreza",
}  # fmt: skip

MONTHS = {
    1: "januar jänner january styczeń stycznia styczniu",
    2: "februar february luty lutego lutym",
    3: "märz maerz march marzec marca marcu",
    4: "april kwiecień kwietnia kwietniu",
    5: "mai may maj maja maju",
    6: "juni june czerwiec czerwca czerwcu",
    7: "juli july lipiec lipca lipcu",
    8: "august sierpień sierpnia sierpniu",
    9: "september wrzesień września wrześniu",
    10: "oktober october październik października październiku",
    11: "november listopad listopada listopadzie",
    12: "dezember december grudzień grudnia grudniu",
}
MONTH_WORDS = {word: month for month, words in MONTHS.items() for word in words.split()}


def _folded_month_words():
    """{folded month word: its first spelling}, so that a search folds its words only."""
    found = {}
    for name in MONTH_WORDS:
        found.setdefault(fold(name), name)
    return found


def fold(word):
    """One spelling for comparing: lower case, ä → ae, ß → ss, accents dropped."""
    word = word.casefold().replace("ß", "ss")
    word = "".join(FOLDS.get(char, char) for char in word)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_FOLDED_MONTH_WORDS = _folded_month_words()


def spellings(word):
    """`word` and its other umlaut/ß/accent spellings (at most a few)."""
    word = word.lower()
    found = {word, fold(word)}
    # "ae" may be "ä" (Maerchen) or not (Michael): try each, the database decides.
    places = [(m.start(), m.group()) for m in re.finditer("ae|oe|ue|ss", word)][:4]
    for chosen in itertools.product((False, True), repeat=len(places)):
        if not any(chosen):
            continue
        result, last = [], 0
        for (start, pair), replace in zip(places, chosen, strict=True):
            if start < last:
                continue
            result.append(word[last:start])
            result.append(UNFOLDS[pair] if replace else pair)
            last = start + 2
        result.append(word[last:])
        found.add("".join(result))
    everything_unfolded = max(found, key=lambda spelling: (len(word) - len(spelling), spelling))
    rest = sorted(found - {word, everything_unfolded, fold(word)})
    return list(dict.fromkeys([word, everything_unfolded, fold(word), *rest]))[:MAX_SPELLINGS]


def _unumlaut(word):
    return word.replace("ä", "a").replace("ö", "o").replace("ü", "u")


def stems(word, language):
    """Singular stems of a plural ("Türme" → "turm", "Museen" → "museum", "tombs" → "tomb")."""
    found = []
    # English plurals in any language: German has them too ("Hotels", "Cafés").
    if word.endswith("ies") and len(word) > 5:
        found.append(word[:-3] + "y")
    if word.endswith(("ches", "shes", "sses")):
        found.append(word[:-2])
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        found.append(word[:-1])
    if word.endswith("een") and len(word) > 5:
        found.append(word[:-2] + "um")  # Museen → Museum
    for suffix in ("ern", "en", "er", "e", "n"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            found.append(word[: -len(suffix)])
            break
    # Umlaut plurals: Türme → Turm, Gräber → Grab.
    found += [_unumlaut(stem) for stem in found if _unumlaut(stem) != stem]
    return [stem for stem in dict.fromkeys(found) if stem != word and len(stem) >= 4]


def _synonym_lines():
    lines = []
    for path in sorted(ANALYSIS.glob("synonyms_*.txt")):
        for line in path.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                lines.append([word.strip().lower() for word in line.split(",") if word.strip()])
    return lines


_FILE_SYNONYMS = None


def synonym_groups(language):
    """Groups of equivalent words: the shipped files and the editors' synonym groups."""
    global _FILE_SYNONYMS
    if _FILE_SYNONYMS is None:
        _FILE_SYNONYMS = _synonym_lines()
    return _FILE_SYNONYMS + SynonymGroup.groups_for(language)


def synonyms(word, groups):
    """Words of the groups that hold `word` (folded comparison), without `word` itself."""
    key = fold(word)
    found = []
    for group, folded, folded_words in _folded_groups(_hashable(groups)):
        # A word of a several-word synonym counts too: "pool" of "swimming pool".
        if key in folded or (len(key) >= 4 and key in folded_words):
            # "cafe" and "café" fold alike, yet the database needs the page's spelling.
            found += [member for member in group if member != word.lower()]
    return list(dict.fromkeys(found))


def _hashable(groups):
    return tuple(tuple(group) for group in groups)


@functools.lru_cache(maxsize=8)
def _folded_groups(groups):
    """(group, its folded members, their folded words) per group: folded once, not per word
    of every search (the shipped files alone hold hundreds of words)."""
    folded = []
    for group in groups:
        members = [fold(member) for member in group]
        words = {part for member in members for part in member.split()}
        folded.append((group, frozenset(members), frozenset(words)))
    return tuple(folded)


@dataclass
class Expansion:
    """The words to look up (alternatives with weights per visitor word) and date filters."""

    groups: list = field(default_factory=list)
    months: tuple = ()
    events_only: bool = False

    @property
    def alternatives(self):
        """Every spelling of every word, for finding candidates and highlighting."""
        return list(dict.fromkeys(word for group in self.groups for word, _weight in group))


def expand(words, language, with_synonyms=True):
    """An `Expansion` of the visitor's lower-case `words`."""
    months = tuple(
        dict.fromkeys(MONTH_WORDS[fold_month] for word in words if (fold_month := _month(word)))
    )
    events_only = bool(months) or any(word in EVENT_WORDS for word in words)
    rest = [word for word in words if not _month(word) and word not in EVENT_WORDS]
    meaningful = [word for word in rest if word not in ALL_STOP_WORDS]
    if meaningful or months or events_only:
        rest = meaningful
    groups = []
    synonym_sets = synonym_groups(language) if with_synonyms and rest else []
    for word in rest:
        group = {spelling: SPELLING_WEIGHT for spelling in spellings(word)}
        word_stems = list(
            dict.fromkeys(stem for spelling in group for stem in stems(spelling, language))
        )
        for stem in word_stems:
            group.setdefault(stem, STEM_WEIGHT)
        for candidate in [word, *word_stems]:
            for synonym in synonyms(candidate, synonym_sets):
                group.setdefault(synonym, SYNONYM_WEIGHT)
        groups.append(list(group.items())[:MAX_ALTERNATIVES])
    return Expansion(groups=groups, months=months, events_only=events_only)


def _month(word):
    """The month a word names, or None (folded: "grudzien" is "grudzień")."""
    if word in MONTH_WORDS:
        return word
    return _FOLDED_MONTH_WORDS.get(fold(word))
