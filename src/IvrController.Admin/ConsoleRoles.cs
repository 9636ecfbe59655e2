using IvrController.Store.Vocabulary;

namespace IvrController.Admin;

/// <summary>The stored words of <see cref="ConsoleRole"/>, exactly as 0004's check constraint lists them.</summary>
public static class ConsoleRoles
{
    public static WordMap<ConsoleRole> Words { get; } = new((ConsoleRole.Admin, "admin"), (ConsoleRole.Supervisor, "supervisor"));
}
