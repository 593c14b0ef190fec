{#- Every row satisfies a boolean SQL expression over its columns. -#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not ({{ expression }})

{% endtest %}
