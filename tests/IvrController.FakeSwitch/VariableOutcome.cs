namespace IvrController.FakeSwitch;

/// <summary>
/// set / export / unset / multiset change the channel as the switch does: the new value is in the
/// application's CHANNEL_EXECUTE_COMPLETE and in every later event; an empty value removes it.
/// </summary>
public sealed class VariableOutcome : ApplicationOutcome
{
    public static bool Handles(string application) => application is "set" or "export" or "unset" or "multiset";

    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        await call.StartAsync(application, cancellationToken);
        string argument = application.Argument ?? string.Empty;
        switch (application.Name)
        {
            case "unset":
                call.Channel.SetVariable(argument.Trim(), null);
                break;
            case "multiset":
                foreach (string pair in SplitMultiset(argument))
                {
                    Assign(call.Channel, pair);
                }

                break;
            default:
                Assign(call.Channel, argument.StartsWith("nolocal:", StringComparison.Ordinal) ? string.Empty : argument);
                break;
        }

        await call.CompleteAsync(application, null, cancellationToken);
    }

    private static void Assign(CallChannel channel, string assignment)
    {
        string[] parts = assignment.Split('=', 2);
        if (parts[0].Length > 0)
        {
            channel.SetVariable(parts[0].Trim(), parts.Length > 1 ? parts[1] : null);
        }
    }

    /// <summary>multiset takes space-separated pairs, or <c>^^X</c> to choose another separator.</summary>
    private static string[] SplitMultiset(string argument)
    {
        if (argument.StartsWith("^^", StringComparison.Ordinal) && argument.Length > 2)
        {
            return argument[3..].Split(argument[2], StringSplitOptions.RemoveEmptyEntries);
        }

        return argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
