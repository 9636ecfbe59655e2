using IvrController.Store.Calls;

namespace IvrController.Store.Tests.Calls.Journal;

/// <summary>Call log records with numbers no other test uses.</summary>
internal static class CallRecords
{
    private static int _next = Random.Shared.Next(1_000_000, 9_000_000);

    public static string NewCustomer() => $"+86139{Interlocked.Increment(ref _next):D8}";

    public static OutboundCallRecord Call(string agent = "1001", string? customer = null) =>
        new(Guid.NewGuid(), agent, customer ?? NewCustomer(), "+862152810000", "skill_group", "pool", "random among 3", JournalRig.Start);

    public static OutboundCallEnd End(Guid callUuid) =>
        new(callUuid, "SUCCESS", JournalRig.Start.AddSeconds(5), JournalRig.Start.AddSeconds(65));

    public static SurveyResultRecord Survey(int templateId, string? customer = null) =>
        new(Guid.NewGuid(), templateId, "rated", '1', "满意", 5, "1001", customer ?? NewCustomer(), JournalRig.Start, JournalRig.Start.AddSeconds(4));

    /// <summary>A rated result without a score: survey_results_rated_has_score refuses it.</summary>
    public static SurveyResultRecord UnscoredSurvey(int templateId, string? customer = null) =>
        Survey(templateId, customer) with { Score = null };

    public static MissedCallbackRecord Missed(string agent, string? customer = null) =>
        new(agent, customer ?? NewCustomer(), "+862152810000", JournalRig.Start);

    /// <summary>A survey template to hang results on (survey_results has a foreign key to it).</summary>
    public static Task<int> SurveyTemplateAsync(string connectionString) =>
        Sql.ScalarAsync<int>(connectionString, """
            insert into survey_templates (name, direction, guide_prompt, closing_prompt, invalid_prompt, timeout_prompt)
            values ($1, 'outbound', 'g', 'c', 'i', 't') returning id
            """, $"journal-{Guid.NewGuid():N}");

    public static Task<long> CallsAsync(string connectionString, params Guid[] callUuids) =>
        Sql.ScalarAsync<long>(connectionString, "select count(*) from outbound_calls where call_uuid = any($1)", callUuids);

    public static Task<long> SurveysAsync(string connectionString, params Guid[] callUuids) =>
        Sql.ScalarAsync<long>(connectionString, "select count(*) from survey_results where call_uuid = any($1)", callUuids);

    public static Task<long> MissedAsync(string connectionString, string agent) =>
        Sql.ScalarAsync<long>(connectionString, "select count(*) from missed_callbacks where agent_id = $1", agent);

    /// <summary>A connection string to a port nothing listens on.</summary>
    public static string ClosedPort(string connectionString)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = port, Timeout = 5 }.ConnectionString;
    }
}
