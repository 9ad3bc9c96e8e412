"""Line classifiers for plain-text boilerplate, in several languages.

Each classifier looks at one line's *shape* (length, punctuation, separators)
and a small multilingual vocabulary of page furniture: share bars, sign-ups,
appeals for money, "related / latest / read more" markers, timestamps,
bylines, captions and agency sign-offs.  None of them knows any one site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from crosswire.read.meta import find_agencies, parse_date

# fmt: off
__all__ = [
    "words",
    "nwords",
    "ends_sentence",
    "is_sentence",
    "is_short_line",
    "is_share_bar",
    "is_newsletter",
    "is_advert",
    "is_caption",
    "is_copyright",
    "is_timestamp",
    "is_byline",
    "is_breadcrumb",
    "is_tail_marker",
    "is_inline_link",
    "is_teaser",
    "is_headline_like",
    "is_data_line",
    "appeal_score",
    "is_interface_text",
    "is_contact",
    "is_tags",
    "is_appeal_start",
    "origin_credit",
    "signoff_credits",
    "strip_inline_furniture",
]
# fmt: on

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_BULLET = re.compile(r"^\s*(?:[•·▪►▶»>\-–—*|]+\s*)+")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def words(line: str) -> list[str]:
    """Word tokens; a run of CJK characters counts as one word per two characters."""
    out = _WORD.findall(line)
    if _CJK.search(line):
        extra = len(_CJK.findall(line)) // 2
        out = out + ["\u3000"] * extra
    return out


@lru_cache(maxsize=16384)
def nwords(line: str) -> int:
    """How many words the line has (cached: every rule asks)."""
    return len(words(line))


_DATA_LINE = re.compile(r"^(?:[-*•·▪]\s|\(?\d|\S+(?:\s\S+){0,3}\s?:\s|(?:\w+\.?\s)?\d)|\s(?:--|–|—|@)\s|\d.*\d[^\d]+\d")


def is_data_line(line: str) -> bool:
    """A row of data ('June 9 - Tampa, FL', '- England (Group A): 10th', 'Path A: Iceland')."""
    return bool(_DATA_LINE.search(line.strip()))


def is_headline_like(line: str) -> bool:
    """A line that reads like another article's headline (not a data row like 'June 9 - Tampa')."""
    s = line.strip()
    n = nwords(s)
    if n < 4 or n > 25 or ends_sentence(s) or re.search(r"[.,;:、，：；]['\"”’»」』]?$", s):
        return False
    return not _DATA_LINE.search(s)


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line).strip()


_END_PUNCT = re.compile(r"""[.!?…。！？]['"”’»)\]」』]*\s*$""")
_END_QUOTE_AFTER_WORDS = re.compile(r"""[\w,]['"”»]\s*$""")


def ends_sentence(line: str) -> bool:
    """True if the line ends like a sentence (terminal punctuation, maybe inside quotes)."""
    return bool(_END_PUNCT.search(line))


def is_sentence(line: str, min_words: int = 5) -> bool:
    """A line of running text: enough words and a sentence ending, or simply long."""
    n = nwords(line)
    if n >= 30:
        return True
    return n >= min_words and ends_sentence(line) and not line.rstrip().endswith(("...", "…"))


def is_short_line(line: str, max_words: int = 12) -> bool:
    """Short and without a sentence's full stop (a title, heading, menu or label)."""
    s = line.strip()
    return nwords(s) <= max_words and not re.search(r"[.;,:]['\"”’»]?\s*$", s) or (nwords(s) <= 4 and len(s) <= 40)


# --- share bars ------------------------------------------------------------------------------
# fmt: off
_SHARE_WORDS = {
    "share", "shares", "sharing", "tweet", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
    "email", "e-mail", "mail", "print", "copy", "link", "copied", "pinterest", "reddit", "messenger",
    "viber", "flipboard", "vk", "sms", "threads", "bluesky", "mastodon", "this", "article", "story", "on",
    "via", "partager", "partagez", "imprimer", "copier", "le", "lien", "teilen", "drucken", "kopieren",
    "compartir", "comparte", "imprimir", "enlace", "copiar", "comments", "comment", "save", "gift",
    "commentaires", "kommentare", "comentarios", "listen", "écouter", "anhören", "escuchar", "follow", "us",
    "suivez-nous", "nous", "folgen", "sie", "uns", "síguenos", "en", "auf", "sur",
}
# fmt: on
# fmt: off
_SHARE_CORE = {
    "share", "sharing", "tweet", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest",
    "reddit", "partager", "partagez", "teilen", "compartir", "comparte", "flipboard", "messenger",
}
# fmt: on


def is_share_bar(line: str) -> bool:
    ws = [w.lower() for w in words(line)]
    if not ws or len(ws) > 12:
        return False
    inside = sum(w in _SHARE_WORDS for w in ws)
    core = sum(w in _SHARE_CORE for w in ws)
    return core >= 1 and inside / len(ws) >= 0.75


