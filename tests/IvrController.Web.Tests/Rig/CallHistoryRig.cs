namespace IvrController.Web.Tests.Rig;

/// <summary>
/// A <see cref="BrowserConsoleRig"/> whose call log has something to report: besides ConsoleRig's outbound call, a
/// callback (on switch sw2) and an IVR call, a low and a good survey rating on two days (two days apart: a day apart,
/// both fall on one day of the call centre's when the test runs just after its midnight), and a missed callback. The customers'
/// full numbers (<see cref="FullNumbers"/>) must never reach a page or a CSV.
/// </summary>
public sealed class CallHistoryRig : BrowserConsoleRig
{
    /// <summary>A customer who only ever called the IVR.</summary>
    public const string IvrCaller = "13911112222";

    public static IReadOnlyList<string> FullNumbers { get; } = [CustomerNumber, IvrCaller];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ExecuteAsync($"""
            insert into inbound_calls (call_uuid, customer_number, called_number, route, remembered_agent, agent_id, outcome, started_at, ended_at, switch_name)
            values ('00000000-0000-0000-0000-00000000c001', '+86{CustomerNumber}', '+862152810000', 'callback', '1001', '1001', 'agent_answered',
                    now() - interval '50 minutes', now() - interval '50 minutes' + interval '95 seconds', 'sw2'),
                   ('00000000-0000-0000-0000-00000000c002', '+86{IvrCaller}', '+862152810000', 'ivr', null, null, 'ended_in_menu',
                    now() - interval '30 minutes', now() - interval '30 minutes' + interval '12 seconds', null);
            insert into survey_results (call_uuid, template_id, digit, label, score, outcome, agent_id, customer_number, started_at, answered_at)
            select gen_random_uuid(), t.id, '2', '不满意', 1, 'rated', '1001', '+86{CustomerNumber}', now() - interval '40 minutes', now() - interval '40 minutes'
              from survey_templates t where t.name = '外呼满意度';
            insert into survey_results (call_uuid, template_id, digit, label, score, outcome, agent_id, customer_number, started_at, answered_at)
            select gen_random_uuid(), t.id, '1', '满意', 5, 'rated', '1001', '+86{IvrCaller}', now() - interval '2 days', now() - interval '2 days'
              from survey_templates t where t.name = '外呼满意度';
            insert into missed_callbacks (agent_id, customer_number, called_number, at)
            values ('1001', '+86{CustomerNumber}', '+862152810000', now() - interval '20 minutes');
            """);
    }

    /// <summary>Fails with the page's name when <paramref name="text"/> holds a customer's full number, in any of its usual forms.</summary>
    public static void AssertNoFullNumber(string text, string where)
    {
        text = System.Net.WebUtility.HtmlDecode(text);
        foreach (string number in FullNumbers)
        {
            Xunit.Assert.False(text.Contains(number, StringComparison.Ordinal), $"{where} shows the full number {number[..3]}…");
        }
    }
}
