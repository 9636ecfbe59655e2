using System.Globalization;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace IvrController.Store.Migrations;

/// <summary>
/// Forwards DbUp's chatter to our logger at Debug ("Checking whether journal table exists..."),
/// keeping warnings and errors at their level; <see cref="DatabaseMigrator"/> logs the scripts
/// it applied itself.
/// </summary>
internal sealed class DbUpLog(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => Write(LogLevel.Trace, null, format, args);

    public void LogDebug(string format, params object[] args) => Write(LogLevel.Debug, null, format, args);

    public void LogInformation(string format, params object[] args) => Write(LogLevel.Debug, null, format, args);

    public void LogWarning(string format, params object[] args) => Write(LogLevel.Warning, null, format, args);

    public void LogError(string format, params object[] args) => Write(LogLevel.Error, null, format, args);

    public void LogError(Exception ex, string format, params object[] args) => Write(LogLevel.Error, ex, format, args);

    private void Write(LogLevel level, Exception? exception, string format, object[] args)
    {
        if (!logger.IsEnabled(level))
        {
            return;
        }

        logger.Log(level, exception, "DbUp: {Message}", Render(format, args));
    }

    // DbUp sometimes passes a whole exception text as the format string; braces in it must not throw.
    private static string Render(string format, object[] args)
    {
        if (args is not { Length: > 0 })
        {
            return format;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, args);
        }
        catch (FormatException)
        {
            return format + " " + string.Join(", ", args);
        }
    }
}
