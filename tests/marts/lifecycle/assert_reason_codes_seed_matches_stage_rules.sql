{#-
    The reason_codes seed, which docs and dashboards read, lists exactly the (stage,
    reason code) pairs the stage rules can emit (the lifecycle_stages macro): a row
    for each pair missing from one side.
-#}
with rules as (
    {%- for stage, entry_condition, reasons in lifecycle_stages() %}
    {%- set last_stage = loop.last %}
    {%- for code, reason_condition in reasons %}
    select
        '{{ stage }}' as stage,
        '{{ code }}' as reason_code
    {%- if not (last_stage and loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
),

seeded as (
    select
        stage,
        reason_code
    from {{ ref('reason_codes') }}
),

not_seeded as (
    select
        stage,
        reason_code
    from rules
    except
    select
        stage,
        reason_code
    from seeded
),

never_emitted as (
    select
        stage,
        reason_code
    from seeded
    except
    select
        stage,
        reason_code
    from rules
),

final as (
    select
        stage,
        reason_code,
        'not in the reason_codes seed' as problem
    from not_seeded
    union all
    select
        stage,
        reason_code,
        'no stage rule emits it' as problem
    from never_emitted
)

select * from final
