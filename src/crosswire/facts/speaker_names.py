"""First names that tell a person's gender, per language: data for pronoun resolution.

Only when the article itself tells nothing (no "Mr", "Ms", "spokeswoman", no pronoun in a sentence
naming the person alone) does a first name decide whether "he" or "she" may mean that person.  The
lists hold common first names of news text that are given to one gender far more than the other in
that language; names given to both ("Jordan", "Kelly", "Dominique", "Camille", "Andrea") and names
whose gender changes across languages ("Jean": a man in French, a woman in English) are left out of
the language where they mislead.
"""

from __future__ import annotations

__all__ = ["first_name_gender"]

_EN_MALE = """
aaron adam alan albert alexander andrew anthony arthur barack ben benjamin bernie bill billy bob bobby brandon
brian bruce bryan carl charles chuck dan daniel david dennis dick donald douglas dylan ed edward elijah eric ethan
eugene frank gary george gerald gregory harold harry henry jack jacob james jared jason jeb jeff jeffrey jeremy
jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph joshua juan justin keith kenneth kevin kyle
larry lawrence louis marco mark matthew michael mike mitch mitt nathan newt nicholas noah patrick paul peter
philip ralph rand randy raymond reince rex richard rick robert roger ronald roy rudy rupert russell ryan samuel
scott sean stephen steve steven ted terry thomas tim timothy tom tyler vincent walter wayne william zachary
""".split()
_EN_FEMALE = """
abigail alice amanda amber amy angela ann anna anne ashley barbara betsy betty beverly brenda brittany carly
carol carolyn catherine charlotte chelsea cheryl christina christine claire cynthia danielle debbie deborah
debra denise diana diane dianne donna doris dorothy elena eliza elizabeth emily emma evelyn frances gloria
grace hannah heather helen hillary hope huma isabella ivanka jacqueline jane janet janice jennifer jessica jill
joan joyce judith judy julia julie kamala karen kate katherine kathleen kathryn katie kellyanne kimberly lara
laura lauren lily linda lisa lori louise madison margaret maria marie marilyn martha mary megan melania melissa
meryl michelle nancy natalie nicole nikki olivia oprah pamela patricia rachel rebecca rosa ruth sally samantha
sandra sara sarah sharon sheila sheryl shirley sonia sophia sophie stephanie susan teresa theresa valerie
victoria virginia wendy whitney yvonne zoe
""".split()
_FR_MALE = """
alain antoine arnaud benoît bernard bertrand bruno cédric christophe clément daniel denis didier édouard
emmanuel éric fabien fabrice françois franck frédéric gabriel gaël gérald gérard gilles guillaume hervé hugo
jacques jean jérôme julien laurent lionel louis luc manuel marc mathieu matthieu maxime michel nicolas olivier
pascal patrick paul philippe pierre raphaël rémi romain sébastien stéphane thierry thomas vincent xavier yves
""".split()
_FR_FEMALE = """
agnès amélie anne audrey aurélie aurore brigitte caroline catherine céline chantal chloé christiane christine
claire corinne danielle delphine élisabeth élise émilie emma florence françoise hélène isabelle josiane julie
juliette justine laura laurence léa manon marie marine marion marlène martine mathilde monique muriel najat
nathalie nicole pauline rachida roselyne sabine sandrine sarah ségolène simone sophie stéphanie sylvie valérie
véronique yvette
""".split()

_GENDER: dict[str, dict[str, str]] = {
    "en": {**{n: "m" for n in _EN_MALE}, **{n: "f" for n in _EN_FEMALE}},
    "fr": {**{n: "m" for n in _FR_MALE}, **{n: "f" for n in _FR_FEMALE}},
}


def first_name_gender(name: str, language: str) -> str | None:
    """ "m" or "f" when the first word of ``name`` is a first name of one gender in this language."""
    words = name.split()
    if len(words) < 2:
        return None  # a surname alone says nothing
    first = words[0].lower().rstrip(".")
    table = _GENDER.get(language, {})
    return table.get(first) or table.get(first.split("-")[0])
