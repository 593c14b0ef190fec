{#- The order of a person's account candidates, first the one they belong to: the
    rule's precedence, then the latest evidence (`evidence_at`, an expression), then
    the account id -#}
{% macro person_account_order(evidence_at='evidence_at') -%}
    mapping_precedence asc,
    {{ evidence_at }} desc nulls last,
    account_id asc
{%- endmacro %}
