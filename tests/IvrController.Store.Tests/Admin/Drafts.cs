using IvrController.Rules.Ivr;
using IvrController.Rules.Surveys;

namespace IvrController.Store.Tests.Admin;

/// <summary>Templates and menus an admin would write, with prompts from sounds/prompts.tsv.</summary>
internal static class Drafts
{
    public static SurveyTemplate Survey(string name = "after-sales", SurveyDirection direction = SurveyDirection.Outbound) => new()
    {
        Id = "",
        Name = name,
        Direction = direction,
        GuidePrompt = direction == SurveyDirection.Outbound ? "survey_guide_outbound" : "survey_guide_inbound",
        ClosingPrompt = "survey_closing",
        InvalidPrompt = "survey_invalid",
        TimeoutPrompt = "survey_timeout",
        Timeout = TimeSpan.FromSeconds(6),
        Retries = 2,
        Language = "zh-CN",
        Keys = [new('1', "满意", 5), new('2', "一般", 3), new('3', "不满意", 1)],
    };

    public static IvrMenu Menu(string name = "main", params IvrOption[] options) => new()
    {
        Name = name,
        Greeting = "ivr_welcome",
        InvalidPrompt = "ivr_invalid",
        TimeoutPrompt = "ivr_timeout",
        Timeout = TimeSpan.FromSeconds(5),
        MaxRetries = 2,
        Options = options,
        DefaultAction = IvrAction.Hangup,
    };

    /// <summary>Skill groups 'sales' and 'care', agent 1001, and three of our numbers without a menu.</summary>
    public const string People = """
        insert into skill_groups (id, name, direction) values ('sales', 'Sales', 'both'), ('care', 'Care', 'inbound');
        insert into agents (id, name) values ('1001', 'Zhang Wei');
        insert into caller_numbers (number) values ('+861012345678'), ('+862087654321'), ('+862112345678');
        """;
}
