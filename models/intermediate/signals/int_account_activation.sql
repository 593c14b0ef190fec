{#- 7-day activation per account (see the activation_milestones macro). -#}
{{ activation_milestones('account_id') }}
