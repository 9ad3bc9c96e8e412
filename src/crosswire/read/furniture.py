"""Page furniture inside a report's paragraphs, as data: cut from the text the brief reads.

``clean`` already cuts whole lines of furniture (share bars, captions, sign-ups...).  This
module finds what is left *inside* a paragraph, or in a paragraph that looks like a
sentence, by kind:

* **sentence** rules (:data:`SENTENCE_RULES`): a whole sentence that is a photo caption, a
  reporting credit ("X reported from Toronto.", "... contributed to this report."), an
  embedded post or its markup, an advert (a phone number, a price to buy at), a reprint or
  subscription notice ("A version of this story first appeared in ...", "click here"), a study's
  reference or author contribution pasted under a science story;
* **span** rules (:data:`SPAN_RULES`): a piece of a sentence that is a stock ticker
  ("AMZN, -1.29%", "US:XBTC"), a "> More:" link, a bracketed related link ("[Related: ...]"),
  a picture credit ("Facebook/Handout via REUTERS", "Slideshow (16 Images)"), print and
  e-mail tools, a label before the text ("PREVIOUS:", "UPDATE: 9:05 a.m. -").

:func:`strip_furniture` returns the paragraph without them and the pieces cut (kept in
``Article.removed``).  Every rule is a pattern in the tables below; none knows a site.
"""

from __future__ import annotations

import re

__all__ = [
    "CLOSING_RULES",
    "CREDIT_OPENERS",
    "DATED_PICTURE",
    "LINE_RULES",
    "SENTENCE_RULES",
    "SPAN_RULES",
    "is_label_line",
    "line_furniture",
    "strip_furniture",
    "may_be_title",
    "opens_credits",
]

# a credits line of a review or a listing ("Screenplay by ...", "WITH: ...", "Running time: ..."): furniture, not news
# fmt: off
CREDIT_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("screenplay by", "written by", "directed by", "produced by", "starring", "with:", "cast:", "credits:",
           "cast & credits", "running time", "mpaa rating", "music by", "edited by", "director of photography"),
    "fr": ("réalisé par", "scénario de", "scénario :", "avec :", "durée :", "de et avec"),
    "de": ("regie:", "drehbuch:", "mit:", "laufzeit:", "buch:"),
    "es": ("dirigida por", "guion de", "guión de", "con:", "reparto:", "duración:"),
}
# fmt: on
_CREDITS_LINE = re.compile(
    r"^\W*(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for ws in CREDIT_OPENERS.values() for w in ws)
    + r")(?!\w)",
    re.I,
)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_OUTLET = r"[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|of|and|&|de|du|des|la|le))*"  # "The Varno Herald", "Le Monde"
_COPYRIGHT = (
    r"\(?\s*(?:©|\(c\)|\bCopyright)\s*(?:©\s*)?(?:19|20)\d\d"  # "© 2017", "(Copyright 2013", "Copyright © 2011"
)

