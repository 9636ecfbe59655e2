using IvrController.Esl.Inbound;
using IvrController.Presence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>
/// The inbound event-socket connection (api, bgapi, events) for the host's lifetime; it reconnects
/// by itself. A switch that is down at start is not fatal: calls still arrive on the outbound socket.
/// </summary>
public sealed class SwitchConnection(InboundClient client, PresenceTracker presence, ILogger<SwitchConnection> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Presence subscribes and reconciles on every (re)connect the client reports.
        Task tracking = presence.RunAsync(stoppingToken);
        try
        {
            await client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (EslAuthenticationException e)
        {
            // A wrong password does not fix itself by retrying: say so once, loudly.
            logger.LogCritical("The switch refused the event socket password ({Message}); set Esl:Password (IVR_ESL_PASSWORD) to the switch's", e.Message);
        }

        await tracking.ConfigureAwait(false);
    }
}