# --- newsletter / subscription call to action ------------------------------------------------
_CTA = re.compile(
    r"\b(sign(?:ing)?[ -]?up|subscribe|subscribing|get (?:our|the) \w+ (?:newsletter|briefing)|"
    r"delivered to your inbox|in your inbox|email address|enter your e-?mail|"
    r"inscri(?:vez|s)[- ]vous|abonnez[- ]vous|recevez (?:notre|nos|la)|votre (?:adresse )?e-?mail|"
    r"newsletter abonnieren|jetzt abonnieren|melden sie sich|anmelden|e-mail-adresse|"
    r"suscr[ií]b(?:e|ete|irse)|reg[ií]strate|recibe (?:nuestro|nuestra|las)|correo electr[oó]nico|"
    r"iscriviti|abbonati)\b",
    re.I,
)
_NEWS = re.compile(r"\b(newsletters?|bolet[ií]n|infolettre|lettre d'information|briefing|inbox|alerts?)\b", re.I)


def is_newsletter(line: str) -> bool:
    """A sign-up or subscription call to action (not a sentence that mentions a newsletter)."""
    n = nwords(line)
    if n == 0 or n > 35:
        return False
    s = strip_bullet(line)
    if _CTA.search(s) and (_NEWS.search(s) or n <= 12 or re.match(_CTA, s)):
        return True
    return bool(_NEWS.search(s)) and n <= 6


# --- adverts, captions, copyright -----------------------------------------------------------
_ADVERT = re.compile(
    r"^(?:advertisement|advertising|ad|ads|sponsored(?: content)?|paid content|publicité|pub|annonce|"
    r"anzeige|werbung|publicidad|pubblicità|scroll to continue(?: with content)?|"
    r"(?:story|article|text) continues (?:below|after)(?: (?:the )?(?:advertisement|ad|this ad))?|"
    r"la suite après (?:cette )?(?:publicité|la publicité)|weiter nach der (?:anzeige|werbung)|"
    r"continúa después de la publicidad|skip (?:this )?ad|close ad)$",
    re.I,
)


def is_advert(line: str) -> bool:
    s = re.sub(r"[^\w' ]+", " ", strip_bullet(line)).strip()
    s = re.sub(r"\s+", " ", s)
    return bool(s) and bool(_ADVERT.match(s))


_CAPTION = re.compile(
    r"^(?:\(?(?:photo|photos|picture|image|images|foto|fotos|bild|bilder|illustration|video|file photo|"
    r"crédit(?:s)? photo|photo credit|credit|crédit|source|quelle)s?\s*[:©|/]|©|\(c\)\s)|"
    r"\b(?:photos?|foto|images?)\s*©|"
    r"\b(?:getty images|afp photo|ap photo|reuters/|/ ?reuters|/ ?afp|via getty|shutterstock|"
    r"istock(?:photo)?|dpa-bildfunk|keystone|efe/|/ ?efe|imago|abaca(?:press)?|sipa)\b\)?\s*$",
    re.I,
)


def is_caption(line: str) -> bool:
    """A photo credit or caption line."""
    n = nwords(line)
    return 0 < n <= 30 and bool(_CAPTION.search(line.strip()))


_COPYRIGHT = re.compile(
    r"(all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
    r"tutti i diritti riservati|^copyright\b|^©|\(c\) (?:19|20)\d\d)",
    re.I,
)


def is_copyright(line: str) -> bool:
    return nwords(line) <= 30 and bool(_COPYRIGHT.search(line.strip()))


# --- timestamps and bylines -----------------------------------------------------------------
_TS_WORDS = re.compile(
    r"\b(published|updated|posted|last updated|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|cet|cest|est|edt|bst|ist|"
    r"publié|mis à jour|modifié|le|à|h|veröffentlicht|aktualisiert|am|um|uhr|stand|"
    r"publicado|actualizado|el|a las|hrs?|pubblicato|aggiornato|il|alle|ore|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|de|del|min|read|lecture|"
    r"lesezeit|minutes?|minuten|minutos|ago|il y a|vor|hace|hours?|stunden|heures|horas)\b",
    re.I,
)


_DIGIT = re.compile(r"\d")


def is_timestamp(line: str) -> str | None:
    """If the line is only a date/time stamp, the date as YYYY-MM-DD (or "" when no year)."""
    s = strip_bullet(line)
    if nwords(s) > 20 or len(s) > 120 or not _DIGIT.search(s):
        return None
    found = parse_date(s)
    rest = s
    for _ in range(3):  # "Published 3 May 2023 - Updated 4 May 2023"
        again = parse_date(rest)
        if not again:
            break
        a, b = again[1]
        rest = rest[:a] + " " + rest[b:]
    if not found and not re.search(r"\b\d{1,2}[:h]\d\d\b", s):
        return None
    rest = re.sub(r"\b\d{1,2}[:h.]\d\d(?::\d\d)?\b", " ", rest)
    rest = _TS_WORDS.sub(" ", rest)
    rest = re.sub(r"[\W\d_]+", " ", rest).strip()
    if nwords(rest) > 1:
        return None
    return found[0] if found else ""