# one part of a picture credit: a name of one or two words, or an agency ("Jane Roe", "Carla de Souza", "DPA"), not
# the word that opens the text after it ("Foto: AFP/Jane Roe Der Konzern ...")
_CREDIT_PART = (
    r"[A-Z][\w'’-]*(?: (?:de |da |von |van |del )?(?!(?:Der|Die|Das|Ein|Eine|Im|In|Am|Auf|Bei|Nach|Mit|Für|Von|Zu|Wie|"
    r"Was|Nun|Seit|Als|The|A|An|El|La|Los|Las|Un|Una|Le|Les|Il)\b)[A-Z][\w'’-]*)?"
)
# sources a picture is credited to without a photographer's name ("Picture: Instagram", "Bild: AFP")
_PICTURE_SOURCES = (
    r"AFP|AP|Reuters|REUTERS|Getty Images|Getty|Supplied|Instagram|Twitter|Facebook|YouTube|EPA|AAP|dpa|DPA|"
    r"iStock|Shutterstock|Alamy|Handout|Screenshot|Screengrab|picture alliance|imago|Keystone|ANSA|EFE|Europa Press"
)
# a person's place in a picture: "(centre)", "(L)", "(l.)", ", left,", ", second from right,"
_PLACED = (
    r"\((?:L|C|M\.|[lr]\.|[Cc]ent(?:re|er)|[Ll]eft|[Rr]ight|[Tt]op|[Bb]ottom|[Ff]ront|[Ff]oreground|[Bb]ackground|"
    r"links|rechts|Mitte|v\.\s?[lr]\.|[àa] (?:gauche|droite)|au centre)\)|"
    r"(?<=\w), (?:(?:second|third|fourth|far|top|bottom|front|back|standing|seated) (?:from )?)?"
    r"(?:left|right|center|centre|bottom|top|foreground|background),"
)
# what a caption says a person in the picture does, in the present tense (en, de, fr)
_CAPTION_VERBS = (
    r"(?:is|are) (?:(?:being|also|then|seen|shown|pictured) )?\w+(?:ed|en|wn|ng|ht|ne)|"
    r"(?:stand|pose|speak|arrive|walk|talk|leave|listen|look|wave|greet|smile|react|gesture|attend|hold|sit|hug|"
    r"shake|celebrate|deliver|answer|campaign|sign|run|pray|embrace|receive|take|make|point|laugh|participate|"
    r"chat|meet|visit|get|lead|show|wait|dance|perform|sing|play|present|accept|announce|autograph|direct|"
    r"examine|clean|dig|interview|kneel|jump|drive|pause|appear|share|wear|sit|read|prepare|help|escort|"
    r"console|applaud|cheer|vote|testify|kiss|watch|address|cry|carry)(?:s|es)?|testifies|cries|carries|"
    r"ist|sind|steht|stehen|spricht|sprechen|posiert|posieren|sitzt|sitzen|kommt|kommen|geht|gehen|hält|halten|"
    r"lacht|lachen|zeigt|zeigen|begrüßt|begrüßen|umarmt|umarmen|"
    r"est|sont|pose|posent|arrive|arrivent|parle|parlent|salue|saluent"
)
# a telephone number as written to be dialled: a free phone "0800 / 111 0 111", "1-800-222-8477", "(339) 368-6001",
# "208-476-5551", "09 72 39 40 50" (not "1,205" nor a year range "2019-2020")
_PHONE = (
    r"(?<![\w,.])(?:\(?0\s?800\)?\s*/?\s*\d{3}\s?\d{1,3}\s?\d{1,3}|1-8\d\d-(?:\d{3}-\d{4}|[A-Z]{3,}-[A-Z]{2,})|"
    r"\(\d{3}\)[\s-]?\d{3}-\d{4}|(?<!\d-)\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4}|0\d(?:[ .]\d\d){4})(?![\w,])"
)
_INVESTIGATORS = (
    r"[Pp]olice|POLICE|FBI|[Ss]heriff(?:'s)?|[Dd]etectives?|[Ii]nvestigators|Crime ?Stoppers|RCMP|[Tt]ip ?line|"
    r"[Pp]olizei|[Pp]olicía|[Pp]olicia|[Gg]endarmerie|[Cc]arabinieri"
)
# a day written as the agencies date a picture: "Friday, Dec. 15, 2017"
_WEEKDAY_DATE = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2}, (?:19|20)\d\d"
)
# A line cut as a news photo's caption ("..., Wednesday, Sept. 15, 2010, in Kabul.") or a video's stamp ("(Published
# Friday, May 15, 2015)"): its date is the day of the report's pictures, which the timeline still reads
DATED_PICTURE = re.compile(r"(?:(?<=\w), |\((?:Published|Updated|Posted) )" + _WEEKDAY_DATE + r"\b")
# (kind, pattern) over one sentence; a sentence that matches is cut whole
# fmt: off
SENTENCE_RULES: list[tuple[str, str]] = [
    # captions: "This screengrab from X shows ...", "In this Jan. 3 photo, ...", "A photo of the teen."
    ("caption", r"^(?:FILE\s*[-–—]\s*)?(?:In )?[Tt]his (?:\w+\s+){0,4}?(?:photo(?:graph)?|picture|image|"
                r"screen ?grab|screen ?shot|still|frame grab|handout|video grab)\b[^.]{0,200}?\b(?:shows?|showing|"
                r"provided by|released by|obtained by|taken (?:from|on|in)|posted (?:on|to|by)|made available)\b"),
    ("caption", r"^(?:FILE\s*[-–—]\s*)?In this (?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{4}|undated|file|"
                r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                r"handout|family|courtesy|recent|aerial|social media|photo)[,\s]+){0,4}"
                r"(?:photo(?:graph)?|picture|image|frame grab|video image)\b"),
    ("caption", r"^An? (?:(?:undated|file|handout|family|recent|social media|surveillance|booking|police)\s+)*"
                r"(?:photo(?:graph)?|picture|image|screen ?grab|screen ?shot|mug ?shot) of\b[^.]{0,200}\.?$"),
    ("caption", r"^[^.]{0,60}\b[Hh]andout(?: photo| picture| image)? via (?:REUTERS|Reuters|AFP|AP|EPA)\.?$"),
    ("caption", r"^[^.]{0,80}\bvia Getty Images\b(?: file)?\.?$"),
    ("caption", r"\b(?:is|are) (?:seen|pictured|shown)\b[^.]{0,100}\b(?:posting|post|photo(?:graph)?|image|"
                r"handout|picture|still|selfie|screen ?grab)\s*(?:\([^)]*\))?\s*\.?$"),
    # a news-photo caption dated in the agencies' form after a comma, the picture's place last ("... gestures to the
    # crowd at the graduation ceremony, Friday, Dec. 15, 2017, in Quantico, Va."); a report writes "on Friday"
    ("caption", r"(?<=\w), " + _WEEKDAY_DATE + r"(?:, (?:in|at|near|outside) [^!?]{2,60}?)?\.$"),
    # reporting credits
    ("credit", r"^(?!(?:Police|Officials|Authorities|Witnesses|Residents|Reporters|Media|Agencies|Newspapers|"
               r"He|She|They|It|We|I|Investigators|Prosecutors)\b)[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}"
               r"(?:(?:,| and| &) [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}){0,3} (?:reported|contributed|wrote) "
               r"(?:from|in) [A-Z][\w'’.-]+(?:,? [A-Z][\w'’.-]+){0,3}\.$"),
    # (names may hold initials and suffixes: "Rachel E. Roe", "Tom Foreman Jr.")
    ("credit", r"^(?:[^.]|\b[A-Z]\.|\b(?:Jr|Sr)\.){0,240}\b(?:contributed|assisted|helped) "
               r"(?:reporting |with reporting )?"
               r"(?:to|with|for) (?:this|the) (?:report|story|article)\.?$"),
    ("credit", r"^(?:[^.]|\b[A-Z]\.|\b(?:Jr|Sr)\.){0,240}\bcontributed reporting\.?$"),
    ("credit", r"^\(?(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ff]act-checking) by\b"),
    # raw markup of an embedded post left in a text ("<a href=...>#tag</a> ... —@handle")
    ("embed", r"<a\s+href=|</a>|<blockquote\b|</blockquote>"),
    # an embedded video's own line ("Escape Maneuver in a Flying Fly from Jane Roe on Vimeo."), a publisher's footer
    # naming the reporters to contact ("To contact the reporters on this story: ...")
    ("embed", r"^[^.!?]{3,150} from [A-Z][^.!?]{1,60} on Vimeo\.?$"),
    ("credit", r"^To contact the (?:reporters?|editors?|writers?)\b[^.]{0,40}\b(?:on|responsible for|of) "
               r"this story\s*:"),
    # a prompt to look at what the page embeds or links: "Watch the update here.", "Read our press release here.",
    # "Check out some more videos of the fruit fly in action:", "Watch:"
    ("promo", r"^(?:Watch|See|Read|Listen to|View)\s+(?:it|them|the|this|these|our|more|all|his|her|their|a|an)\b"
              r"[^.!?]{0,50}?\bhere\s*[.!]$"),
    ("promo", r"^(?:Check out|Take a look at|Break out|Watch|See)\b[^.!?:]{0,80}:$"),
    # a telephone number to call (a tip line, a help line, a reporter's or an office's number): service, no news
    # (in a sentence of at most 40 words: a longer one has text glued to the number, "... 347-322-0415 (CNN) The ...";
    # not an appeal of the police for information, which the story tells: "Anyone with information should call
    # police at ...")
    ("contact", r"^(?=(?:\S+\s+){0,39}\S+\s*$)(?!.*\b(?:" + _INVESTIGATORS + r")\b).*?" + _PHONE),
    # adverts: a phone number with its label, a masked address, a price to buy at
    ("advert", r"\b(?:Tel|Tél|Phone|Telefon|Fax|Call)\s*\.?:?\s*\+?\(?\d[\d ()/.-]{6,}\d"),
    ("advert", r"\[?email(?:&#160;|\s)?protected\]?"),
    ("advert", r"\b(?:Online-?Shop|Buch-?Shop|Webshop)\b[^.]{0,120}\b(?:bestell|erh[äa]ltlich|kauf|order)"),
    # a caption naming people in a row ("(L-R) Jane Roe, ... stand together", "From left: ..."); a caption
    # closed by its credit in brackets ("Marsh tit (courtesy: Jane Roe, Varno Museum)")
    ("caption", r"^\(\s*(?:L\s?-\s?R|R\s?-\s?L|L to R|[Ff]rom (?:left|right)|[Ll]eft to right|[Cc]lockwise from "
                r"(?:top |bottom )?left)\s*\)|^(?:[Ff]rom left|[Ll]eft to right|L\s?-\s?R)\s*:\s"),
    ("caption", r"\(\s*(?:[Pp]hoto |[Ii]mage |[Pp]icture |[Vv]ideo )?[Cc]ourtesy(?: of)?\s*:?\s+[^()]{1,100}\)\s*\.?$"),
    # a caption placing a person in the picture and saying what they do there, in the present tense ("Jane Roe,
    # left, is greeted by ...", "Jane Roe (centre) arrives at ...", "X (l.) und Y (r.) stehen ..."); a report's
    # past ("Roe, left, and Doe met in 2010") is no caption, and "(R)" alone is a party
    ("caption", r"(?:" + _PLACED + r")[^.!?]{0,160}?\b(?:" + _CAPTION_VERBS + r")\b|"
                r"\b(?:" + _CAPTION_VERBS + r")\b[^.!?]{0,160}?(?:" + _PLACED + r")"),
    # a broadcaster's promo: "Tune in to X at 9 p.m.", "Check here for local listings.", "... Only On 7."
    ("promo", r"^(?:(?:[Bb]e sure|[Mm]ake sure|[Dd]on't forget|[Rr]emember) to )?[Tt]une in(?:to)?\b|"
              r"^\(?\s*[Cc]heck (?:here for |your )?(?:local )?listings\b|"
              r"\bOnly On (?:\d{1,2}|[A-Z]{3,5}(?:-TV)?|Channel \d{1,2})\b"),
    # an editor's note about the article or its video: "This story has been updated to include ...",
    # "Information from X was used in this report.", "X has removed the audio of the video ...",
    # "WARNING: Some may find this video disturbing."
    ("note", r"^(?:[(\[](?![^)\]]*[)\]]\s*\S)\s*)?(?:(?:[Ee]ditor['’]?s?|EDITOR['’]?S|[Ee]ds?\.?) [Nn]ote\s*:\s*|"
             r"[Nn]ote\s*:\s*|UPDATE\s*:\s*|Update\s*:\s*)?[Tt]his (?:article|story|post|report|piece|item) "
             r"(?:has been|was|had been) (?:updated|corrected|amended)\b|"
             # a correction's note: "This version corrects that the material ...", "(This story corrects the name ...)"
             r"^[(\[]?\s*[Tt]his (?:version|article|story|report) corrects\b|"
             r"^An? (?:image |photo |picture )?caption (?:has been|was) (?:updated|corrected|amended)\b|"
             r"^(?:Some )?(?:[Ii]nformation|[Mm]aterial|[Dd]etails) (?:from|provided by) (?:the )?[^.]{2,60}? "
             r"(?:was|were|has been|have been) (?:used|included) in this (?:story|report|article)\b|"
             r"\b(?:has|have) (?:removed|muted|blurred|edited out|bleeped) (?:the |some )?(?:audio|sound|faces?|"
             r"profanity)\b[^.]{0,40}\b(?:video|footage|clip)\b"),
    ("note", r"^(?=.{0,160}$)[(\[]?\s*(?:WARNING|Warning|CAUTION|Caution)\s*:[^.]{0,80}\b(?:video|footage|"
             r"images?|photos?|pictures?|content|language|audio)\b|"
             r"\b(?:[Ss]ome|[Vv]iewers|[Rr]eaders) (?:viewers |readers |people )?may find (?:this|the following|"
             r"these|the below|some of (?:the|these)) (?:video|footage|images?|content|pictures|photos|clip)\b"
             r"[^.]{0,30}\b(?:disturbing|graphic|distressing|upsetting|offensive)|"
             r"^[Vv]iewer discretion (?:is )?advised\b"),
    # a magazine's excerpt and subscription notices: "The following is an excerpt of an article from the
    # May 2 issue of X.", "This issue is available now on newsstands", "Already a subscriber? Continue on to
    # The Archives.", "Not a member and want to learn more?", "Go to our benefits page."
    ("subscribe", r"^The following (?:is|was) (?:an? )?(?:excerpt|extract)\b[^.]{0,60}\b(?:issue|edition)\b|"
                  r"\b(?:available|on sale) (?:now )?(?:on|at) newss?tands\b|"
                  r"^Continue (?:on )?to (?:[Tt]he )?[A-Z][\w ]{0,30}\.?$|"
                  r"^(?:Not|Already) a (?:member|subscriber)\b[^.]{0,60}\?$|^Go to our\b[^.]{0,60}\bpage\.?$"),
    # a writer's one-line biography: "Jane Roe covers courts for The Varno Herald." (see also CLOSING_RULES)
    ("credit", r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} (?:covers|writes about|reports on) [^.]{1,80}\bfor "
               r"(?:[Tt]he )?" + _OUTLET + r"\.$"),
    # a prompt to read another article by its headline in title case ("Read 'Harbour' Stars to Be Honoured at
    # the Pier TODAY!"): every word capitalised but the short words a title leaves in lower case
    ("link", r"^(?:Read|READ)\s+[‘'\"“]?[A-Z0-9][\w’'.,:!-]*[’'\"”]?"
             r"(?:\s+(?:[‘'\"“]?[A-Z0-9][\w’'.,:!-]*[’'\"”]?|a|an|the|and|or|of|to|at|in|on|for|with|by|as|vs\.?)){3,20}"
             r"\s*[.!?]?$"),
    # German: a pointer to the site's other pages ("Hier finden Sie die News aus ...")
    ("link", r"^Hier (?:finden|lesen|sehen|erfahren) Sie\b"),
    # reprint and subscription notices
    ("reprint", r"^(?:An? (?:version|earlier version|shorter version|edited version) of this (?:story|article|piece|"
                r"report)|This (?:story|article|piece|report)) (?:first |originally |also )?"
                r"(?:appeared|ran|was published)\b"),
    ("subscribe", r"\b(?i:click here)\b|^To (?:receive|get|order) the (?:magazine|newspaper|print edition)\b|"
                  r"^(?:Subscribe|Sign up) (?:now|today|here)\b"),
    # prompts to read on, follow, sign up or unsubscribe; a link with its label; a picture's credit
    ("subscribe", r"^(?:Read|Watch|Listen)(?: or Share)? (?:more|this story|the full story)\b|"
                  r"^(?:Email )?(?i:sign up|subscribe)\b[^.]{0,120}\b(?:newsletters?|inbox|alerts|e-?mails?|channel)\b|"
                  r"^You can unsubscribe at any time\b|\byou must be a subscriber\b|"
                  r"\b(?:newsletter|alerts?|briefing)\b[^.]{0,80}\bin your inbox\b"),
    ("social", r"^(?:Like|Follow|Find|Visit|Join)\s+(?:us|[A-Z][\w'’.-]+(?:\s+[A-Z0-9][\w'’.-]+){0,3})\s+"
               r"(?:on\s+(?:Twitter|Facebook|Instagram|Tumblr|YouTube|Google\+|LinkedIn|Snapchat|TikTok)\b|"
               r"at\s+(?:https?://|www\.|@))"),
    ("link", r"^(?:More [A-Z][\w ]{0,30}|Related|See also|For more information, (?:go to|visit))\s*:?\s*"
             r"(?:https?://|www\.)|^(?:\S*https?://\S+\s*)+$|^[A-Z][\w ]{0,40}:\s*(?:https?://|www\.)\S+\s*$"),
    # a writer's contact line: "He is reachable at jroe(at)ap.org or http://...", "... subscribe to his RSS feed"
    ("credit", r"^(?:He|She|They) (?:is|are|can be) reach(?:ed|able) at\b|"
               r"\bsubscribe to (?:his|her|their|our) RSS feed\b"),
    ("caption", r"^Caption\s+[A-Z]"),
    ("credit", r"^\(?(?:Photo|Image|Video)s? (?:furnished|courtesy|provided|credit)(?: by| of)?:?\s+"
               r"[^.()]{0,60}\)?\.?$"),
    # a page's copyright notice and newsletter prompts ("© 2018 KREM-TV", "... delivered to your inbox")
    ("notice", r"^" + _COPYRIGHT + r"\b(?:\s+\S+){0,10}\s*$"),
    ("subscribe", r"\bdelivered to your inbox\b|\bplease visit us at\b|"
                  r"^For more (?:articles|stories|news) like this\b"),
    # a study's reference list and author contributions, pasted under a science story: "Fretwell, P. et al.
    # Bedmap2: ...", "Science 333, 1427–1430 (2011).", "D. Roe developed the study concept ..."
    ("reference", r"^(?:[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*(?:-\s*)?){1,3},?\s+){1,6}(?:et al\.|&|and\b)"),
    ("reference", r"^(?:[^.!?]|\b[A-Z][a-z]{0,8}\.){0,120}?\b\d{1,4}\s*(?:\(\d{1,3}\))?"
                  r"\s*,\s*[A-Za-z]?\d{1,6}(?:\s*[–-]\s*\d{1,6})?\s*"
                  r"\(\s*(?:19|20)\d\d\s*\)?\s*\.?$"),
    ("reference", r"^(?:[A-Z]\.\s*){1,3}[A-Z][\w'’-]+ (?:developed|drafted|designed|conceived|performed|analy[sz]ed|"
                  r"collected|supervised|revised|wrote)\b[^.]{0,120}\b(?:study|manuscript|data|analysis|experiments?)\b"),
]
# fmt: on

