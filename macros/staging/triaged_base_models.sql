{#- Every base model that triages a raw table, in one list: the quarantine and
    exclusion audit models union them. Add a model here when you add a raw table. -#}
{% macro triaged_base_models() %}
    {%- set models = [
        'base_salesforce__accounts',
        'base_salesforce__contacts',
        'base_salesforce__leads',
        'base_salesforce__opportunities',
        'base_segment__identifies',
        'base_segment__groups',
        'base_segment__tracks',
        'base_segment__pages',
        'base_segment__nps_survey_submitted',
    ] -%}
    {%- if var('lifecycle_using_stripe') -%}
        {%- do models.extend([
            'base_stripe__customers',
            'base_stripe__subscription_history',
            'base_stripe__subscription_items',
            'base_stripe__prices',
            'base_stripe__invoices',
            'base_stripe__charges',
            'base_stripe__disputes',
        ]) -%}
    {%- endif -%}
    {%- if var('lifecycle_using_zendesk') -%}
        {%- do models.extend([
            'base_zendesk__tickets',
            'base_zendesk__users',
            'base_zendesk__organizations',
            'base_zendesk__domain_names',
            'base_zendesk__ticket_field_history',
        ]) -%}
    {%- endif -%}
    {{ return(models) }}
{% endmacro %}

{#- Rows of all triaged raw tables with one disposition ('quarantined' or 'excluded'). -#}
{% macro union_triaged_rows(disposition) %}
    {%- for model in triaged_base_models() %}
    select
        source_name,
        source_table,
        source_record_key,
        duplicate_rank,
        disposition_reason,
        source_loaded_at
    from {{ ref(model) }}
    where row_disposition = '{{ disposition }}'
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{% endmacro %}