_BYLINE = re.compile(
    r"^(?i:by|par|von|por|di|door|written by|reporting by|texte|text|texto)\s*:?\s+"
    r"[A-ZÀ-Þ][\w.'’\-]+(?:\s+(?:[A-ZÀ-Þ][\w.'’\-]+|de|van|von|der|da|di|la|le|and|et|und|y|&|,))*\s*"
    r"(?:[,|/–—-].{0,80})?$",
)


def is_byline(line: str) -> bool:
    s = strip_bullet(line)
    return nwords(s) <= 14 and bool(_BYLINE.match(s))


_HOME = re.compile(r"^(home|accueil|startseite|inicio|portada|home page|homepage|news|nachrichten|actualités)\b", re.I)
_CRUMB_SEP = re.compile(r"\s(?:›|»|>|/|\||·|•|→|::)\s")


def is_breadcrumb(line: str) -> bool:
    """A navigation trail: 'Home > World > Europe' or 'Home Politics ...' at the top."""
    s = line.strip()
    if nwords(s) > 25 or ends_sentence(s):
        return False
    if len(_CRUMB_SEP.findall(s)) >= 2:
        return True
    return bool(_HOME.match(s)) and nwords(s) >= 2


# --- tails: related / latest / read more ---------------------------------------------------
_TAIL = re.compile(
    r"^(?:related(?: (?:articles?|stories|news|posts|content|coverage|topics|links|reading))?|"
    r"latest(?: (?:news|stories|articles|headlines|posts|updates))?|"
    r"most (?:view|viewed|read|popular|shared|commented|recent)(?: (?:articles?|stories|news))?|"
    r"(?:more|other) (?:from|stories|news|articles|on|in|about|like this)\b.*|"
    r"read (?:more|next|also)|also read|see also|further reading|what to read next|"
    r"you (?:may|might) (?:also )?(?:like|be interested(?: in)?|enjoy)|recommended(?: for you| stories| articles)?|"
    r"trending(?: now| stories)?|top (?:stories|news|headlines)|editor'?s? picks?|popular(?: now| stories| articles)?|"
    r"in other news|don'?t miss|more news|news in brief|"
    r"(?:à )?lire aussi|(?:à )?lire également|sur le même sujet|les plus (?:lus|consultés|partagés)|"
    r"dernières (?:nouvelles|actualités|infos|dépêches)|articles? (?:liés|similaires|connexes|recommandés)|"
    r"à découvrir|voir aussi|nos articles|plus d'actualités|dans la même rubrique|la sélection de la rédaction|"
    r"mehr zum thema|lesen sie (?:auch|mehr)|auch interessant|das könnte sie (?:auch )?interessieren|"
    r"meistgelesen(?:e)?(?: artikel)?|neueste (?:artikel|nachrichten)|weitere (?:artikel|nachrichten|themen|meldungen)|"
    r"verwandte (?:artikel|themen)|empfohlene artikel|"
    r"noticias relacionadas|(?:también )?te puede interesar|lo más (?:leído|visto)|últimas noticias|"
    r"(?:artículos|notas) relacionad[oa]s|lee también|leer más|más noticias|te recomendamos|"
    r"leggi anche|potrebbe interessarti|ultime notizie|i più letti)\s*:?$",
    re.I,
)


def is_tail_marker(line: str) -> bool:
    """A short header that starts a list of other articles."""
    s = strip_bullet(line).rstrip(" :.…>»")
    return nwords(s) <= 8 and bool(_TAIL.match(s))


_INLINE = re.compile(
    r"^(?:read (?:more|also|next)|also read|see also|related|watch|listen|more|"
    r"(?:à )?lire aussi|(?:à )?lire également|voir aussi|mehr zum thema|lesen sie auch|auch interessant|"
    r"lee también|leer más|te puede interesar|leggi anche)\s*(?::|\||-|–|—|>>|»)\s*\S",
    re.I,
)


def is_inline_link(line: str) -> bool:
    """A 'Read more: other headline' line inside the body."""
    return nwords(line) <= 30 and bool(_INLINE.match(strip_bullet(line)))


def is_teaser(line: str) -> bool:
    """A cut-off teaser of another article: 'In response to the attack, a...'."""
    s = line.rstrip()
    return s.endswith(("...", "…", "[…]", "[...]")) and nwords(s) <= 40