# (kind, pattern) over one sentence of the last paragraphs of a text only, where a sentence that would be
# news inside the report is the writer's sign-off: "Jane Roe is a staff writer for Varno Weekly." (inside a
# report about a journalist it states a fact)
# fmt: off
CLOSING_RULES: list[tuple[str, str]] = [
    ("credit", r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} is an? (?:\w+ ){0,2}(?:reporter|writer|correspondent|"
               r"columnist|editor|contributor|journalist|producer)(?: \w+){0,3} (?:for|at|with) "
               r"(?:[Tt]he )?" + _OUTLET + r"\.$"),
    # ... or with the outlet's possessive: "Jane Roe is The Varno Herald's associate editor."
    ("credit", r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} is (?:[Tt]he )?" + _OUTLET + r"['’]s? (?:\w+ ){0,2}"
               r"(?:reporter|writer|correspondent|columnist|editor|contributor|journalist|producer)\.$"),
]
# fmt: on

# (kind, pattern) over a paragraph: the matched span is cut, the sentence around it stays
# fmt: off
SPAN_RULES: list[tuple[str, str]] = [
    # a quote box's ticker and change: "AMZN, -1.29%" (two decimals: not "NY, 5%")
    ("ticker", r"(?<=\s)[A-Z]{1,5}(?:\.[A-Z]{1,2})?,\s?[+\-−]?\d{1,3}\.\d\d%(?=[\s,.;)])"),
    ("ticker", r"(?<=\s)(?:US|UK|CA|FR|DE|JP|HK|AU|IN|CN|XE|SE|CH|NL|IT|ES|KR|TW|BR|MX):"
               r"[A-Z][A-Z0-9.]{0,7}(?=[\s,.;)])"),
    ("more-link", r"(?:^|(?<=\s))>\s*(?:More|MORE|Related|RELATED|Read more|READ MORE|See also|Watch|WATCH)\s*:"
                  r"[^.!?]{0,160}(?:[.!?]|$)"),
    ("related-link", r"\[\s*(?:Related|RELATED|Read|READ|See|SEE|Watch|WATCH|Also|ALSO|More|MORE|"
                     r"Click|Listen)\b[^\[\]]{0,200}\]"),
    ("related-link", r"\[[^\[\]]{0,200}(?:https?://|www\.)[^\[\]]{0,200}\]"),

    ("picture-credit", r"\b(?:[\w.'’-]+/){1,3}Handout via (?:REUTERS|Reuters|AFP|AP|EPA)\b|"
                       r"\bHandout via (?:REUTERS|AFP|EPA)\b"),
    # a picture's credit in German, bracketed or after a caption: "(Bild: DPA)", "(Foto: Jane Roe / DPA)",
    # "Foto: Jane Roe/dpa", "© Foto: AFP/Jane Roe"
    ("picture-credit", r"\(\s*(?:Foto|Fotos|Bild|Bilder|Grafik|Quelle|Illustration)\s*:\s*[^()]{1,80}\)"),
    # (unbracketed, with the caption sentence it closes: "Der Minister spricht im Landtag. Foto: Jane Roe/dpa")
    # (a caption that opens the paragraph is short: a longer one holds the headline glued before it)
    ("picture-credit", r"(?:(?:^(?=[^.!?\n]{1,120}[.!?][\"”“]?\s+(?:[-–]\s*)?(?:©\s*)?(?:Foto|Fotos|Bild)\s*:)|"
                       r"(?<=[.!?]\s)|(?<=[.!?][\"”“]\s))[A-ZÄÖÜ„\"][^.!?\n]{0,250}?[.!?][\"”“]?\s+)?"
                       r"(?:[-–]\s*)?(?:©\s*)?\b(?:Foto|Fotos|Bild)\s*:\s*(?:" + _CREDIT_PART + r"\s*/\s*)+"
                       r"(?:" + _CREDIT_PART + r"|[a-z]{2,4}\b)(?:\s*/\s*[\w-]+)*(?:\s*\+\+\+[^+]{1,30}\+\+\+)?"),
    # a picture's credit after its caption, before the dateline: "... in Varno. — AFP pic VARNO, May 2 — The court"
    ("picture-credit", r"(?:^|(?<=[.!?]\s))[—–]\s*(?:[A-Z][\w.'’-]*\s){1,3}?pic\b\.?"),
    # "REUTERS/Jane Roe" (not "an AP/NORC poll")
    ("picture-credit", r"\b(?:REUTERS|AFP|EPA)/[A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]+){1,3}(?:/File(?: Photo)?)?"),
    ("picture-credit", r"\bSlideshow \(\d+ (?:Images?|Photos?)\)"),
    ("advert", r"\b(?:ab|from|for only|only|just|für|pour|desde|por)\s+(?:[$€£]\s?)?\d+(?:[.,]\d\d)?\s*(?:Euro|EUR|€|"
               r"dollars?|USD|\$|£|pounds?)?\s+(?:zu (?:erwerben|bestellen|kaufen|haben)|erhältlich|bestellbar|"
               r"to (?:buy|order)|à (?:acheter|commander))\b"),
    # a wire's currency note: "($1 = 0.9125 euros)", "(£1 = $1.2345)", "(1 euro = 1.1 dollars)"
    ("currency", r"\(\s*(?:US|C|A|NZ|HK|S)?[$£€¥₹]\s?1\s*=\s*[^()]{1,40}\)|"
                 r"\(\s*1 (?:euro|dollar|pound|yen|yuan|franc|rupee|real|peso)s? = [^()]{1,40}\)"),
    # a source credit in square brackets: "[AP via Varno Post]", "[image via screengrab]"
    ("source-credit", r"\[\s*[^\[\]]{1,50}\bvia\b[^\[\]]{1,50}\]"),
    # the note a network's link asterisks point to: "*varno.de ist Teil des bundesweiten ...-Netzwerks."
    ("network-note", r"\*\s?[\w.-]+\.(?:de|at|ch)(?:\s+und\s+[\w.-]+\.(?:de|at|ch))?\s+(?:ist|sind)\s+Teil\s+"
                     r"(?:des|der)\s+[^.]{0,60}?(?:[Nn]etzwerks?|[Rr]edaktion)\b\.?"),
    # an embedded post's links and its attribution line; the post's own words stay (a quotation)
    ("embed", r"\bpic\.twitter\.com/\w+|\bhttps?://t\.co/\w+"),
    # (after a sentence: on a line of its own the attribution harms nothing and pages count it as text)
    ("embed", r"(?:(?<=[.!?\"”»)]\s)|(?<=[.!?\"”»)]))[—–-]\s*(?:[^()\n]{1,60}\s)?\(?@\w{2,}\)?\s*"
              r"(?:" + _MONTH + r"\s+\d{1,2},\s+\d{4})?\s*$"),
    # a paragraph that is one embedded post, its words and its dated attribution: "@varnopd charges filed
    # tonight pic.twitter.com/x — Jane Roe (@janeroe) July 2, 2031" (the words are not the report's)
    ("embed", r"^[^\n]{1,400}?\s[—–]\s*(?:[^()\n]{1,60}\s)?\(@\w{2,}\)\s*" + _MONTH + r"\s+\d{1,2},\s+\d{4}\s*$"),
    # a copyright notice closing a sentence or a paragraph: "... davis said. © 2017 Cox Media Group."
    ("notice", _COPYRIGHT + r"(?:\s+[\w.&,/'’-]+){0,6}?\s*\)?"
               r"(?=\s*(?:\.\s*)?$)"),
    # a wire's bracketed pointer to a graphic or a factbox: "(GRAPHIC: Scorched earth - tmsnrt.rs/2IldVyS)"
    ("more-link", r"\(\s*(?:GRAPHIC|GRAPHICS|FACTBOX|INTERACTIVE|TIMELINE|PICTURES|VIDEO)\s*:[^()]{1,120}\)"),
    # a bare link after a sentence's end: "... switched at birth in 1945. https://kare11.tv/2JFKYyf"
    ("link", r"(?<=[.!?\"”])\s*https?://\S+(?:\s*…)?\s*$"),
    ("tools", r"\bPrinter[- ]friendly(?: version)?\s*»?|\bE-?mail this (?:to a friend|article|story|page)\s*»?"),
    ("rating", r"\(\s*out of (?:4|four|5|five|10|ten)(?: stars)?\s*\)"),
    ("label", r"^(?:PREVIOUS|UPDATE|UPDATED|EARLIER|ORIGINAL STORY|EDITOR'S NOTE|CORRECTION|BREAKING)\s*:\s*"
              r"(?:\d{1,2}(?::?\d\d)?\s*[ap]\.?\s?m\.?\s*(?:[A-Z]{2,4}\s*)?[-–—,:]\s*)?(?=\S)"),
    # a politician's name card after the name: the full legal name glued to related headlines and "MORE"
    # ("Sen. Jane Roe Jane Mary RoeBudget talks stall ... MORE (D-Vt.) said"): only the group "cut" goes,
    # the name as the text gives it stays
    ("name-card", r"\b(?P<sur>[A-Z][\w'’-]+)(?P<cut> (?:(?:[A-Z][\w.'’-]*|\([A-Z][\w.'’ -]*\)|\"[A-Z][\w.'’ -]*\")\s)"
                  r"{1,5}(?P=sur)(?=MORE(?![A-Za-z])|['\"‘“]?[A-Z0-9][a-z0-9])[^\n]{0,800}?MORE(?![A-Za-z]))"),
    # an English page's advert label between sentences ("... the plan. Advertisement The council met ..."); not
    # the word opening a sentence ("Advertisement revenue fell")
    ("advert", r"(?:(?<=[.!?:\"“”»)’])\s+|^)(?:Advertisement|ADVERTISEMENT|Advert)(?:\s+(?:Advertisement|Advert))*"
               r"(?=\s+[A-Z0-9\"“‘(]|\s*$)"),
    # a picture's credit naming a known source, between sentences or before the text ("... was a student.
    # Picture: Instagram After further care ...", "Bild: AFP Mehr als ..."): the table of sources decides where
    # the credit ends, since the next sentence opens on a capital too
    ("picture-credit", r"(?:(?<=[.!?\"”’)]\s)|^)(?:Pictures?|Photos?|Fotos?|Bild|Imagen|Image)\s*:\s*"
                       r"(?:" + _PICTURE_SOURCES + r")(?:\s*/\s*" + _CREDIT_PART + r")*(?=\s+[A-ZÄÖÜ\"“„]|\s*$)"),
    # an icon's name left in the text ("... medical attention. media_camera Charlie Noxon, 20, ...")
    ("picture-credit", r"(?<=\s)media_camera(?=\s)"),
    # a German page's advert label between sentences or before the text ("... Ursache? Anzeige Anzeige Krefeld.")
    ("advert", r"(?:(?<=[.!?:\"“”»)])\s+|^)(?:Weiterlesen nach der )?Anzeige(?:\s+Anzeige)*(?=\s+[A-ZÄÖÜ0-9„\"(]|\s*$)|"
               r"\bAnzeige\s+Anzeige\b"),
]
# fmt: on

