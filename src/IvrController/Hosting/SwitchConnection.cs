using IvrController.Esl.Inbound;
using IvrController.Switches;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>
/// Every switch's inbound event-socket connection (api, bgapi, events) for the host's lifetime; each reconnects
/// by itself. A switch that is down at start, or later, is not fatal: calls still arrive on the outbound socket,
/// from it once it is back and from the others meanwhile.
/// </summary>
public sealed class SwitchConnection(SwitchFleet fleet, ILogger<SwitchConnection> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(fleet.Switches.Select(s => RunAsync(s, stoppingToken)));

    private async Task RunAsync(FleetSwitch fleetSwitch, CancellationToken stoppingToken)
    {
        // Presence subscribes and reconciles on every (re)connect the client reports; with several switches the
        // core UUID, which tells their calls apart, is read again on each too.
        Task tracking = fleetSwitch.Presence.RunAsync(stoppingToken);
        Task learning = fleet.IsSeveral ? fleetSwitch.LearnCoreUuidAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            await fleetSwitch.Client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (EslAuthenticationException e)
        {
            // A wrong password does not fix itself by retrying: say so once, loudly.
            if (fleet.IsSeveral)
            {
                logger.LogCritical("Switch {Switch} refused the event socket password ({Message}); set Switches:N:Password (or Esl:Password) to the switch's", fleetSwitch.Name, e.Message);
            }
            else
            {
                logger.LogCritical("The switch refused the event socket password ({Message}); set Esl:Password (IVR_ESL_PASSWORD) to the switch's", e.Message);
            }
        }

        await Task.WhenAll(tracking, learning).ConfigureAwait(false);
    }
}
