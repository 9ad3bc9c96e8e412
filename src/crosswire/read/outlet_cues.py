"""Cue tables for reading a report's publisher from its own text (used by ``read.outlets.identify``).

Each form here is the page's own voice, never a citation of another outlet: the page's share link, a
label or a furniture shape only one publisher prints, the station's note on its own video, the
writer's contact address, and the lines crediting the wire or the colleagues who contributed.
Every form was checked over the eval files (bench/outlets.py; bench/README.md has the counts).
"""

from __future__ import annotations

import re

# fmt: off
__all__ = ["CAP", "CONTACT", "CONTRIBUTED", "CONTRIBUTED_START", "CONTRIBUTOR_ROLES", "HOUSE_FORMS", "HOUSE_LABELS",
           "LATE_DATELINE_PARAS", "LATE_DATELINE_PRE_WORDS",
           "LATE_DATELINE_TOTAL_WORDS", "MEDIA_EDIT", "NAME", "SHARE_LINE", "SHORTENERS",
           "HEADING_WORDS", "STATION_BRAND", "STAY_WITH", "FOLLOW_STAFF", "WIRE_SIGNS",
           "CLOSING_SIGN", "CLOSING_SOURCE", "CLOSING_WITH", "PICTURE_CREDIT", "TOLD_STATION", "WE_VOICE",
           "WE_VOICE_MIN",
           "SHORT_SOURCE_AGENCIES"]
# fmt: on

# A publisher's name as printed: up to six capitalised words (with "of", "and", "&", "the"
# inside), or one token such as "KREM-TV", "leprogres.fr", "MarketWatch".
CAP = r"[A-ZÀ-Þ0-9][\w&'’.!+-]*"
NAME = (
    rf"(?:[Tt]he\s+|[Ll]e\s+|[Ll]a\s+|[Dd]ie\s+|[Dd]er\s+|[Ee]l\s+)?{CAP}"
    rf"(?:\s+(?:of\s+|and\s+|&\s+|de\s+|du\s+|the\s+)?{CAP}){{0,5}}"
)

# The page's own share link among its cut lines: "Read or Share this story: https://usat.ly/2vqcFEy" (a short
# link of the publisher's own, or the story's address); an ordinary link in the text is no sign.
SHARE_LINE = re.compile(
    r"(?i)\b(?:read\s+or\s+)?share\s+this\s+(?:story|article)\s*:\s*(?P<url>https?://[\w-]+(?:\.[\w-]+)+\S*)"
)
# fmt: off
# link shorteners anyone uses: a share link through them names no publisher
SHORTENERS = frozenset({"bit.ly", "goo.gl", "t.co", "ow.ly", "tinyurl.com", "buff.ly", "dlvr.it", "trib.al", "fb.me",
                        "youtu.be", "is.gd", "j.mp", "shar.es", "lnkd.in"})
# fmt: on

# A dateline that opens the body after the page's highlights ("Story highlights" cut, then pull quotes and a
# subheading): looked for up to this paragraph, when every paragraph before it is this short.
LATE_DATELINE_PARAS = 8
LATE_DATELINE_PRE_WORDS = 40
LATE_DATELINE_TOTAL_WORDS = 80
# A byline heading inside the text ("The cost of oil: analysis by Jane Roe, X economics correspondent"): a
# paragraph of at most this many words, not a sentence.
HEADING_WORDS = 16

# A publisher's in-article label that names no one but is that publisher's alone (each checked over the eval
# files: every page holding it that another cue names is that outlet's) -> the outlet's name in the table.
HOUSE_LABELS: tuple[tuple[str, str], ...] = (
    ("story continued below", "Politico"),  # POLITICO's label over the advert inside its articles
)
# Shapes of page furniture only one publisher prints (pattern over the cut lines and the text, one per line).
# fmt: off
HOUSE_FORMS: tuple[tuple[str, str], ...] = (
    # the BBC's media player where it cannot play, and its picture credit glued to the caption label
    (r"(?i)\bmedia playback is unsupported on your device\b", "BBC"),
    (r"(?i)\bimage copyright\b[^\n]{1,80}?\bimage caption\b", "BBC"),
    # CNN's video widget: "JUST WATCHED <video title> Replay More Videos ... MUST WATCH"
    (r"(?i)\bjust watched\b[^\n]{1,200}?\breplay\s+more\s+videos\b", "CNN"),
    # The Hill's politician name card as cleaning cut it: the full legal name glued to related headlines, then
    # "MORE" ("Jane Mary RoeBudget talks stall ... MORE"; read.furniture's "name-card" span)
    (r"(?m)^\s*(?:(?:[A-Z][\w.'’-]*|\([A-Z][\w.'’ -]*\)|\"[A-Z][\w.'’ -]*\")\s){1,5}[A-Z][\w'’-]*[a-z]"
     r"(?=MORE|['\"‘“]?[A-Z0-9][a-z0-9])[^\n]{0,800}?MORE\s*$", "The Hill"),
)
# fmt: on