# (kind, pattern) over a short paragraph of its own: the whole paragraph is furniture
LINE_RULES: list[tuple[str, str]] = [
    (
        "related-link",
        r"^(?:PREVIOUS|RELATED|MORE|READ MORE|READ|WATCH|SEE ALSO|ALSO READ|LISTEN|VIDEO|PHOTOS)"
        r"\s*:\s*\S",
    ),
    # a label with its kind ("RELATED VIDEO: ...", "Related Article: ...", "SEE BELOW: Video of the ...")
    (
        "related-link",
        r"^(?:(?i:related|more|read|watch|see)\s+(?i:videos?|articles?|stor(?:y|ies)|coverage|links?|below)|SEE BELOW)"
        r"\s*:\s*\S",
    ),
    # another article's headline with its source credit: "Varno's Long Winter [AP via Varno Post]"
    ("related-link", r"^[^.!?\[\]]{3,150}\[\s*[^\[\]]{1,50}\bvia\b[^\[\]]{1,50}\]$"),
]

# a caption of the form "A photo of X" is a sentence only when it has a verb of its own
_UNLESS = {
    "caption": re.compile(
        r"^An? .*\b(?:was|were|is|are|has|have|had|shows|showed|will|would|can|could|"
        r"circulated|posted|released|shared|appeared|emerged|went viral)\b"
    )
}
_SENT = [(k, re.compile(p)) for k, p in SENTENCE_RULES]
_CLOSING = [(k, re.compile(p)) for k, p in CLOSING_RULES]
_SPAN = [(k, re.compile(p)) for k, p in SPAN_RULES]
_LINE = [(k, re.compile(p)) for k, p in LINE_RULES]
# (a dash after a full stop opens a dateline: "... in Melbourne. — AFP pic CANBERRA, May 2 — The court ...")
_SPLIT = re.compile(r"""(?<=[.!?])["”’)]?\s+(?=["“‘(]?[A-Z0-9À-Þ]|[—–]\s)|(?<=[.!?]["”’)])\s+""")
_HINT = re.compile(
    r"photo|picture|image|screen|still|handout|seen|pictured|shown|reported|contributed|by\b|"
    r"href|</a>|twitter|instagram|facebook|@|post|tel|phone|fax|call|protected|euro|eur|€|\$|£|"
    r"shop|version|story|article|click|receive|subscribe|sign up|wrote|inbox|visit us|©|\(c\)|copyright|"
    r"(?:read|watch|listen)(?: or share)? more|tumblr|youtube|google\+|linkedin|snapchat|tiktok|http|www\.|"
    r"reach|caption|et al\.|\(\s*(?:19|20)\d\d\b|"
    r"\(\s*(?:l\s?-\s?r|r\s?-\s?l|l to r|from|left|clockwise)|(?:from left|left to right|l\s?-\s?r)\s*:|courtesy|"
    r"tune in|listings|only on|updated|corrected|amended|used in|included in|removed|muted|blurred|edited out|"
    r"bleeped|warning|caution|may find|discretion|excerpt|extract|newss?tands|continue (?:on )?to|"
    r"(?:not|already) a (?:member|subscriber)|go to our|"
    r"covers|writes about|reports on|reporter|writer|correspondent|columnist|editor|contributor|journalist|"
    r"producer|hier (?:finden|lesen|sehen|erfahren)|"
    r"\((?:l|c|m\.|r\.|cent(?:re|er)|left|right|top|bottom|front|foreground|background|links|rechts|mitte|v\.\s?[lr]\.|"
    r"[àa] (?:gauche|droite)|au centre)\)|, (?:\w+ (?:from )?)?(?:left|right|center|centre|bottom|top|foreground|"
    r"background),|, (?:mon|tues|wednes|thurs|fri|satur|sun)day, |"
    r"\d{3}[-.]\d{3}[-.]\d{4}|1-8\d\d-|\(\d{3}\)|0\s?800\b|0\d[ .]\d\d[ .]\d\d|"  # (a number to call: _PHONE)
    r"(?-i:\b(?:Read|READ)\s+[‘'\"“]?[A-Z0-9])| on vimeo\b|to contact the|\bhere\s*[.!]|:\s*$|"
    r"(?-i:\b(?:[A-Z]\.\s*){1,3}[A-Z][a-z])",  # (the initials of a study's author, in capitals)
    re.IGNORECASE,
)


