using System.Globalization;

namespace IvrController.Presence;

/// <summary>
/// Renders a <see cref="PresenceSnapshot"/> as the plain table an admin reads in a terminal.
/// Shows agent ids, times and channel counts only: no caller IDs, no contacts.
/// </summary>
public static class PresenceStatusTable
{
    public static void Write(PresenceSnapshot snapshot, TextWriter output)
    {
        if (snapshot.Agents.Count == 0)
        {
            output.WriteLine("No agent is registered or on a call.");
        }
        else
        {
            string[] header = ["AGENT", "REGISTERED", "UNTIL (UTC)", "ON A CALL", "AVAILABLE"];
            var rows = new List<string[]> { header };
            rows.AddRange(snapshot.Agents.Select(Row));
            int[] widths = Enumerable.Range(0, header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
            foreach (string[] row in rows)
            {
                output.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
            }
        }

        output.WriteLine(snapshot.IsSynchronized
            ? $"In step with the switch since {Time(snapshot.SynchronizedAt)}."
            : $"NOT in step with the switch (last rebuilt {Time(snapshot.SynchronizedAt)}): the event socket is down or the rebuild failed.");
    }

    private static string[] Row(AgentPresenceStatus agent) =>
    [
        agent.AgentId,
        agent.IsRegistered ? Plural(agent.Contacts, "contact") : "no",
        agent.RegisteredUntil is { } until && until != DateTimeOffset.MaxValue ? until.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "-",
        OnCall(agent.Legs),
        agent.IsAvailable ? "yes" : "no",
    ];

    private static string OnCall(IReadOnlyList<AgentLeg> legs)
    {
        if (legs.Count == 0)
        {
            return "no";
        }

        int ringing = legs.Count(leg => !leg.Answered);
        return ringing == 0 ? Plural(legs.Count, "leg") : $"{Plural(legs.Count, "leg")} ({ringing} ringing)";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "never";
}
