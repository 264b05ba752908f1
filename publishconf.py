"""Production settings (``invoke preview`` / ``invoke publish``): absolute URLs for feeds."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("BRIEFSITE_SITEURL", "https://briefs.example.org")
FEED_DOMAIN = SITEURL
