"""Tooling for the customer-lifecycle dbt project."""