def line_furniture(text: str) -> str | None:
    """The kind of furniture a short paragraph of its own is, else None."""
    s = text.strip()
    if len(s.split()) > 25 or re.search(r"[.!?]$", s):
        return None
    for kind, rx in _LINE:
        if rx.search(s):
            return kind
    return None


def is_label_line(text: str) -> bool:
    """A short label that introduces what follows ("Statement from the police department:")."""
    s = text.strip()
    return s.endswith(":") and 1 <= len(s.split()) <= 10 and not re.search(r"[.!?][\"”’]?\s", s)


_TITLE_ABBREV = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|No|Nos|vs|"
    r"[A-Z]|[A-Z](?:\.[A-Z])+)\.$"
)
_ABBREV = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,4}|[A-Z](?:\.[A-Z])+)\.$")
_ET_AL = re.compile(r"\bet al\.$")


def opens_credits(text: str) -> bool:
    """Does a line open a work's credits ("Starring ...", "Cast & Credits ...", "Directed by ...")?"""
    return bool(_CREDITS_LINE.match(text))


def may_be_title(text: str) -> bool:
    """Can a line at the top of a page be its title?  Not a credits box ("Starring Julia Roberts,
    ... Directed by Tarsem Singh. 106 minutes. PG", "Cast & Credits ..."): a title opens with no
    credit and holds no sentence ended by a full stop before its end."""
    if opens_credits(text):
        return False
    parts = _sentences(text.strip())
    return not any(p.rstrip().endswith(".") for p in parts[:-1])


