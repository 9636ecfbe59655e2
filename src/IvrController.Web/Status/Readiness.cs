using System.Globalization;
using System.Text;

namespace IvrController.Web.Status;

/// <summary>
/// /readyz. <b>not ready</b> (503): no rules in memory, so no call can be decided. <b>degraded</b> (200):
/// calls are taken, but the database is unreachable (rules from memory, records into the journal) or the
/// switch's event socket is down (presence stale, no click-to-call). <b>ready</b> (200): all is well.
/// </summary>
public sealed class Readiness(IControllerStatus controller, DatabaseProbe database)
{
    public async Task<(int StatusCode, string Text)> CheckAsync(CancellationToken cancellationToken)
    {
        ControllerStatusReport status = controller.Read();
        bool databaseUp = await database.IsUpAsync(cancellationToken).ConfigureAwait(false);
        string verdict = !status.RulesLoaded ? "not ready" : databaseUp && status.SwitchConnected ? "ready" : "degraded";

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"status: {verdict}\n");
        text.Append(status.RulesLoaded
            ? string.Create(CultureInfo.InvariantCulture, $"rules: loaded, version {status.RulesVersion}\n")
            : "rules: not loaded: no call can be decided\n");
        text.Append(databaseUp
            ? "database: up\n"
            : "database: unreachable: calls go on with the rules in memory, call records wait in the journal\n");
        text.Append(status.SwitchConnected
            ? "switch: event socket connected\n"
            : "switch: event socket not connected: presence is stale, click-to-call fails\n");
        text.Append(status.JournalBacklogBytes is { } backlog
            ? string.Create(CultureInfo.InvariantCulture, $"journal: {backlog} bytes waiting\n")
            : "journal: backlog unknown\n");
        return (status.RulesLoaded ? 200 : 503, text.ToString());
    }
}