# --- appeals for support -------------------------------------------------------------------
_APPEAL = re.compile(
    r"(support (?:us|our|independent|quality|the|this)|supporting (?:us|our|the|independent)|donat(?:e|ion|ions|ing)|"
    r"contribut(?:e|ion|ions)\b|make a (?:gift|contribution|donation)|become a (?:member|supporter|subscriber|patron)|"
    r"dear readers?|remind me later|maybe later|we need your (?:help|support)|need your help|"
    r"independent journalism|free press|paywall|every (?:contribution|donation)|just \$|per month|monthly|"
    r"support (?:local|quality|independent|our|trusted) (?:news|journalism|reporting)|"
    r"subscribe (?:to|now|today)\b|(?:from|for) (?:just|only) (?:[$€£]\s?)?\d|(?:a|per) (?:week|month|year)\b|"
    r"soutenez|soutenir (?:notre|nous|le journalisme|l'information)|faites un don|chers? lecteurs|chères lectrices|"
    r"journalisme indépendant|abonnez|me le rappeler plus tard|"
    r"liebe leser(?:innen)?|unterstützen sie|jetzt unterstützen|spende[nr]?\b|unabhängigen? journalismus|"
    r"später erinnern|"
    r"queridos? lector(?:es|as)|apóyanos|apoya (?:nuestro|el periodismo)|don(?:a|ar|ación)\b|"
    r"periodismo independiente|hazte (?:socio|miembro)|recuérdame(?:lo)? más tarde|"
    r"sostienici|sostieni)",
)
_APPEAL_START = re.compile(
    r"^(?:(?:a )?(?:message|note|word) from\b|dear (?:readers?|friends|subscribers)\b|"
    r"(?:chers?|chères) (?:lecteurs|lectrices|amis|abonnés)\b|un message de\b|"
    r"liebe (?:leser|leserinnen|nutzer)|eine nachricht von\b|"
    r"queridos? (?:lectores|lectoras|amigos)|un mensaje de\b|cari lettori|"
    r"(?:please )?(?:support|help) (?:us|our|independent)|soutenez|unterstützen sie|apóyanos|"
    r"we (?:have|need) a (?:small )?favou?r to ask|before you go|avant de partir)",
    re.I,
)


# fmt: off
_APPEAL_HINTS = (
    "support", "donat", "contribut", "gift", "member", "reader", "later", "help", "journalism", "press",
    "paywall", "every", "$", "month", "souten", "don", "lecteur", "lectrice", "abonn", "rappel", "leser",
    "unterstütz", "spende", "journalismus", "erinner", "lector", "apóy", "apoy", "periodismo", "hazte",
    "recuérd", "sostien", "patron", "subscri",
)
# fmt: on


def appeal_score(line: str) -> int:
    """How many appeal phrases the line has."""
    low = line.lower()
    if not any(h in low for h in _APPEAL_HINTS):
        return 0
    return len(_APPEAL.findall(low))


def is_appeal_start(line: str) -> bool:
    """The header of a donation or subscription appeal ('A Message from ...:', 'Dear readers,')."""
    s = strip_bullet(line)
    return nwords(s) <= 14 and bool(_APPEAL_START.match(s))


# --- interface text, contacts, tags ------------------------------------------------------
_UI = re.compile(
    r"(an error (?:has )?occurred|there was an error|please try again|try again later|has been sent to|"
    r"thank you for (?:signing up|subscribing|your feedback)|"
    r"you(?:'re| are| have been) (?:now )?(?:subscribed|signed up)|"
    r"please enable javascript|javascript (?:is )?(?:disabled|required)|your browser (?:does not|doesn't) support|"
    r"^loading\W*$|^(?:sorry|oops)\b.{0,60}$|we use cookies|accept (?:all )?cookies|cookie (?:policy|settings)|"
    r"une erreur (?:s'est produite|est survenue)|veuillez réessayer|ein fehler ist aufgetreten|"
    r"bitte versuchen sie es|se ha producido un error|inténtalo de nuevo|"
    r"personal,? non-commercial use|subscriber agreement|reprints? (?:and|&) permissions|"
    r"^\d+\s*min(?:ute)?s?\.?\s*(?:read|de lecture|de lectura|lesezeit|di lettura)$|"
    r"^(?:reading time|temps de lecture|lesezeit|lesedauer|tiempo de lectura)\s*:?\s*\d+|"
    r"^(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b.{0,120}$|"
    r"^(?:avec|with|mit|con) (?:la )?(?:rédaction|agences|agencies|agenturen|agencias)\b)",
    re.I,
)
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|"
    r"^(?:follow|suivez|folgen sie|sigue a)\b.{0,80}\b(?:on|sur|auf|en)\s+(?:twitter|x|facebook|instagram)\b|"
    r"^(?:write to|contact|email|e-mail|reach)\b.{0,60}\bat\b|"
    # calls on readers to send material: "Readers can send photos to our newsroom", "Got a tip?"
    r"^(?:readers|you) (?:can|may|are (?:invited|welcome|encouraged) to) (?:also )?(?:send|share|submit|e-?mail)\b|"
    r"^(?:send|share|submit) (?:us )?your (?:photos|pictures|videos|tips|stories|news)\b|"
    r"^(?:do you have|have you got|got) (?:a (?:news )?tip|a story|information|photos|pictures)\b|"
    r"^(?:vous (?:pouvez|avez) (?:nous )?(?:envoyer|des photos|une information)|envoyez-nous)\b",
    re.I,
)
_URL_LINE = re.compile(r"^\s*(?:<)?(?:https?://|www\.)\S+\s*(?:>)?$", re.I)
_TAGS = re.compile(
    r"^(?:tags?|tagged|topics?|keywords?|mots[- ]clés|thèmes|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|"
    r"themen|etiquetas|temas|argomenti)\s*[:|]?\s+\S",
    re.I,
)


