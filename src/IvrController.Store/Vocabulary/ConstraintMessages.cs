using System.Collections.Frozen;

namespace IvrController.Store.Vocabulary;

/// <summary>
/// The admin's words for each constraint of the rule tables: which rule an edit (or a replayed call record)
/// broke. Every constraint of the schema is named
/// (0001_initial.sql), so the name picks the sentence; an unknown name still gives a readable line.
/// </summary>
public static class ConstraintMessages
{
    private static readonly FrozenDictionary<string, string> Messages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["agents_pkey"] = "an agent with this id already exists",
        ["agents_id_format"] = "an agent id is the SIP user: 1-64 of letters, digits, '_', '.', '-'",
        ["agents_name_not_blank"] = "an agent needs a name",
        ["agents_status_valid"] = "agent status must be active or offline",
        ["skill_groups_pkey"] = "a skill group with this id already exists",
        ["skill_groups_id_format"] = "a skill group id is 1-64 of letters, digits, '_', '.', '-'",
        ["skill_groups_name_key"] = "another skill group already has this name",
        ["skill_groups_name_not_blank"] = "a skill group needs a name",
        ["skill_groups_direction_valid"] = "skill group direction must be inbound, outbound or both",
        ["agent_skill_groups_pkey"] = "the agent is already in this skill group",
        ["agent_skill_groups_agent_id_fkey"] = "no such agent",
        ["agent_skill_groups_skill_group_id_fkey"] = "no such skill group",
        ["ivr_menus_pkey"] = "a menu with this name already exists",
        ["ivr_menus_name_format"] = "a menu name is 1-64 of lower-case letters, digits, '_', '-'",
        ["ivr_menus_timeout_ms_range"] = "a menu timeout must be 1 to 60 s",
        ["ivr_menus_max_retries_range"] = "menu retries must be 0 to 9",
        ["ivr_menus_default_action_valid"] = "the default action must be hangup, repeat, skill_group, agent or submenu",
        ["ivr_menus_default_target_matches_action"] = "skill_group, agent and submenu need a target; hangup and repeat take none",
        ["ivr_options_pkey"] = "the menu already has an option for this key",
        ["ivr_options_menu_fkey"] = "no such menu",
        ["ivr_options_digit_keypad"] = "an option key must be one of 0-9, * or #",
        ["ivr_options_action_valid"] = "an option action must be skill_group, agent, submenu, repeat or hangup",
        ["ivr_options_target_matches_action"] = "skill_group, agent and submenu need a target; repeat and hangup take none",
        ["caller_numbers_pkey"] = "this number is already in the pool",
        ["caller_numbers_number_e164"] = "a caller number must be +86 followed by 6-12 digits",
        ["caller_numbers_max_concurrent_positive"] = "max concurrent calls must be at least 1 (or no limit)",
        ["caller_numbers_daily_cap_positive"] = "the daily cap must be at least 1 (or no limit)",
        ["caller_numbers_ivr_menu_fkey"] = "no such IVR menu",
        ["skill_group_numbers_pkey"] = "the number is already linked to this skill group",
        ["skill_group_numbers_skill_group_id_fkey"] = "no such skill group",
        ["skill_group_numbers_number_fkey"] = "no such caller number",
        ["survey_templates_pkey"] = "a survey template with this id already exists",
        ["survey_templates_name_key"] = "another survey template already has this name",
        ["survey_templates_direction_valid"] = "survey direction must be outbound or inbound",
        ["survey_templates_timeout_ms_range"] = "a survey timeout must be 1 to 60 s",
        ["survey_templates_retries_range"] = "survey retries must be 1 to 5",
        ["survey_templates_language_valid"] = "survey language must be zh-CN or en",
        ["survey_keys_pkey"] = "the template already has this key",
        ["survey_keys_template_id_fkey"] = "no such survey template",
        ["survey_keys_digit_keypad"] = "a survey key must be one of 0-9, * or #",
        ["survey_results_pkey"] = "this survey result is already recorded",
        ["survey_results_call_template_key"] = "this call already has a result for this survey",
        ["survey_results_template_id_fkey"] = "survey results still refer to this template: disable it instead of removing it",
        ["survey_results_digit_keypad"] = "a survey answer must be one of 0-9, * or #",
        ["survey_results_outcome_valid"] = "a survey outcome must be rated, no_answer or invalid",
        ["survey_results_rated_has_score"] = "a rated survey result needs its key and score, and only a rated one has both",
        ["survey_results_no_answer_has_no_digit"] = "a survey without an answer cannot have a key",
        ["settings_pkey"] = "the settings row already exists: change it instead of adding one",
        ["settings_singleton"] = "there is exactly one settings row (id 1)",
        ["settings_caller_id_rule_valid"] = "the caller-ID rule must be skill_group or same_region",
        ["settings_candidate_pick_valid"] = "the candidate pick must be random or least_used_today",
        ["settings_protection_mode_valid"] = "the protection mode must be mask or customer_id",
        ["settings_callback_mode_valid"] = "the callback mode must be 1 (original agent only) or 2 (original agent first)",
        ["settings_callback_window_positive"] = "the callback window must be longer than zero",
        ["settings_callback_ring_timeout_positive"] = "the callback ring timeout must be longer than zero",
        ["settings_outbound_survey_template_fkey"] = "no such survey template",
        ["settings_inbound_survey_template_fkey"] = "no such survey template",
        ["number_regions_pkey"] = "this prefix is already in the region table",
        ["number_regions_prefix_format"] = "a region prefix is 3-8 digits",
        ["customer_ids_pkey"] = "this customer id is already mapped",
        ["customer_ids_customer_id_not_blank"] = "a customer id cannot be blank",
        ["customer_ids_number_key"] = "this number already has a customer id",
        ["customer_ids_number_e164"] = "a customer number must be +86 followed by 6-12 digits",
        ["missed_callbacks_record_id_key"] = "this missed callback is already recorded",
        ["rules_version_pkey"] = "the rules version has exactly one row",
        ["rules_version_singleton"] = "the rules version has exactly one row",
        ["outbound_calls_pkey"] = "this call record is already written",
        ["outbound_calls_call_uuid_key"] = "this call is already recorded",
        ["missed_callbacks_pkey"] = "this missed callback is already recorded",
        ["console_accounts_pkey"] = "a console account with this name already exists",
        ["console_accounts_name_format"] = "a console account name is 1-64 of letters, digits, '_', '.', '@', '-'",
        ["console_accounts_role_valid"] = "a console role must be admin or supervisor",
        ["console_accounts_hash_not_blank"] = "a console account needs a password",
        ["audit_log_pkey"] = "this audit entry is already written",
        ["audit_log_who_not_blank"] = "an audit entry must say who made the change",
        ["audit_log_action_not_blank"] = "an audit entry must say what was changed",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The admin sentence for a constraint, or null when the schema has no such name.</summary>
    public static string? For(string constraint) => Messages.GetValueOrDefault(constraint);
}
