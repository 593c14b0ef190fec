{#- Product-qualified-lead score (0-100) and the signals behind it, from one row of
    account signals: points per signal from the pql_points var, capped at 100. -#}
{% macro pql_signals() %}
    {{ return([
        ('activated', 'activated_date is not null'),
        ('activated_within_window', 'days_to_activate <= ' ~ var('activation_window_days')),
        ('team_usage', 'active_users_30d >= ' ~ var('active_min_users')),
        ('core_usage', 'core_events_30d >= ' ~ var('pql_min_core_events')),
        ('gated_feature', 'gated_attempts_30d > 0'),
        ('hand_raise', 'hand_raises_30d > 0'),
        ('icp_fit', 'icp_criteria_met >= ' ~ var('icp_min_criteria')),
    ]) }}
{% endmacro %}

{#- the score alone, as one SQL expression (never null) -#}
{% macro pql_score_expression() %}
    {%- set points = var('pql_points') -%}
    least(
        100,
        {%- for name, condition in pql_signals() %}
        case when coalesce({{ condition }}, false) then {{ points[name] }} else 0 end
        {%- if not loop.last %} +{% endif %}
        {%- endfor %}
    )
{%- endmacro %}

{% macro pql_score_columns() %}
    {%- set signals = pql_signals() -%}
    {{ pql_score_expression() }} as pql_score,
    substr(
        {%- for name, condition in signals %}
        case when coalesce({{ condition }}, false) then ',{{ name }}' else '' end
        {%- if not loop.last %} ||{% endif %}
        {%- endfor %},
        2
    ) as pql_reasons
{% endmacro %}
