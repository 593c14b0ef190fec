{#-
    Every pair of person-level identifiers observed together, once per source and
    pair, with the first record that showed them together (the evidence). Node keys
    are `<identifier_type>:<value>`; left_node_key < right_node_key. Guard rails are
    applied downstream (int_identity_nodes marks the identifiers that may not link).
-#}
with identifies as (
    select * from {{ ref('stg_segment__identifies') }}
),

group_calls as (
    select * from {{ ref('stg_segment__groups') }}
),

event_sightings as (
    select * from {{ ref('int_product_identifier_sightings') }}
),

pages as (
    select * from {{ ref('stg_segment__pages') }}
),

nps_responses as (
    select * from {{ ref('stg_segment__nps_responses') }}
),

leads as (
    select * from {{ ref('stg_salesforce__leads') }}
),

contacts as (
    select * from {{ ref('stg_salesforce__contacts') }}
),

stripe_customers as (
    {{ optional_ref('stg_stripe__customers', 'lifecycle_using_stripe', {
        'customer_id': 'string', 'email': 'string', 'created_at': 'timestamp',
    }) }}
),

zendesk_users as (
    {{ optional_ref('stg_zendesk__users', 'lifecycle_using_zendesk', {
        'zendesk_user_id': 'string', 'external_id': 'string', 'email': 'string',
        'created_at': 'timestamp',
    }) }}
),

tracks as (
    -- the first event of each workspace, user and device seen together is enough
    select
        first_message_id as message_id,
        first_occurred_at as occurred_at,
        anonymous_id,
        user_id
    from event_sightings
),

segment_device_logins as (
    {%- for relation, source_label in [
        ('identifies', 'segment.identifies'),
        ('group_calls', 'segment.groups'),
        ('tracks', 'segment.tracks'),
        ('pages', 'segment.pages'),
        ('nps_responses', 'segment.nps_survey_submitted'),
    ] %}
    select
        '{{ source_label }}' as edge_source,
        min_by(message_id, occurred_at) as evidence_record_key,
        min(occurred_at) as observed_at,
        'anonymous_id' as left_type,
        anonymous_id as left_value,
        'user_id' as right_type,
        user_id as right_value
    from {{ relation }}
    where anonymous_id is not null and user_id is not null
    group by anonymous_id, user_id
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

emails_typed as (
    {#- who typed each email: the user signed in, else (signed out, or a placeholder
        such as 'undefined' for the user id) the device, as for events #}
    select
        message_id,
        occurred_at,
        email,
        case when {{ signed_in_user_id() }} is not null then 'user_id' else 'anonymous_id' end
            as typed_by_type,
        coalesce({{ signed_in_user_id() }}, anonymous_id) as typed_by
    from identifies
    where email is not null
),

segment_emails as (
    select
        'segment.identifies' as edge_source,
        min_by(message_id, occurred_at) as evidence_record_key,
        min(occurred_at) as observed_at,
        typed_by_type as left_type,
        typed_by as left_value,
        'email' as right_type,
        email as right_value
    from emails_typed
    where typed_by is not null
    group by typed_by_type, typed_by, email
),

crm_emails as (
    select
        'salesforce.lead' as edge_source,
        lead_id as evidence_record_key,
        created_at as observed_at,
        'salesforce_lead' as left_type,
        lead_id as left_value,
        'email' as right_type,
        email as right_value
    from leads
    where email is not null

    union all

    select
        'salesforce.contact' as edge_source,
        contact_id as evidence_record_key,
        created_at as observed_at,
        'salesforce_contact' as left_type,
        contact_id as left_value,
        'email' as right_type,
        email as right_value
    from contacts
    where email is not null

    union all

    select
        'salesforce.lead' as edge_source,
        lead_id as evidence_record_key,
        converted_at as observed_at,
        'salesforce_contact' as left_type,
        converted_contact_id as left_value,
        'salesforce_lead' as right_type,
        lead_id as right_value
    from leads
    where converted_contact_id is not null
),

billing_and_support_emails as (
    select
        'stripe.customer' as edge_source,
        customer_id as evidence_record_key,
        created_at as observed_at,
        'stripe_customer' as left_type,
        customer_id as left_value,
        'email' as right_type,
        email as right_value
    from stripe_customers
    where email is not null

    union all

    select
        'zendesk.user' as edge_source,
        zendesk_user_id as evidence_record_key,
        created_at as observed_at,
        'zendesk_user' as left_type,
        zendesk_user_id as left_value,
        'email' as right_type,
        email as right_value
    from zendesk_users
    where email is not null

    union all

    select
        'zendesk.user' as edge_source,
        zendesk_user_id as evidence_record_key,
        created_at as observed_at,
        'zendesk_user' as left_type,
        zendesk_user_id as left_value,
        'user_id' as right_type,
        external_id as right_value
    from zendesk_users
    where external_id is not null
),

all_pairs as (
    select * from segment_device_logins
    union all
    select * from segment_emails
    union all
    select * from crm_emails
    union all
    select * from billing_and_support_emails
),

keyed as (
    select
        edge_source,
        evidence_record_key,
        observed_at,
        left_type || ':' || left_value as first_node_key,
        right_type || ':' || right_value as second_node_key
    from all_pairs
    where left_value is not null and right_value is not null
),

ordered as (
    select
        edge_source,
        evidence_record_key,
        observed_at,
        case when first_node_key < second_node_key then first_node_key else second_node_key end
            as left_node_key,
        case when first_node_key < second_node_key then second_node_key else first_node_key end
            as right_node_key
    from keyed
    where first_node_key != second_node_key
),

final as (
    select
        left_node_key,
        right_node_key,
        edge_source,
        min_by(evidence_record_key, observed_at) as evidence_record_key,
        min(observed_at) as observed_at
    from ordered
    group by left_node_key, right_node_key, edge_source
)

select * from final
