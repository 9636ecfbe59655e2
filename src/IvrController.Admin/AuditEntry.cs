namespace IvrController.Admin;

/// <summary>One change as the audit log keeps it: who made it, what kind of thing changed, and how, in an admin's words.</summary>
/// <param name="Who">The console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
/// <param name="Action">settings, account, agent, …</param>
/// <param name="Detail">"caller-id-rule skill_group → same_region"; never a full customer number.</param>
public sealed record AuditEntry(string Who, string Action, string Detail)
{
    /// <summary>"added 1001: name 张三; status active; …".</summary>
    internal static AuditEntry Added(string who, string action, string id, AuditFacts facts) => new(who, action, $"added {id}: {facts}");

    /// <summary>"1001: status active → offline", or "1001: no change".</summary>
    internal static AuditEntry Changed(string who, string action, string id, AuditFacts before, AuditFacts after) =>
        new(who, action, $"{id}: {after.Since(before)}");
}
