"""Pages of a stream that are not articles: cookie and login walls, archive notices, "enable JavaScript"."""

from __future__ import annotations

from crosswire.model import Article
from crosswire.stories.profiles import ALL_STOP, StoryParams, story_words

__all__ = ["is_noise", "noise_decision", "interface_density"]

NOISE_PREFIX = "noise:"

# Words of web interfaces rather than of news: a page made mostly of them is a
# wall, a notice or a widget, whatever site it comes from.
_INTERFACE = frozenset(
    """
    cookie cookies javascript browser browsers enable enabled disable disabled subscribe subscribed subscriber
    subscribers subscription subscriptions unsubscribe login log logged sign signed signing password account
    accounts register registration email emails newsletter newsletters inbox alerts tweet tweets twitter retweet
    facebook instagram pinterest whatsapp linkedin share shares shared sharing pin follow followers location
    locations privacy policy policies terms conditions consent settings preferences crawl crawls crawled
    crawler archive archives archived wayback webcrawl seed seedlist url urls website websites web site sites
    page pages homepage click tap button buttons download app apps loaded loading load video videos player
    playback transcript rating rented feature available verification verify confirm link links copy copies
    reprint reprints reprinted copyright rights reserved advertisement advertisements ads ad advertising
    adblocker ad-blocker blocker comment comments commenting username profile notifications notification
    upgrade premium trial purchase purchased continue reading access content please thank thanks sorry error
    found contact feedback faq help menu search toolbar widget embed code api timeline timelines history
    internet collection collections partner data host hosts domain domains files indexed wikipedia outlinks
    personal commercial distribution presentation order reuse permission
    """.split()
)


def interface_density(text: str, toks: list[str] | None = None) -> tuple[int, float]:
    if toks is None:
        toks = story_words(text)
    content = [t for t in toks if t not in ALL_STOP]
    if not content:
        return len(toks), 1.0
    return len(toks), sum(1 for t in content if t in _INTERFACE) / len(content)


def is_noise(
    article: Article, *, repeats: int = 1, params: StoryParams | None = None, tokens: list[str] | None = None
) -> bool:
    """True when the page is not an article (wall, notice, widget, very short boilerplate).

    ``repeats`` is how many pages of the stream open with the same words as this
    one; an opening shared by many items is boilerplate unless the page reads
    like news.  ``tokens`` are the lower-cased words of the text when already known.
    """
    n_words, density = interface_density(article.text or "", tokens)
    return noise_decision(n_words, density, repeats, params or StoryParams())


def noise_decision(n_words: int, density: float, repeats: int, p: StoryParams) -> bool:
    """The rules of :func:`is_noise` on an article's word count, interface share and opening repeats."""
    if n_words < p.noise_min_words:
        return True
    if density >= 0.3:
        return True
    if density >= 0.15 and n_words < 150:
        return True
    if repeats >= p.noise_repeats and density >= 0.08:
        return True
    return False
