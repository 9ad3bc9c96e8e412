"""The stories stage: a mixed stream of articles sorted into stories.

:mod:`~crosswire.stories.profiles` holds what the clusterer knows of articles and stories,
:mod:`~crosswire.stories.noise` recognises pages that are not articles,
:mod:`~crosswire.stories.engine` is the streaming clusterer, :mod:`~crosswire.stories.cluster`
its entry points, and :mod:`~crosswire.stories.listing` writes the story list.
"""

from crosswire.stories.cluster import article_vectors, cluster_stories, restore_stories
from crosswire.stories.engine import corpus_index, story_similarity
from crosswire.stories.listing import stories_markdown
from crosswire.stories.noise import NOISE_PREFIX, is_noise
from crosswire.stories.profiles import StoriesResult, StoryIndex, StoryParams, StoryProfile
from crosswire.stories.terms import ArticleTerms, article_terms, articles_terms, profile_terms

# fmt: off
__all__ = [
    "StoryParams",
    "StoryProfile",
    "StoryIndex",
    "StoriesResult",
    "cluster_stories",
    "restore_stories",
    "article_vectors",
    "story_similarity",
    "corpus_index",
    "is_noise",
    "stories_markdown",
    "NOISE_PREFIX",
    "ArticleTerms",
    "article_terms",
    "articles_terms",
    "profile_terms",
]
# fmt: on