# A publisher's note on its own video: "News 13 has removed the audio of the video in respect to ..." (not
# "YouTube has removed the video": an edit of the page's own footage, by a name of the table or a station)
MEDIA_EDIT = re.compile(
    rf"(?P<who>{NAME})\s+(?:has|have)\s+(?:removed|muted|blurred|edited\s+out|bleeped(?:\s+out)?|pixelated|obscured)\s+"
    r"(?:the\s+|some\s+(?:of\s+the\s+)?|part\s+of\s+the\s+|portions\s+of\s+the\s+)?"
    r"(?:audio|sound|language|profanity|faces?|names?|images?)\s+(?:of|from|in)\s+(?:the|this|its)\s+"
    r"(?:video|footage|clip|recording|photos?|images?)\b"
)
# a station's brand with its channel number ("News 13", "KARE 11", "Fox 5")
STATION_BRAND = re.compile(r"(?:[A-Z][\w-]*\s){1,2}\d{1,2}")

# A staff picture or video credit naming the page's outlet after its photographer: "(Jane Roe / The Daily Planet)",
# "... caption. | Jane Roe/Daily Planet" (a name of the table, not a wire: a wire's picture runs anywhere; "via" and
# "Getty" credits are not matched).  Weak: read only when no other cue named the outlet, and only when every such
# credit on the page names the same outlet.
PICTURE_CREDIT = re.compile(
    rf"\(\s*(?:[A-Z][\w.'’-]+\s+){{1,3}}?[A-Z][\w.'’-]+\s*/\s*(?:[Ff]or\s+)?(?P<who>{NAME})\s*\)"
    rf"|(?m:\|\s*(?:[A-Z][\w.'’-]+\s+){{1,2}}?[A-Z][\w.'’-]+\s*/\s*(?P<who2>{NAME})\s*$)"
)
# A station's own interview in a report told in its own voice: "Miller told NewsChannel 9" (a brand with its channel
# number or call letters) in a text that says "we asked", "told us", "we reported" outside quotations at least
# WE_VOICE_MIN times; without that voice "told WXYZ" is mostly another outlet citing the station's interview.
TOLD_STATION = re.compile(r"\btold\s+(?P<who>(?:[A-Z][\w-]*\s){1,2}\d{1,2}|[KW][A-Z]{2,3}(?:-TV)?)\b")
WE_VOICE = re.compile(
    r"(?i)\b(?:told|tells|showed|asked|sent)\s+us\b|\bwe\s+(?:asked|reported|spoke|talked|reached|learned|contacted|"
    r"tracked|showed|sent|wanted\s+to\s+know|went|visited|obtained)\b"
)
WE_VOICE_MIN = 2

# The writer's contact address in the sign-off: "Write to Jane Roe at jane.roe@wsj.com", "Reach him at ..." (the
# domain is the outlet's only when the table knows it: a group's or a personal domain names no one).  Not "She can
# be reached at ...": it closes a guest's biography ("Jane Roe is the editor of X. She can be reached at ...").
# Also the wires' form naming the desk: "To contact the reporter on this story: Jane Roe in Paris at jroe1@example.net".
CONTACT = re.compile(
    r"(?i)(?:\b(?:contact|reach|e-?mail|write\s+to)\s+(?:him|her|them|[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)"
    r"|\bto\s+contact\s+the\s+(?:reporters?|editors?|writers?)\s+(?:on|of|for|responsible\s+for)\s+this\s+"
    r"(?:story|article|report)\s*:\s*[^@\n:;]{2,80}?)\s+at\s+[\w.+-]+@(?P<dom>[\w-]+(?:\.[\w-]+)+)"
)

# Contributions: "Associated Press writer Jane Roe contributed to this report.", "CNN's Jane Roe contributed to this
# story.", "Information from the Associated Press was used in this story." -> the agency or outlet named first is
# a credit (it lent reporting), never the outlet.
CONTRIBUTED = re.compile(
    r"\s+contributed\s+to\s+this\s+(?:report|story|article)\b"
    r"|\b(?:information|material|reporting)\s+from\s+(?P<who>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}?)"
    r"\s+(?:was|were|is)\s+used\s+in\s+this\s+(?:story|report|article)\b",
    re.IGNORECASE,
)
# where the subject of "contributed" may start: a line, a sentence or a dash
CONTRIBUTED_START = re.compile(r"(?:^|(?<=[.!?])[\"”’]?\s+|[—–]\s*|\n)")
# the words after the name in the subject: "Associated Press writers ...", "CNN's ..."
# fmt: off
CONTRIBUTOR_ROLES = frozenset({
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "journalist", "journalists",
    "video", "staff", "photographer", "photographers", "producer", "producers", "researcher", "researchers",
    "'", "’", "'s", "’s",
})
# fmt: on

