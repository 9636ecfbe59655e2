namespace IvrController.Integration.Acceptance;

/// <summary>
/// Waiting for what gives no signal to wait on (a row the controller writes, a line another process logs, a switch's
/// state as the controller sees it): the condition is asked again every <c>every</c> (100 ms unless given) until it
/// holds, or the wait fails naming what it waited for.
/// </summary>
public static class Polling
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, TimeSpan? every = null)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}");
            }

            await Task.Delay(every ?? DefaultInterval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan timeout, TimeSpan? every = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout, every);
}
