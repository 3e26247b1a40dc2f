"""Every setting is documented in the README, and settings parse as documented."""

from pathlib import Path

import pytest

from grappe.errors import ConfigError
from grappe.settings import SETTINGS, Settings

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.env)
def test_setting_is_documented(setting):
    assert f"`{setting.env}`" in README.read_text(encoding="utf-8")


def test_environment_then_overrides():
    s = Settings.load({"graph_url": "bolt://x:7687"}, environ={"GRAPPE_MAX_ROWS": "5",
                                                              "GRAPPE_GRAPH_URL": "neo4j://y"})
    assert s.max_rows == 5
    assert s.graph_url == "bolt://x:7687"
    assert s.anonymous_search is True


@pytest.mark.parametrize("env,value", [("GRAPPE_MAX_ROWS", "many"), ("GRAPPE_BATCH_SIZE", "0"),
                                       ("GRAPPE_ANONYMOUS_SEARCH", "perhaps")])
def test_bad_values_name_the_setting(env, value):
    with pytest.raises(ConfigError) as err:
        Settings.load(environ={env: value})
    assert env in str(err.value)
