"""Project-specific dbt-score rules (registered in pyproject.toml, [tool.dbt-score]).

dbt-score reads the type annotations at import time, so no postponed annotations here.
"""

from dbt_score import Model, RuleViolation, rule

PRIMARY_KEY_TESTS = {"unique", "unique_combination_of_columns"}


@rule
def has_primary_key_test(model: Model) -> RuleViolation | None:
    """A model should have a primary-key test: unique on a column or a unique combination."""
    tests = list(model.tests) + [test for column in model.columns for test in column.tests]
    if not any(test.type in PRIMARY_KEY_TESTS for test in tests):
        return RuleViolation(message="Model has no unique or unique_combination_of_columns test.")
    return None


@rule
def published_model_is_contracted(model: Model) -> RuleViolation | None:
    """A published mart (tag `published`) other than a view should enforce a contract."""
    if "published" not in model.tags or model.config.get("materialized") == "view":
        return None
    if not (model.config.get("contract") or {}).get("enforced"):
        return RuleViolation(message="Published model does not enforce a contract.")
    return None
