namespace IvrController.CustomerIds;

/// <summary>How long to wait before a retry: exponential, halved at random so callers spread out.</summary>
internal static class RetryBackoff
{
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="sample">A number in [0, 1): where in the jitter range this wait falls.</param>
    public static TimeSpan Delay(TimeSpan baseDelay, int retry, double sample)
    {
        double full = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(retry - 1, 0, 16));
        // Jitter keeps many calls that failed together from retrying together.
        return TimeSpan.FromMilliseconds(full * (0.5 + (0.5 * sample)));
    }
}