def is_interface_text(line: str) -> bool:
    """Messages of the page itself: errors, cookie notices, 'has been sent', reuse notices."""
    return nwords(line) <= 40 and bool(_UI.search(line))


def is_contact(line: str) -> bool:
    """'Write to X at x@y.com', 'Follow X on Twitter', a bare URL."""
    return nwords(line) <= 20 and bool(_CONTACT.search(line) or _URL_LINE.match(line))


def is_tags(line: str) -> bool:
    """A tag list: 'Tags: a b c ...' without sentence punctuation."""
    return bool(_TAGS.match(line)) and not ends_sentence(line)


# --- credits ---------------------------------------------------------------------------------
_ORIGIN = re.compile(
    r"^(?:this (?:article|story|report|piece|post) (?:is|was|has been|first|originally)?\s*(?:originally |first )?"
    r"(?:published|appeared|posted|ran)|(?:originally|first) (?:published|appeared|posted)|"
    r"(?:cet|cet article|l'article) (?:a été |est )?(?:initialement |d'abord )?(?:publié|paru)|"
    r"(?:article )?(?:initialement|originellement|d'abord) (?:publié|paru)|"
    r"(?:dieser )?(?:artikel|beitrag|text) (?:ist |wurde )?(?:zuerst|ursprünglich) (?:erschienen|veröffentlicht)|"
    r"(?:zuerst|ursprünglich) (?:erschienen|veröffentlicht)|"
    r"(?:este )?(?:artículo|texto) (?:fue )?(?:publicado )?(?:originalmente|inicialmente)(?: publicado)?|"
    r"publicado originalmente|(?:questo )?articolo (?:è stato )?(?:originariamente |pubblicato originariamente)|"
    # "This article is a translation of a report by X", "Ce texte est une traduction d'un article de X"
    r"(?:this|the) (?:article|story|report|text|piece) (?:is|was) (?:a translation|translated)(?: (?:of|from) "
    r"(?:an? (?:article|story|report|piece)|the original))?|translated from(?: an? (?:article|story|report))?|"
    r"(?:ce|cet) (?:texte|article) (?:est une traduction|a été traduit)(?: d'un (?:article|texte|reportage))?|"
    r"traduit d'un (?:article|texte)|"
    r"(?:dieser )?(?:artikel|text) ist eine übersetzung(?: eines (?:artikels|beitrags))?|"
    r"(?:este )?(?:artículo|texto) es una traducción(?: de un (?:artículo|texto))?)"
    r"\s*(?:on|in|at|by|from|of|sur|dans|par|de|du|des|d'|auf|bei|in der|im|aus|von|en|por|su)?\s*:?\s*"
    r"(?P<who>.+?)\s*\.?$",
    re.I,
)


def origin_credit(line: str) -> str | None:
    """X in 'This article is originally published on X' (in several languages), else None."""
    s = strip_bullet(line)
    if nwords(s) > 25:
        return None
    m = _ORIGIN.match(s)
    if not m:
        return None
    who = re.split(r"[.!?]\s", m.group("who"))[0].strip(" .:;,'\"“”")
    who = re.sub(r"^(?:the website|the site|le site|la web|die website)\s+", "", who, flags=re.I)
    who = re.sub(r"^(?:the|le|la|les|l['’]|der|die|das|el)\s*(?=[A-ZÀ-Þ])", "", who)
    return who or None


_SIGNOFF_FILLER = re.compile(
    r"\b(?:with|avec|mit|con|and|et|und|y|e|source|sources|quelle|fuente|fonte|agencies|agences|agenturen|"
    r"agencias|agenzie|reporting|by|par|von|por|wires?|staff|copyright|the|la|le|die|der|das|el|"
    r"editing|writing|additional|edited|compiled|from)\b|©|\(c\)|\b(?:19|20)\d\d\b",
    re.I,
)


