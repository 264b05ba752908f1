"""A synthetic briefsite project of N bulletins, deterministic for a seed.

Shaped like the real archive, only bigger: a few experts speak in many bulletins and most
in a few (Zipf-distributed); 42 regions (the registry's 34 and 8 more); 20 themes; bodies
of 800-2,500 words with section headings, bold speaker names, region mentions and
paragraphs. The bulletins use our real front-matter format and pass ``invoke check``. The
same bodies are also written for plain Pelican (its own metadata, tags and categories) and
for Hugo (three taxonomies), so the benchmark compares the three on the same text.
Generated into a scratch folder, never committed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..text import slugify

ROMAN = ["I", "II", "III", "IV", "V", "VI"]
FAMILY = (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo "
    "Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Jiang "
    "Cai Jia Ding Wei Xue Ye Yan Lu Du Dai Xia Zhong Fu Shen Ren Yao Tan Liao Zou"
).split()
GIVEN = (
    "Wei Fang Min Jing Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xia Ping Hui Gang Hong "
    "Bo Dan Kai Lin Rui Ning Zhiqiang Qiyu Dajin Jixiang Yuyuan Chuanglin Xiaoming Haiyan "
    "Jianhua Guoqing Lihua Shuang Yifan Zihan Haoran Yuxuan Ruoxi Tianyu"
).split()
WESTERN_FIRST = "Anna Bruno Erik Maria Paul Sofia Thomas Laura Peter Ines Hugo Clara".split()
WESTERN_LAST = "Dercon Solheim Hancock Rossi Weber Martin Silva Novak Berg Moreau Keller".split()
ROLES = [
    "Professor of {org}",
    "Director of {org}",
    "Senior Researcher at {org}",
    "Vice President of {org}",
    "Academician of {org}",
    "Chief Economist of {org}",
]
ORGS = [
    "Tongji University",
    "Fudan University",
    "the Shanghai Academy of Social Sciences",
    "the Chinese Academy of Sciences",
    "Peking University",
    "the University of Hong Kong",
    "the China Center for Urban Development",
    "Wuhan University",
    "Sun Yat-sen University",
    "the Development Research Center of the State Council",
    "UN-Habitat",
    "the OECD",
]
WORDS = (
    "regional coordination innovation integration industrial chain infrastructure public "
    "services talent mobility green transformation digital economy spatial planning urban "
    "agglomeration metropolitan circle commuting railway institutional barriers market "
    "resources factors high-quality development cooperation platform policy governance "
    "investment manufacturing technology research universities enterprises ecology water "
    "energy carbon housing population ageing finance trade opening-up corridor hub network "
    "cluster capacity efficiency competitiveness strategy reform mechanism benefit sharing "
    "data science laboratories capital logistics ports airports land use counties towns"
).split()
VERBS = ["pointed out that", "stressed that", "believed that", "argued that", "noted that"]
SYNTHETIC_REGIONS = [
    ("huaihe-river-economic-belt", "Huaihe River Economic Belt", "economic belt"),
    ("pearl-xijiang-economic-belt", "Pearl River-Xijiang Economic Belt", "economic belt"),
    ("wuhan-metropolitan-circle", "Wuhan Metropolitan Circle", "metropolitan area"),
    ("shanghai-metropolitan-area", "Shanghai Metropolitan Area", "metropolitan area"),
    ("nanjing-metropolitan-circle", "Nanjing Metropolitan Circle", "metropolitan area"),
    ("hangzhou-bay-area", "Hangzhou Bay Area", "bay area"),
    ("randstad", "Randstad", "international agglomeration"),
    ("rhine-ruhr", "Rhine-Ruhr", "international agglomeration"),
]
SYNTHETIC_THEMES = ["Housing", "Water security", "Logistics", "Cultural heritage", "Health"]


@dataclass(frozen=True)
class Corpus:
    root: Path  # a briefsite project: content/, sources/, themes/, settings
    pelican: Path  # plain Pelican project: content/ + pelicanconf.py
    hugo: Path  # Hugo site: content/ + layouts/ + hugo.toml
    bulletins: int
    experts: int
    regions: int
    themes: int


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        if rng.random() < 0.8:
            name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
        else:
            name = f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"
        if name not in used:
            used.add(name)
            return name


def _zipf_weights(count: int, exponent: float = 1.1) -> list[float]:
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(target: Path, bulletins: int, seed: int = 1, project: Path | None = None) -> Corpus:
    """Write the three projects under ``target`` (replacing it); ``project`` lends the theme,
    pages and real registries (default: this repository)."""
    project = project or Path(__file__).resolve().parents[3]
    rng = random.Random(seed)
    shutil.rmtree(target, ignore_errors=True)
    root, pelican, hugo = target / "briefsite", target / "pelican", target / "hugo"
    for folder in (
        root / "content" / "bulletins",
        root / "content" / "registry",
        root / "sources",
        pelican / "content",
        hugo / "content" / "bulletins",
    ):
        folder.mkdir(parents=True)
    shutil.copytree(project / "themes", root / "themes")
    shutil.copytree(project / "content" / "pages", root / "content" / "pages")
    for settings in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(project / settings, root / settings)

    # Registries: real regions and themes plus synthetic ones; experts invented.
    from ..content.paths import ProjectPaths
    from ..content.registry_reader import read_registry

    real, _ = read_registry(ProjectPaths(project))
    regions = [(r.id, r.name) for r in real.regions.values()]
    regions += [(rid, name) for rid, name, _ in SYNTHETIC_REGIONS]
    themes = [(t.id, t.name) for t in real.themes.values()]
    themes += [(slugify(name), name) for name in SYNTHETIC_THEMES]
    shutil.copy(project / "content" / "registry" / "themes.yaml", root / "content" / "registry")
    with (root / "content" / "registry" / "themes.yaml").open("a", encoding="utf-8") as out:
        for name in SYNTHETIC_THEMES:
            out.write(
                f"\n- id: {slugify(name)}\n  name: {name}\n  description: {name} in "
                f"cities and regions.\n  cues: [{name.lower()}]\n"
            )
    shutil.copy(project / "content" / "registry" / "regions.yaml", root / "content" / "registry")
    with (root / "content" / "registry" / "regions.yaml").open("a", encoding="utf-8") as out:
        for region_id, name, kind in SYNTHETIC_REGIONS:
            out.write(
                f"\n- id: {region_id}\n  name: {name}\n  kind: {kind}\n  country: "
                f"{'Europe' if 'international' in kind else 'China'}\n  aliases: [{name}]\n"
            )

    expert_count = max(40, bulletins // 5)
    used: set[str] = set()
    experts = [_name(rng, used) for _ in range(expert_count)]
    expert_ids = [slugify(name) for name in experts]
    with (root / "content" / "registry" / "experts.yaml").open("w", encoding="utf-8") as out:
        out.write("# Synthetic experts for the benchmark.\n")
        for expert_id, name in sorted(zip(expert_ids, experts, strict=True)):
            family = name.split()[0] if name.split()[0] in FAMILY else name.split()[-1]
            out.write(
                f"\n- id: {expert_id}\n  name: {name}\n  family_name: {family}\n"
                f"  aliases: [{name}, {name.split()[0].upper()} {name.split()[1]}]\n"
            )
    expert_weights = _zipf_weights(expert_count)
    region_weights = _zipf_weights(len(regions), 0.9)
    theme_weights = _zipf_weights(len(themes), 0.7)

    start = dt.date(2010, 1, 1)
    for number in range(bulletins):
        date = start + dt.timedelta(days=rng.randrange(16 * 365))
        speaker_ids = _pick(rng, expert_ids, expert_weights, rng.randint(2, 7))
        region_ids = _pick(rng, [r[0] for r in regions], region_weights, rng.randint(2, 6))
        theme_ids = _pick(rng, [t[0] for t in themes], theme_weights, rng.randint(2, 5))
        names = {e: experts[expert_ids.index(e)] for e in speaker_ids}
        region_names = {r: dict(regions)[r] for r in region_ids}
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()
        title = f"{title} ({number + 1})"
        slug = f"b{number + 1:05d}-{slugify(title)[:40].rstrip('-')}"
        summary = " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(2))
        body = _body(rng, list(names.values()), list(region_names.values()))
        roles = {e: rng.choice(ROLES).format(org=rng.choice(ORGS)) for e in speaker_ids}
        source = f"{slug}.txt"
        (root / "sources" / source).write_text(f"{title}\n\n{summary}\n", encoding="utf-8")
        speakers = "\n".join(f"  - {{id: {e}, role: {json.dumps(roles[e])}}}" for e in speaker_ids)
        (root / "content" / "bulletins" / f"{slug}.md").write_text(
            f"---\ntitle: {json.dumps(title)}\ndate: {date.isoformat()}\n"
            f'series: "Synthetic Forum Bulletin"\nnumber: {number + 1}\n'
            f'publisher: "Benchmark Center"\ncompilers: ["Bench Writer"]\n'
            f"source: {{file: {source}}}\nsummary: {json.dumps(summary)}\n"
            f"speakers:\n{speakers}\nregions: [{', '.join(region_ids)}]\n"
            f"themes: [{', '.join(theme_ids)}]\n---\n\n{body}",
            encoding="utf-8",
        )
        tags = [*names.values(), *region_names.values(), *(dict(themes)[t] for t in theme_ids)]
        (pelican / "content" / f"{slug}.md").write_text(
            f"Title: {title}\nDate: {date.isoformat()}\nCategory: Synthetic Forum Bulletin\n"
            f"Tags: {', '.join(tags)}\nSlug: {slug}\nSummary: {summary}\n\n{body}",
            encoding="utf-8",
        )
        (hugo / "content" / "bulletins" / f"{slug}.md").write_text(
            f"---\ntitle: {json.dumps(title)}\ndate: {date.isoformat()}\nslug: {slug}\n"
            f"summary: {json.dumps(summary)}\nexperts: {json.dumps(list(names.values()))}\n"
            f"regions: {json.dumps(list(region_names.values()))}\n"
            f"themes: {json.dumps([dict(themes)[t] for t in theme_ids])}\n---\n\n{body}",
            encoding="utf-8",
        )
    _pelican_settings(pelican)
    _hugo_site(hugo)
    return Corpus(root, pelican, hugo, bulletins, expert_count, len(regions), len(themes))


def _pick(rng: random.Random, items: list[str], weights: list[float], count: int) -> list[str]:
    chosen: list[str] = []
    while len(chosen) < count:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def _body(rng: random.Random, speakers: list[str], regions: list[str]) -> str:
    """800-2,500 words: sections with headings, paragraphs naming speakers and regions."""
    target = rng.randint(800, 2500)
    blocks: list[str] = []
    words = 0
    section = 0
    while words < target:
        if not blocks or (len(blocks) % 6 == 0 and section < len(ROMAN)):
            heading = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize()
            blocks.append(f"## {ROMAN[section % len(ROMAN)]}. {heading}")
            section += 1
        speaker, region = rng.choice(speakers), rng.choice(regions)
        sentences = [
            f"According to **{speaker}**, the {region} {rng.choice(VERBS)} "
            + _sentence(rng, rng.randint(10, 20)).lower()
        ]
        sentences += [_sentence(rng, rng.randint(10, 25)) for _ in range(rng.randint(3, 7))]
        paragraph = " ".join(sentences)
        words += len(paragraph.split())
        blocks.append(paragraph)
    return "\n\n".join(blocks) + "\n"


def _pelican_settings(folder: Path) -> None:
    """Plain Pelican: the default theme, articles, tags, categories, authors, archives."""
    (folder / "pelicanconf.py").write_text(
        'SITENAME = "Plain Pelican"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "UTC"\n'
        "PLUGINS = []\nDEFAULT_PAGINATION = 10\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
        "TRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n"
        'ARTICLE_URL = "bulletins/{slug}/"\nARTICLE_SAVE_AS = "bulletins/{slug}/index.html"\n'
        "CACHE_CONTENT = False\n",
        encoding="utf-8",
    )


def _hugo_site(folder: Path) -> None:
    """Hugo with three taxonomies and minimal layouts."""
    (folder / "hugo.toml").write_text(
        'baseURL = "http://localhost/"\ntitle = "Hugo"\ndisableKinds = ["RSS", "sitemap"]\n'
        "[taxonomies]\n  expert = 'experts'\n  region = 'regions'\n  theme = 'themes'\n",
        encoding="utf-8",
    )
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    base = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}'
        '</title></head><body>{{ block "main" . }}{{ end }}</body></html>'
    )
    (layouts / "baseof.html").write_text(base, encoding="utf-8")
    (layouts / "single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Params.experts }}<a href="'
        '{{ "experts/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}{{ .Content }}{{ end }}',
        encoding="utf-8",
    )
    for name in ("list.html", "taxonomy.html", "term.html"):
        (layouts / name).write_text(
            '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="'
            '{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
            encoding="utf-8",
        )
