{#-
    Validation shared by the Segment tables: a call must name who did it, when, and
    not claim to have happened long after Segment received it (a device clock set
    ahead; the tolerance is the max_event_clock_skew_hours var; a call without
    received_at, as a hand-made row may be, against the run's start) nor before the
    earliest_valid_date var (a clock reset to 1970). `extra_checks` is a list of
    (condition, reason) pairs tested after these.
-#}
{% macro segment_quarantine_reason(extra_checks=[], identity_columns=['anonymous_id', 'user_id']) -%}
    case
        when {% for column in identity_columns -%}
            {{ column }} is null{% if not loop.last %} and {% endif %}
        {%- endfor %} then 'missing_identity'
        when occurred_at is null then 'missing_timestamp'
        when occurred_at > {{ dbt.dateadd(
            'hour', var('max_event_clock_skew_hours'),
            'coalesce(received_at, ' ~ run_started_timestamp() ~ ')') }}
            then 'timestamp_in_future'
        when occurred_at < cast('{{ var('earliest_valid_date') }}' as {{ dbt.type_timestamp() }})
            then 'timestamp_too_old'
        {%- for condition, reason in extra_checks %}
        when {{ condition }} then '{{ reason }}'
        {%- endfor %}
    end
{%- endmacro %}
