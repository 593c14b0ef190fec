{#-
    on-run-start: checks every var the project writes into SQL, so a malformed or
    injected value (--vars on the command line, a scheduler's template) stops the run
    with a message naming the var before any model, seed or test runs. Numbers must be
    numbers, dates real YYYY-MM-DD dates, schema and database names plain identifiers,
    and the strings of list vars free of quotes, semicolons and comment markers.
-#}
{% macro validate_vars() %}
    {%- if execute %}
        {%- set problems = [] -%}
        {%- set numbers = [
            'max_event_clock_skew_hours', 'identity_max_users_per_device',
            'identity_max_iterations', 'identity_review_max_emails', 'identity_review_max_user_ids',
            'identity_review_max_crm_accounts', 'identity_review_max_workspaces', 'activation_window_days',
            'active_min_core_events', 'active_min_users', 'usage_drop_max_ratio',
            'usage_drop_min_baseline', 'risk_no_use_days', 'risk_min_unresolved_tickets', 'risk_renewal_window_days',
            'dormant_inactive_days', 'expansion_seat_utilization', 'expansion_min_gated_attempts',
            'expansion_user_growth_ratio', 'icp_min_criteria', 'qualified_confirmation_window_days',
            'customer_contract_days', 'walk_away_no_meeting_days', 'walk_away_no_demo_days',
            'walk_away_no_activation_days', 'walk_away_no_use_days', 'nps_window_days', 'health_band_green_min',
            'health_band_yellow_min', 'pql_min_core_events', 'pql_min_score',
            'support_cost_per_ticket', 'funnel_window_days', 'history_reprocess_days',
            'event_lookback_days', 'erasure_max_hops'] -%}
        {%- for name in numbers -%}
            {%- if not _is_number(var(name)) -%}
                {%- do problems.append(name ~ ' must be a number, got ' ~ (var(name) | string | tojson)) -%}
            {%- endif -%}
        {%- endfor -%}
        {#- dbt replaces a dict var whole: an override must give every signal its points #}
        {%- set pql_points = var('pql_points') -%}
        {%- set signal_names = pql_signals() | map(attribute=0) | list -%}
        {%- if pql_points is not mapping -%}
            {%- do problems.append('pql_points must map each of ' ~ signal_names | join(', ') ~ ' to its points, got ' ~ (pql_points | string | tojson)) -%}
        {%- else -%}
            {%- set missing = signal_names | reject('in', pql_points) | list -%}
            {%- set unknown = pql_points | reject('in', signal_names) | list -%}
            {%- if missing -%}
                {%- do problems.append('pql_points must give points to every signal (a --vars override replaces the whole dict), missing ' ~ missing | join(', ')) -%}
            {%- endif -%}
            {%- if unknown -%}
                {%- do problems.append('pql_points names no such signal: ' ~ unknown | join(', ') ~ ' (the signals are ' ~ signal_names | join(', ') ~ ')') -%}
            {%- endif -%}
            {%- for name, points in pql_points.items() -%}
                {%- if not _is_number(points) -%}
                    {%- do problems.append('pql_points.' ~ name ~ ' must be a number, got ' ~ (points | string | tojson)) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
        {%- for name in ['as_of_date', 'history_start_date', 'earliest_valid_date'] -%}
            {%- set value = var(name, none) -%}
            {%- if value is not none and value != '' and not _is_date(value | string) -%}
                {%- do problems.append(name ~ ' must be a date as YYYY-MM-DD, got ' ~ (value | string | tojson)) -%}
            {%- endif -%}
        {%- endfor -%}
        {#- the daily history's calendar (day_spine) holds 10,000 days, 90 of them look-back #}
        {%- set earliest = var('earliest_valid_date', none) | string -%}
        {%- set as_of = var('as_of_date', none) -%}
        {%- if _is_date(earliest) -%}
            {%- set end_day = modules.datetime.date.fromisoformat(as_of | string)
                if as_of and _is_date(as_of | string) else modules.datetime.date.today() -%}
            {%- if (end_day - modules.datetime.date.fromisoformat(earliest)).days > 9900 -%}
                {%- do problems.append('earliest_valid_date must be at most 9900 days before as_of_date (the daily history spans at most 10,000 days), got ' ~ (earliest | tojson)) -%}
            {%- endif -%}
        {%- endif -%}
        {%- for source_name in ['raw', 'salesforce', 'segment', 'stripe', 'zendesk', 'privacy', 'restricted'] -%}
            {%- for kind in ['database', 'schema'] -%}
                {%- set value = var(source_name ~ '_' ~ kind, none) -%}
                {%- if value is not none and not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_$]*', value | string) -%}
                    {%- do problems.append(source_name ~ '_' ~ kind ~ ' must be a plain identifier (letters, digits, _ or $), got ' ~ (value | string | tojson)) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- for name in ['analyst_roles', 'pii_reader_roles'] -%}
            {%- for role in (var(name) if var(name) is iterable and var(name) is not string else []) -%}
                {%- if not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_$]*', role | string) -%}
                    {%- do problems.append(name ~ ' must list plain role names, got ' ~ (role | string | tojson)) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- set list_vars = ['internal_email_domains', 'website_platform_domains', 'funnel_steps', 'non_seat_price_ids', 'open_lead_statuses', 'qualified_lead_statuses', 'pre_demo_opportunity_stages', 'identity_placeholder_ids'] -%}
        {%- for name in list_vars + ['analyst_roles', 'pii_reader_roles'] -%}
            {%- if var(name) is string or var(name) is mapping or var(name) is not iterable -%}
                {%- do problems.append(name ~ ' must be a list such as ["a", "b"], got ' ~ (var(name) | string | tojson)) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- for name in list_vars -%}
            {%- for item in (var(name) if var(name) is iterable and var(name) is not string else []) -%}
                {%- if not modules.re.fullmatch("[][A-Za-z0-9 ._@&()/+-]+", item | string) -%}
                    {%- do problems.append(name ~ ' holds an unsafe value ' ~ (item | string | tojson) ~ ' (quotes, semicolons and comment markers are not allowed)') -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error(
                "Invalid vars, nothing was run:\n  - " ~ problems | join("\n  - ")
            ) }}
        {%- endif -%}
    {%- endif %}
{% endmacro %}

{% macro _is_number(value) -%}
    {{ return(value is number and value is not boolean
              or (value is string and modules.re.fullmatch('-?[0-9]+(\.[0-9]+)?', value) is not none)) }}
{%- endmacro %}

{% macro _is_date(value) -%}
    {%- if not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', value) -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set year, month, day = value[0:4] | int, value[5:7] | int, value[8:10] | int -%}
    {%- set february = 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28 -%}
    {%- set days_in_month = [31, february, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
    {{ return(1 <= month <= 12 and 1 <= day <= days_in_month[month - 1]) }}
{%- endmacro %}

{#- A numeric var, for Jinja arithmetic at parse time (before on-run-start can check):
    stops with a message naming the var when the value is not a number. -#}
{% macro number_var(name) -%}
    {%- set value = var(name) -%}
    {%- if not _is_number(value) -%}
        {{ exceptions.raise_compiler_error(
            "Invalid vars, nothing was run:\n  - " ~ name ~ " must be a number, got " ~ (value | string | tojson)
        ) }}
    {%- endif -%}
    {{ return(value | float if '.' in (value | string) else value | int) }}
{%- endmacro %}
