namespace IvrController.Admin;

/// <summary>One change as the audit log keeps it: who made it, what kind of thing changed, and how, in an admin's words.</summary>
/// <param name="Who">The console account, or <c>ivrctl:&lt;OS user&gt;</c>.</param>
/// <param name="Action">settings, account, …</param>
/// <param name="Detail">"caller-id-rule skill_group → same_region"; never a full customer number.</param>
public sealed record AuditEntry(string Who, string Action, string Detail);
