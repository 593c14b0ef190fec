{#- 7-day activation per person, for user-level status (see activation_milestones). -#}
{{ activation_milestones('person_id') }}
