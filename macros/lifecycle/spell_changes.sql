{#-
    The +1/-1 changes of things that hold for a while (an NPS answer, a ticket's rating,
    a user's active spell), for account_daily_signals' running sums: one row of +1 on
    the day each row of `relation` starts and one of -1 on the day it ends, both moved
    to the account's first grid day when earlier (a change before the grid counts on
    its first day). `relation` is read as `alias`, which the two date expressions
    name; it has `account_id`, and `columns` are carried as they are. Reads the
    grid_starts CTE.
-#}
{% macro spell_changes(relation, alias, start_date, end_date, columns=[]) %}
    {%- for day, change in [(start_date, 1), (end_date, -1)] %}
    select
        {{ alias }}.account_id,
        {%- for column in columns %}
        {{ alias }}.{{ column }},
        {%- endfor %}
        greatest({{ day }}, grid_starts.first_grid_date) as change_date,
        {{ change }} as change
    from {{ relation }} as {{ alias }}
    inner join grid_starts
        on {{ alias }}.account_id = grid_starts.account_id
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{% endmacro %}