# A wire's own sign at the end of its copy -> (pattern, agency): a credit, never the outlet (sites that run the copy
# keep it).  Reuters closes with its reporters and editors in parentheses: "(Reporting by Jane Roe; Editing by Tom
# Poe)", "(Writing by Jane Roe)" on a line of its own.
# fmt: off
WIRE_SIGNS: tuple[tuple[str, str], ...] = (
    (r"(?m)^\s*\((?:Additional\s+)?(?:[Rr]eporting|[Ww]riting)\s+by\s+[^()\n]{2,160}\)\s*$"
     r"|\((?:Additional\s+)?(?:[Rr]eporting|[Ww]riting)\s+by\s+[^()\n]{2,160}?[;,]\s+[Ee]diting\s+by\s+[^()\n]{2,100}\)",
     "Reuters"),
)
# fmt: on
# The page's call to follow the story with it: "Stay with ClickOrlando.com for more on this story.", "Stay with KXYZ
# for updates." (a name of the table, a station, a domain or a name printed like a web publisher)
STAY_WITH = re.compile(
    rf"(?i:\bstay\s+(?:with|tuned\s+to))\s+(?P<who>{NAME}|[\w-]+(?:\.[\w-]+)+|[a-z]+\d{{1,2}})\s+"
    r"(?i:for\s+(?:more|updates|the\s+latest|continuing\s+coverage))\b"
)
# The page's call to follow its own writer: "Follow AP Film Writer Jane Roe on Twitter", "Follow Varno Daily staff
# writer Jane Roe" (a wire so named is a credit)
FOLLOW_STAFF = re.compile(
    r"\bFollow\s+(?P<who>(?:[A-Z][\w.&'’-]*\s+){1,4}?)(?:[A-Z][a-z]+\s+)?(?:[Ss]taff\s+)?"
    r"(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Cc]olumnists?|[Ee]ditors?)\s+[A-Z]"
)

# The agency sign closing a text (German, Swiss, Austrian, Spanish, Polish papers): "... vor. (dpa/les)", "... sagte
# er. RND/dpa", "... Italien. EFE", "... zł. (PAP" -- up to four tokens of at most six letters joined by "/"; also
# after an advert's label run into the text ("... Anzeige RND/lo")
CLOSING_SIGN = re.compile(
    r"(?:[.!?\"”»“)]\s+|^|\b(?:Anzeige|Werbung|Advertisement|Publicidad|Publicité|Reklame)\s+)[-–—(]?\s*(?P<sig>(?:[\w.]{1,6}\s*/\s*){0,3}[A-Za-zÀ-ÿ]{2,6}(?:\s*/\s*[\w.]{1,6}){0,3})"
    r"\s*\)?\s*$"
)
# a source named after the last sentence: "... Quelle: AP", "... Kaynak: AA", "... Fuente: EFE"
CLOSING_SOURCE = re.compile(
    r"(?:^|[.!?»\"”]\s+)(?P<label>(?i:quelle|quellen|fuente|fonte|source|sources|kaynak|źródło|bron))\s*:\s*"
    r"(?P<sig>[^.\n:]{2,40}?)\.?\s*$"
)
# A credit phrase after the closing sign: "... dijo. EFE Con información de EFE", "... (dpa) Mit Material von AFP"
# (read as a source; the sign before it is then read as the text's closing sign)
CLOSING_WITH = re.compile(
    r"(?:^|(?<=[\s.!?»\"”)]))(?i:con\s+(?:información|informaciones)\s+de|mit\s+(?:Material|Informationen)\s+(?:von|der|des)"
    r"|with\s+(?:information|reporting)\s+from|com\s+informações\s+d[aoe]s?)\s+"
    r"(?P<sig>[^.\n:]{2,40}?)\.?\s*$"
)
# Texts are often cut short ("Kaynak: İH", "Quelle: AP" for APA): a two-letter agency after a source label only where
# that language has one of two letters (label -> agencies)
SHORT_SOURCE_AGENCIES: dict[str, tuple[str, ...]] = {"kaynak": ("AA",)}
