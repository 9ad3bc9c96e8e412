"""A summary sentence says its news in fewer words: the speaker's title in a trailing attribution,
an aside between dashes go; a bare reporting verb after a named speaker stays (issue 15)."""

from crosswire.brief.compress import compress, is_faithful_compression


def test_a_trailing_attribution_goes_with_the_speakers_title():
    long = "The mill at Harrowby will close in May and 120 jobs will go, said Ann Pell, a spokeswoman for the owners."
    assert compress(long) == "The mill at Harrowby will close in May and 120 jobs will go."
    es = ("Los bomberos apagaron el fuego del almacén de Tordes antes del amanecer, dijo a la prensa Luis Vara, "
          "jefe de bomberos de la provincia.")
    assert compress(es) == "Los bomberos apagaron el fuego del almacén de Tordes antes del amanecer."


def test_an_attribution_that_goes_on_with_a_clause_stays():
    text = "The mill at Harrowby will close in May, said Ann Pell, adding that 120 jobs would go."
    assert compress(text) == text
    text = "The mill at Harrowby will close in May, said Ann Pell, who runs the union branch."
    assert compress(text) == text


def test_a_bare_reporting_verb_after_a_named_speaker_stays():
    # dropping ", said" would leave "Ann Pell, a spokeswoman" hanging as if the sentence were about her
    text = "The mill at Harrowby will close in May and 120 jobs will go, Ann Pell, a spokeswoman, said."
    assert compress(text) == text


def test_an_aside_between_dashes_goes():
    long = ("Neighbours saw the lanterns - paper shells lifted by a small flame - drifting low over the "
            "depot shortly after midnight.")
    short = compress(long)
    assert short == "Neighbours saw the lanterns drifting low over the depot shortly after midnight."
    assert is_faithful_compression(short, long)
    es = ("Los vecinos vieron los farolillos -globos de papel con una pequeña llama- volando bajo sobre el "
          "almacén poco después de la medianoche.")
    assert compress(es).startswith("Los vecinos vieron los farolillos volando bajo")


def test_an_aside_with_a_figure_a_negation_or_a_quote_stays():
    for text in (
        "The budget for the bridge -- about 40 million -- was cut by the council on Monday.",
        "The mayor - who had not been told of the plan - cancelled the vote on Monday.",
        'The mayor - "a friend of the town" - opened the new bridge on Monday afternoon.',
    ):
        assert compress(text) == text
    one = "The ferry sank near the port of Dover - officials could not say why it sank so fast."
    assert compress(one) == one


def test_a_reviews_credits_line_is_no_summary_sentence():
    from crosswire.brief import build_brief
    from crosswire.brief.news import is_caption
    from crosswire.model import Article

    assert is_caption("Screenplay by Ada Vell and Tom Rusk, based on a novel by Mira Oake.")
    assert is_caption("WITH: Nora Hale (the Duchess), Piet Arn (the Count).")
    assert is_caption("Running time: 1 hour 52 minutes.")
    assert not is_caption("Written off by the critics, the film still drew large crowds on its first weekend.")
    a = Article(id="r1", text=(
        "Directed by Ola Brin. Screenplay by Ada Vell and Tom Rusk, based on a novel by Mira Oake. "
        "The Glass Orchard is a slow, handsome drama about two sisters who inherit a failing farm. "
        "Nora Hale is superb as the elder sister, cold and proud until the last reel."))
    b = Article(id="r2", text=(
        "Screenplay by Ada Vell and Tom Rusk, based on a novel by Mira Oake. "
        "Nora Hale gives the performance of her career in The Glass Orchard, a drama of two sisters and a farm. "
        "The film is handsome but slow, and its second half drags."))
    told = " ".join(s.text for s in build_brief([a, b], [], None, words=60).summary)
    assert "Screenplay" not in told and "Nora Hale" in told


def _reviews():
    from crosswire.model import Article

    a = Article(id="r1", text=(
        "Rain fell on the opening night as the queue curled twice round the old cinema on Quay Street. "
        "Nobody in it seemed to mind the cold. "
        "The Glass Orchard is a quiet film about two sisters who inherit a failing farm. "
        "It gathers Nora Hale, Piet Arn, Tom Rusk, Ada Vell and Lena Dorr, with music by Ola Brin and sets by "
        "Mira Oake. "
        "Nora Hale is superb as the elder sister, cold and proud until the last reel."))
    b = Article(id="r2", text=(
        "Some films wear their sadness lightly, and some carry it like a wet coat through every scene. "
        "This one carries it well. "
        "A farm in winter is the whole world of this patient picture. "
        "Nora Hale, Piet Arn, Tom Rusk, Ada Vell and Lena Dorr lead the cast, Ola Brin wrote the music and Mira Oake "
        "built the sets. "
        "Hale gives the performance of her career as a proud woman losing her land."))
    return [a, b]


def test_shared_words_count_only_where_the_reports_leads_tell_the_same_news():
    # two reviews open on hooks no other report states: the names they share are no sign of shared news,
    # so the summary is chosen as it would be without the shared-terms gain
    from crosswire.brief import SummaryConfig, build_brief

    def told(cfg):
        return [s.text for s in build_brief(_reviews(), [], None, words=40, config=cfg).summary]

    assert told(SummaryConfig()) == told(SummaryConfig(coverage=0.0))
    assert told(SummaryConfig(lead_agreement=0.0)) != told(SummaryConfig())