def _sentences(text: str) -> list[str]:
    """Sentences, not split after a title or an initial ("Mr. Roe", "J. Roe"), "et al.", nor after an
    abbreviation followed by a figure or a small letter ("Oct. 27", "U.S. troops")."""
    out: list[str] = []
    for piece in _SPLIT.split(text):
        if not piece or not piece.strip():
            continue
        nxt = piece.lstrip('"“‘( ')[:1]
        if out and (
            _TITLE_ABBREV.search(out[-1])
            or _ET_AL.search(out[-1])
            or (_ABBREV.search(out[-1]) and (nxt.isdigit() or nxt.islower()))
        ):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _sentence_kind(s: str, closing: bool = False) -> str | None:
    if len(s.split()) > 60 or not _HINT.search(s):
        return None
    s = s.strip()
    for kind, rx in _SENT + _CLOSING if closing else _SENT:
        if rx.search(s) and not (kind in _UNLESS and _UNLESS[kind].search(s) and s[:2] in ("A ", "An")):
            return kind
    return None


def _keep_around_cut(m: re.Match[str]) -> str:
    whole, at = m.group(0), m.start()
    return whole[: m.start("cut") - at] + whole[m.end("cut") - at :]


# a picture's or a video's credit of its own after a sentence: "(Eddy Kennedy/CBC)", "(YouTube/DC Metropolitan Police
# Department)", "(Catherine Rentz/Baltimore Sun video)": the sentence it closes is the picture's caption
_CREDIT_AFTER = re.compile(
    r"(?<=[.!?\"”])\s+\((?:(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})/(?:[A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,6})|"
    # ... or a video's time stamp after its description: "(Published Friday, May 15, 2015)"
    r"(?:Published|Updated|Posted)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d)\)\.?"
    r"(?=\s*$|\s+[A-Z‘“\"(])"
)
_CAPTION_MIN_WORDS = 5  # (not a dateline's place: "MEBANE, N.C. (WXII/WNCN) — ...")


