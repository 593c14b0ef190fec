with responses as (
    select * from {{ ref('base_segment__nps_survey_submitted') }}
    where row_disposition = 'staged'
),

final as (
    select
        message_id,
        anonymous_id,
        user_id,
        workspace_id,
        nps_score,
        occurred_at,
        received_at
    from responses
)

select * from final
