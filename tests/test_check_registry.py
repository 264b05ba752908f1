"""Registry rules, and registry growth by ingest that leaves the rest of the file alone."""

import difflib

import pytest

from briefsite.cli import main

from .conftest import FIXTURES

EXPERT = "\n- id: {id}\n  name: {name}\n  family_name: {family}\n  aliases: [{aliases}]\n"


def check(paths, capsys, *extra: str) -> tuple[int, list[str]]:
    code = main(["--root", str(paths.root), "check", *extra])
    return code, capsys.readouterr().out.splitlines()


def append(path, text: str) -> int:
    """Append ``text``; return the line number its first entry starts on."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 2


def test_duplicate_id_names_both_lines(project, capsys):
    experts = project.registry / "experts.yaml"
    line = append(experts, EXPERT.format(id="wu-jun", name="Wu Jun", family="Wu", aliases="Jun Wu"))
    code, out = check(project, capsys)
    first = experts.read_text(encoding="utf-8").split("\n").index("- id: wu-jun") + 1
    assert code == 1
    assert out[:2] == [
        f"content/registry/experts.yaml:{line}:7: error: duplicate id 'wu-jun' (first defined on "
        f"line {first})",
        "    hint: merge the two entries, or give one of them another id",
    ]


def test_an_alias_claimed_by_two_entries_is_an_error(project, capsys):
    experts = project.registry / "experts.yaml"
    line = append(
        experts,
        EXPERT.format(id="wu-zhiqiang-2", name="Wu Zhiqiang", family="Wu", aliases="WU Zhiqiang"),
    )
    code, out = check(project, capsys)
    assert code == 1
    problem = (
        f"content/registry/experts.yaml:{line + 3}:13: error: alias 'WU Zhiqiang' is "
        "claimed by both 'wu-zhiqiang' (line "
    )
    position = next(n for n, text in enumerate(out) if text.startswith(problem))
    assert out[position + 1].startswith("    hint: an alias must name one entity; for two people")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "\n- id: li-na\n  name: Li Na\n  aliases: [Li Na]\n",
            "2:3: error: entry 'li-na': missing required field 'family_name'",
        ),
        (
            "\n- id: Li_Na\n  name: Li Na\n  family_name: Li\n  aliases: [Li Na]\n",
            "2:7: error: id 'Li_Na' is not a slug",
        ),
        (
            "\n- id: li-na\n  name: Li Na\n  family_nam: Li\n  aliases: [Li Na]\n",
            "4:3: error: unknown field 'family_nam' in a experts entry",
        ),
        (
            "\n- id: li-na\n  name: Li Na\n  family_name: Li\n  aliases: Li Na\n",
            "5:12: error: 'aliases' must be a list",
        ),
        (
            "\n- id: li-na\n  name: [Li, Na]\n  family_name: Li\n  aliases: [Li Na]\n",
            "3:9: error: 'name' must be text, not a list",
        ),
        (
            "\n- id: li-na\n  name: Li Na\n  family_name: Li\n  aliases: [Li Na\n",
            "6:1: error: YAML syntax: did not find expected ',' or ']'",
        ),
    ],
    ids=[
        "missing-field",
        "id-not-slug",
        "unknown-field",
        "aliases-not-list",
        "name-not-text",
        "yaml-syntax",
    ],
)
def test_registry_entry_problems_point_at_the_line(project, capsys, entry, message):
    experts = project.registry / "experts.yaml"
    start = append(experts, entry) - 2
    code, out = check(project, capsys)
    line, _, rest = message.partition(":")
    assert code == 1
    assert f"content/registry/experts.yaml:{int(line) + start}:{rest}" in out


def test_unknown_parent_region(project, capsys):
    regions = project.registry / "regions.yaml"
    regions.write_text(
        regions.read_text(encoding="utf-8").replace(
            "part_of: [san-francisco-bay-area]", "part_of: [sf-bay-area]"
        ),
        encoding="utf-8",
    )
    code, out = check(project, capsys)
    assert code == 1
    assert any(
        "error: region 'silicon-valley': part_of names unknown region 'sf-bay-area'" in o
        for o in out
    )


def test_missing_registry_file(project, capsys):
    (project.registry / "themes.yaml").unlink()
    code, out = check(project, capsys)
    assert code == 1
    assert out[0] == "content/registry/themes.yaml:1:1: error: the themes registry is missing"
    assert not any("unknown theme" in line for line in out), "no cascade of follow-on errors"


def test_unused_entry_is_a_warning_at_its_line(project, capsys):
    experts = project.registry / "experts.yaml"
    line = append(experts, EXPERT.format(id="li-na", name="Li Na", family="Li", aliases="Li Na"))
    code, out = check(project, capsys)
    assert code == 0
    assert out[:2] == [
        f"content/registry/experts.yaml:{line}:3: warning: "
        "expert 'li-na' is not used by any bulletin",
        "    hint: remove it, or tag the bulletins it belongs to",
    ]
    assert check(project, capsys, "--strict")[0] == 1


def test_update_registry_adds_only_the_new_entries_in_id_order(project, capsys):
    experts = project.registry / "experts.yaml"
    before = experts.read_text(encoding="utf-8")
    raw = FIXTURES / "raw" / "news-report-inverted.txt"
    assert main(["--root", str(project.root), "ingest", str(raw), "--update-registry"]) == 0
    assert "added to content/registry/experts.yaml: zhou-ling, huang-tao, kenji-sato" in (
        capsys.readouterr().out
    )
    after = experts.read_text(encoding="utf-8")
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "nothing removed or changed"
    assert [line for line in diff if line.startswith("+ ") and line.strip() != "+"] == [
        "+ - id: huang-tao",
        "+   name: Huang Tao",
        "+   family_name: Huang",
        "+   aliases: [Huang Tao]",
        "+ - id: kenji-sato",
        "+   name: Kenji Sato",
        "+   family_name: Sato",
        "+   aliases: [Kenji Sato]",
        "+ - id: zhou-ling",
        "+   name: Zhou Ling",
        "+   family_name: Zhou",
        "+   aliases: [Zhou Ling]",
    ]
    assert "\n\n\n" not in after
    assert after.startswith(before.split("\n- id:")[0])  # the header comment survives
    code, out = check(project, capsys)
    assert code == 0 and out[-1].startswith("check ok: 5 bulletin(s), 0 error(s)")


def test_update_registry_adds_experts_only_and_the_project_still_passes_check(
    project, capsys, tmp_path
):
    raw = tmp_path / "yellow-river.txt"
    raw.write_text(
        "Shanghai Center for Pujiang Innovation Forum\n\nMarch 3, 2024\n\nYellow River plans"
        "\n\n  Cities along the Yellow River corridor "
        "grew, said Li Ming, a professor at Nanjing University.\n",
        encoding="utf-8",
    )
    regions = project.registry / "regions.yaml"
    before = regions.read_bytes()
    assert main(["--root", str(project.root), "ingest", str(raw), "--update-registry"]) == 0
    out = capsys.readouterr().out
    assert "added to content/registry/experts.yaml: li-ming" in out
    assert (
        "possible regions not in the registry (ingest does not add regions: if one is a real "
        "region, add it to content/registry/regions.yaml with its country, then add its id to "
        "the bulletin's 'regions:'):\n\n- id: yellow-river-corridor\n  name: Yellow River "
        "Corridor\n  kind: corridor\n  country:   # fill in: the text does not say\n"
    ) in out
    assert regions.read_bytes() == before
    code, lines = check(project, capsys, "--strict")
    assert (code, lines[-1]) == (0, "check ok: 5 bulletin(s), 0 error(s), 0 warning(s)")


def test_proposals_are_printed_without_the_flag(project, capsys, tmp_path):
    raw = tmp_path / "huaihe.txt"
    raw.write_text(
        "Huaihe plans\n\nMarch 3, 2024\n\n  The Huaihe River Economic Belt grew.\n",
        encoding="utf-8",
    )
    args = ["ingest", str(raw), "--stdout", "--publisher", "Xinhua"]
    assert main(["--root", str(project.root), *args]) == 0
    err = capsys.readouterr().err
    assert "possible regions not in the registry (ingest does not add regions" in err
    assert "- id: huaihe-river-economic-belt\n  name: Huaihe River Economic Belt" in err