def signoff_credits(line: str) -> list[str]:
    """Agencies in a sign-off line ('— AFP', 'With Reuters', '© 2024 AFP', '(dpa)'), else []."""
    s = strip_bullet(line).strip(" ()[]-–—")
    if not s or nwords(s) > 10:
        return []
    agencies = find_agencies(s)
    if not agencies:
        return []
    rest = s
    from crosswire.read.meta import AGENCIES

    for canon in agencies:
        for spelling in AGENCIES[canon]:
            rest = re.sub(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", " ", rest)
    rest = _SIGNOFF_FILLER.sub(" ", rest)
    rest = re.sub(r"[\W\d_]+", " ", rest).strip()
    return agencies if not rest else []


# --- furniture run into a paragraph ----------------------------------------------------------
# Captions, photo credits, video-player messages and other page labels that text extraction
# (or a corpus that lost its line breaks) has run into the report's own paragraph.  Each
# pattern is a label no report writes in its own sentences; where a word is also ordinary
# English ("close", "advertisement"), its position and the word after it decide.
_AGENCY_CREDIT = (
    r"(?:getty images|getty|afp|ap|reuters|epa|efe|dpa|bloomberg|shutterstock|istock(?:photo)?|corbis|"
    r"rex features|rex/shutterstock|zuma press|ap images|sipa|abaca|imago|anadolu)"
)
_CREDIT_NAME = r"(?:[^\W\d_][\w.'’-]*\s+){0,3}?[^\W\d_][\w.'’-]*"
_PERSON_CREDIT = r"(?:[^\W\d_][\w.'’-]*\s+){1,2}?[^\W\d_][\w.'’-]*"  # a photographer's name
# a word after a leading "Close" that makes it the adjective or adverb ("Close to 500 people")
_CLOSE_GOES_ON = (
    "to|by|behind|up|in|on|at|enough|call|calls|friend|friends|ally|allies|aide|aides|associate|associates|"
    "relative|relatives|relationship|relationships|ties|race|races|contest|contests|range|watch|encounter|"
    "encounters|family|confidant|confidants|adviser|advisers|advisor|advisors|quarters|combat|contact|"
    "attention|scrutiny|look|looks|vote|votes|second|third|result|results|finish|margin|game|match|links|"
    "cooperation|collaboration|coordination|proximity|examination|inspection|behind|together|shave|"
    "the gap|the deal|the case|the door|down"
)
# words that start a sentence after a stray "Advertisement" label between two sentences
_SENTENCE_START = (
    "the|a|an|i|he|she|it|we|they|you|his|her|its|our|their|this|that|these|those|there|but|and|in|on|at|as|"
    "for|while|when|after|before|if|so|yet|still|now|then|one|two|some|many|most|more|according|meanwhile|"
    "however|also|mr|mrs|ms|dr"
)
_SLASH_TOKEN = re.compile(r"\S+/\S+")
_SLASH_AGENCY = re.compile(rf"/\s*{_AGENCY_CREDIT}\b", re.I)
_SLASH_OR_COMMA_AGENCY = re.compile(rf"[/,]\s*{_AGENCY_CREDIT}\b", re.I)


def _repeated_slash_token(low: str) -> bool:
    tokens = _SLASH_TOKEN.findall(low)
    return len(tokens) != len(set(tokens))


# fmt: off
_AGENCY_HINTS = ("getty", "afp", "reuters", "epa", "efe", "dpa", "bloomberg", "shutterstock", "istock", "corbis",
                 "rex", "zuma", "sipa", "abaca", "imago", "anadolu", "/ap", "/ ap", ", ap")
# fmt: on
_Test = tuple[tuple[str, ...], Callable[[str], object] | None]


def _any(*words: str) -> _Test:
    """Run the pattern when the paragraph has one of these words."""
    return words, None


def _when(words: tuple[str, ...], check: Callable[[str], object]) -> _Test:
    """Run the pattern when the paragraph has one of these words and passes ``check``."""
    return words, check


# (a cheap test of the lower-cased paragraph, the pattern it lets run)
_INLINE_FURNITURE: list[tuple[_Test, re.Pattern[str]]] = [
    (test, re.compile(p, re.I))
    for test, p in (
        # BBC-style credit and caption labels: "Image copyright AFP Image caption ..."
        (_any("image copyright"), r"\bimage copyright\b(?:(?!\bimage caption\b).){0,80}?\bimage caption\b:?"),
        (_any("image caption", "media caption"), r"\b(?:image|media) caption\b:?"),
        (_any("media playback"), r"\bmedia playback is (?:unsupported|not supported) on your device\b\.?"),
        # "toggle caption Jane Roe/AP Jane Roe/AP": the credit printed twice
        (
            _any("toggle caption"),
            r"(?:\benlarge this image\s+)?(?:\bi\s)?\bi?toggle caption\s+(?P<c>\S(?:.{0,80}?\S)?)\s+(?P=c)(?=\s|$)",
        ),
        (_any("enlarge this image"), r"\benlarge this image\s+(?P<d>\S(?:.{0,60}?\S)?)\s+(?P=d)(?=\s|$)"),
        (
            _any("enlarge this image", "hide caption", "toggle caption"),
            r"\b(?:enlarge this image|hide caption)\b|(?:\bi\s)?\bi?toggle caption\b",
        ),
        # a credit printed twice, with its slash: "Jane Roe/Getty Images Jane Roe/Getty Images"
        (
            _when(("/",), _repeated_slash_token),
            rf"\b(?=[^/]{{0,60}}/)(?P<e>{_CREDIT_NAME}\s*/\s*[\w.'’/ -]{{2,40}}?)\s+(?P=e)(?=\s|$)",
        ),
        # "(Photo: Jane Roe, Getty Images)", "(AP Photo/Jane Roe)", "(Photo by ...)"
        (
            _any("photo", "image", "picture", "video"),
            r"\(\s*(?:(?:ap|afp|reuters|getty|epa|file|staff|courtesy)\s+)?(?:photo|photos|photograph|image|picture|"
            r"pictures|video)\s*(?::|/|by\b)[^()]{0,150}?(?:\)|(?=\(\s*(?:the )?associated press\s*\)))",
        ),
        (
            _any("associated press"),
            r"(?:(?<=[.!?]\s)|^)[^.!?()]{1,250}?(?:\.\.\.|…)\s*(?=\(\s*(?:the )?associated press\s*\))",
        ),
        (_any("associated press"), r"\(\s*(?:the )?associated press\s*\)"),
        # "(Jane Roe/Getty Images)", "(Jane Roe, AFP)": a credit in brackets
        # (a name of two or three words: "(XPA/AFP)" in a dateline is the agencies' credit, kept)
        (_when(_AGENCY_HINTS, _SLASH_OR_COMMA_AGENCY.search), rf"\(\s*{_PERSON_CREDIT}\s*[/,]\s*{_AGENCY_CREDIT}\s*\)"),
        # "Jane Roe, Getty Images Jane Roe, Getty Images": a credit printed twice
        (
            _when(_AGENCY_HINTS, _SLASH_OR_COMMA_AGENCY.search),
            rf"\b(?P<f>{_CREDIT_NAME},\s*{_AGENCY_CREDIT})\s+(?P=f)\b",
        ),
        # "Photograph: Jane Roe/AFP/Getty Images", "| AP Photo"
        (
            _when(_AGENCY_HINTS, _SLASH_AGENCY.search),
            rf"\b(?:photo|photograph|picture)s?(?: credit)?\s*:\s*{_CREDIT_NAME}"
            rf"(?:\s*/\s*[\w.'’-]+)*\s*/\s*{_AGENCY_CREDIT}\b",
        ),
        (_any("|", "&#124;"), r"(?:\||&#124;)\s*(?:ap|afp|reuters|getty images|epa) photo\b"),
        # "Image copyright EPA" without its caption label: the label and a one-word credit
        (_any("image copyright"), r"\bimage copyright\s+(?:getty images|@?[\w.'’-]+)"),
        # "Jane Roe/Getty Images" where a caption or the text begins
        (
            _when(_AGENCY_HINTS, _SLASH_AGENCY.search),
            rf"(?:(?<=^)|(?<=[.!?\"”)]\s)|(?<=\|\s)|(?<=&#124;\s))(?:(?:\||&#124;)\s*)?{_PERSON_CREDIT}(?:\s*/\s*[\w.'’-]+)*"
            rf"\s*/\s*{_AGENCY_CREDIT}\b",
        ),
        (
            _when(("|", "&#124;"), _SLASH_AGENCY.search),
            r"(?:\||&#124;)\s*(?=(?:[^\W\d_][\w.'’-]*\s+){0,3}?[^\W\d_][\w.'’-]*(?:\s*/\s*[\w.'’-]+)*\s*/\s*"
            + _AGENCY_CREDIT
            + r"\b)",
        ),
        # "Photo: Jane Roe." as a sentence of its own
        (
            _any("photo", "picture"),
            r"(?:(?<=^)|(?<=[.!?\"”]\s))(?:photo|photograph|picture)s?(?: credit)?"
            r"\s*:\s*[^.!?()]{1,60}?(?:\.(?=\s|$)|$)",
        ),
        # galleries: "image 1 of 5 caption close image 1 of 5"
        (_any("image "), r"\bimage \d+ of\s*/?\s*\d+\b(?:\s+caption)?(?:\s+close)?(?:\s+image \d+ of\s*/?\s*\d+\b)?"),
        # a video player's labels: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 06:08"
        (_any("just watched"), r"\bjust watched\s.{1,160}?\breplay more videos\b\s*(?:\.\.\.|…)?"),
        (_any("must watch"), r"(?:^|(?<=[.!?…]\s))must watch\s.{1,160}?\s\d{1,2}:\d\d(?=\s*$)"),
        # a video player's "CLOSE" button with the video's description and its credit, a paragraph of its own
        # ("CLOSE The mayor opened the bridge on Sunday. USA TODAY"; not a text in capitals), the player's own
        # buttons before it ("Skip in Skip x Embed x Share CLOSE ...")
        (
            _any("close "),
            r"(?-i:^(?:(?:Skip|in|x|Embed|Share|Replay|Autoplay)\s+){0,8}CLOSE (?=[A-Z][a-z'’]|[A-Z] [a-z])"
            r"[^\n]*[^\s.!?\"”’)\]])$",
        ),
        (_any("story highlights"), r"(?:^|(?<=[.!?\"”)]\s))story highlights\b:?"),
        (_any("story continue"), r"(?<!\bthe )(?<!\bthis )(?<!\bthat )(?<!\bher )\bstory continue[sd] below\b"),
        (
            _any("continue reading"),
            r"\b(?:advertisement\s+)?continue reading (?:the main story|below(?:\s+advertisement)?)\b",
        ),
        (_any("text size"), r"\btext size\s*-\s*\+\s*reset\b"),
        (
            _any("javascript"),
            r"\b(?:please )?enable javascript to (?:watch|view|see|play) this (?:video|content|slideshow|gallery)\b\.?",
        ),
        (_any("push notifications"), r"\bget push notifications with news, features and more\b\.?"),
        (
            _any("email notifications"),
            r"\bget email notifications on [^!.?]{1,60}? daily!\s*(?:your notification has been saved\.?)?",
        ),
        (
            _any("breaking news alerts"),
            r"(?:\bbreaking news emails\s+)?\bget breaking news alerts and special reports\.\s*(?:the news and stories "
            r"that matter,? delivered weekday mornings\.)?",
        ),
        (_any("embed"), r"\bplay (?:facebook |twitter |google plus |email )+embed\b"),
        (_any("skip in skip"), r"^close\s+skip in skip x embed x share\b|\bskip in skip x embed x share\b"),
        (
            _any("all of your comments"),
            r"\bthis will appear next to all of your comments\b(?:\s+this will not appear anywhere on \w+\b)?",
        ),
        # "Advertisement" between two sentences, or at the end
        (
            _any("advertisement"),
            rf"(?:(?<=[.!?\"”]\s)|^)advertisement\s+(?=(?:{_SENTENCE_START})\b|[\"“'‘(])|(?<=[.!?\"”]\s)advertisement\s*$",
        ),
    )
]
# every word a test above looks for, found in one pass (longest first)
_HINTS = re.compile(
    "|".join(
        re.escape(w) for w in sorted({w for (ws, _), _p in _INLINE_FURNITURE for w in ws}, key=lambda w: (-len(w), w))
    )
)
# a page's "Close" button before the text ("Close The coroner said ..."): first paragraph only
_LEADING_CLOSE = re.compile(rf"^close\b(?!\s*[-–,.:;!?]|\s+(?:{_CLOSE_GOES_ON})\b)(?=\s+\S)", re.I)


def strip_inline_furniture(text: str, *, first: bool = False) -> tuple[str, list[str]]:
    """The paragraph without the page furniture run into it, and the pieces cut (in order).

    ``first``: the paragraph opens the text (where a page's "Close" button lands).  What
    follows a cut that started a sentence takes over its capital ("... said.
    Advertisement while ..." -> "... said. While ...").
    """
    low = text.lower()
    found = set(_HINTS.findall(low))
    if not found and not first:
        return text, []
    spans: list[tuple[int, int]] = []
    for (words, check), pat in _INLINE_FURNITURE:
        if any(w in found for w in words) and (check is None or check(low)):
            spans.extend(m.span() for m in pat.finditer(text) if m.end() > m.start())
    if first and low.startswith("close"):
        spans.extend(m.span() for m in _LEADING_CLOSE.finditer(text))
    if not spans:
        return text, []
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    cuts: list[str] = []
    out = ""
    pos = 0
    capital = False  # the last cut took a sentence's capital with it
    for a, b in merged + [[len(text), len(text)]]:
        seg = text[pos:a].strip()
        if seg:
            if capital and seg[:1].islower():
                seg = seg[:1].upper() + seg[1:]
            out = f"{out} {seg}" if out and seg[:1] not in ",.;:!?)]" else out + seg
            capital = False
        piece = text[a:b].strip()
        if piece:
            cuts.append(piece)
            capital = piece[:1].isupper() and (not out or bool(re.search(r"[.!?][\"”’)]*$", out)))
        pos = b
    return re.sub(r"\s{2,}", " ", out).strip(" |"), cuts