def _credited_captions(text: str) -> tuple[str, list[str]]:
    """The paragraph without each picture credit of its own and the caption sentence it closes."""
    cuts: list[str] = []
    at = 0
    while (m := _CREDIT_AFTER.search(text, at)) is not None:
        before = _sentences(text[: m.start()])
        caption = before[-1] if before else ""
        if len(caption.split()) < _CAPTION_MIN_WORDS or ("/" in m.group(0) and caption.rstrip()[-1:] in '"”'):
            at = m.end()  # a dateline's place, a label, the end of a quotation: no caption closed by a credit
            continue
        start = text.rfind(caption, 0, m.start()) if caption else m.start()
        cuts.append(f"{caption.strip()} {m.group(0).strip()}".strip())
        text = (text[:start].rstrip() + " " + text[m.end() :].lstrip()).strip()
    return text, cuts


def strip_furniture(text: str, *, closing: bool = False) -> tuple[str, list[str]]:
    """The paragraph without the furniture inside it, and the pieces cut (in order).

    ``closing``: the paragraph is one of a text's last, where :data:`CLOSING_RULES` apply too."""
    out, cuts = _credited_captions(text) if "/" in text or "(Published" in text else (text, [])
    for _kind, rx in _SPAN:
        if rx.search(out):
            if "cut" in rx.groupindex:  # only that group is furniture: cut it, with no space in its place
                cuts.extend(m.group("cut").strip() for m in rx.finditer(out))
                out = rx.sub(_keep_around_cut, out)
                continue
            found = [m.group(0) for m in rx.finditer(out) if m.group(0).strip()]
            cuts.extend(f.strip() for f in found)
            out = rx.sub(" ", out)
    if cuts:
        out = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", out)).strip()
        out = re.sub(r"^[,;:\s]+", "", out)
    if _HINT.search(out):
        kept = []
        for s in _sentences(out):
            if _sentence_kind(s, closing):
                cuts.append(s.strip())
            else:
                kept.append(s.strip())
        if len(kept) != len(_sentences(out)):
            out = " ".join(kept)
    return out.strip(), cuts
