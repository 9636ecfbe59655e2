using IvrController.Store.Calls;

namespace IvrController.Hosting;

public sealed class DatabaseSettings
{
    /// <summary>Npgsql connection string; IVR_DB sets it.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply migrations at start (the controller's default; ivrctl db migrate does the same).</summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>
    /// How long a call log write may wait for others to share its transaction while writes come thick and fast
    /// (<see cref="CallLog.GatherWindow"/>: it gathers once the last second, or this one so far, brought three writes a window); zero writes each at once.
    /// </summary>
    public TimeSpan CallLogGatherWindow { get; set; } = CallLog.ControllerGatherWindow;

    public IEnumerable<string> Validate()
    {
        if (CallLogGatherWindow < TimeSpan.Zero || CallLogGatherWindow > CallLog.LongestGatherWindow)
        {
            yield return $"Database:CallLogGatherWindow must be between 00:00:00 and {CallLog.LongestGatherWindow:c} (it is {CallLogGatherWindow:c}).";
        }
    }
}
