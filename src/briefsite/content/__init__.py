"""Content: what a bulletin and the registries are, reading them with line numbers, and
every rule of ``invoke check``. The other stages (ingest, site, publish) use this one; it
uses none of them."""
